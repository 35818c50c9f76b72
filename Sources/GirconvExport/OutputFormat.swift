import GirconvCore

/// The output formats girconv writes (pandoc's "writers", keyed by name).
public enum OutputFormat: String, Sendable, CaseIterable {
    case json, csv, xml

    /// The writer for this format, with the options that apply to it (`compact` to JSON; `long`,
    /// `guardFormulas` and the `extra.` columns of the layouts in use to CSV).
    public func writer(compact: Bool = false, long: Bool = false, guardFormulas: Bool = false,
                       extraColumns: [String] = []) -> any RecordWriter {
        switch self {
        case .json: return JSONRecordWriter(compact: compact)
        case .csv: return CSVRecordWriter(long: long, guardFormulas: guardFormulas, extraColumns: extraColumns)
        case .xml: return XMLRecordWriter()
        }
    }
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
