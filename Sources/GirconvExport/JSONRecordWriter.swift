import Foundation
import GirconvCore

/// The canonical JSON form: keys in canonical order, numbers exact (decimals as printed), UTF-8 text
/// unescaped. Pretty by default; `compact` gives one line per record (JSON Lines when several).
/// Written straight into a UTF-8 byte buffer: serialising is on the hot path of corpus conversion.
public struct JSONRecordWriter: RecordWriter {
    public var compact: Bool
    public init(compact: Bool = false) { self.compact = compact }

    public func write(_ records: [CanonicalRecord]) throws -> String {
        String(decoding: bytes(records), as: UTF8.self)
    }

    /// The JSON text as UTF-8 bytes, written straight from the records (no intermediate tree).
    public func bytes(_ records: [CanonicalRecord]) -> [UInt8] {
        var sink = JSONByteSink(pretty: !compact)
        sink.out.reserveCapacity(records.count * 65_536)
        if records.count == 1 {
            records[0].write(to: &sink)
            sink.out.append(0x0A)
        } else if compact {
            for record in records { record.write(to: &sink); sink.out.append(0x0A) }
        } else {
            sink.beginArray()
            for record in records { record.write(to: &sink) }
            sink.endArray()
            sink.out.append(0x0A)
        }
        return sink.out
    }

    /// Serialises any tree value.
    public func serialize(_ value: TreeValue, pretty: Bool) -> String {
        var sink = JSONByteSink(pretty: pretty)
        sink.out.reserveCapacity(16_384)
        value.write(to: &sink)
        return String(decoding: sink.out, as: UTF8.self)
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

/// Writes tree events as JSON bytes: pretty (two-space indents, one member per line) or compact.
struct JSONByteSink: TreeSink {
    var out: [UInt8] = []
    let pretty: Bool
    /// Open containers: whether each is an object, and how many members or items it has so far.
    private var open: [(object: Bool, count: Int)] = []

    init(pretty: Bool) { self.pretty = pretty }

    private mutating func newline() {
        guard pretty else { return }
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: open.count * 2))
    }

    /// Before a value: in an array, its separator and line.
    private mutating func item() {
        guard let last = open.indices.last, !open[last].object else { return }
        if open[last].count > 0 { out.append(0x2C) }
        open[last].count += 1
        newline()
    }

    mutating func key(_ key: String) {
        guard let last = open.indices.last else { return }
        if open[last].count > 0 { out.append(0x2C) }
        open[last].count += 1
        newline()
        JSONRecordWriter.quote(key, into: &out)
        out.append(0x3A)
        if pretty { out.append(0x20) }
    }

    mutating func beginObject() { item(); out.append(0x7B); open.append((true, 0)) }
    mutating func beginArray() { item(); out.append(0x5B); open.append((false, 0)) }
    mutating func endObject() { close(0x7D) }
    mutating func endArray() { close(0x5D) }

    private mutating func close(_ bracket: UInt8) {
        let container = open.removeLast()
        if container.count > 0 { newline() }
        out.append(bracket)
    }

    mutating func string(_ value: String) { item(); JSONRecordWriter.quote(value, into: &out) }
    mutating func number(_ value: Decimal) { item(); out.append(contentsOf: TreeValue.format(value).utf8) }
    mutating func integer(_ value: Int) { item(); out.append(contentsOf: String(value).utf8) }
    mutating func bool(_ value: Bool) { item(); out.append(contentsOf: (value ? "true" : "false").utf8) }
    mutating func null() { item(); out.append(contentsOf: "null".utf8) }
}
