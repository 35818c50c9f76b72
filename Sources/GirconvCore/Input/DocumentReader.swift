import Foundation

/// Turns decoded input of one media type into a `ReportDocument` (pandoc's "reader").
public protocol DocumentReader: Sendable {
    /// The media types this reader handles, e.g. `["text/plain"]`.
    var mediaTypes: [String] { get }
    func read(_ decoded: DecodedInput, source: SourceInfo) throws -> ReportDocument
}

/// Reads plain text: a report saved or flattened to text. Tables are rebuilt from the lines.
public struct PlainTextReader: DocumentReader {
    public init() {}
    public var mediaTypes: [String] { ["text/plain"] }

    public func read(_ decoded: DecodedInput, source: SourceInfo) throws -> ReportDocument {
        let lines = ReportDocument.splitLines(decoded.text)
        let grid = FlattenedTextGridBuilder.build(lines: lines)
        return ReportDocument(source: source, text: decoded.text, lines: lines, tables: [grid])
    }
}
