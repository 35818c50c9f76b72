import GirconvCore
import GirconvText
import GirconvXML

/// Reads an HTML report page with libxml2 (through GirconvXML's `HTMLTree`) into a `ReportDocument`: every leaf `<table>` as a grid, the
/// report body as lines of text (one line per block, table rows with cells joined by " | "), and title
/// hints from headings and `<title>`. Site chrome (navigation, breadcrumbs, related-article lists,
/// footers) is left out of the text, so it can never become a title or a figure.
public struct HTMLReportReader: DocumentReader {
    public init() {}
    public var format: InputFormat { Self.format }
    /// A page as web servers send it, whatever the server-side extension.
    public static let format = InputFormat(mediaType: "text/html", signature: .text,
                                           extensions: ["html", "htm", "shtml", "xhtml", "jsp", "asp", "aspx", "php"])

    public func read(_ decoded: DecodedInput, source: SourceInfo) throws -> ReportDocument {
        let tree: HTMLTree
        do {
            tree = try HTMLTree(utf8: decoded.text)
        } catch {
            throw GirconvError.undecodable(path: source.name, reason: "\(error)")
        }
        var document = Self.document(of: tree, source: source)
        if let line = tree.truncatedAtLine {
            document.warnings.append(ReportWarning(
                code: "document-truncated",
                message: "the page nests elements more than 256 deep at line \(line) (unclosed tags, such as hundreds of <span> or <font>); libxml2 stops there, so nothing after line \(line) was read"))
        }
        return document
    }

    /// The same reading over libxml2's own tree (`htmlReadMemory`): the reference `HTMLTree` is tested
    /// against (`HTMLTreeEquivalenceTests`).
    func readWithLibxml2Tree(_ decoded: DecodedInput, source: SourceInfo) throws -> ReportDocument {
        Self.document(of: try LibXML2Tree(html: decoded.text), source: source)
    }

    /// The document of a parsed page: its body, its `<title>`.
    static func document<Tree: MarkupTree>(of tree: Tree, source: SourceInfo) -> ReportDocument {
        // The walk sees nodes without references to their tree: the tree lives until it ends.
        withExtendedLifetime(tree) {
            let root = tree.root
            // <html><head>…<body>: found among the root's children; else the first in the document.
            let body = root.flatMap { child(of: $0, named: "body") } ?? tree.first(named: "body")
            let title = root.flatMap { child(of: $0, named: "head") }.flatMap { child(of: $0, named: "title") }
                ?? tree.first(named: "title")
            return document(root: root, body: body, title: title, source: source)
        }
    }

    /// The document of a page: the body's (else the root's) text lines and leaf tables, the headings and
    /// the `<title>` as title hints.
    static func document<Node: MarkupNode>(root: Node?, body: Node?, title: Node?, source: SourceInfo) -> ReportDocument {
        var extractor = BodyExtractor<Node>()
        if let top = body ?? root { extractor.walk(top) }
        extractor.endLine()
        var tables: [TableGrid] = []
        for table in extractor.tables {
            let grid = HTMLTableGridBuilder.grid(of: table, tableIndex: tables.count + 1)
            if !grid.rows.isEmpty { tables.append(grid) }
        }
        var hints = extractor.headings
        if let title { hints += pageTitleParts(title.textContent) }
        // Each line was collapsed (no line breaks left inside) and checked for chrome as it ended.
        let text = extractor.lines.joined(separator: "\n")
        let lines = ReportDocument.textLines(joined: extractor.lines) ?? ReportDocument.splitLines(text)
        return ReportDocument(source: source, text: text, lines: lines, tables: tables, titleHints: hints, chromeChecked: true)
    }

    /// The first child element of `node` with the name.
    static func child<Node: MarkupNode>(of node: Node, named name: StaticString) -> Node? {
        node.children.first { $0.hasName(name) }
    }

    /// A page `<title>` usually appends the site name ("…年度报告_恩平市人民政府"): split it off.
    static func pageTitleParts(_ title: String) -> [String] {
        let separators: Set<Character> = ["_", "|", "｜", "-", "—"]
        return title.split(whereSeparator: { separators.contains($0) })
            .map { TextNormalizer.collapseWhitespace(String($0)) }
            .filter { !$0.isEmpty }
    }
}

