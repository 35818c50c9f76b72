import XCTest
import GirconvCore
import GirconvXML
@testable import GirconvHTML

/// HTML tables as grids: cell texts, spans, nested tables. Each table is read from libxml2's own tree and
/// from the SAX `HTMLTree`, which must agree.
final class HTMLTableGridBuilderTests: XCTestCase {
    /// `read` applied to the first table of the page in both trees (the same result required of both).
    func withTable<R: Equatable>(_ html: String, file: StaticString = #filePath, line: UInt = #line,
                                 _ read: (any MarkupNode) throws -> R) throws -> R {
        func first<Tree: MarkupTree>(_ tree: Tree) throws -> R {
            try withExtendedLifetime(tree) { try read(XCTUnwrap(tree.first(named: "table"), file: file, line: line)) }
        }
        let fromLibxml2 = try first(LibXML2Tree(html: html))
        XCTAssertEqual(try first(HTMLTree(utf8: html)), fromLibxml2, file: file, line: line)
        return fromLibxml2
    }

    func testCellTextFlattensWordMarkupAndBreaks() throws {
        let html = """
        <table><tr><td width=64><p class=MsoNormal align=center><span lang=EN-US style='font-size:10.5pt'>本年新<br/>制作数量<o:p></o:p></span></p></td>
        <td>&nbsp;</td><td> 商业 企业 </td><td><p>1</p><p>2</p></td></tr></table>
        """
        let cells = try withTable(html) { cellTexts(of: $0) }
        XCTAssertEqual(cells, ["本年新 制作数量", "", "商业 企业", "1 2"])
    }

    func grid(_ html: String) throws -> TableGrid {
        try withTable(html) { grid(of: $0) }
    }

    func grid<Node: MarkupNode>(of table: Node) -> TableGrid { HTMLTableGridBuilder.grid(of: HTMLTableCells(table), tableIndex: 1) }

    func cellTexts<Node: MarkupNode>(of table: Node) -> [String] {
        HTMLTableCells(table).cells.joined().map { HTMLTableGridBuilder.cellText($0) }
    }

    func texts(_ grid: TableGrid) -> [[String]] { grid.rows.map { $0.cells.map(\.text) } }

    func testRowspanAndColspanAreExpandedWithOrigins() throws {
        let g = try grid("""
        <table><tr><td rowspan=2 colspan=2>A</td><td colspan=2>B</td></tr>
        <tr><td>c</td><td>d</td></tr>
        <tr><td>e</td><td rowspan=0>f</td><td colspan="2x">g</td></tr></table>
        """)
        XCTAssertEqual(texts(g), [["A", "A", "B", "B"], ["A", "A", "c", "d"], ["e", "f", "g", "g"]])
        XCTAssertEqual(g.rows[1].cells[1].originRow, 0)
        XCTAssertEqual(g.rows[1].cells[1].originColumn, 0)
        XCTAssertEqual(g.rows[1].ownCells.map(\.text), ["c", "d"])
        XCTAssertEqual(g.rows[0].cells[2].location.columnIndex, 3)
    }

    func testOverlappingSpansKeepTheEarlierCell() throws {
        // Row 2's colspan=3 would cover the slot row 1's rowspan holds.
        let g = try grid("""
        <table><tr><td>a</td><td rowspan=2>B</td><td>c</td></tr>
        <tr><td colspan=3>X</td></tr></table>
        """)
        XCTAssertEqual(texts(g)[0], ["a", "B", "c"])
        XCTAssertEqual(texts(g)[1], ["X", "B", "X"])
    }

    func testSpansAreClampedAndRowspanStopsAtTheTableEnd() throws {
        let g = try grid("<table><tr><td colspan=100000 rowspan=99999>x</td></tr><tr><td>y</td></tr></table>")
        XCTAssertEqual(g.rows.count, 2)
        XCTAssertEqual(g.rows[0].cells.count, HTMLTableGridBuilder.maxColspan)
        XCTAssertEqual(g.rows[1].cells.last?.text, "y")
    }

    func testNestedTableRowsBelongToTheirOwnTable() throws {
        let g = try grid("<table><tr><td>outer<table><tr><td>inner</td></tr></table></td><td>1</td></tr></table>")
        XCTAssertEqual(g.rows.count, 1)
        XCTAssertEqual(texts(g)[0], ["outer", "1"])
    }
}
