import Foundation
import XCTest
@testable import GirconvAdapters
import GirconvCore
import ZIPFoundation

/// Issue #15, "Never a wrong figure": documents that are not reports, sentences about another subject,
/// reports with nothing to read and forms nobody filled in. Every expected value here is typed from the text.
final class PrecisionTests: XCTestCase {
    let registry = BuiltinAdapters.registry()

    func convert(_ text: String, name: String = "t.txt") throws -> CanonicalRecord {
        try convert(bytes: Array(text.utf8), name: name)
    }

    func convert(bytes: [UInt8], name: String) throws -> CanonicalRecord {
        try registry.convert(RawInput(name: name, bytes: bytes))
    }

    /// The error converting `text` throws.
    func refusal(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> GirconvError? {
        do {
            let record = try convert(text)
            XCTFail("converted as \(record.detection.adapter) with \(record.figures.count) figures", file: file, line: line)
            return nil
        } catch {
            return error as? GirconvError
        }
    }

    // MARK: Only reports are reports

    static let readme = """
    # girconv

    girconv 把政府信息公开工作年度报告转换为统一的记录。示例：共收到政府信息公开申请12件，不予公开3件，
    行政复议2件。运行 swift test 即可。
    """

    static let safetyNotice = """
    关于开展2023年安全生产大检查的通知

    各乡镇人民政府，县直各单位：
    为切实做好安全生产工作，现将有关事项通知如下。一、全县共排查隐患127件，已整改98件。
    二、各单位要做好信息公开，按时在政府网站主动公开政府信息12条，并受理政府信息公开申请3件。
    三、未发生较大安全生产事故。
    县安全生产委员会办公室
    """

    func testAReadmeMentioningDisclosureIsNotAReport() {
        let error = refusal(Self.readme)
        XCTAssertEqual(error?.kind, "not-a-report")
        XCTAssertEqual(error?.exitCode, 65)
        XCTAssertTrue(error?.description.contains("not an annual report") ?? false, "\(String(describing: error))")
    }

    func testASafetyNoticeWithCountsIsNotAReport() {
        let error = refusal(Self.safetyNotice)
        XCTAssertEqual(error?.kind, "not-a-report")
        XCTAssertEqual(error?.exitCode, 65)
    }

    func testANarrativeReportWithItsTitleConverts() throws {
        let r = try convert("示例县人民政府办公室2016年政府信息公开工作年度报告\n\n全年共收到政府信息公开申请12件，同意公开9件。\n")
        XCTAssertEqual(r.detection.adapter, "pre2019-narrative")
        XCTAssertEqual(r.figures["requests.newReceived.total"]?.value, 12)
        XCTAssertEqual(r.figures["requests.granted.total"]?.value, 9)
    }

    func testTraditionalTitlesAndOtherReportWordsCount() throws {
        for title in ["葫蘆島市2017年度政府信息公開工作報告", "示例市政府資訊公開年報（二〇一六年）", "示例局2015年信息公开工作报告"] {
            let r = try convert(title + "\n\n全年共受理政府信息公开申请7件，同意公开5件。\n")
            XCTAssertEqual(r.figures["requests.newReceived.total"]?.value, 7, title)
        }
    }

    func testTwoSectionHeadingsAndAYearStandForATitle() throws {
        let text = """
        本报告所列数据统计期限为2016年度。
        二、主动公开政府信息情况
        全年主动公开政府信息45条。
        三、依申请公开政府信息情况
        全年共收到政府信息公开申请6件。
        """
        let r = try convert(text)
        XCTAssertEqual(r.figures["requests.newReceived.total"]?.value, 6)
        XCTAssertEqual(r.figures["proactive.total"]?.value, 45)
    }

    func testOneSectionHeadingIsNotEnough() {
        let text = "2016年政务公开工作总结\n二、主动公开政府信息情况\n全年主动公开政府信息45条，同意公开3件。\n"
        XCTAssertEqual(refusal(text)?.kind, "not-a-report")
    }

    func testATitleWithoutAnyYearIsNotEnough() {
        let text = "政府信息公开工作年度报告\n全年共收到政府信息公开申请6件。\n"
        let error = refusal(text)
        XCTAssertEqual(error?.kind, "not-a-report")
        XCTAssertTrue(error?.description.contains("no year") ?? false, "\(String(describing: error))")
    }

    // MARK: Statements bound to their subject

    static let itemsMade = "2011年制作、获取政府信息总数1873条，其中主动公开政府信息425条，作为依申请公开信息数46条，不予公开信息数1402条。"

    func testABreakdownOfInformationMadeIsNoRequestOutcome() throws {
        for sentence in [Self.itemsMade, Self.itemsMade.replacingOccurrences(of: "1402条", with: "1402")] {
            let r = try convert("示例县2011年政府信息公开工作年度报告\n" + sentence + "全年共收到政府信息公开申请12件，不予公开2件。\n")
            XCTAssertEqual(r.figures["requests.denied.total"]?.value, 2, "the denied requests, not the 1402 items: \(sentence)")
            XCTAssertEqual(r.figures["requests.newReceived.total"]?.value, 12)
            XCTAssertNil(r.figures.values.first { $0.value == 1402 }, "1402 is no figure of the record")
            XCTAssertFalse(r.warnings.contains { $0.code == "stated-twice" }, "\(r.warnings)")
        }
    }

    func testTheSubjectEndsWithItsSentence() throws {
        let r = try convert("示例县2011年政府信息公开工作年度报告\n" + Self.itemsMade + "全年共收到政府信息公开申请12件。\n")
        XCTAssertNil(r.figures["requests.denied.total"])
        let next = try convert("示例县2011年政府信息公开工作年度报告\n" + Self.itemsMade + "不予公开5件。\n")
        XCTAssertEqual(next.figures["requests.denied.total"]?.value, 5)
    }

    /// A negation scopes to its own clause; a list joined by 、/或/和/及 shares it; a sentence's other clause keeps
    /// its own subject and figure. Every expected value is typed from the sentence.
    func testNegationsScopeToTheirClauseAndListsShareThem() throws {
        let cases: [(sentence: String, expected: [String: Decimal])] = [
            ("没有收到政府信息公开申请，但收到行政复议申请2件。", ["requests.newReceived.total": 0, "appeals.review.total": 2]),
            ("收到依申请公开申请5件，无行政复议、诉讼。",
             ["requests.newReceived.total": 5, "appeals.review.total": 0, "appeals.litigation.total": 0]),
            ("本年度没有发生针对本机关的政府信息公开行政诉讼案件，收到行政复议申请1件。",
             ["appeals.review.total": 1, "appeals.litigation.total": 0]),
            ("未发生行政复议，但有行政诉讼案件1起。", ["appeals.review.total": 0, "appeals.litigation.total": 1]),
            ("全年未收到行政复议和诉讼。", ["appeals.review.total": 0, "appeals.litigation.total": 0]),
            ("无涉及政府信息公开的行政复议案件和行政诉讼案件。", ["appeals.review.total": 0, "appeals.litigation.total": 0]),
            ("本机关未收到有关政府信息公开行政复议申请。", ["appeals.review.total": 0]),
            // Table 四's header "未经复议直接起诉" (lawsuits without a review first) states no zero.
            ("未经复议直接起诉的行政诉讼2件。", ["appeals.litigation.total": 2]),
            // An outcome negated is not the case negated; 无论 negates nothing; a rule quoted is no fee collected.
            ("全年未发生因政府信息公开引起的行政复议被纠错和行政诉讼败诉的情况。", [:]),
            ("无论行政复议还是行政诉讼，本机关均积极应诉。", [:]),
            ("根据规定，依申请提供政府信息一般不收费。", [:]),
            ("本机关原则上不收取费用。", [:]),
            ("全年未向申请人收取费用。", ["fees.collectedYuan": 0]),
        ]
        for (sentence, expected) in cases {
            let r = try convert("示例县人民政府办公室2016年政府信息公开工作年度报告\n全年主动公开政府信息100条，同意公开3件。\n\(sentence)\n")
            var got = r.figures.compactMapValues(\.value)
            got["proactive.total"] = nil
            got["requests.granted.total"] = nil
            XCTAssertEqual(got, expected, sentence)
        }
    }

    /// A part of the reporting body (区直各部门, 各乡镇, 县直各单位) states its share of a figure in its own clause: not
    /// a second value of the total (which would make the total "stated twice" and null).
    func testPartsOfTheReportingBodyAreNotSecondTotals() throws {
        let cases: [(sentence: String, expected: [String: Decimal])] = [
            ("全年主动公开政府信息2122条，其中区直各部门1509条，各乡镇613条。", ["proactive.total": 2122]),
            ("2017年全区主动公开政府信息2122条。区直各部门主动公开政府信息1509条，各乡镇主动公开政府信息613条。", ["proactive.total": 2122]),
            ("全年共收到政府信息公开申请75件，其中县直各单位收到政府信息公开申请17件。", ["requests.newReceived.total": 75]),
            // The part's clause ends at its comma: the next clause's figure is read.
            ("各乡镇主动公开政府信息613条，全年共收到政府信息公开申请9件。", ["requests.newReceived.total": 9]),
        ]
        for (sentence, expected) in cases {
            let r = try convert("示例县人民政府办公室2016年政府信息公开工作年度报告\n全年同意公开3件。\n\(sentence)\n")
            XCTAssertEqual(r.figures.compactMapValues(\.value), expected.merging(["requests.granted.total": 3]) { a, _ in a }, sentence)
            XCTAssertFalse(r.warnings.contains { $0.code == "stated-twice" }, sentence)
        }
    }

    /// Two sentences giving one figure two values: null, a `stated-twice` warning and a failing `text.*` check
    /// (so `validate` reports it); where a table prints the figure, the table's value is kept and the check
    /// still fails.
    func testAFigureStatedTwiceFailsItsTextCheck() throws {
        let r = try convert("示例县人民政府办公室2016年政府信息公开工作年度报告\n全年同意公开3件。\n全年共收到政府信息公开申请75件。\n本年度收到政府信息公开申请74件。\n")
        XCTAssertNil(r.figures["requests.newReceived.total"]?.value)
        XCTAssertTrue(r.warnings.contains { $0.code == "stated-twice" })
        let check = try XCTUnwrap(r.checks.first { $0.rule == "text.requests.newReceived.total" })
        XCTAssertEqual(check.status, .fail)
        XCTAssertEqual(check.expected, 75)
        XCTAssertEqual(check.found, 74)
        XCTAssertTrue(check.description.contains("later as 74"), check.description)
    }

    // MARK: Nothing silently cut; blank is zero only in a filled report

    func testAReportWithNoReadableFigureSaysSo() throws {
        let r = try convert("示例县2016年政府信息公开工作年度报告\n全年共收到政府信息公开申请1.000件，同意公开2.000件。\n")
        XCTAssertNil(r.figures["requests.newReceived.total"]?.value)
        XCTAssertTrue(r.hasNoFigures)
        XCTAssertTrue(r.warnings.contains { $0.code == "no-figures" }, "\(r.warnings)")
    }

    func testAReportWithFiguresHasNoNoFiguresWarning() throws {
        let r = try convert("示例县2016年政府信息公开工作年度报告\n全年共收到政府信息公开申请0件，同意公开0件。\n")
        XCTAssertEqual(r.figures["requests.newReceived.total"]?.value, 0)
        XCTAssertFalse(r.warnings.contains { $0.code == "no-figures" })
    }

    /// A 2021 sample with every value cell blanked (a number or a dash becomes nothing): a form nobody filled in.
    static func blanked(_ name: String, cell pattern: String, template: String) throws -> String {
        let url = GoldenSampleTests.samples.appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        let cell = try NSRegularExpression(pattern: pattern, options: .anchorsMatchLines)
        let blanked = cell.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
        // The prose states figures of its own; a blank form has none.
        return blanked.components(separatedBy: "\n").filter { !$0.contains("主动公开政府信息312条") && !$0.contains("信息处理费共计0元") }
            .joined(separator: "\n")
    }

    static let value = "[0-9０-９.,．，—－-]+"

    func testABlankFormIsNotAReportOfZeros() throws {
        // Each <td> holding a number (inside any inline markup) is emptied.
        let html = try Self.blanked("constructed-2022-city-hrss-spans.html",
                                    cell: "(<td[^>]*>(?:\\s*<[^>]+>)*)\\s*\(Self.value)\\s*((?:<[^>]+>\\s*)*</td>)", template: "$1$2")
        let r = try convert(html, name: "blank-2021.html")
        XCTAssertEqual(r.detection.adapter, "2021-revised")
        XCTAssertTrue(r.warnings.contains { $0.code == "blank-form" }, "\(r.warnings.map(\.code))")
        XCTAssertNil(r.figures.values.first { $0.provenance.how == .blankAsZero }, "no blank read as 0")
        XCTAssertNil(r.figures["requests.newReceived.total"])
        XCTAssertNil(r.figures.keys.first { $0.hasPrefix("requests.") || $0.hasPrefix("proactive.") || $0.hasPrefix("appeals.") })
    }

    func testABlankFlattenedFormGivesNoZeros() throws {
        // One cell a line: each number or dash becomes a blank cell (a line of spaces and NBSP).
        let text = try Self.blanked("constructed-2021-county-transport.txt",
                                    cell: "^[ \\t\\u3000]*\(Self.value)[ \\t\\u3000]*$", template: "  \u{00A0}")
        let r = try convert(text, name: "blank-2021.txt")
        XCTAssertEqual(r.detection.adapter, "2021-revised")
        XCTAssertNil(r.figures.values.first { $0.provenance.how == .blankAsZero }, "no blank read as 0")
        XCTAssertTrue(r.warnings.contains { $0.code == "no-figures" }, "\(r.warnings.map(\.code))")
    }

    /// The Word sample with every value cell emptied (its `w:t` runs holding a number, a sign, a dash or an amount in 元) and its
    /// one prose figure removed: a Word form nobody filled in gives no figures, not a report of zeros.
    func testABlankWordFormIsNotAReportOfZeros() throws {
        let url = GoldenSampleTests.samples.appendingPathComponent("constructed-2019-district-office.docx")
        let archive = try XCTUnwrap(Archive(url: url, accessMode: .read))
        let entry = try XCTUnwrap(archive["word/document.xml"])
        var xml = Data()
        _ = try archive.extract(entry) { xml.append($0) }
        var text = String(decoding: xml, as: UTF8.self)
        let cell = try NSRegularExpression(pattern: "(<w:t(?: [^>]*)?>)\\s*[-+]?\(Self.value)(?:万?元)?\\s*(</w:t>)")
        text = cell.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "$1$2")
        text = text.replacingOccurrences(of: "我区共收到政府信息公开申请21件，同比增长31.25%。", with: "")
        let r = try convert(bytes: DOCXHostileInputTests.docx(text), name: "blank-2019.docx")
        XCTAssertEqual(r.detection.adapter, "2019-trial")
        XCTAssertTrue(r.warnings.contains { $0.code == "blank-form" }, "\(r.warnings.map(\.code))")
        XCTAssertNil(r.figures.values.first { $0.provenance.how == .blankAsZero }, "no blank read as 0")
        XCTAssertNil(r.figures.keys.first { $0.hasPrefix("requests.") || $0.hasPrefix("proactive.") || $0.hasPrefix("appeals.") },
                     "\(r.figures.keys.sorted())")
    }

    func testAFilledReportWithBlankCellsIsNoBlankForm() throws {
        let url = GoldenSampleTests.samples.appendingPathComponent("constructed-2021-county-transport.txt")
        let r = try registry.convert(RawInput(name: "t.txt", bytes: [UInt8](try Data(contentsOf: url))))
        XCTAssertFalse(r.warnings.contains { $0.code == "blank-form" })
        XCTAssertEqual(r.figures["requests.newReceived.total"]?.value, 13)
    }
}
