import Foundation
import GirconvCore
import GirconvHTML
import ZIPFoundation

/// Reads Word (.docx) reports: `word/document.xml` from the ZIP (ZIPFoundation) parsed by libxml2.
/// Paragraphs become lines of text; `w:tbl` tables become grids in the shared table model, with
/// `w:gridSpan` (columns) and `w:vMerge` (rows) expanded so every slot knows its origin cell.
public struct DOCXReportReader: DocumentReader {
    public init() {}
    public var mediaTypes: [String] { [InputDecoder.docxMediaType] }

    public func read(_ decoded: DecodedInput, source: SourceInfo) throws -> ReportDocument {
        let xml = try documentXML(decoded.bytes, name: source.name)
        let document: HTMLDocument
        do { document = try HTMLDocument(xml: xml) } catch {
            throw GirconvError.undecodable(path: source.name, reason: "word/document.xml is not XML")
        }
        var walker = BodyWalker()
        if let root = document.root { walker.walk(root) }
        var docxSource = source
        docxSource.encoding = "UTF-8 (word/document.xml)"
        let text = walker.lines.joined(separator: "\n")
        return ReportDocument(source: docxSource, text: text, lines: ReportDocument.splitLines(text), tables: walker.tables)
    }

    func documentXML(_ bytes: [UInt8], name: String) throws -> [UInt8] {
        // The archive is read from a temporary file: ZIPFoundation's in-memory reader traps on some
        // malformed archives (found by fuzzing), its file reader reports them as errors.
        do {
            return try ScratchFile.with(bytes, named: "in.docx") { file in try extract(from: file, name: name) }
        } catch let error as GirconvError {
            throw error
        } catch {
            throw GirconvError.undecodable(path: name, reason: "not a readable .docx (\(error))")
        }
    }

    private func extract(from file: URL, name: String) throws -> [UInt8] {
        do {
            let archive = try Archive(url: file, accessMode: .read)
            guard let entry = archive["word/document.xml"] else {
                throw GirconvError.undecodable(path: name, reason: "a ZIP without word/document.xml")
            }
            guard entry.uncompressedSize < 256 * 1024 * 1024 else {
                throw GirconvError.inputTooLarge(path: name, bytes: Int(entry.uncompressedSize), limit: 256 * 1024 * 1024)
            }
            var xml: [UInt8] = []
            _ = try archive.extract(entry) { chunk in xml.append(contentsOf: chunk) }
            return xml
        } catch let error as GirconvError {
            throw error
        } catch {
            throw GirconvError.undecodable(path: name, reason: "not a readable .docx (\(error))")
        }
    }
}

/// Walks the document body: paragraphs to lines, tables to grids (and their rows to lines).
struct BodyWalker {
    var lines: [String] = []
    var tables: [TableGrid] = []

    mutating func walk(_ node: HTMLNode) {
        for child in node.children where child.isElement {
            switch child.name {
            case "p": lines.append(FlattenedTextGridBuilder.collapse(Self.text(of: child)))
            case "tbl":
                let grid = Self.grid(of: child, tableIndex: tables.count + 1)
                tables.append(grid)
                for row in grid.rows { lines.append(row.ownCells.map(\.text).joined(separator: " | ")) }
            default: walk(child)
            }
        }
    }

    /// The text of a paragraph or cell: `w:t` runs; `w:tab`, `w:br` and paragraph ends become spaces.
    static func text(of node: HTMLNode) -> String {
        var out = ""
        func visit(_ n: HTMLNode) {
            for child in n.children where child.isElement {
                switch child.name {
                case "t": out += child.textContent
                case "tab", "br", "cr": out += " "
                case "p": visit(child); out += " "
                case "tbl": continue
                default: visit(child)
                }
            }
        }
        visit(node)
        return out
    }

    /// A `w:tbl` as a grid. A cell with `w:vMerge` and no "restart" continues the cell above it.
    static func grid(of table: HTMLNode, tableIndex: Int) -> TableGrid {
        var rows: [[GridCell]] = []
        for (r, tr) in table.children.filter({ $0.name == "tr" }).enumerated() {
            var slots: [GridCell] = []
            for tc in tr.children where tc.name == "tc" {
                let properties = tc.children.first { $0.name == "tcPr" }
                let span = properties?.children.first { $0.name == "gridSpan" }?.attribute("val").flatMap { Int($0) } ?? 1
                let merge = properties?.children.first { $0.name == "vMerge" }
                let continues = merge != nil && merge?.attribute("val") != "restart"
                let column = slots.count
                let cell: GridCell
                if continues, r > 0, column < rows[r - 1].count {
                    cell = rows[r - 1][column]
                } else {
                    let location = SourceLocation(tableIndex: tableIndex, rowIndex: r + 1, columnIndex: column + 1)
                    cell = GridCell(text: FlattenedTextGridBuilder.collapse(text(of: tc)), location: location, originRow: r, originColumn: column)
                }
                for _ in 0..<min(max(span, 1), 64) { slots.append(cell) }
            }
            rows.append(slots)
        }
        return TableGrid(rows: rows.enumerated().map { GridRow(cells: $0.element, index: $0.offset) }, tableIndex: tableIndex)
    }
}
