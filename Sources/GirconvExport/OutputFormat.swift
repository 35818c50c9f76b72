import GirconvCore

/// The output formats girconv writes (pandoc's "writers", keyed by name).
public enum OutputFormat: String, Sendable, CaseIterable {
    case json, csv, xml

    /// The writer for this format.
    public var writer: any RecordWriter {
        switch self {
        case .json: return JSONRecordWriter()
        case .csv: return CSVRecordWriter()
        case .xml: return XMLRecordWriter()
        }
    }
}

/// Writes canonical records as bytes of one format. A writer given several records writes one document
/// (JSON: an array, or JSON Lines; CSV: one header and a row each; XML: one root with a record each).
public protocol RecordWriter: Sendable {
    func write(_ records: [CanonicalRecord]) throws -> String
}

extension TreeValue {
    /// Decimal as JSON/CSV/XML text: plain notation, no exponent, no trailing zeros.
    static func format(_ value: Decimal) -> String {
        if let fast = DecimalText.plain(value) { return fast }
        return formatThroughFoundation(value)
    }

    /// `format` as Foundation spells it (the reference `DecimalText` is tested against).
    static func formatThroughFoundation(_ value: Decimal) -> String {
        // Whole numbers (nearly every figure) without Decimal's slow description.
        if value.exponent == 0, value >= -999_999_999_999, value <= 999_999_999_999 {
            return String(NSDecimalNumber(decimal: value).int64Value)
        }
        var text = "\(value)"
        if text.contains("e") || text.contains("E") {
            text = NSDecimalNumber(decimal: value).stringValue
        }
        return text
    }
}

import Foundation
