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
        case .integer(let i): out.append(contentsOf: String(i).utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        }
    }

    static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `s` as a JSON string: quotes, backslashes and control characters escaped, and U+2028/U+2029
    /// (valid JSON, but line breaks to JavaScript) written as \\u2028/\\u2029. Runs of plain bytes are copied
    /// at once.
    static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { bytes in
            let count = bytes.count
            var runStart = 0
            var i = 0
            func flush(_ end: Int) {
                if end > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end])) }
            }
            while i < count {
                let byte = bytes[i]
                if byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0xE2 { i += 1; continue }
                if byte == 0xE2 {
                    guard i + 2 < count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 else { i += 1; continue }
                    flush(i)
                    out.append(contentsOf: [0x5C, 0x75, 0x32, 0x30, 0x32, bytes[i + 2] == 0xA8 ? 0x38 : 0x39])
                    i += 3
                    runStart = i
                    continue
                }
                flush(i)
                switch byte {
                case 0x22: out.append(0x5C); out.append(0x22)
                case 0x5C: out.append(0x5C); out.append(0x5C)
                case 0x0A: out.append(0x5C); out.append(0x6E)
                case 0x0D: out.append(0x5C); out.append(0x72)
                case 0x09: out.append(0x5C); out.append(0x74)
                default: out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
                i += 1
                runStart = i
            }
            flush(count)
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
