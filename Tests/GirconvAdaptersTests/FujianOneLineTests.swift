import Foundation
import XCTest
@testable import GirconvAdapters
import GirconvCore

/// Issue #17: Fujian's 附表 "政府信息公开情况统计表" (指标名称 | 计量单位 | YYYY年度 | 历年累计) saved by a crawler
/// with the whole article on one line: cells separated by single spaces (2011, 2014) or run together (2016,
/// 2017, the county's 2011). The layout (fujian-appendix.yaml) declares the order the form prints its rows,
/// its unit words and 历年累计 ≥ the year's; only the year's column is read. Expected figures are typed from
/// the documents (Tests/Fixtures/real/, README there) and, for the made-up lines, worked out by hand below.
final class FujianOneLineTests: XCTestCase {
    let registry = BuiltinAdapters.registry()

    func convert(_ text: String, name: String = "fujian.txt") throws -> CanonicalRecord {
        try registry.convert(RawInput(name: name, bytes: Array(text.utf8)))
    }

    func convertFixture(_ name: String) throws -> CanonicalRecord {
        let data = try Data(contentsOf: FusedTextTests.fixtures.appendingPathComponent(name))
        return try registry.convert(RawInput(name: name, bytes: [UInt8](data)))
    }

    func values(_ r: CanonicalRecord, _ paths: [String]) -> [Decimal?] { paths.map { r.figures[$0]?.value } }

    /// Every figure of the record: no value of the 历年累计 column may appear where the year's is expected.
    func assertNoCumulative(_ r: CanonicalRecord, _ cumulative: [Decimal], file: StaticString = #filePath, line: UInt = #line) {
        for (path, figure) in r.figures {
            if let value = figure.value, cumulative.contains(value) { XCTFail("\(path) = \(value), a 历年累计 figure", file: file, line: line) }
        }
    }

    // MARK: Spaced cells

    /// pingtan-zonghe-2014.txt, cells separated by single spaces: "主动公开文件数 条 2543 78967 其中：1、政府网站公开数
    /// 条 2543 78967 2、政府公报公开数 条 0 0 受理依申请公开信息总数 条 1 1 其中：1、当面申请数 条 0 0 2、网上申请数 条 0 0
    /// 3、信函、传真申请数 条 1 1 对申请的答复总数 条 1 1 其中：1、同意公开答复数 条 1 1 2、同意部分公开答复数 条 0 0
    /// 3、不予公开答复数 条 0 0 4、其他类型答复数 条 0 0 政府信息公开收费减免金额 元 0 0 接受行政诉讼、举报数 件 0 0
    /// 行政复议数 件 0 0 行政诉讼数 件 0 0": read as cells, the year's column printed, nothing recovered.
    func testSpacedCellsAreReadAsCells() throws {
        let r = try convertFixture("pingtan-zonghe-2014.txt")
        XCTAssertEqual(r.detection.adapter, "fujian-appendix")
        XCTAssertEqual(r.report.layout, .pre2019Appendix)
        XCTAssertEqual(r.report.year, 2014)
        XCTAssertEqual(values(r, ["proactive.total", "proactive.channels.website", "proactive.channels.gazette"]), [2543, 2543, 0])
        XCTAssertEqual(values(r, ["requests.newReceived.total", "requests.channels.inPerson", "requests.channels.online",
                                  "extra.requests.channels.letterOrFax"]), [1, 0, 0, 1])
        XCTAssertEqual(values(r, ["requests.responded.total", "requests.granted.total", "requests.partiallyGranted.total",
                                  "requests.denied.total", "requests.otherResponse.total"]), [1, 1, 0, 0, 0])
        XCTAssertEqual(values(r, ["extra.fees.waivedYuan", "extra.appeals.litigationOrComplaints", "appeals.review.total",
                                  "appeals.litigation.total"]), [0, 0, 0, 0])
        // "3、信函、传真申请数 条 1 1" is the combined row, never the fax row its label contains.
        XCTAssertNil(r.figures["requests.channels.fax"])
        let website = try XCTUnwrap(r.figures["proactive.channels.website"])
        XCTAssertEqual(website.provenance.how, .printed)
        XCTAssertEqual(website.provenance.location.column, "年度")
        XCTAssertFalse(r.warnings.contains { $0.code.hasPrefix("fused-row") })
        assertNoCumulative(r, [78967])
        XCTAssertTrue(r.checks.filter { $0.rule.hasPrefix("fujian.") }.allSatisfy { $0.status == .pass })
    }

