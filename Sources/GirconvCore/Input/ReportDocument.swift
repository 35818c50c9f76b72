import GirconvText
/// A line of the document text with its position.
public struct TextLine: Sendable, Equatable {
    public var text: String
    /// 1-based line number.
    public var number: Int
    /// Character (Unicode scalar) offset of the line's start in the document text.
    public var offset: Int
    /// The page the line is on, for paged input (PDF).
    public var page: Int?
    /// For PDF input: the runs of words the line prints (cells, sentences), each with its place in `text`
    /// (scalar offsets) and its box on the page.
    public var runs: [PrintedRun] = []

    public init(text: String, number: Int, offset: Int, page: Int? = nil, runs: [PrintedRun] = []) {
        self.text = text; self.number = number; self.offset = offset; self.page = page; self.runs = runs
    }

    /// The box of the run holding the scalar at `offset` in `text`, if the line has runs.
    public func box(at offset: Int) -> PageBox? {
        runs.first { $0.range.contains(offset) }?.box
    }
}

/// A run of words printed together on a PDF page: its scalar offsets in its line's text and its box.
public struct PrintedRun: Sendable, Equatable {
    public var range: Range<Int>
    public var box: PageBox
    public init(range: Range<Int>, box: PageBox) { self.range = range; self.box = box }
}

/// A report ready for detection and conversion: the text, its lines, its tables as grids, and a form of
/// the text normalised for matching. Produced by a `DocumentReader` (plain text in the core; HTML in
/// GirconvHTML), consumed by adapters.
public struct ReportDocument: Sendable {
    public var source: SourceInfo
    /// The text of the report as decoded (for HTML: the text of the report body).
    public let text: String
    /// The lines of `text`, less site chrome (breadcrumbs, footers, counters); each keeps its number and offset.
    public let lines: [TextLine]
    /// The report's tables, in document order. For flattened text, rows reconstructed from the lines.
    public let tables: [TableGrid]
    /// Every table's rows seen as labels then values, with normalised label keys (computed once).
    package let rowViews: [[RowView]]
    /// `rowViews` of all tables in one array, in document order (what layouts read their tables from).
    package let allRowViews: [RowView]
    /// `text` (and the reader's `wrappedText`) normalised for matching (simplified script, folded width, no
    /// whitespace), as UTF-8.
    package let matchText: [UInt8]
    public let script: Script
    /// Title candidates a reader found in the markup (HTML headings, then `<title>` parts), best first.
    public var titleHints: [String]
    /// The numbers of the lines that are a running header's first printing (a paged document's line
    /// printed at the top of every page, kept once: `RunningLines`): a title only when no other line is one.
    package var runningLines: Set<Int> = []

    /// For traditional-script documents: each line of `lines` in simplified characters (one ICU pass over
    /// the whole text); nil for simplified documents.
    package let simplifiedLines: [String]?
    /// What the reader could not read of the input (`document-truncated`): every record made from the
    /// document carries these warnings.
    public var warnings: [ReportWarning] = []
    /// Memo of readings shared by detectors and adapters.
    package let cache = DocumentCache()

