import Foundation
import XCTest
@testable import GirconvAdapters
import GirconvCore

/// Issue #17, point 3: damaged text prints value rows without their labels. The base text is real tool
/// output: `pdftotext -raw Samples/printed-2022-city-hrss-spans.pdf` (poppler 22.12), tables and heading
/// only; each test deletes labels from it as damaged text does (the values stay). Every expected figure is
/// typed from this text (the rows as the page prints them), never from girconv's output.
final class PositionedRowsTests: XCTestCase {
    let registry = BuiltinAdapters.registry()

    static let report = """
    例市人力资源和社会保障局2022年政府信息公开工作年度报告
    本年度报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。
    一、总体情况
    二、主动公开政府信息情况
    第二十条第（一）项
    信息内容 本年制发件数 本年废止件数现行有效件数
    规章 0 0 0
    行政规范性文件5 2 31
    第二十条第（五）项
    信息内容 本年处理决定数量
    行政许可 2,418
    第二十条第（六）项
    信息内容 本年处理决定数量
    行政处罚 37
    行政强制 0
    第二十条第（八）项
    信息内容 本年收费金额（单位：万元）
    行政事业性收费0.12
    三、收到和处理政府信息公开申请情况
    （本列数据的勾稽关系为：第一项加第二项之和，
    等于第三项加第四项之和）
    申请人情况
    自然人
    法人或其他组织
    总计
    商业
    企业
    科研
    机构
    社会公益
    组织
    法律服务
    机构
    其他
    一、本年新收政府信息公开申请数量 40 6 0 1 2 0 49
    二、上年结转政府信息公开申请数量 3 0 0 0 0 0 3
    三、本年度办理结果
    （一）予以公开 20 3 0 1 1 0 25
    （二）部分公开（区分处理的，只计这一情形，不计其他情形） 4 1 0 0 0 0 5
    （三）不予公开
    1.属于国家秘密 0 0 0 0 0 0 0
    2.其他法律行政法规禁止公开 0 0 0 0 0 0 0
    3.危及“三安全一稳定” 0 0 0 0 0 0 0
    4.保护第三方合法权益 2 0 0 0 0 0 2
    5.属于三类内部事务信息 0 0 0 0 0 0 0
    6.属于四类过程性信息 0 0 0 0 0 0 0
    7.属于行政执法案卷 0 0 0 0 0 0 0
    8.属于行政查询事项 0 0 0 0 0 0 0
    （四）无法提供
    1.本机关不掌握相关政府信息 9 1 0 0 1 0 11
    2.没有现成信息需要另行制作 0 0 0 0 0 0 0
    3.补正后申请内容仍不明确 1 0 0 0 0 0 1
    （五）不予处理
    1.信访举报投诉类申请 0 0 0 0 0 0 0
    2.重复申请 2 0 0 0 0 0 2
    3.要求提供公开出版物 0 0 0 0 0 0 0
    4.无正当理由大量反复申请 0 0 0 0 0 0 0
    5.要求行政机关确认或重新出具已获取信息 0 0 0 0 0 0 0
    （六）其他处理
    1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 2 1 0 0 0 0 3
    2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0
    3.其他 1 0 0 0 0 0 1
    （七）总计 41 6 0 1 2 0 50
    四、结转下年度继续办理 2 0 0 0 0 0 2
    四、政府信息公开行政复议、行政诉讼情况
    行政复议 行政诉讼
    结果维持 结果纠正 其他结果 尚未审结 总计
    未经复议直接起诉 复议后起诉
    结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计
    3 1 0 0 4 2 0 0 1 3 0 0 0 0 0
    五、存在的主要问题及改进情况
    六、其他需要报告的事项
    本年度实际收取信息处理费共计400元。

    """

    static let seven = ["naturalPerson", "business", "research", "nonprofit", "legalService", "otherOrg", "total"]

