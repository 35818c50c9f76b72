import GirconvCore
import GirconvText
import GirconvXML

/// Turns an HTML `<table>` into a `TableGrid`: every row a list of slots, rowspan/colspan expanded so that
/// each slot knows the cell it came from. Rows of nested tables are not rows of this table.
///
/// Spans are clamped (colspan ≤ 64, rowspan ≤ 256; 0 or junk means 1). Where a span would cover a slot
/// another cell already holds (overlapping spans in broken markup), the earlier cell keeps the slot.
enum HTMLTableGridBuilder {
    static let maxColspan = 64
    static let maxRowspan = 256

    /// The grid of a table whose cells and their texts are already read.
    static func grid<Node: MarkupNode>(of table: HTMLTableCells<Node>, tableIndex: Int) -> TableGrid {
        let rows = table.cells
        // The cells in reading order, and for each slot the index of the cell that fills it (-1: none yet):
        // slots hold small integers, and each cell is copied once per slot only when the rows are made.
        var cells: [GridCell] = []
        var slots: [[Int32]] = Array(repeating: [], count: rows.count)
        for (r, tds) in rows.enumerated() {
            var column = 0
            for (c, td) in tds.enumerated() {
                while column < slots[r].count, slots[r][column] >= 0 { column += 1 }
                let colspan = span(td.attribute("colspan"), limit: maxColspan)
                let rowspan = min(span(td.attribute("rowspan"), limit: maxRowspan), rows.count - r)
                let cell = Int32(cells.count)
                cells.append(GridCell(text: table.texts[r][c], line: td.line, tableIndex: tableIndex, rowIndex: r + 1,
                                      columnIndex: column + 1, originRow: r, originColumn: column))
                for dr in 0..<rowspan {
                    for dc in 0..<colspan {
                        let (rr, cc) = (r + dr, column + dc)
                        if slots[rr].count <= cc { slots[rr].append(contentsOf: repeatElement(-1, count: cc - slots[rr].count + 1)) }
                        if slots[rr][cc] < 0 { slots[rr][cc] = cell }
                    }
                }
                column += colspan
            }
        }
        let gridRows = slots.enumerated().map { r, row in
            GridRow(cells: row.enumerated().map { c, slot in
                slot >= 0 ? cells[Int(slot)]
                    : GridCell(text: "", line: nil, tableIndex: tableIndex, rowIndex: r + 1, columnIndex: c + 1, originRow: r, originColumn: c)
            }, index: r)
        }
        return TableGrid(rows: gridRows, tableIndex: tableIndex)
    }

    /// The `<tr>` elements of a table in order, through thead/tbody/tfoot and stray wrappers, but not
    /// inside nested tables.
    static func rowElements<Node: MarkupNode>(of table: Node) -> [Node] {
        var rows: [Node] = []
        func walk(_ node: Node) {
            // A hidden row or group of rows is not drawn: it is not a row of the table.
            for child in node.children where child.isElement && child.hiding != .removed {
                if child.hasName("tr") { rows.append(child) } else if !child.hasName("table") { walk(child) }
            }
        }
        walk(table)
        return rows
    }

    static func span(_ value: String?, limit: Int) -> Int {
        guard let value else { return 1 }
        let digits = value.drop(while: { $0 == " " }).prefix { $0.isASCII && $0.isNumber }
        guard let n = Int(digits), n >= 1 else { return 1 }
        return min(n, limit)
    }

    /// The visible text of a cell: `<br>`, paragraphs and other blocks become spaces, footnote markers and
    /// links are set apart by spaces (never more digits of a number), struck-out text is left out;
    /// whitespace (NBSP included) is collapsed. Word-export markup (`<p class=MsoNormal><span>…`, `<o:p>`) is just nesting.
    static func cellText<Node: MarkupNode>(_ cell: Node) -> String {
        var out = UTF8Builder(capacity: 64)
        func walk(_ node: Node) {
            for child in node.children {
                if child.isText { child.withText { out.append(bytes: $0) }; continue }
                guard child.isElement else { continue }
                switch child.hiding {
                case .removed: continue
                case .invisible: out.append(" "); walk(child); out.append(" "); continue
                case .none: break
                }
                switch ChromeRules.role(of: child.name) {
                case .invisible, .table: continue
                case .lineBreak: out.append(" ")
                case .block, .heading, .setApart: out.append(" "); walk(child); out.append(" ")
                case .chromeTag, .inline: walk(child)
                }
            }
        }
        walk(cell)
        return TextNormalizer.collapseWhitespace(out.string)
    }
}

/// A `<table>` element with its rows' cells (`<td>`/`<th>`) and their texts, each read once.
struct HTMLTableCells<Node: MarkupNode> {
    let element: Node
    let cells: [[Node]]
    let texts: [[String]]

    init(_ element: Node) {
        self.element = element
        cells = HTMLTableGridBuilder.rowElements(of: element).map { row in
            // A removed cell is not drawn: the cells after it take its place, as a browser shows them (an
            // invisible one keeps its slot).
            row.children.filter { ($0.hasName("td") || $0.hasName("th")) && $0.hiding != .removed }
        }
        texts = cells.map { row in row.map { HTMLTableGridBuilder.cellText($0) } }
    }
}

