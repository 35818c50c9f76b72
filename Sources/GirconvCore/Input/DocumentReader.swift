import Foundation

/// Turns decoded input of one media type into a `ReportDocument` (pandoc's "reader").
public protocol DocumentReader: Sendable {
    /// What this reader reads: its media type, how its inputs are recognised, their file extensions.
    var format: InputFormat { get }
    func read(_ decoded: DecodedInput, source: SourceInfo) throws -> ReportDocument
}

/// Reads plain text: a report saved or flattened to text. Tables are rebuilt from the lines.
public struct PlainTextReader: DocumentReader {
    public init() {}
    public var format: InputFormat { .plainText }

    public func read(_ decoded: DecodedInput, source: SourceInfo) throws -> ReportDocument {
        let lines = ReportDocument.splitLines(decoded.text)
        let grid = FlattenedTextGridBuilder.build(lines: lines)
        return ReportDocument(source: source, text: decoded.text, lines: lines, tables: [grid])
    }
}
