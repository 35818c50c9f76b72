import Foundation
import GirconvCore

/// The canonical JSON form: keys in canonical order, numbers exact (decimals as printed), UTF-8 text
/// unescaped. Pretty by default; `compact` gives one line per record (JSON Lines when several).
/// Written straight into a UTF-8 byte buffer: serialising is on the hot path of corpus conversion.
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
        var out: [UInt8] = []
        out.reserveCapacity(16_384)
        Self.emit(value, into: &out, indent: 0, pretty: pretty)
        return String(decoding: out, as: UTF8.self)
    }

    private static func newline(_ out: inout [UInt8], _ indent: Int, _ pretty: Bool) {
        guard pretty else { return }
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: indent * 2))
    }

    private static func emit(_ value: TreeValue, into out: inout [UInt8], indent: Int, pretty: Bool) {
        switch value {
        case .object(let pairs):
            if pairs.isEmpty { out.append(contentsOf: [0x7B, 0x7D]); return }
            out.append(0x7B)
            for (i, (key, item)) in pairs.enumerated() {
                if i > 0 { out.append(0x2C) }
                newline(&out, indent + 1, pretty)
                quote(key, into: &out)
                out.append(0x3A)
                if pretty { out.append(0x20) }
                emit(item, into: &out, indent: indent + 1, pretty: pretty)
            }
            newline(&out, indent, pretty)
            out.append(0x7D)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: [0x5B, 0x5D]); return }
            out.append(0x5B)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(0x2C) }
                newline(&out, indent + 1, pretty)
                emit(item, into: &out, indent: indent + 1, pretty: pretty)
            }
            newline(&out, indent, pretty)
            out.append(0x5D)
        case .string(let s): quote(s, into: &out)
        case .number(let d): out.append(contentsOf: TreeValue.format(d).utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        }
    }

    static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var utf8 = s.utf8.makeIterator()
        var pending: [UInt8] = []   // to recognise U+2028/U+2029 (E2 80 A8/A9)
        while let byte = utf8.next() {
            switch byte {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            case 0x00..<0x20:
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            case 0xE2:
                pending = [byte]
                if let b2 = utf8.next() {
                    pending.append(b2)
                    if let b3 = utf8.next() {
                        if b2 == 0x80 && (b3 == 0xA8 || b3 == 0xA9) {
                            out.append(contentsOf: Array("\\u202".utf8) + [b3 == 0xA8 ? 0x38 : 0x39])
                            continue
                        }
                        pending.append(b3)
                    }
                }
                out.append(contentsOf: pending)
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }

    /// A quoted JSON string.
    static func quote(_ s: String) -> String {
        var out: [UInt8] = []
        quote(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
