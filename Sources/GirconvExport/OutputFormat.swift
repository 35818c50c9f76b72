import GirconvCore

/// The options a writer may take: `compact` applies to JSON; `long`, `guardFormulas`, `byteOrderMark` and
/// the `extra.` columns of the layouts in use to CSV.
public struct WriterOptions: Sendable {
    public var compact = false
    public var long = false
    public var guardFormulas = false
    public var byteOrderMark = false
    public var extraColumns: [String] = []
    /// CSV headers in Chinese (`--labels zh`), with the labels the layout files give their `extra.` figures.
    public var chineseLabels = false
    public var extraLabels: [String: String] = [:]
    public init(compact: Bool = false, long: Bool = false, guardFormulas: Bool = false, byteOrderMark: Bool = false,
                extraColumns: [String] = [], chineseLabels: Bool = false, extraLabels: [String: String] = [:]) {
        self.compact = compact; self.long = long; self.guardFormulas = guardFormulas
        self.byteOrderMark = byteOrderMark; self.extraColumns = extraColumns
        self.chineseLabels = chineseLabels; self.extraLabels = extraLabels
    }
}

/// An output format girconv writes (pandoc's "writers", keyed by name): its name (`--to`, and the
/// extension of files written into a folder) and how its writer is made. `all` is the one table of them.
public struct OutputFormat: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    private let make: @Sendable (WriterOptions) -> any RecordWriter

    public init(name: String, writer make: @escaping @Sendable (WriterOptions) -> any RecordWriter) {
        self.name = name
        self.make = make
    }

    public static let json = OutputFormat(name: "json") { JSONRecordWriter(compact: $0.compact) }
    /// JSON Lines whatever the number of records: one compact line per record, for one input too.
    public static let jsonl = OutputFormat(name: "jsonl") { _ in JSONRecordWriter(compact: true) }
    public static let csv = OutputFormat(name: "csv") {
        CSVRecordWriter(long: $0.long, guardFormulas: $0.guardFormulas, byteOrderMark: $0.byteOrderMark,
                        extraColumns: $0.extraColumns, chineseLabels: $0.chineseLabels, extraLabels: $0.extraLabels)
    }
    public static let xml = OutputFormat(name: "xml") { _ in XMLRecordWriter() }

    /// Every output format, in the order `--help` lists them: a new writer is one file and one entry here.
    public static let all: [OutputFormat] = [.json, .jsonl, .csv, .xml]

    /// The format named `name` (in any case: `CSV` is `csv`), if girconv writes it.
    public static func named(_ name: String) -> OutputFormat? {
        all.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// The writer for this format with the options that apply to it.
    public func writer(_ options: WriterOptions = WriterOptions()) -> any RecordWriter { make(options) }

    public var description: String { name }
    public static func == (a: OutputFormat, b: OutputFormat) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// What a document of records holds: one record on its own (a JSON object, pretty unless compact; a CSV
/// header and one row; a `<girconvRecord>` root), or a stream of any number of them (JSON Lines; one CSV
/// header and a row each; a `<girconvRecords>` root with a record each).
public enum DocumentShape: Sendable {
    case single, stream
}

/// Writes canonical records as bytes of one format, a part at a time — what opens the document, each
/// record's part, what closes it — so that one report and a corpus of a million are written by the same
/// code, and a stream never holds more than one record.
public protocol RecordWriter: Sendable {
    /// What opens a document (a CSV header; the XML declaration and root); may be empty.
    func begin(_ shape: DocumentShape) throws -> [UInt8]
    /// One record's part of a document.
    func part(for record: CanonicalRecord, in shape: DocumentShape) throws -> [UInt8]
    /// What closes a document; may be empty.
    func end(_ shape: DocumentShape) throws -> [UInt8]
}

extension RecordWriter {
    /// A whole document: one record on its own, or a stream of several.
    public func document(_ records: [CanonicalRecord]) throws -> [UInt8] {
        let shape: DocumentShape = records.count == 1 ? .single : .stream
        var out = try begin(shape)
        for record in records { out += try part(for: record, in: shape) }
        out += try end(shape)
        return out
    }

    /// `document` as text.
    public func write(_ records: [CanonicalRecord]) throws -> String {
        String(decoding: try document(records), as: UTF8.self)
    }
}

extension TreeValue {
    /// Decimal as JSON/CSV/XML text: plain notation, no exponent, no trailing zeros (`DecimalText.spelling`).
    static func format(_ value: Decimal) -> String { DecimalText.spelling(value) }
}

import Foundation
import GirconvText
