import XCTest
@testable import GirconvAdapters
import GirconvCore

/// Issue #17: a page saved as text, one cell per line. The report below is made up for the test (2021
/// revised layout); most of its cells are blank. Every expected figure is typed from the cells listed here.
final class OneCellPerLineTests: XCTestCase {
    let registry = BuiltinAdapters.registry()

    /// A blank cell.
    static let b = "\u{00A0}"
    static let blankRow = [String](repeating: b, count: 7)

    /// The cells of the report, in reading order; `b` is a blank cell.
    static var cells: [String] {
        var c = ["示例镇人民政府2021年政府信息公开工作年度报告", "一、总体情况", "2021年，本镇主动公开政府信息86条。",
                 "二、主动公开政府信息情况",
                 "第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数",
                 "规章", b, b, b,
                 "行政规范性文件", "3", b, "12",
                 "第二十条第（五）项", "信息内容", "本年处理决定数量", "行政许可", "25",
                 "第二十条第（六）项", "信息内容", "本年处理决定数量", "行政处罚", b, "行政强制", "4",
                 "第二十条第（八）项", "信息内容", "本年收费金额（单位：万元）", "行政事业性收费", b,
                 "三、收到和处理政府信息公开申请情况",
                 "申请人情况", "自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
        c += ["一、本年新收政府信息公开申请数量", "3", b, b, b, b, b, "3"]
        c += ["二、上年结转政府信息公开申请数量"] + blankRow
        c += ["三、本年度办理结果", "（一）予以公开", "2", b, b, b, b, b, "2"]
        c += ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）"] + blankRow
        c += ["（三）不予公开"]
        for label in ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
                      "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"] {
            c += [label] + blankRow
        }
        c += ["（四）无法提供", "1.本机关不掌握相关政府信息", "1", b, b, b, b, b, "1"]
        c += ["2.没有现成信息需要另行制作"] + blankRow + ["3.补正后申请内容仍不明确"] + blankRow
        c += ["（五）不予处理", "1.信访举报投诉类申请"] + blankRow
        // A row that lost a cell: six where seven are expected.
        c += ["2.重复申请", b, b, b, b, b, b]
        for label in ["3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息"] { c += [label] + blankRow }
        c += ["（六）其他处理"]
        for label in ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                      "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"] { c += [label] + blankRow }
        c += ["（七）总计", "3", b, b, b, b, b, "3"]
        c += ["四、结转下年度继续办理"] + blankRow
        c += ["四、政府信息公开行政复议、行政诉讼情况", "行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
              "未经复议直接起诉", "复议后起诉", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
              "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
        c += [b, "1", b, b, "1", b, b, b, b, b, b, b, b, b, b]
        c += ["五、存在的主要问题及改进情况", "政策解读形式不够丰富。", "六、其他需要报告的事项", "无。"]
        return c
    }

    /// Each cell on a line of its own, indented as a saved page indents them, lines joined by `separator`.
    static func text(_ cells: [String], separator: String) -> String {
        cells.map { "  " + $0 }.joined(separator: separator) + "\n"
    }

    static let seven = ["naturalPerson", "business", "research", "nonprofit", "legalService", "otherOrg", "total"]

    func convert(_ text: String) throws -> CanonicalRecord {
        try registry.convert(RawInput(name: "cells.txt", bytes: Array(text.utf8)))
    }

    func row(_ r: CanonicalRecord, _ path: String) -> [Decimal?] {
        Self.seven.map { r.figures["\(path).\($0)"]?.value }
    }

