import XCTest
@testable import GirconvCore

final class FlattenedTextGridBuilderTests: XCTestCase {
    func rows(_ text: String) -> [RowView] {
        FlattenedTextGridBuilder.build(lines: ReportDocument.splitLines(text)).rows.map { RowView(row: $0, tableIndex: nil) }
    }

    func testOneCellPerLineWithSeparatorLines() {
        let r = rows("规章\n\n0\n\n0\n\n0\n\n规范性文件\n\n6\n\n6\n\n\u{00A0} 13\n")
        XCTAssertEqual(r.count, 2)
        XCTAssertEqual(r[0].rowLabel?.text, "规章")
        XCTAssertEqual(r[0].values.map(\.text), ["0", "0", "0"])
        XCTAssertEqual(r[1].values.map(\.text), ["6", "6", "13"])
        XCTAssertEqual(r[1].values[2].location.line, 15)
    }

    func testUnitColumnCellsBeforeOrAfterTheNumbersStayInTheirRow() {
        let before = rows("（一）收到申请数\n件\n20\n52\n网络申请数\n件\n21\n27\n")
        XCTAssertEqual(before.count, 2)
        XCTAssertEqual(before[0].labelTexts, ["（一）收到申请数", "件"])
        XCTAssertEqual(before[0].values.map(\.text), ["20", "52"])
        let after = rows("收到申请数\n52\n件\n收取的费用\n0.03\n万元\n")
        XCTAssertEqual(after.count, 2)
        XCTAssertEqual(after[0].rowLabel?.text, "收到申请数")
        XCTAssertEqual(after[0].values.map(\.text), ["52"])
        XCTAssertEqual(after[1].trailingUnit?.text, "万元")
        // A unit word alone, not after a row label, is a label of its own.
        XCTAssertEqual(rows("件\n12\n").first?.rowLabel?.text, "件")
    }

    func testWhitespaceOnlyLinesAreBlankCells() {
        let r = rows("标题\n说明文字\n另一行\n保护第三方合法权益\n1\n\u{00A0}\n  \n0\n0\n0\n1\n")
        let row = r.first { $0.rowLabel?.text == "保护第三方合法权益" }!
        XCTAssertEqual(row.values.map(\.text), ["1", "", "", "0", "0", "0", "1"])
    }

    func testWhitespaceLinesSeparatingTheCellsAreSpacingNotCells() {
        // Every line followed by a space-only line: these are the separators; blank cells are lost.
        let r = rows("规章\n \n0\n \n0\n \n0\n \n")
        XCTAssertEqual(r[0].values.map(\.text), ["0", "0", "0"])
        // So also where a label wraps onto a second line with no separator between its halves.
        let wrapped = rows("（二）部分公开（区分处理的，只计这一情形，\n不计其他情形）\n\u{00A0}\n2\n \n0\n \n2\n \n")
        XCTAssertEqual(wrapped.last?.values.map(\.text), ["2", "0", "2"])
    }

    /// Issue #17: cells separated by empty lines; a whitespace-only line standing alone between them is a
    /// blank cell, however many of them there are (a table most of whose cells are blank).
    func testBlankCellsBetweenEmptySeparatorLinesHoweverMany() {
        let text = "  规章\n\n  \n\n\u{00A0}\n\n  0\n\n  行政规范性文件\n\n  \n\n  6\n\n \u{00A0} \n\n  自然人\n\n  \n\n  \n\n  \n\n"
        let r = rows(text)
        XCTAssertEqual(r.count, 3)
        XCTAssertEqual(r[0].rowLabel?.text, "规章")
        XCTAssertEqual(r[0].values.map(\.text), ["", "", "0"])
        XCTAssertEqual(r[0].values[1].location.line, 5)
        XCTAssertEqual(r[1].values.map(\.text), ["", "6", ""])
        XCTAssertEqual(r[2].values.map(\.text), ["", "", ""])
        // Several whitespace-only lines in one block (no empty line between them) are one blank cell.
        XCTAssertEqual(rows("规章\n\n \n\u{00A0}\n\n0\n").first?.values.map(\.text), ["", "0"])
        // A whitespace-only line glued to a cell's line (no empty line between) is that cell's spacing.
        XCTAssertEqual(rows("规章\n\n2\n  \n\n0\n").first?.values.map(\.text), ["2", "0"])
    }

    /// Rule lines of markdown and ASCII tables draw the table; they are never a row of dashes read as zeros
    /// (issue #15). A dash cell stays a dash.
    func testRuleLinesAreNeverCells() {
        for rule in ["|---|---|---|", "| :--- | :---: | ---: |", "------------", "+-----+-----+", "======", "──────────",
                     "├────┼────┤", "｜---｜---｜", "  ---  "] {
            XCTAssertTrue(FlattenedTextGridBuilder.isRuleLine(rule), rule)
            let r = rows("| 行政复议 | 维持 | 纠正 |\n\(rule)\n| 总计 | 2 | 1 |\n")
            XCTAssertEqual(r.count, 2, rule)
            XCTAssertFalse(r.contains { $0.values.contains { $0.text.contains("-") || $0.text.contains("─") } }, rule)
        }
        // A one-row table whose values are lost: its label row gets no zeros from the rule under it.
        let lost = rows("维持行政复议决定\n---------\n")
        XCTAssertEqual(lost.count, 1)
        XCTAssertEqual(lost[0].values.count, 0)
        for dash in ["—", "——", "-", "－", "- -", "— — —", "-- 0", "12"] {
            XCTAssertFalse(FlattenedTextGridBuilder.isRuleLine(dash), dash)
        }
        XCTAssertEqual(rows("规章\n—\n-\n0\n").first?.values.map(\.text), ["—", "-", "0"])
    }

    func testPipeRows() {
        let r = rows("| 规章 | 0 | 0 | 0 |\n规范性文件 | 6 | | 13\n")
        XCTAssertEqual(r[0].rowLabel?.text, "规章")
        XCTAssertEqual(r[0].values.map(\.text), ["0", "0", "0"])
        XCTAssertEqual(r[1].values.map(\.text), ["6", "", "13"])
    }

    func testProseIsALabelOnlyRow() {
        let r = rows("2019年,市府办公室高度重视政务公开工作。\n行政许可\n0\n")
        XCTAssertTrue(r[0].values.isEmpty)
        XCTAssertEqual(r[1].values.count, 1)
    }
}

extension FlattenedTextGridBuilderTests {
    func testTabRowsKeepBlankCells() {
        let r = rows("（三）不予公开\t1.属于国家秘密\t0\t\t0\t0\t0\t0\t0\n")
        XCTAssertEqual(r[0].labelTexts, ["（三）不予公开", "1.属于国家秘密"])
        XCTAssertEqual(r[0].values.map(\.text), ["0", "", "0", "0", "0", "0", "0"])
    }

    func testSpaceSeparatedRows() {
        let r = rows("规范性文件 6 6 13\n商业 企业 科研机构\n0 0 0 1\n2019年，共收到申请 2 件。\n")
        XCTAssertEqual(r[0].rowLabel?.text, "规范性文件")
        XCTAssertEqual(r[0].values.map(\.text), ["6", "6", "13"])
        XCTAssertEqual(r[0].values[2].location.offset, 10)
        XCTAssertEqual(r[1].rowLabel?.text, "商业 企业 科研机构")
        XCTAssertEqual(r[1].values.map(\.text), ["0", "0", "0", "1"], "a values-only line continues the row above")
        XCTAssertTrue(r[2].values.isEmpty, "prose with a number inside is not a row")
    }
}
