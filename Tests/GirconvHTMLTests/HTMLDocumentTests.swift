import XCTest
import GirconvCore
@testable import GirconvHTML

final class HTMLDocumentTests: XCTestCase {
    func testNodeOutlivesItsDocumentReference() throws {
        var node: HTMLNode?
        do {
            let document = try HTMLDocument(utf8: "<html><body><p id='x'>政府信息公开</p></body></html>")
            node = document.select("//p").first
        }
        // The only reference to the document is now the node's; the tree must still be alive.
        XCTAssertEqual(node?.attribute("id"), "x")
        XCTAssertEqual(node?.textContent, "政府信息公开")
        XCTAssertEqual(node?.line, 1)
        node = nil
    }

    func testManyDocumentsAreFreed() throws {
        // Parse and drop many documents: with leaks or double frees this crashes or grows without bound.
        for i in 0..<2_000 {
            let document = try HTMLDocument(utf8: "<table><tr><td>\(i)</td></tr></table>")
            XCTAssertEqual(document.select("//td").count, 1)
        }
    }

    func testMalformedMarkupIsRecovered() throws {
        let document = try HTMLDocument(utf8: "<table><tr><td>规章<td>0<tr><td>规范性文件<td>6</table><p>unclosed <b>bold <i>italic")
        let rows = document.select("//tr")
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(document.select("//td").map(\.textContent), ["规章", "0", "规范性文件", "6"])
    }

    func testEmptyAndJunkInputsDoNotCrash() throws {
        for input in ["", "<", "<<<>>>", "\u{0}\u{1}", String(repeating: "<div>", count: 5_000), "</table></tr></td>"] {
            _ = (try? HTMLDocument(utf8: input))?.select("//td")
        }
    }

    func testExplicitUTF8WinsOverAMetaThatLies() throws {
        let page = "<html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'></head><body><p>朱镕基 政府信息公开</p></body></html>"
        let document = try HTMLDocument(utf8: page)
        XCTAssertEqual(document.select("//p").first?.textContent, "朱镕基 政府信息公开")
    }

    func testCellTextFlattensWordMarkupAndBreaks() throws {
        let html = """
        <table><tr><td width=64><p class=MsoNormal align=center><span lang=EN-US style='font-size:10.5pt'>本年新<br/>制作数量<o:p></o:p></span></p></td>
        <td>&nbsp;</td><td> 商业 企业 </td><td><p>1</p><p>2</p></td></tr></table>
        """
        let document = try HTMLDocument(utf8: html)
        let cells = document.select("//td").map(HTMLTableGridBuilder.cellText)
        XCTAssertEqual(cells, ["本年新 制作数量", "", "商业 企业", "1 2"])
    }

    func grid(_ html: String) throws -> TableGrid {
        let document = try HTMLDocument(utf8: html)
        return HTMLTableGridBuilder.grid(of: try XCTUnwrap(document.select("//table").first), tableIndex: 1)
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
