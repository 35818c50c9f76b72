import Foundation
import XCTest
import GirconvAdapters
import GirconvCore

/// The provincial statistics forms of 2008–2018 shipped as layout files (Sources/GirconvAdapters/Layouts/
/// *-appendix.yaml). Each sample prints its form's rows exactly as the published form does; the expected
/// figures are typed from the sample's table (Samples/README.md says where each form comes from).
final class ProvincialFormTests: XCTestCase {
    let registry = BuiltinAdapters.registry()

    /// Converts a sample and checks what every form's sample must give: the form's own adapter, the
    /// pre-2019 附表 family, the year, and no row of the form left unrecognised.
    func convertForm(_ name: String, adapter: String, year: Int, file: StaticString = #filePath, line: UInt = #line) throws -> CanonicalRecord {
        let url = GoldenSampleTests.samples.appendingPathComponent(name)
        let record = try registry.convert(RawInput(name: name, bytes: [UInt8](try Data(contentsOf: url))))
        XCTAssertEqual(record.detection.adapter, adapter, file: file, line: line)
        XCTAssertEqual(record.report.layout, .pre2019Appendix, file: file, line: line)
        XCTAssertEqual(record.report.year, year, file: file, line: line)
        XCTAssertFalse(record.warnings.contains { $0.code == "row-unrecognised" }, "\(record.warnings)", file: file, line: line)
        return record
    }