    /// `chromeChecked`: the reader already left chrome lines out (the HTML reader does, line by line), so
    /// they are not checked again. `wrappedText`: text the lines print broken apart (a PDF's table labels
    /// wrapped over lines, joined), matched as part of the text (`mentions`), never read for figures.
    public init(source: SourceInfo, text: String, lines: [TextLine], tables: [TableGrid], titleHints: [String] = [],
                chromeChecked: Bool = false, wrappedText: [String] = []) {
        self.source = source
        self.text = text
        let kept = chromeChecked ? lines : lines.filter { !ChromeLines.isChrome($0.text) }
        self.lines = kept
        self.tables = tables
        self.titleHints = titleHints
        let script: Script = TextNormalizer.isTraditional(text) ? .traditional : .simplified
        self.script = script
        self.rowViews = tables.map { table in
            table.rows.map { RowView(row: $0, tableIndex: table.tableIndex, traditional: script == .traditional) }
        }
        self.allRowViews = rowViews.flatMap { $0 }
        let matched = wrappedText.isEmpty ? text : text + "\n" + wrappedText.joined(separator: "\n")
        if script == .traditional {
            let simplified = TextNormalizer.simplified(text, force: true)
            let scalars = FastText.scalars(of: simplified)
            if scalars.count == FastText.scalarCount(text) {
                simplifiedLines = kept.map { line in
                    let end = min(scalars.count, line.offset + FastText.scalarCount(line.text))
                    var builder = UTF8Builder(capacity: line.text.utf8.count)
                    for scalar in scalars[min(line.offset, end)..<end] { builder.append(scalar) }
                    return builder.string
                }
            } else {
                simplifiedLines = kept.map { TextNormalizer.simplified($0.text, force: true) }
            }
            self.matchText = TextNormalizer.matchKeyBytes(wrappedText.isEmpty ? simplified : TextNormalizer.simplified(matched, force: true))
        } else {
            simplifiedLines = nil
            self.matchText = TextNormalizer.matchKeyBytes(matched)
        }
    }

    /// Line `index` of `lines` aligned for matching (simplified and folded, positions kept).
    package func alignedLine(_ index: Int) -> AlignedText {
        AlignedText(lines[index].text, simplified: simplifiedLines?[index])
    }

    /// True when the normalised text contains the (already normalised) phrase.
    package func mentions(_ key: String) -> Bool { FastText.contains(matchText, key) }

    /// The `splitLines` of `lines.joined(separator: "\n")` made from the lines themselves (no string is
    /// made twice), or nil when a line holds a line break of its own (CR, LF, U+2028), which would split it.
    public static func textLines(joined lines: [String]) -> [TextLine]? {
        var result: [TextLine] = []
        result.reserveCapacity(lines.count)
        var offset = 0
        for (index, line) in lines.enumerated() {
            var line = line
            let counted: Int? = line.withUTF8 { bytes in
                var scalars = 0
                for i in bytes.indices {
                    let byte = bytes[i]
                    if byte & 0xC0 != 0x80 { scalars += 1 }
                    if byte == 0x0A || byte == 0x0D { return nil }
                    if byte == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 { return nil }
                }
                return scalars
            }
            guard let scalars = counted else { return nil }
            // A last empty line is no line (as `splitLines` ends).
            if index == lines.count - 1 && line.isEmpty { break }
            result.append(TextLine(text: line, number: index + 1, offset: offset))
            offset += scalars + 1
        }
        return result
    }

    /// Splits text into lines with their offsets (CRLF and CR handled; U+2028 ends a line too). Works on
    /// the UTF-8 bytes: each line is one slice of them; offsets count Unicode scalars.
    public static func splitLines(_ text: String) -> [TextLine] {
        var text = text
        return text.withUTF8 { bytes in
            var lines: [TextLine] = []
            var number = 1
            var lineStartByte = 0, lineStartScalar = 0
            var scalar = 0
            var i = 0
            let count = bytes.count
            func endLine(at end: Int) {
                lines.append(TextLine(text: String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStartByte..<end]), as: UTF8.self),
                                      number: number, offset: lineStartScalar))
                number += 1
            }
            while i < count {
                let byte = bytes[i]
                if byte == 0x0A || byte == 0x0D {
                    endLine(at: i)
                    if byte == 0x0D, i + 1 < count, bytes[i + 1] == 0x0A { i += 1; scalar += 1 }
                    i += 1; scalar += 1
                    lineStartByte = i; lineStartScalar = scalar
                } else if byte == 0xE2, i + 2 < count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 {   // U+2028
                    endLine(at: i)
                    i += 3; scalar += 1
                    lineStartByte = i; lineStartScalar = scalar
                } else {
                    if byte & 0xC0 != 0x80 { scalar += 1 }
                    i += 1
                }
            }
            if lineStartByte < count { endLine(at: count) }
            return lines
        }
    }
}
