import Foundation
import GirconvCore

/// The canonical JSON form: keys in canonical order, numbers exact (decimals as printed), UTF-8 text
/// unescaped. Pretty by default; `compact` gives one line per record (JSON Lines when several).
public struct JSONRecordWriter: RecordWriter {
    public var compact: Bool
    public init(compact: Bool = false) { self.compact = compact }

    public func write(_ records: [CanonicalRecord]) throws -> String {
        if records.count == 1 { return serialize(records[0].tree(), pretty: !compact) + "\n" }
        if compact { return records.map { serialize($0.tree(), pretty: false) + "\n" }.joined() }
        return serialize(.array(records.map { $0.tree() }), pretty: true) + "\n"
    }

    /// Serialises any tree value.
    public func serialize(_ value: TreeValue, pretty: Bool) -> String {
        var out = ""
        emit(value, into: &out, indent: 0, pretty: pretty)
        return out
    }

    private func emit(_ value: TreeValue, into out: inout String, indent: Int, pretty: Bool) {
        let pad = pretty ? String(repeating: "  ", count: indent + 1) : ""
        let closePad = pretty ? String(repeating: "  ", count: indent) : ""
        let newline = pretty ? "\n" : ""
        switch value {
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{" + newline
            for (i, (key, item)) in pairs.enumerated() {
                out += pad + Self.quote(key) + (pretty ? ": " : ":")
                emit(item, into: &out, indent: indent + 1, pretty: pretty)
                out += (i < pairs.count - 1 ? "," : "") + newline
            }
            out += closePad + "}"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[" + newline
            for (i, item) in items.enumerated() {
                out += pad
                emit(item, into: &out, indent: indent + 1, pretty: pretty)
                out += (i < items.count - 1 ? "," : "") + newline
            }
            out += closePad + "]"
        case .string(let s): out += Self.quote(s)
        case .number(let d): out += TreeValue.format(d)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
