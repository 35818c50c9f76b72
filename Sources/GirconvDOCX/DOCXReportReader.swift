import Foundation
import GirconvCore
import GirconvText
import GirconvXML

/// Reads Word (.docx) reports: `word/document.xml` from the ZIP, parsed by libxml2 (GirconvXML's `LibXML2Tree`).
/// Paragraphs become lines of text; `w:tbl` tables become grids in the shared table model, with
/// `w:gridSpan` (columns) and `w:vMerge` (rows) expanded so every slot knows its origin cell.
///
/// A .docx is an untrusted archive, so every step is bounded (docs/robustness.md): the part is found and
/// bounds-checked by `ZIPPart`, an encrypted part is named as such, the bytes actually inflated are counted
/// and stop at `limits.maxBytes` (whatever size the archive declares), and the XML is parsed strictly, with
/// no DTD (so no entity expansion) and at most `XMLPartError.defaultMaxDepth` levels of nesting.
public struct DOCXReportReader: DocumentReader {
    public init() {}
    public var format: InputFormat { Self.format }
    /// A Word document: a ZIP whose directory names `word/document.xml`.
    public static let format = InputFormat(mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                           signature: .zipMember(documentPart), extensions: ["docx"])

    /// The part read: the main document of a WordprocessingML package.
    static let documentPart = "word/document.xml"

    public func read(_ decoded: DecodedInput, source: SourceInfo) throws -> ReportDocument {
        let xml = try documentXML(decoded.bytes, name: source.name, limit: decoded.limits.maxBytes)
        try xml.withUnsafeBufferPointer { try InputStructure.checkMarkup($0, limits: decoded.limits, path: source.name) }
        let tree = try parse(consume xml, name: source.name)
        var walker = BodyWalker()
        // The walk sees nodes without references to their tree: the tree lives until it ends.
        withExtendedLifetime(tree) {
            if let root = tree.root { walker.walk(root) }
        }
        var docxSource = source
        docxSource.encoding = "UTF-8 (word/document.xml)"
        let text = walker.lines.joined(separator: "\n")
        return ReportDocument(source: docxSource, text: text, lines: ReportDocument.splitLines(text), tables: walker.tables)
    }

    /// The XML as a tree (the bytes, given up by the caller, are released once it is built).
    func parse(_ xml: [UInt8], name: String) throws -> LibXML2Tree {
        do {
            return try LibXML2Tree(xmlPart: xml)
        } catch let error as XMLPartError {
            throw GirconvError.undecodable(path: name, reason: "\(Self.documentPart) \(error)")
        }
    }

    /// The bytes of `word/document.xml`, at most `limit` of them.
    func documentXML(_ bytes: [UInt8], name: String, limit: Int) throws -> [UInt8] {
        let found: ZIPPart?
        do { found = try ZIPPart.find(Self.documentPart, in: bytes) } catch {
            throw GirconvError.undecodable(path: name, reason: "not a readable .docx (\(error))")
        }
        guard let part = found else {
            throw GirconvError.undecodable(path: name, reason: "a ZIP without \(Self.documentPart)")
        }
        if part.isEncrypted { throw GirconvError.encrypted(path: name, what: Self.documentPart) }
        // The declared size is a claim: over the limit it is a cheap early refusal, under it proves nothing.
        guard part.declaredSize <= UInt64(max(limit, 0)) else {
            throw GirconvError.inputUnreadable(path: name, reason: "\(Self.documentPart) is declared to inflate to "
                                               + "\(part.declaredSize) bytes, over the limit of \(limit) bytes (raise it with --max-bytes)")
        }
        let inflatesTooFar = GirconvError.inputUnreadable(
            path: name, reason: "\(Self.documentPart) inflates to more than \(limit) bytes, the limit (raise it with --max-bytes)")
        switch part.method {
        case 0:
            guard part.data.count <= limit else { throw inflatesTooFar }
            return Array(bytes[part.data])
        case 8:
            do {
                return try BoundedInflater.inflate(bytes[part.data], limit: limit, expectedSize: part.declaredSize)
            } catch .tooLarge {
                throw inflatesTooFar
            } catch .truncated {
                throw GirconvError.undecodable(
                    path: name, reason: "\(Self.documentPart) is truncated (its compressed data ends before the deflate stream does)")
            } catch .damaged(let why) {
                throw GirconvError.undecodable(path: name, reason: "\(Self.documentPart) is damaged (\(why))")
            }
        default:
            throw GirconvError.undecodable(path: name, reason: "\(Self.documentPart) is compressed with ZIP method \(part.method), "
                                           + "which girconv cannot inflate (only stored and deflate)")
        }
    }
}

/// Walks the document body: paragraphs to lines, tables to grids (and their rows to lines). Both walks use
/// an explicit stack, not recursion: the parser bounds the depth, but a walk should not depend on that.
/// The nodes are `MarkupNode`s, read as the HTML reader reads its own.
struct BodyWalker {
    typealias Node = LibXML2Tree.Node

