import Foundation

/// Turns decoded input of one media type into a `ReportDocument` (pandoc's "reader").
public protocol DocumentReader: Sendable {
    /// What this reader reads: its media type, how its inputs are recognised, their file extensions.
    var format: InputFormat { get }
    func read(_ decoded: DecodedInput, source: SourceInfo) throws -> ReportDocument
}

/// Reads plain text: a report saved or flattened to text. Tables are rebuilt from the lines. A crawler's
/// header before the text (`CrawlerHeader`: 标题 / 发布时间 / 原文链接 … then "==== 正文 ====") is metadata:
/// its lines are left out of the report's lines, and its 标题 is a title hint.
public struct PlainTextReader: DocumentReader {
    public init() {}
    public var format: InputFormat { .plainText }

    public func read(_ decoded: DecodedInput, source: SourceInfo) throws -> ReportDocument {
        var lines = ReportDocument.splitLines(decoded.text)
        var hints: [String] = []
        if let header = CrawlerHeader.find(in: lines) {
            lines.removeFirst(header.bodyStart)
            if let title = header.title { hints.append(title) }
        }
        let grid = FlattenedTextGridBuilder.build(lines: lines)
        return ReportDocument(source: source, text: decoded.text, lines: lines, tables: [grid], titleHints: hints)
    }
}
