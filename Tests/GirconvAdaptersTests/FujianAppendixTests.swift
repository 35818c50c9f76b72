import Foundation
import XCTest
@testable import GirconvAdapters
import GirconvCore

/// Fujian's 附表 "政府信息公开情况统计表" (fujian-appendix.yaml): 指标名称 | 计量单位 | YYYY年度 | 历年累计. The
/// documents are built from the rows of the real reports of 平潭 (2011 and 2014 forms, `Samples/README.md`),
/// one row per line or as an HTML table; every expected value is typed from these rows.
final class FujianAppendixTests: XCTestCase {
    let registry = BuiltinAdapters.registry()

    func convert(_ text: String, name: String = "t.txt") throws -> CanonicalRecord {
        try registry.convert(RawInput(name: name, bytes: Array(text.utf8)))
    }

    /// The record of a document Fujian's layout must read: adapter fujian-appendix, family pre2019-appendix.
    func fujian(_ text: String, name: String = "t.txt", file: StaticString = #filePath, line: UInt = #line) throws -> CanonicalRecord {
        let r = try convert(text, name: name)
        XCTAssertEqual(r.detection.adapter, "fujian-appendix", file: file, line: line)
        XCTAssertEqual(r.report.layout, .pre2019Appendix, file: file, line: line)
        return r
    }

    func values(_ r: CanonicalRecord) -> [String: Decimal] {
        r.figures.compactMapValues(\.value)
    }

    /// The 2008–2012 form (pingtan-zonghe-2011's rows, "2011 年度" split by a space as the crawl printed it).
    static let form2011 = """
        平潭综合实验区管委会2011年政府信息公开工作年度报告
        本报告所列数据的统计期限自2011年1月1日起至2011年12月31日。
        附件1：平潭综合实验区管委会2011年政府信息公开情况统计表
        指标名称 计量 单位 2011 年度 历年累计
        主动公开信息数 条 425 1516
        其中：1.网站公开 条 418 1509
        2.政府公报公开 条 7 7
        受理依申请公开信息总数 条 0 0
        其中：1.当面申请数 条 0 0
        2.传真申请数 条 0 0
        3.电子邮件申请数 条 0 0
        4.网上申请数 条 0 0
        5.信函申请数 条 0 0
        6.其它形式申请数 条 0 0
        对申请的答复数 条 0 0
        其中：1.同意公开答复数 条 0 0
        2.同意部分公开答复数 条 0 0
        3.否决公开答复数 条 0 0
        行政复议数 条 0 0
        行政诉讼数 条 0 0
        行政申诉数 条 0 0

        """

    func testThe2011FormOneRowPerLine() throws {
        let r = try fujian(Self.form2011)
        XCTAssertEqual(r.report.year, 2011)
        let expected: [String: Decimal] = [
            "proactive.total": 425, "proactive.channels.website": 418, "proactive.channels.gazette": 7,
            "requests.newReceived.total": 0, "requests.channels.inPerson": 0, "requests.channels.fax": 0,
            "requests.channels.email": 0, "requests.channels.online": 0, "requests.channels.letter": 0,
            "requests.channels.other": 0, "requests.responded.total": 0, "requests.granted.total": 0,
            "requests.partiallyGranted.total": 0, "requests.denied.total": 0,
            "appeals.review.total": 0, "appeals.litigation.total": 0, "appeals.complaints.total": 0,
        ]
        XCTAssertEqual(values(r), expected, "the year's column only: no 1516, 1509 (历年累计)")
        XCTAssertEqual(r.figures["requests.channels.other"]?.provenance.location.row, "6.其它形式申请数 条", "其它 is 其他")
        XCTAssertEqual(r.figures["appeals.complaints.total"]?.provenance.location.row, "行政申诉数 条", "申诉 is a complaint, not a review")
        XCTAssertFalse(r.warnings.contains { $0.code == "row-unrecognised" || $0.code == "row-incomplete" }, "\(r.warnings)")
        XCTAssertTrue(r.checks.allSatisfy { $0.status == .pass }, "\(r.checks)")
        // Header and caption (0.85), and the rows read (0.01 each, at most 0.15).
        XCTAssertEqual(r.detection.confidence, 1.0, accuracy: 1e-9)
        XCTAssertTrue(r.detection.evidence.contains("统计表 row 主动公开信息数 条"), "\(r.detection.evidence)")
    }