    func assertFigures(_ record: CanonicalRecord, _ expected: [String: Decimal], file: StaticString = #filePath, line: UInt = #line) {
        for (path, number) in expected.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(record.figures[path]?.value, number, path, file: file, line: line)
        }
    }

    /// Gansu, 定西市政府信息公开情况统计报表: the year's figures are the 本年累计 column (the report appends its
    /// December form, whose 本期实际 column holds December's figures only).
    func testGansuDingxiFormReadsTheYearColumn() throws {
        let r = try convertForm("constructed-2012-gansu-county-office.html", adapter: "gansu-dingxi-appendix", year: 2012)
        assertFigures(r, [
            "proactive.total": 1035, "extra.proactive.fullTextElectronic": 1035, "extra.consultation.webColumnVisits": 51388,
            "requests.newReceived.total": 19, "requests.channels.inPerson": 8, "requests.channels.fax": 1,
            "requests.channels.email": 2, "requests.channels.online": 6, "requests.channels.letter": 2, "requests.channels.other": 0,
            "requests.responded.total": 18, "requests.granted.total": 11, "requests.partiallyGranted.total": 2,
            "requests.denied.total": 5, "requests.denied.notGovernmentInfo.total": 1, "extra.requests.denied.notExist": 2,
            "extra.requests.denied.notThisAgency": 1, "requests.denied.privacy.total": 1, "requests.denied.stateSecret.total": 0,
            "appeals.review.total": 1, "appeals.litigation.total": 0, "appeals.complaints.total": 2,
            "extra.appeals.complaints.dissatisfiedFirstHandling": 1,
        ])
        // 信息不存在 / 非本部门掌握 are reasons inside 否决公开 here, not the answer rows beside it.
        XCTAssertNil(r.figures["requests.notExist.total"])
        XCTAssertNil(r.figures["requests.notThisAgency.total"])
        XCTAssertEqual(r.figures["proactive.total"]?.provenance.location.column, "本年累计")
        XCTAssertTrue(r.checks.contains { $0.rule == "dingxi.denied.reasons" && $0.status == .pass }, "\(r.checks)")
    }

    /// The Gansu form flattened to text: one cell per line (a blank cell is a line of NBSP) reads the same
    /// figures; rows joined by single spaces, where a blank 本期实际 cell left nothing behind, have one number
    /// too few and give nothing (row-incomplete), never a figure shifted into another column.
    func testGansuDingxiFormFlattenedToText() throws {
        let rows = [["指 标 名 称", "计量单位", "代码", "本期实际", "本年累计"], ["甲", "乙", "丙", "1", "2"],
                    ["主动公开信息数", "条", "01", "86", "1,035"], ["申请总数", "条", "10", "2", "19"],
                    ["2.传真申请数", "条", "12", "", "1"], ["(5)“免予公开范围1”数", "条", "25", "0", "0"],
                    ["行政复议数", "件", "32", "", "1"]]
        let head = "示例县人民政府办公室2012年政府信息公开工作年度报告\n附件：示例县政府信息公开情况统计报表（2012年12月）\n"
        let oneCellPerLine = head + rows.flatMap { $0.map { ($0.isEmpty ? "\u{00A0}" : $0) + "\n\n" } }.joined()
        let cells = try registry.convert(RawInput(name: "cells.txt", bytes: Array(oneCellPerLine.utf8)))
        XCTAssertEqual(cells.detection.adapter, "gansu-dingxi-appendix")
        assertFigures(cells, ["proactive.total": 1035, "requests.newReceived.total": 19, "requests.channels.fax": 1,
                              "requests.denied.stateSecret.total": 0, "appeals.review.total": 1])

        let spaced = head + rows.map { $0.filter { !$0.isEmpty }.joined(separator: " ") + "\n" }.joined()
        let lost = try registry.convert(RawInput(name: "spaced.txt", bytes: Array(spaced.utf8)))
        assertFigures(lost, ["proactive.total": 1035, "requests.newReceived.total": 19, "requests.denied.stateSecret.total": 0])
        for (path, row) in [("requests.channels.fax", "2.传真申请数 条"), ("appeals.review.total", "行政复议数 件")] {
            XCTAssertNil(lost.figures[path]?.value, "\(path): \"12 1\" is not 代码 | 本期实际 | 本年累计")
            XCTAssertTrue(lost.warnings.contains { $0.code == "row-incomplete" && $0.location?.row == row }, "\(path): \(lost.warnings)")
        }
        XCTAssertFalse(lost.warnings.contains { $0.code == "row-unrecognised" }, "the column-number row is passed over: \(lost.warnings)")
    }

    /// Anhui, 政府信息公开情况统计表 (六安市统计局): the combined channel rows are extra figures, never a single
    /// canonical channel (the generic 附表 layout would read "信函及传真申请数" as the fax channel).
    func testAnhuiFormKeepsCombinedChannelsApart() throws {
        let r = try convertForm("constructed-2016-anhui-county-statistics-bureau.txt", adapter: "anhui-luan-appendix", year: 2016)
        assertFigures(r, [
            "proactive.total": 236, "extra.proactive.categories.leadershipAndPersonnel": 12, "proactive.categories.budget": 6,
            "extra.proactive.categories.updatesAndOther": 77, "extra.requests.catalogueEntries": 4,
            "requests.newReceived.total": 7, "requests.channels.inPerson": 2, "extra.requests.channels.onlineOrEmail": 4,
            "extra.requests.channels.letterOrFax": 1, "requests.responded.total": 7, "requests.granted.total": 5,
            "requests.partiallyGranted.total": 1, "requests.denied.total": 0, "requests.otherResponse.total": 1,
            "appeals.complaints.total": 0, "appeals.review.total": 0,
        ])
        for path in ["requests.channels.fax", "requests.channels.letter", "requests.channels.email", "requests.channels.online"] {
            XCTAssertNil(r.figures[path], path)
        }
        XCTAssertTrue(r.checks.contains { $0.rule == "anhui.requests.channels" && $0.status == .pass }, "\(r.checks)")
    }

    /// Shanghai, 浦东新区政府信息公开月报: the year is 本年累计 (the appended December form's 本月累计 is
    /// December's); 信息不存在 / 非本机关职权范围 / 申请内容不明确 are answers beside 不予公开 (whose six reasons
    /// are inside it); 邮寄费 and 复制费 are read under the fee group their row belongs to; the codes 49**–54**
    /// (half-yearly rows) are code cells, not labels.
    func testShanghaiPudongFormReadsTheYearColumn() throws {
        let r = try convertForm("constructed-2010-shanghai-district-office.html", adapter: "shanghai-pudong-appendix", year: 2010)
        assertFigures(r, [
            "proactive.total": 812, "extra.proactive.fullTextElectronic": 700, "extra.proactive.officialDocuments": 97,
            "extra.proactive.newNormativeDocs": 6, "extra.proactive.serviceInfo": 143, "extra.consultation.webColumnVisits": 46275,
            "extra.consultation.phone": 264, "extra.requests.catalogueEntries": 15, "extra.officialDocuments.stateSecret": 3,
            "requests.newReceived.total": 26, "requests.channels.inPerson": 9, "requests.channels.fax": 2,
            "requests.channels.email": 4, "requests.channels.online": 8, "requests.channels.letter": 3, "requests.channels.other": 0,
            "requests.responded.total": 25, "requests.granted.total": 13, "requests.partiallyGranted.total": 3,
            "requests.notGovernmentInfo.total": 1, "requests.notExist.total": 2, "requests.notThisAgency.total": 2,
            "requests.unclear.total": 1, "extra.requests.repeated": 1, "requests.denied.total": 2,
            "requests.denied.stateSecret.total": 0, "requests.denied.businessSecret.total": 1, "requests.denied.privacy.total": 1,
            "extra.requests.denied.processInfoAffectingStability": 0, "requests.denied.endangersSafety.total": 0,
            "requests.denied.otherLegal.total": 0,
            "appeals.review.total": 1, "appeals.litigation.total": 1, "appeals.complaints.total": 0,
            "extra.fees.totalYuan": 43.5, "extra.fees.proactive.totalYuan": 5, "extra.fees.proactive.postageYuan": 5,
            "extra.fees.proactive.copyPaperYuan": 0, "fees.collectedYuan": 38.5, "extra.fees.onRequest.searchYuan": 0,
            "extra.fees.onRequest.postageYuan": 12, "extra.fees.onRequest.copyPaperYuan": 26.5,
            "organization.staff.total": 3, "organization.staff.fullTime": 1, "organization.staff.partTime": 2,
            "organization.budgetWanYuan": 1.6, "extra.organization.spendingWanYuan": 1.42, "extra.appeals.litigationCostsWanYuan": 0.3,
        ])
        // The reasons are inside 不予公开, not reasons of 非《规定》所指 (an answer of its own here).
        XCTAssertNil(r.figures["requests.denied.notGovernmentInfo.total"])
        XCTAssertEqual(r.figures["proactive.total"]?.provenance.location.column, "本年累计")
        XCTAssertEqual(r.figures["organization.staff.total"]?.provenance.location.column, "本年累计")
        XCTAssertFalse(r.warnings.contains { $0.code == "cell-unreadable" || $0.code == "row-incomplete" }, "\(r.warnings)")
        for rule in ["pudong.requests.channels", "pudong.requests.answers", "pudong.denied.reasons", "pudong.fees.total",
                     "pudong.fees.proactive", "pudong.fees.onRequest", "pudong.proactive.parts", "pre.organization.staff"] {
            XCTAssertTrue(r.checks.contains { $0.rule == rule && $0.status == .pass }, "\(rule): \(r.checks)")
        }
    }

    /// The Pudong form flattened to text with cells joined by "|": a footnoted code ("49**") is a cell of the
    /// skipped 代码 column, so the row keeps its label and its 本年累计 figure; the same fee label under the
    /// two fee groups gives two figures.
    func testShanghaiPudongFormFlattenedToText() throws {
        let text = """
            示例区人民政府办公室2010年政府信息公开工作年度报告
            附：示例区人民政府办公室政府信息公开月报（2010年12月）
            | 指标名称 | 计算单位 | 代码 | 本月累计 | 本年累计 |
            | 主动信息公开 | 条 | 01 | 64 | 812 |
            | 8.不予公开答复总数 | 条 | 27 |  | 2 |
            | （4）“过程中信息且影响安全稳定”数 | 条 | 31 | 0 | 0 |
            | 主动公开信息收费总数 | 元 | 38 |  | 5 |
            | 其中：1.邮寄费 | 元 | 39 | 0 | 5 |
            | 依申请提供信息收取费用 | 元 | 43 |  | 38.5 |
            | 2.邮寄费 | 元 | 45 | 0 | 12 |
            | 政府信息公开指定专职人员数 | 人 | 49** |  | 3 |
            | 其中：1.全职人员 | 人 | 50** | 1 | 1 |
            | 与诉讼有关的总费用 | 万元 | 54** | 0 | 0.3 |

            """
        let r = try registry.convert(RawInput(name: "pipes.txt", bytes: Array(text.utf8)))
        XCTAssertEqual(r.detection.adapter, "shanghai-pudong-appendix")
        assertFigures(r, ["proactive.total": 812, "requests.denied.total": 2, "extra.fees.proactive.postageYuan": 5,
                          "fees.collectedYuan": 38.5, "extra.fees.onRequest.postageYuan": 12, "organization.staff.total": 3,
                          "organization.staff.fullTime": 1, "extra.appeals.litigationCostsWanYuan": 0.3])
        XCTAssertFalse(r.warnings.contains { $0.code == "row-unrecognised" || $0.code == "row-incomplete" }, "\(r.warnings)")
    }

    /// A footnoted number is a value cell (it is no label) but no figure.
    func testFootnotedCodeIsAValueCellButNoFigure() {
        XCTAssertTrue(NumberReader.isFootnotedNumber("49**"))
        XCTAssertTrue(NumberReader.isFootnotedNumber(" 50＊ "))
        XCTAssertFalse(NumberReader.isFootnotedNumber("49"))
        XCTAssertFalse(NumberReader.isFootnotedNumber("**"))
        XCTAssertFalse(NumberReader.isFootnotedNumber("4*9"))
        XCTAssertFalse(NumberReader.isFootnotedNumber("其中:对本部门首次处理不满意的行政申诉数 *"))
        XCTAssertEqual(NumberReader.read("49**"), .text)
    }
}