    /// pingtan-zonghe-2011.txt: the older version, spaced ("指标名称 计量 单位 2011 年度 历年累计 主动公开信息数 条 425
    /// 1516 其中：1.网站公开 条 418 1509 2.政府公报公开 条 7 7 受理依申请公开信息总数 条 0 0 …6.其它形式申请数 条 0 0
    /// 对申请的答复数 条 0 0 …3.否决公开答复数 条 0 0 行政复议数 条 0 0 行政诉讼数 条 0 0 行政申诉数 条 0 0").
    func testTheOlderVersionSpaced() throws {
        let r = try convertFixture("pingtan-zonghe-2011.txt")
        XCTAssertEqual(r.detection.adapter, "fujian-appendix")
        XCTAssertEqual(values(r, ["proactive.total", "proactive.channels.website", "proactive.channels.gazette"]), [425, 418, 7])
        XCTAssertEqual(values(r, ["requests.newReceived.total"] + ["inPerson", "fax", "email", "online", "letter", "other"].map { "requests.channels.\($0)" }),
                       [0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(values(r, ["requests.responded.total", "requests.granted.total", "requests.partiallyGranted.total", "requests.denied.total"]),
                       [0, 0, 0, 0])
        XCTAssertEqual(values(r, ["appeals.review.total", "appeals.litigation.total", "appeals.complaints.total"]), [0, 0, 0])
        assertNoCumulative(r, [1516, 1509])
        // The header's "2011 年度" is its year, not a row "计量 单位" printing 2011.
        XCTAssertFalse(r.warnings.contains { $0.code == "row-unrecognised" }, "\(r.warnings.map(\.message))")
    }

    // MARK: Cells run together

    /// pingtan-zonghe-2016.txt: "主动公开文件数条346085376其中：1、政府网站公开数条3460853762、政府公报公开数条00…". The
    /// digits allow 3 | 46085376, 34 | 6085376, 3460 | 85376 (and a blank year); the text states "2016年全区主动公开
    /// 政府信息3460条", which leaves 3460 | 85376; the website row ("346085376", its "2、" the next row's number) is
    /// then 3460 | 85376 alone, by 历年累计 ≥ the year's and the parts' 历年累计 ≤ the whole's (a cumulative of
    /// 46085376 or 6085376 exceeds 85376).
    func testFusedCellsDecidedByTheTextAndTheForm() throws {
        let r = try convertFixture("pingtan-zonghe-2016.txt")
        XCTAssertEqual(r.detection.adapter, "fujian-appendix")
        XCTAssertEqual(r.report.year, 2016)
        XCTAssertEqual(values(r, ["proactive.total", "proactive.channels.website", "proactive.channels.gazette"]), [3460, 3460, 0])
        let total = try XCTUnwrap(r.figures["proactive.total"])
        XCTAssertEqual(total.provenance.how, .recovered)
        XCTAssertEqual(total.provenance.raw, "346085376")
        XCTAssertTrue(total.provenance.derivedFrom.contains("text.proactive.total"), "\(total.provenance.derivedFrom)")
        let website = try XCTUnwrap(r.figures["proactive.channels.website"])
        XCTAssertEqual(website.provenance.how, .recovered)
        XCTAssertEqual(website.provenance.raw, "346085376", "the 2 before 、政府公报公开数 is the next row's number")
        XCTAssertTrue(website.provenance.derivedFrom.contains("fujian.proactive.channels.cumulative"), "\(website.provenance.derivedFrom)")
        XCTAssertEqual(values(r, ["requests.newReceived.total", "requests.channels.inPerson", "requests.channels.online",
                                  "extra.requests.channels.letterOrFax", "requests.responded.total", "requests.granted.total",
                                  "requests.partiallyGranted.total", "requests.denied.total", "requests.otherResponse.total",
                                  "extra.fees.waivedYuan", "extra.appeals.litigationOrComplaints", "appeals.review.total",
                                  "appeals.litigation.total"]), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(r.checks.first { $0.rule == "text.proactive.total" }?.status, .usedForRecovery)
        assertNoCumulative(r, [85376])
    }

    /// pingtan-zonghe-2017.txt: the combined rows, fused: "主动公开文件数条212210037其中：1、政府网站公开数条2122100372、
    /// 政府公报公开数条00受理政府信息依申请公开总数条00…3、信函、传真申请数条00…接受行政诉讼、举报数件00行政复议数件00
    /// 行政诉讼数件00"; the text states "2017年全区主动公开政府信息2122条".
    func testTheCombinedRowsFused() throws {
        let r = try convertFixture("pingtan-zonghe-2017.txt")
        XCTAssertEqual(values(r, ["proactive.total", "proactive.channels.website", "proactive.channels.gazette"]), [2122, 2122, 0])
        XCTAssertEqual(values(r, ["requests.newReceived.total", "requests.channels.inPerson", "requests.channels.online",
                                  "extra.requests.channels.letterOrFax", "extra.appeals.litigationOrComplaints",
                                  "appeals.review.total", "appeals.litigation.total"]), [0, 0, 0, 0, 0, 0, 0])
        XCTAssertNil(r.figures["requests.channels.fax"])
        XCTAssertNil(r.figures["requests.channels.letter"])
        assertNoCumulative(r, [10037])
    }

    /// The county's 2011 form (older version), fused, with the prose stating "主动公开政府信息425条" as the
    /// real report does (pingtan-county-2011.txt; its expected figures are its HTML twin's). "主动公开信息数条4251516":
    /// the text leaves 425 | 1516. "1.网站公开条41815092.政府公报公开": the "2." is the next label's number, so the
    /// row's digits are "4181509": 4 | 181509, 41 | 81509, 418 | 1509 and (blank) | 4181509 keep year ≤ 历年累计,
    /// and only 418 | 1509 keeps the parts' 历年累计 within 1516 — the rule decides it, not the text. "2.政府公报
    /// 公开条77": 7 | 7, or (blank) | 77 whose 历年累计 1509 + 77 = 1586 exceeds 1516 (77 | (blank) breaks year ≤
    /// 历年累计): 7 | 7.
    func testTheCountyEnumeratorCaseIsDecidedByTheRule() throws {
        let r = try convert(Self.county(prose: "其中主动公开政府信息425条。"))
        XCTAssertEqual(r.detection.adapter, "fujian-appendix")
        XCTAssertEqual(r.report.year, 2011)
        XCTAssertEqual(values(r, ["proactive.total", "proactive.channels.website", "proactive.channels.gazette"]), [425, 418, 7])
        let website = try XCTUnwrap(r.figures["proactive.channels.website"])
        XCTAssertEqual(website.provenance.how, .recovered)
        XCTAssertEqual(website.provenance.raw, "4181509")
        XCTAssertEqual(Set(website.provenance.derivedFrom), ["fujian.proactive.channels.cumulative", "历年累计 ≥ 年度"])
        XCTAssertFalse(website.provenance.derivedFrom.contains { $0.hasPrefix("text.") }, "no sentence states 418")
        XCTAssertEqual(r.figures["proactive.channels.gazette"]?.provenance.raw, "77")
        XCTAssertEqual(values(r, ["requests.newReceived.total", "requests.channels.fax", "requests.channels.other",
                                  "requests.responded.total", "requests.denied.total", "appeals.complaints.total"]), [0, 0, 0, 0, 0, 0])
        assertNoCumulative(r, [1516, 1509])
    }

    /// The real county report reads the same (its table as above; its prose "其中主动公开政府信息425条").
    func testTheCrawledCountyReport() throws {
        let r = try convertFixture("pingtan-county-2011.txt")
        XCTAssertEqual(values(r, ["proactive.total", "proactive.channels.website", "proactive.channels.gazette"]), [425, 418, 7])
        XCTAssertEqual(values(r, ["requests.channels.inPerson", "requests.channels.email", "requests.channels.letter",
                                  "requests.granted.total", "requests.partiallyGranted.total", "appeals.review.total",
                                  "appeals.litigation.total", "appeals.complaints.total"]), [0, 0, 0, 0, 0, 0, 0, 0])
    }

    /// The same table without a sentence stating the total: besides 425 | 1516 with 418 | 1509 and 7 | 7,
    /// 4 | 251516 with 4 | 181509 and (blank) | 77 (4 + 0 ≤ 4, 181509 + 77 ≤ 251516), and (blank) | 4251516 with
    /// (blank) | 4181509 and (blank) | 77, meet every condition. 42 | 51516 is kept too: each condition alone
    /// allows it (the year's sum with 4 | 181509 and 7 | 7: 11 ≤ 42; the 历年累计 sum with 418 | 1509 and 7 | 7:
    /// 1516 ≤ 51516), and a candidate is only dropped when a condition rules it out. The rows stay null, their
    /// candidates listed; no figure is guessed.
    func testAnAmbiguousFusedRowStaysNull() throws {
        let r = try convert(Self.county(prose: ""))
        XCTAssertEqual(r.detection.adapter, "fujian-appendix")
        for path in ["proactive.total", "proactive.channels.website", "proactive.channels.gazette"] {
            XCTAssertNotNil(r.figures[path], path)
            XCTAssertNil(r.figures[path]?.value, path)
        }
        let total = try XCTUnwrap(r.warnings.first { $0.code == "fused-row-ambiguous" && $0.message.contains("\"4251516\"") })
        XCTAssertTrue(total.message.contains("4 ways"), total.message)
        for candidate in ["425 | 1516", "42 | 51516", "4 | 251516", "(blank) | 4251516"] { XCTAssertTrue(total.message.contains(candidate), total.message) }
        XCTAssertFalse(total.message.contains("4251 | 516"), "the year's figure never exceeds 历年累计")
        let gazette = try XCTUnwrap(r.warnings.first { $0.code == "fused-row-ambiguous" && $0.message.contains("\"77\"") })
        XCTAssertTrue(gazette.message.contains("7 | 7") && gazette.message.contains("(blank) | 77"), gazette.message)
        XCTAssertFalse(gazette.message.contains("77 | (blank)"), gazette.message)
        // Rows the digits decide alone are read: "00" is 0 | 0.
        XCTAssertEqual(r.figures["requests.newReceived.total"]?.value, 0)
    }

    /// A county's 2011 report on one line (made up; its table is the form of pingtan-county-2011.txt).
    static func county(prose: String) -> String {
        """
        某县人民政府2011年政府信息公开工作年度报告
        一、概述 本县认真贯彻落实《中华人民共和国政府信息公开条例》，进一步健全政府信息公开工作机制，推进重点领域信息公开，依法办理政府信息公开申请。二、主动公开政府信息情况 各单位对政府信息进行了梳理和编目，\(prose)三、存在的主要问题及改进措施 公开内容还不够全面。附件1：某县人民政府2011年政府信息公开情况统计表 指标名称计量单位2011年度历年累计主动公开信息数条4251516其中：1.网站公开条41815092.政府公报公开条77受理依申请公开信息总数条00其中：1.当面申请数条002.传真申请数条003.电子邮件申请数条004.网上申请数条005.信函申请数条006.其它形式申请数条00对申请的答复数条00其中：1.同意公开答复数条002.同意部分公开答复数条003.否决公开答复数条00行政复议数条00行政诉讼数条00行政申诉数条00

        """
    }
}