    /// The 2013–2018 form (pingtan-zonghe-2014's rows and prose), saved by a crawler with its header.
    static let form2014 = """
        标题: 平潭综合实验区管委会2014年度政府信息公开工作年度报告
        发布时间: 2015-01-02 00:00
        原文链接: https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/201501/t20150102_80791.htm
        ==================== 正文 ====================
        2014年全区收到有关政府信息公开的信函申请1条，已受理回复；未收到有关政府信息公开行政复议的申请。
        四、政府信息公开的收费及减免情况 2014年我区各级工作部门依申请提供政府信息暂不收费。
        六、平潭综合实验区政府信息公开情况统计表
        指标名称 计量单位 2014年度 历年累计
        主动公开文件数 条 2543 78967
        其中：1、政府网站公开数 条 2543 78967
        2、政府公报公开数 条 0 0
        受理依申请公开信息总数 条 1 1
        其中：1、当面申请数 条 0 0
        2、网上申请数 条 0 0
        3、信函、传真申请数 条 1 1
        对申请的答复总数 条 1 1
        其中：1、同意公开答复数 条 1 1
        2、同意部分公开答复数 条 0 0
        3、不予公开答复数 条 0 0
        4、其他类型答复数 条 0 0
        政府信息公开收费减免金额 元 0 0
        接受行政诉讼、举报数 件 0 0
        行政复议数 件 0 0
        行政诉讼数 件 0 0

        """

    func testThe2014FormWithCombinedRows() throws {
        let r = try fujian(Self.form2014)
        XCTAssertEqual(r.report.title, "平潭综合实验区管委会2014年度政府信息公开工作年度报告", "the crawler's 标题, without 标题:")
        XCTAssertEqual(r.report.agency, "平潭综合实验区管委会")
        let v = values(r)
        let table: [String: Decimal] = [
            "proactive.total": 2543, "proactive.channels.website": 2543, "proactive.channels.gazette": 0,
            "requests.newReceived.total": 1, "requests.channels.inPerson": 0, "requests.channels.online": 0,
            "requests.responded.total": 1, "requests.granted.total": 1, "requests.partiallyGranted.total": 0,
            "requests.denied.total": 0, "requests.otherResponse.total": 0,
            "appeals.review.total": 0, "appeals.litigation.total": 0,
            // The combined rows have no single canonical path.
            "extra.requests.channels.letterOrFax": 1, "extra.appeals.litigationOrComplaints": 0,
            // A fee *waiver* of 0 元 is no statement about fees collected.
            "extra.fees.waivedYuan": 0,
        ]
        for (path, number) in table {
            XCTAssertEqual(v[path], number, path)
            XCTAssertEqual(r.figures[path]?.provenance.location.table, "统计表", path)
        }
        XCTAssertNil(r.figures["requests.channels.fax"], "信函、传真 is not fax alone")
        XCTAssertNil(r.figures["appeals.complaints.total"], "接受行政诉讼、举报数 is not complaints alone")
        // The prose: the letter applications it states, the fees it says were not charged, the review it
        // says nobody applied for; "未收到…行政复议的申请" says nothing about requests (the table's 1 stands).
        XCTAssertEqual(v["requests.channels.letter"], 1)
        XCTAssertEqual(r.figures["fees.collectedYuan"]?.value, 0)
        XCTAssertEqual(r.figures["fees.collectedYuan"]?.provenance.how, .statedZero)
        XCTAssertEqual(r.figures["fees.collectedYuan"]?.provenance.raw, "暂不收费")
        XCTAssertEqual(v.count, table.count + 2, "\(v.keys.sorted())")
        XCTAssertFalse(r.warnings.contains { $0.code == "narrative-table-disagree" || $0.code == "row-unrecognised" }, "\(r.warnings)")
        XCTAssertFalse(r.figures.values.contains { $0.value == 78967 }, "历年累计 is never read")
    }

    /// A row printing one number where the year and 历年累计 are expected: which one it is cannot be told, so
    /// the row is null with a warning, never the cumulative figure in the year's place.
    func testARowWithOneNumberIsNull() throws {
        let text = Self.form2011.replacingOccurrences(of: "主动公开信息数 条 425 1516", with: "主动公开信息数 条 1516")
        let r = try fujian(text)
        XCTAssertNil(r.figures["proactive.total"]?.value)
        XCTAssertTrue(r.warnings.contains { $0.code == "row-incomplete" && $0.location?.row == "主动公开信息数 条" }, "\(r.warnings)")
        XCTAssertEqual(r.figures["proactive.channels.website"]?.value, 418)
    }

    static func page(header: [String], rows: [[String]]) -> String {
        func row(_ cells: [String], tag: String) -> String { "<tr>" + cells.map { "<\(tag)>\($0)</\(tag)>" }.joined() + "</tr>" }
        return """
            <html><head><title>平潭综合实验区2017年度政府信息公开工作年度报告</title></head><body>
            <h1>平潭综合实验区2017年度政府信息公开工作年度报告</h1>
            <p>2017年，我区主动公开政府信息2122条。</p>
            <p>六、政府信息公开情况统计表</p>
            <table>\(row(header, tag: "td"))\(rows.map { row($0, tag: "td") }.joined())</table>
            </body></html>
            """
    }

