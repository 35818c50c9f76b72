import CLibXML2
import GirconvCore

/// Reads an HTML report page with libxml2 into a `ReportDocument`: every leaf `<table>` as a grid, the
/// report body as lines of text (one line per block, table rows with cells joined by " | "), and title
/// hints from headings and `<title>`. Site chrome (navigation, breadcrumbs, related-article lists,
/// footers) is left out of the text, so it can never become a title or a figure.
public struct HTMLReportReader: DocumentReader {
    public init() {}
    public var mediaTypes: [String] { ["text/html"] }

    public func read(_ decoded: DecodedInput, source: SourceInfo) throws -> ReportDocument {
        let document: HTMLDocument
        do {
            document = try HTMLDocument(utf8: decoded.text)
        } catch {
            throw GirconvError.undecodable(path: source.name, reason: "\(error)")
        }
        var extractor = BodyExtractor()
        var tables: [TableGrid] = []
        var hints: [String] = []
        // The walk sees nodes without references to their document: the document lives until it ends.
        withExtendedLifetime(document) {
            let root = document.root?.raw
            // <html><head>…<body>: found among the root's children (an XPath "//body" would visit every node).
            let body = root.flatMap { Self.child(of: $0, named: "body") } ?? document.select("//body").first?.raw
            if let top = body ?? root {
                extractor.walk(top)
            }
            extractor.endLine()
            for table in extractor.tables {
                let grid = HTMLTableGridBuilder.grid(of: table, tableIndex: tables.count + 1)
                if !grid.rows.isEmpty { tables.append(grid) }
            }
            hints = extractor.headings
            let head = root.flatMap { Self.child(of: $0, named: "head") }
            if let title = (head.flatMap { Self.child(of: $0, named: "title") } ?? document.select("//title").first?.raw)
                .map(Self.textContent) {
                hints += Self.pageTitleParts(title)
            }
        }
        let text = extractor.lines.joined(separator: "\n")
        let lines = ReportDocument.splitLines(text)
        return ReportDocument(source: source, text: text, lines: lines, tables: tables, titleHints: hints)
    }

    /// The first child element of `node` with the name.
    static func child(of node: RawNode, named name: StaticString) -> RawNode? {
        node.children.first { $0.hasName(name) }
    }

    /// All text below a node (libxml2's own concatenation).
    static func textContent(_ node: RawNode) -> String {
        guard let content = xmlNodeGetContent(node.pointer) else { return "" }
        defer { clibxml2_free(content) }
        return String(cString: content)
    }

    /// A page `<title>` usually appends the site name ("…年度报告_恩平市人民政府"): split it off.
    static func pageTitleParts(_ title: String) -> [String] {
        let separators: Set<Character> = ["_", "|", "｜", "-", "—"]
        return title.split(whereSeparator: { separators.contains($0) })
            .map { HTMLTableGridBuilder.collapseWhitespace(String($0)) }
            .filter { !$0.isEmpty }
    }
}

/// One pass over the body: text lines, the leaf tables, and headings.
struct BodyExtractor {
    var lines: [String] = []
    var tables: [HTMLTableCells] = []
    var headings: [String] = []
    private var current = UTF8Builder(capacity: 256)

    /// Roles of element names seen in this document, by libxml2's interned name pointer.
    private var roles: [UnsafeRawPointer: ChromeRules.Role] = [:]
    /// `ChromeRules.isChromeName` of the class and id values seen (a site repeats a few dozen of them).
    private var chromeNames: [String: Bool] = [:]

    mutating func isChromeName(_ value: String?) -> Bool {
        guard let value, !value.isEmpty else { return false }
        if let known = chromeNames[value] { return known }
        let answer = ChromeRules.isChromeName(value)
        chromeNames[value] = answer
        return answer
    }

    mutating func endLine() {
        let line = current.isEmpty ? "" : HTMLTableGridBuilder.collapseWhitespace(current.string)
        current.removeAll()
        guard !line.isEmpty else { return }
        if ChromeLines.isChrome(line) { return }
        lines.append(line)
    }

    mutating func role(of element: RawNode) -> ChromeRules.Role {
        guard let key = element.namePointer else { return .inline }
        if let known = roles[key] { return known }
        let role = ChromeRules.role(of: element.name)
        roles[key] = role
        return role
    }

    mutating func walk(_ node: RawNode) {
        for child in node.children {
            if child.isText {
                child.withText { current.append(bytes: $0) }
                continue
            }
            guard child.isElement else { continue }
            let role = role(of: child)
            if role == .invisible { continue }
            let (className, id) = child.classAndID
            if isChrome(child, role: role, className: className, id: id) { endLine(); continue }
            if role == .lineBreak { endLine(); continue }
            if role == .table {
                endLine()
                readTable(child)
                continue
            }
            let block = role == .block || role == .heading
            if block { endLine() }
            if role == .heading || (className ?? "").lowercased().has("title") {
                let text = HTMLTableGridBuilder.cellText(child)
                if text.count >= 6 && text.count <= 100 { headings.append(text) }
            }
            walk(child)
            if block { endLine() }
        }
    }

    /// A table used for page layout rather than data: it holds other tables or a heading (known before any
    /// cell text is read), or it is a single cell, or a cell holds a whole article (more than 300 characters).
    static func isLayoutTable(_ element: RawNode, cells: () -> HTMLTableCells) -> Bool {
        if element.hasDescendant(where: { $0.hasName("table") || $0.hasName("h1") || $0.hasName("h2") || $0.hasName("h3") }) {
            return true
        }
        let texts = cells().texts
        if texts.reduce(0, { $0 + $1.count }) <= 1 { return true }
        return texts.contains { row in row.contains { $0.count > 300 } }
    }

    /// A table: data tables are kept as grids and their rows written as text lines, one line per row;
    /// layout tables are walked for their content.
    mutating func readTable(_ element: RawNode) {
        var read: HTMLTableCells?
        func cells() -> HTMLTableCells {
            if let read { return read }
            let table = HTMLTableCells(element)
            read = table
            return table
        }
        if Self.isLayoutTable(element, cells: cells) {
            walk(element)
            return
        }
        let table = cells()
        tables.append(table)
        for row in table.texts {
            current.append(row.joined(separator: " | "))
            endLine()
        }
    }

    /// Navigation, footers, related-article lists and the like — unless they hold a table (some sites
    /// wrap the whole article in a `class="...content-bottom..."` box).
    mutating func isChrome(_ node: RawNode, role: ChromeRules.Role, className: String?, id: String?) -> Bool {
        let named = role == .chromeTag || isChromeName(className) || isChromeName(id)
        guard named else { return false }
        return !node.hasDescendant { $0.hasName("table") }
    }
}