/// One pass over the body: text lines, the leaf tables, and headings.
struct BodyExtractor<Node: MarkupNode> {
    var lines: [String] = []
    var tables: [HTMLTableCells<Node>] = []
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
        let line = current.isEmpty ? "" : TextNormalizer.collapseWhitespace(current.string)
        current.removeAll()
        guard !line.isEmpty else { return }
        if ChromeLines.isChrome(line) { return }
        lines.append(line)
    }

    mutating func role(of element: Node) -> ChromeRules.Role {
        guard let key = element.namePointer else { return .inline }
        if let known = roles[key] { return known }
        let role = ChromeRules.role(of: element.name)
        roles[key] = role
        return role
    }

    /// Walks the children of `top` in document order. An explicit stack, not recursion: a page nests
    /// elements up to libxml2's limit (256), and worker threads have small stacks.
    mutating func walk(_ top: Node) {
        // Each open element: its remaining children, and whether it is a block (a line ends after it) or set
        // apart (a space follows it).
        var stack: [(children: Node.Children.Iterator, block: Bool, setApart: Bool)] = [(top.children.makeIterator(), false, false)]
        while !stack.isEmpty {
            guard let child = stack[stack.count - 1].children.next() else {
                let closed = stack.removeLast()
                if closed.block { endLine() } else if closed.setApart { current.append(" ") }
                continue
            }
            if child.isText {
                child.withText { current.append(bytes: $0) }
                continue
            }
            guard child.isElement else { continue }
            let role = role(of: child)
            // Hidden prose, removed or invisible, is no sentence of the report.
            if role == .invisible || child.hiding != .none { continue }
            let (className, id) = child.classAndID
            if isChrome(child, role: role, className: className, id: id) { endLine(); continue }
            if role == .lineBreak { endLine(); continue }
            if role == .table {
                endLine()
                // A layout table is walked for its content, as any other element (no line ends after it).
                if let layout = readTable(child) { stack.append((layout.children.makeIterator(), false, false)) }
                continue
            }
            let block = role == .block || role == .heading
            if block { endLine() }
            if role == .heading || (className ?? "").lowercased().has("title") {
                let text = HTMLTableGridBuilder.cellText(child)
                if text.utf8.count >= 6, case let count = text.count, count >= 6 && count <= 100 { headings.append(text) }
            }
            if role == .setApart { current.append(" ") }
            stack.append((child.children.makeIterator(), block, role == .setApart))
        }
    }

    /// A table used for page layout rather than data: it holds other tables or a heading (known before any
    /// cell text is read), or it is a single cell, or a cell holds a whole article (more than 300 characters).
    static func isLayoutTable(_ element: Node, cells: () -> HTMLTableCells<Node>) -> Bool {
        if element.hasDescendant(where: { $0.hasName("table") || $0.hasName("h1") || $0.hasName("h2") || $0.hasName("h3") }) {
            return true
        }
        let texts = cells().texts
        if texts.reduce(0, { $0 + $1.count }) <= 1 { return true }
        // (More than 300 characters needs more than 300 bytes: the byte count rules out most cells at once.)
        return texts.contains { row in row.contains { $0.utf8.count > 300 && $0.count > 300 } }
    }

    /// A table: data tables are kept as grids and their rows written as text lines, one line per row;
    /// a layout table is returned, for the walk to read its content.
    mutating func readTable(_ element: Node) -> Node? {
        var read: HTMLTableCells<Node>?
        func cells() -> HTMLTableCells<Node> {
            if let read { return read }
            let table = HTMLTableCells(element)
            read = table
            return table
        }
        if Self.isLayoutTable(element, cells: cells) { return element }
        let table = cells()
        tables.append(table)
        for row in table.texts {
            current.append(row.joined(separator: " | "))
            endLine()
        }
        return nil
    }

    /// Navigation, footers, related-article lists and the like — unless they hold a table (some sites
    /// wrap the whole article in a `class="...content-bottom..."` box).
    mutating func isChrome(_ node: Node, role: ChromeRules.Role, className: String?, id: String?) -> Bool {
        let named = role == .chromeTag || isChromeName(className) || isChromeName(id)
        guard named else { return false }
        return !node.hasDescendant { $0.hasName("table") }
    }
}