    /// pingtan-zonghe-2017's table as HTML; once as printed, once with the two value columns swapped in the
    /// header and the rows: the header decides which column is the year's.
    func testAnHTMLTableAndAHeaderInAnotherOrder() throws {
        let rows = [["主动公开文件数", "条", "2122", "10037"], ["其中：1、政府网站公开数", "条", "2122", "10037"],
                    ["2、政府公报公开数", "条", "0", "0"], ["受理政府信息依申请公开总数", "条", "3", "5"],
                    ["其中：1、当面申请数", "条", "1", "2"], ["2、网上申请数", "条", "2", "3"], ["3、信函、传真申请数", "条", "0", "0"],
                    ["对申请的答复总数", "条", "3", "5"], ["其中：1、同意公开答复数", "条", "2", "3"],
                    ["2、同意部分公开答复数", "条", "0", "0"], ["3、不予公开答复数", "条", "1", "1"], ["4、其他类型答复数", "条", "0", "1"],
                    ["接受行政诉讼、举报数", "件", "0", "0"], ["行政复议数", "件", "0", "1"], ["行政诉讼数", "件", "0", "0"]]
        let expected: [String: Decimal] = [
            "proactive.total": 2122, "proactive.channels.website": 2122, "proactive.channels.gazette": 0,
            "requests.newReceived.total": 3, "requests.channels.inPerson": 1, "requests.channels.online": 2,
            "extra.requests.channels.letterOrFax": 0, "requests.responded.total": 3, "requests.granted.total": 2,
            "requests.partiallyGranted.total": 0, "requests.denied.total": 1, "requests.otherResponse.total": 0,
            "extra.appeals.litigationOrComplaints": 0, "appeals.review.total": 0, "appeals.litigation.total": 0,
        ]
        let printed = try fujian(Self.page(header: ["指标名称", "计量单位", "2017年度", "历年累计"], rows: rows), name: "t.html")
        let swapped = try fujian(Self.page(header: ["指标名称", "计量单位", "历年累计", "2017年度"],
                                            rows: rows.map { [$0[0], $0[1], $0[3], $0[2]] }), name: "t.html")
        XCTAssertEqual(values(printed), expected)
        XCTAssertEqual(values(swapped), expected)
    }

    /// The prose's count of information items not disclosed ("不予公开信息数1402条", pingtan-county-2011's
    /// sentence with the unit other years print) is not a denied request: the table's 否决公开答复数 is.
    func testItemsNotDisclosedAreNoDeniedRequests() throws {
        let prose = "2011年制作、获取政府信息总数1873条，其中主动公开政府信息425条，作为依申请公开信息数46条，不予公开信息数1402条。\n"
        let text = Self.form2011.replacingOccurrences(of: "附件1：", with: prose + "附件1：")
        let r = try fujian(text)
        XCTAssertEqual(r.figures["requests.denied.total"]?.value, 0)
        XCTAssertEqual(r.figures["requests.denied.total"]?.provenance.location.table, "统计表")
        XCTAssertFalse(r.figures.values.contains { $0.value == 1402 })
    }

    /// A report printing the form whose cells a crawler fused into one line (pingtan-zonghe-2016's table) is
    /// still of this layout: its sentences are read, and no figure comes from the fused cells.
    func testAFormWhoseRowsCannotBeCutIsStillThisLayout() throws {
        let text = """
            平潭综合实验区2016年度政府信息公开工作年度报告
            三、政府信息依申请公开工作情况 2016年全区未收到有关政府信息公开申请。四、政府信息公开的收费及减免情况2016年我区各级工作部门依申请提供政府信息暂不收费。
            七、平潭综合实验区政府信息公开情况统计表 指标名称计量单位2016年度历年累计主动公开文件数条346085376其中：1、政府网站公开数条3460853762、政府公报公开数条00受理依申请公开信息总数条00

            """
        let r = try fujian(text)
        XCTAssertEqual(r.detection.confidence, 0.85, accuracy: 1e-9, "no row is needed: header and caption are evidence enough")
        XCTAssertEqual(values(r), ["requests.newReceived.total": 0, "fees.collectedYuan": 0])
        XCTAssertEqual(r.figures["requests.newReceived.total"]?.provenance.how, .statedZero)
    }

    /// Other pre-2019 appendices keep their layout: the national template (a 单位 column, no 历年累计) is not
    /// Fujian's form.
    func testOtherAppendicesAreNotFujians() throws {
        let name = "constructed-2015-county-hrss-appendix.html"
        let bytes = [UInt8](try Data(contentsOf: GoldenSampleTests.samples.appendingPathComponent(name)))
        let r = try registry.convert(RawInput(name: name, bytes: bytes))
        XCTAssertEqual(r.detection.adapter, "pre2019-appendix")
    }
}