    /// Cells separated by empty lines: a line of spaces or NBSP between two of them is a blank cell, read as
    /// 0 like a blank cell of an HTML table, however many blank cells the tables hold.
    func testManyBlankCellsBetweenEmptyLinesAreCells() throws {
        let r = try convert(Self.text(Self.cells, separator: "\n\n"))
        XCTAssertEqual(r.report.layout, .revised2021)
        XCTAssertEqual(row(r, "requests.newReceived"), [3, 0, 0, 0, 0, 0, 3])
        XCTAssertEqual(row(r, "requests.carriedOver"), [0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(row(r, "requests.granted"), [2, 0, 0, 0, 0, 0, 2])
        XCTAssertEqual(row(r, "requests.partiallyGranted"), [0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(row(r, "requests.denied.stateSecret"), [0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(row(r, "requests.unableToProvide.notHeld"), [1, 0, 0, 0, 0, 0, 1])
        XCTAssertEqual(row(r, "requests.otherHandling.other"), [0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(row(r, "requests.handledTotal"), [3, 0, 0, 0, 0, 0, 3])
        XCTAssertEqual(row(r, "requests.carriedForward"), [0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(r.figures["requests.newReceived.business"]?.provenance.how, .blankAsZero)
        XCTAssertEqual(r.figures["requests.newReceived.total"]?.provenance.how, .printed)

        // Table 二: blank cells in rows with figures, and rows of blank cells only.
        XCTAssertEqual(["made", "repealed", "inForce"].map { r.figures["proactive.rules.\($0)"]?.value }, [0, 0, 0])
        XCTAssertEqual(["made", "repealed", "inForce"].map { r.figures["proactive.normativeDocs.\($0)"]?.value }, [3, 0, 12])
        XCTAssertEqual(r.figures["proactive.normativeDocs.repealed"]?.provenance.how, .blankAsZero)
        XCTAssertEqual(r.figures["proactive.licensing.decisions"]?.value, 25)
        XCTAssertEqual(r.figures["proactive.penalties.decisions"]?.value, 0)
        XCTAssertEqual(r.figures["proactive.enforcement.decisions"]?.value, 4)
        XCTAssertEqual(r.figures["proactive.fees.amountWanYuan"]?.value, 0)

        // Table 四: one row of fifteen cells.
        XCTAssertEqual(["upheld", "corrected", "other", "pending", "total"].map { r.figures["appeals.review.\($0)"]?.value }, [0, 1, 0, 0, 1])
        XCTAssertEqual(["upheld", "corrected", "other", "pending", "total"].map { r.figures["appeals.litigationDirect.\($0)"]?.value }, [0, 0, 0, 0, 0])

        // A row whose cell count is not the layout's: null, with a warning; no cell moves into another column.
        XCTAssertEqual(row(r, "requests.notProcessed.repeated"), [nil, nil, nil, nil, nil, nil, nil])
        XCTAssertTrue(r.warnings.contains { $0.code == "row-incomplete" && $0.message.contains("2.重复申请") && $0.message.contains("6 cells") })
        XCTAssertFalse(r.checks.contains { $0.status == .fail }, "\(r.checks.filter { $0.status == .fail }.map(\.rule))")
    }

    /// A row with a blank cell too many (four cells where three are expected, the extra one inside the row):
    /// null with a warning, never read with its figures shifted into other columns.
    func testARowWithACellTooManyIsNull() throws {
        var cells = Self.cells
        let at = try XCTUnwrap(cells.firstIndex(of: "行政规范性文件"))
        cells.replaceSubrange(at...(at + 3), with: ["行政规范性文件", "3", Self.b, Self.b, "12"])
        let r = try convert(Self.text(cells, separator: "\n\n"))
        XCTAssertEqual(["made", "repealed", "inForce"].map { r.figures["proactive.normativeDocs.\($0)"]?.value }, [nil, nil, nil])
        XCTAssertTrue(r.warnings.contains { $0.code == "row-incomplete" && $0.message.contains("行政规范性文件") && $0.message.contains("4 cells") })
        XCTAssertEqual(["made", "repealed", "inForce"].map { r.figures["proactive.rules.\($0)"]?.value }, [0, 0, 0])
        XCTAssertEqual(r.figures["proactive.licensing.decisions"]?.value, 25)
    }

    /// The same report where lines of spaces are the separators (every cell followed by one): they are
    /// spacing, not cells. Such text has no way to print a blank cell; here every cell holds a figure.
    func testWhitespaceLinesThatSeparateEveryCellAreSpacing() throws {
        let printed = Self.cells.map { $0 == Self.b ? "0" : $0 }
        let r = try convert(Self.text(printed, separator: "\n \n"))
        XCTAssertEqual(r.report.layout, .revised2021)
        XCTAssertEqual(row(r, "requests.newReceived"), [3, 0, 0, 0, 0, 0, 3])
        XCTAssertEqual(row(r, "requests.granted"), [2, 0, 0, 0, 0, 0, 2])
        XCTAssertEqual(row(r, "requests.handledTotal"), [3, 0, 0, 0, 0, 0, 3])
        XCTAssertEqual(r.figures["requests.newReceived.business"]?.provenance.how, .printed)
        XCTAssertEqual(["made", "repealed", "inForce"].map { r.figures["proactive.normativeDocs.\($0)"]?.value }, [3, 0, 12])
        XCTAssertEqual(["upheld", "corrected", "other", "pending", "total"].map { r.figures["appeals.review.\($0)"]?.value }, [0, 1, 0, 0, 1])
        XCTAssertEqual(row(r, "requests.notProcessed.repeated"), [nil, nil, nil, nil, nil, nil, nil])
        XCTAssertTrue(r.warnings.contains { $0.code == "row-incomplete" && $0.message.contains("2.重复申请") })
    }

    /// Cells one per line with nothing between them, and lines of spaces as blank cells (no empty lines).
    func testBlankCellsBetweenAdjacentCellLines() throws {
        let r = try convert(Self.text(Self.cells, separator: "\n"))
        XCTAssertEqual(row(r, "requests.newReceived"), [3, 0, 0, 0, 0, 0, 3])
        XCTAssertEqual(row(r, "requests.carriedOver"), [0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(["made", "repealed", "inForce"].map { r.figures["proactive.normativeDocs.\($0)"]?.value }, [3, 0, 12])
        XCTAssertEqual(row(r, "requests.notProcessed.repeated"), [nil, nil, nil, nil, nil, nil, nil])
    }
}