    /// The report with each of `labels` deleted from the start of its line (its values stay).
    func damaged(_ labels: [String], also: [(String, String)] = []) -> String {
        var text = Self.report
        for label in labels {
            XCTAssertEqual(text.components(separatedBy: "\n" + label + " ").count, 2, label)
            text = text.replacingOccurrences(of: "\n" + label + " ", with: "\n")
        }
        for (old, new) in also {
            XCTAssertEqual(text.components(separatedBy: old).count, 2, old)
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    func convert(_ text: String) throws -> CanonicalRecord {
        try registry.convert(RawInput(name: "damaged.txt", bytes: Array(text.utf8)))
    }

    func row(_ record: CanonicalRecord, _ path: String) -> [Decimal?] {
        Self.seven.map { record.figures["\(path).\($0)"]?.value }
    }

    func status(_ record: CanonicalRecord, _ rule: String) -> CheckStatus? {
        record.checks.first { $0.rule == rule }?.status
    }

    func testTheUndamagedTextReadsEveryRowAsPrinted() throws {
        let r = try convert(Self.report)
        XCTAssertEqual(r.report.layout, .revised2021)
        XCTAssertEqual(row(r, "requests.denied.thirdPartyRights"), [2, 0, 0, 0, 0, 0, 2])
        XCTAssertFalse(r.figures.values.contains { $0.provenance.how == .byPosition })
        XCTAssertFalse(r.warnings.contains { $0.code.hasPrefix("rows-") && $0.code != "rows-not-found" }, "\(r.warnings)")
    }

    /// (a) One label lost: its values line is appended to the row above; the labels present are in the
    /// form's order and one row (4.保护第三方合法权益) is missing between 3. and 5.: placed there, and the
    /// identities hold with it.
    func testAUnlabelledRowIsPlacedWhereTheOnlyMissingLabelIs() throws {
        let r = try convert(damaged(["4.保护第三方合法权益"]))
        XCTAssertEqual(row(r, "requests.denied.thirdPartyRights"), [2, 0, 0, 0, 0, 0, 2])
        XCTAssertEqual(row(r, "requests.denied.endangersSafety"), [0, 0, 0, 0, 0, 0, 0], "the row its values ran on from")
        let placed = try XCTUnwrap(r.figures["requests.denied.thirdPartyRights.naturalPerson"])
        XCTAssertEqual(placed.provenance.how, .byPosition)
        XCTAssertEqual(placed.provenance.raw, "2")
        XCTAssertEqual(placed.provenance.location.table, "表三")
        XCTAssertEqual(placed.provenance.location.column, "自然人")
        XCTAssertEqual(placed.provenance.derivedFrom, ["t3.handledTotal.naturalPerson", "t3.rowTotal.denied.thirdPartyRights"])
        XCTAssertEqual(r.figures["requests.denied.endangersSafety.naturalPerson"]?.provenance.how, .printed)
        let warning = try XCTUnwrap(r.warnings.first { $0.code == "rows-by-position" })
        XCTAssertTrue(warning.message.contains("\"2 0 0 0 0 0 2\" at 不予公开 › 第三方"), warning.message)
        XCTAssertTrue(warning.message.contains("identities cannot prove an order"), warning.message)
        // The identities that decided are used for the placement, not passing checks.
        XCTAssertEqual(status(r, "t3.rowTotal.denied.thirdPartyRights"), .usedForRecovery)
        XCTAssertEqual(status(r, "t3.handledTotal.naturalPerson"), .usedForRecovery)
        XCTAssertEqual(status(r, "t3.balance.naturalPerson"), .pass)
        XCTAssertFalse(r.checks.contains { $0.status == .fail }, "\(r.checks.filter { $0.status == .fail })")
        // (The tool glued 行政规范性文件's first number to its label, "行政规范性文件5 2 31": that row of 表二 is
        // incomplete in the undamaged text too.)
        XCTAssertFalse(r.warnings.contains { $0.code == "row-incomplete" && $0.message.hasPrefix("表三") })
    }

    /// (b) Table 二's rows are named by no identity: a value row without its label there is never placed;
    /// its figures and those of the row it ran on from are null, with a warning. (The tool glued 收费's
    /// label to its figure, "行政事业性收费0.12", which then reads as a header line; it is printed with its
    /// space here, as the row of the next label present.)
    func testBTableTwoRowsAreNeverPlacedByPosition() throws {
        let r = try convert(damaged(["行政强制"], also: [("行政事业性收费0.12", "行政事业性收费 0.12")]))
        XCTAssertNotNil(r.figures["proactive.enforcement.decisions"])
        XCTAssertNil(r.figures["proactive.enforcement.decisions"]?.value)
        XCTAssertNil(r.figures["proactive.penalties.decisions"]?.value, "行政处罚's line ran on: which cells are its own is not proven")
        XCTAssertEqual(r.figures["proactive.licensing.decisions"]?.value, 2418)
        XCTAssertEqual(r.figures["proactive.fees.amountWanYuan"]?.value, Decimal(string: "0.12"))
        let warning = try XCTUnwrap(r.warnings.first { $0.code == "rows-not-placed" })
        XCTAssertTrue(warning.message.contains("no identity checks proactive.enforcement.decisions"), warning.message)
        XCTAssertFalse(r.figures.values.contains { $0.provenance.how == .byPosition })
        // Table 三 is untouched.
        XCTAssertEqual(row(r, "requests.handledTotal"), [41, 6, 0, 1, 2, 0, 50])
    }

    /// (c) The placement the positions give contradicts an identity (here the table as printed breaks its
    /// column sum: （七）总计 prints 40 where its rows add up to 41): nothing is placed, every cell null.
    func testCAPlacementAnIdentityContradictsIsNotKept() throws {
        let r = try convert(damaged(["4.保护第三方合法权益"], also: [("（七）总计 41 6", "（七）总计 40 6")]))
        XCTAssertEqual(row(r, "requests.denied.thirdPartyRights"), [nil, nil, nil, nil, nil, nil, nil])
        XCTAssertEqual(row(r, "requests.denied.endangersSafety"), [nil, nil, nil, nil, nil, nil, nil])
        XCTAssertNotNil(r.figures["requests.denied.thirdPartyRights.total"])
        XCTAssertEqual(r.figures["requests.denied.thirdPartyRights.total"]?.provenance.how, .unreadable)
        let warning = try XCTUnwrap(r.warnings.first { $0.code == "rows-not-placed" })
        XCTAssertTrue(warning.message.contains("t3.handledTotal.naturalPerson does not hold"), warning.message)
        XCTAssertFalse(r.figures.values.contains { $0.provenance.how == .byPosition })
        XCTAssertFalse(r.checks.contains { $0.status == .usedForRecovery })
    }

    /// (d) The unlabelled rows do not fill the gap: 3. and 4. are both missing (3.'s whole row is lost, 4.'s
    /// label), so one row of values stands where two rows are missing: nothing is placed.
    func testDAGapOfAnotherSizeThanItsRowsPlacesNothing() throws {
        let r = try convert(damaged(["4.保护第三方合法权益"], also: [("3.危及“三安全一稳定” 0 0 0 0 0 0 0\n", "")]))
        XCTAssertNil(r.figures["requests.denied.thirdPartyRights.naturalPerson"]?.value)
        XCTAssertNil(r.figures["requests.denied.endangersSafety.naturalPerson"]?.value)
        XCTAssertEqual(row(r, "requests.denied.prohibitedByLaw"), [nil, nil, nil, nil, nil, nil, nil], "the row the values ran on from")
        XCTAssertTrue(r.warnings.contains { $0.code == "row-incomplete" && $0.message.contains("2.其他法律行政法规禁止公开") })
        let warning = try XCTUnwrap(r.warnings.first { $0.code == "rows-not-placed" })
        XCTAssertTrue(warning.message.contains("7 value cells stand where 2 rows of the form (14 cells) are missing"), warning.message)
        XCTAssertFalse(r.figures.values.contains { $0.provenance.how == .byPosition })
        // Labels out of the form's order place nothing either.
        let swapped = damaged(["4.保护第三方合法权益"], also: [
            ("1.属于国家秘密 0 0 0 0 0 0 0\n2.其他法律行政法规禁止公开 0 0 0 0 0 0 0\n",
             "2.其他法律行政法规禁止公开 0 0 0 0 0 0 0\n1.属于国家秘密 0 0 0 0 0 0 0\n")])
        let s = try convert(swapped)
        XCTAssertNil(s.figures["requests.denied.thirdPartyRights.naturalPerson"]?.value)
        XCTAssertTrue(s.warnings.contains { $0.code == "rows-not-placed" && $0.message.contains("not in the form's order") }, "\(s.warnings)")
    }

    /// (e) Two rows of one group lose their labels (3. and 4. of （三）不予公开): they are placed in the
    /// order printed; the column sums would hold with them swapped too, which the warning says.
    func testERowsOfOneGroupArePlacedInPrintedOrderWithTheWarning() throws {
        let r = try convert(damaged(["3.危及“三安全一稳定”", "4.保护第三方合法权益"]))
        XCTAssertEqual(row(r, "requests.denied.endangersSafety"), [0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(row(r, "requests.denied.thirdPartyRights"), [2, 0, 0, 0, 0, 0, 2])
        XCTAssertEqual(r.figures["requests.denied.endangersSafety.total"]?.provenance.how, .byPosition)
        XCTAssertEqual(r.figures["requests.denied.thirdPartyRights.total"]?.provenance.how, .byPosition)
        XCTAssertEqual(r.figures["requests.denied.prohibitedByLaw.total"]?.provenance.how, .printed)
        let warning = try XCTUnwrap(r.warnings.first { $0.code == "rows-by-position" })
        XCTAssertTrue(warning.message.contains("2 value rows printed without labels"), warning.message)
        XCTAssertTrue(warning.message.contains("rows of one group may be swapped without changing a sum"), warning.message)
    }

    /// The first row of a group loses its label: its values follow the group's heading "（三）不予公开". The
    /// form prints the group's rows (2. comes next), so they are not the group's own figures (as
    /// "（六）其他处理 0 0 0 0 0 0 0" would be, printed as one row) but row 1.'s, placed by position; the group
    /// is the sum of its rows (4.保护第三方合法权益 prints 2 | 0 | 0 | 0 | 0 | 0 | 2, the others 0).
    func testValuesAfterAGroupHeadingAreItsFirstRowWhenItsRowsArePrinted() throws {
        let r = try convert(damaged(["1.属于国家秘密"]))
        XCTAssertEqual(row(r, "requests.denied.stateSecret"), [0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(r.figures["requests.denied.stateSecret.total"]?.provenance.how, .byPosition)
        XCTAssertEqual(row(r, "requests.denied"), [2, 0, 0, 0, 0, 0, 2])
        XCTAssertEqual(r.figures["requests.denied.total"]?.provenance.how, .derived)
        // Undamaged, the heading has no figures of its own either.
        let undamaged = try convert(Self.report)
        XCTAssertEqual(undamaged.figures["requests.denied.total"]?.provenance.how, .derived)
    }

    /// Text without layout may print a block's values column by column (plain pdftotext: one number a line,
    /// an empty line after each column). Rows 3. and 4. so printed, 4.'s label lost: the cells' lines are
    /// not rows (an empty line inside a row), so nothing is placed, whatever the sums say.
    func testValuesPrintedColumnByColumnAreNotPlaced() throws {
        let columns = "3.危及“三安全一稳定”\n0\n2\n\n0\n0\n\n0\n0\n\n0\n0\n\n0\n0\n\n0\n0\n\n0\n2\n"
        let r = try convert(damaged([], also: [("3.危及“三安全一稳定” 0 0 0 0 0 0 0\n4.保护第三方合法权益 2 0 0 0 0 0 2\n", columns)]))
        XCTAssertNil(r.figures["requests.denied.thirdPartyRights.naturalPerson"]?.value)
        XCTAssertNil(r.figures["requests.denied.endangersSafety.naturalPerson"]?.value)
        let warning = try XCTUnwrap(r.warnings.first { $0.code == "rows-not-placed" })
        XCTAssertTrue(warning.message.contains("their lines are not rows of the form"), warning.message)
    }

    /// One cell per line, an empty line between every two (the real page `Samples/enping-2019-office.txt`,
    /// 2019 trial layout) with the line "4.保护第三方合法权益" deleted: its seven cells (0 in each, as the
    /// page prints them) follow 3.'s and are placed at 4.
    func testOneCellPerLineTextPlacesTheRowToo() throws {
        let url = GoldenSampleTests.samples.appendingPathComponent("enping-2019-office.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        XCTAssertEqual(lines.filter { $0.hasPrefix("  4.保护第三方合法权益") }.count, 1)
        let damaged = lines.filter { !$0.hasPrefix("  4.保护第三方合法权益") }.joined(separator: "\n")
        let r = try registry.convert(RawInput(name: "enping-damaged.txt", bytes: Array(damaged.utf8)))
        XCTAssertEqual(r.report.layout, .trial2019)
        XCTAssertEqual(row(r, "requests.denied.thirdPartyRights"), [0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(r.figures["requests.denied.thirdPartyRights.total"]?.provenance.how, .byPosition)
        XCTAssertTrue(r.warnings.contains { $0.code == "rows-by-position" })
    }

    /// A table whose rows are separate cells (a markdown table) with a row's label cell left empty: the
    /// row is unlabelled on its own and placed the same way.
    func testARowWithAnEmptyLabelCellIsPlacedToo() throws {
        var text = Self.report
        let start = try XCTUnwrap(text.range(of: "一、本年新收政府信息公开申请数量"))
        let end = try XCTUnwrap(text.range(of: "四、政府信息公开行政复议"))
        let rows = text[start.lowerBound..<end.lowerBound].split(separator: "\n").map { line -> String in
            var cells = line.split(separator: " ").map(String.init)
            if cells.count == 8 {
                if cells[0] == "5.属于三类内部事务信息" { cells[0] = "" }
                return "| " + cells.joined(separator: " | ") + " |"
            }
            return "| " + line + " | | | | | | | |"
        }
        text.replaceSubrange(start.lowerBound..<end.lowerBound, with: rows.joined(separator: "\n") + "\n")
        let r = try convert(text)
        XCTAssertEqual(row(r, "requests.denied.internalAffairs"), [0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(r.figures["requests.denied.internalAffairs.total"]?.provenance.how, .byPosition)
        XCTAssertEqual(row(r, "requests.denied.thirdPartyRights"), [2, 0, 0, 0, 0, 0, 2])
        XCTAssertEqual(r.figures["requests.denied.thirdPartyRights.total"]?.provenance.how, .printed)
    }
}