    var lines: [String] = []
    var tables: [TableGrid] = []

    /// Paragraphs and tables in document order, wherever they sit below `node` (not inside one another).
    mutating func walk(_ node: Node) {
        var elements = DepthFirst(childrenOf: node)
        var noClosingText = ""
        while let child = elements.next(closed: &noClosingText) {
            switch child.name {
            case "p": lines.append(TextNormalizer.collapseWhitespace(Self.text(of: child)))
            case "tbl":
                let grid = Self.grid(of: child, tableIndex: tables.count + 1)
                tables.append(grid)
                for row in grid.rows { lines.append(row.ownCells.map(\.text).joined(separator: " | ")) }
            default: elements.descend(into: child)
            }
        }
    }

    /// The text of a paragraph or cell: `w:t` runs; `w:tab`, `w:br` and paragraph ends become spaces;
    /// nested tables are left to the table walk.
    static func text(of node: Node) -> String {
        var out = ""
        var elements = DepthFirst(childrenOf: node)
        while let child = elements.next(closed: &out) {
            switch child.name {
            case "t": appendText(of: child, to: &out)
            case "tab", "br", "cr": out += " "
            case "p": elements.descend(into: child, closing: " ")
            case "tbl": continue
            case "r":
                switch RunFormat(child) {
                case .hidden: continue
                // A footnote marker or index (superscript, subscript) is never more digits of a number.
                case .raisedOrLowered: out += " "; elements.descend(into: child, closing: " ")
                case .plain: elements.descend(into: child)
                }
            default: elements.descend(into: child)
            }
        }
        return out
    }

    /// What a run's properties (`w:rPr`) make of its text: hidden text (`w:vanish`, Word's "hidden" font
    /// effect) is not shown; superscript and subscript (`w:vertAlign`) are set apart like HTML's `<sup>`.
    enum RunFormat {
        case plain, hidden, raisedOrLowered

        init(_ run: Node) {
            self = .plain
            guard let properties = run.children.first(where: { $0.name == "rPr" }) else { return }
            for property in properties.children where property.isElement {
                switch property.name {
                case "vanish", "specVanish":
                    // A toggle: absent val, "true", "1" or "on" switch it on.
                    let value = property.attribute("val")
                    if value == nil || ["true", "1", "on"].contains(value!) { self = .hidden; return }
                case "vertAlign":
                    if let value = property.attribute("val"), value == "superscript" || value == "subscript" { self = .raisedOrLowered }
                default: continue
                }
            }
        }
    }

    /// The text of a `w:t`: its text and CDATA children as parsed. Entity references are never expanded
    /// (libxml2's `xmlNodeGetContent` would expand them; the strict parse refuses any DTD, so none can exist).
    private static func appendText(of run: Node, to out: inout String) {
        for child in run.children {
            child.withText { out += String(decoding: $0, as: UTF8.self) }
        }
    }

    /// A `w:tbl` as a grid. A cell with `w:vMerge` and no "restart" continues the cell above it.
    static func grid(of table: Node, tableIndex: Int) -> TableGrid {
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
                    cell = GridCell(text: TextNormalizer.collapseWhitespace(text(of: tc)), location: location, originRow: r, originColumn: column)
                }
                for _ in 0..<min(max(span, 1), 64) { slots.append(cell) }
            }
            rows.append(slots)
        }
        return TableGrid(rows: rows.enumerated().map { GridRow(cells: $0.element, index: $0.offset) }, tableIndex: tableIndex)
    }
}

/// Element children in document order, depth first, over an explicit stack: after `next` returns an
/// element, `descend(into:)` makes its children come next, and `closing` text is added when they are done.
private struct DepthFirst {
    typealias Node = BodyWalker.Node
    /// An open element: its children still to look at, the text to add when they are done.
    private struct Level {
        var children: Node.Children.Iterator
        var closing: String
    }
    private var levels: [Level] = []

    init(childrenOf node: Node) {
        // Paragraphs and cells nest a few levels (w:p > w:r > w:t, w:tc > w:p > …).
        levels.reserveCapacity(8)
        levels.append(Level(children: node.children.makeIterator(), closing: ""))
    }

    mutating func descend(into node: Node, closing: String = "") {
        levels.append(Level(children: node.children.makeIterator(), closing: closing))
    }

    /// The next element, or nil at the end; `closed` gets the closing text of each element finished on the way.
    mutating func next(closed: inout String) -> Node? {
        while !levels.isEmpty {
            let top = levels.count - 1
            guard let node = levels[top].children.next() else {
                if !levels[top].closing.isEmpty { closed += levels[top].closing }
                levels.removeLast()
                continue
            }
            if node.isElement { return node }
        }
        return nil
    }
}
