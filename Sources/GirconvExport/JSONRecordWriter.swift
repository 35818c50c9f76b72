import Foundation
import GirconvCore

/// The canonical JSON form: keys in canonical order, numbers exact (decimals as printed), UTF-8 text
/// unescaped. One record: pretty unless `compact`; a stream: JSON Lines (one compact line per record).
/// Written straight into a UTF-8 byte buffer: serialising is on the hot path of corpus conversion.
public struct JSONRecordWriter: RecordWriter {
    public var compact: Bool
    public init(compact: Bool = false) { self.compact = compact }

    public func begin(_ shape: DocumentShape) -> [UInt8] { [] }
    public func end(_ shape: DocumentShape) -> [UInt8] { [] }

    /// The record as one JSON text and a newline, written straight from the record (no intermediate tree).
    public func part(for record: CanonicalRecord, in shape: DocumentShape) -> [UInt8] {
        var sink = JSONByteSink(pretty: shape == .single && !compact)
        sink.out.reserveCapacity(131_072)
        record.write(to: &sink)
        sink.out.append(0x0A)
        return sink.out
    }

    /// A document of records as UTF-8 bytes (`document`, which cannot fail for JSON).
    public func bytes(_ records: [CanonicalRecord]) -> [UInt8] {
        let shape: DocumentShape = records.count == 1 ? .single : .stream
        return records.flatMap { part(for: $0, in: shape) }
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
        // Native strings are read in place; others (bridged) through a copy.
        if s.utf8.withContiguousStorageIfAvailable({ append(escaping: $0, into: &out) }) == nil {
            var s = s
            s.withUTF8 { append(escaping: $0, into: &out) }
        }
        out.append(0x22)
    }

    /// The escaped bytes of a string, without its quotes.
    @inline(__always)
    private static func append(escaping bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let count = bytes.count
        guard bytes.baseAddress != nil else { return }
        var runStart = 0
        var i = 0
        func flush(_ end: Int) {
            if end > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end])) }
        }
        while i < count {
            // Eight bytes at a time while none of them needs a look (the common case by far).
            if i + 8 <= count, isPlain(FastText.Word.load(bytes, at: i)) { i += 8; continue }
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

    /// True when none of the eight bytes of `word` is a control character, `"`, `\\` or 0xE2 (the lead byte
    /// of U+2028/U+2029) (`FastText.Word`).
    @inline(__always)
    static func isPlain(_ word: UInt64) -> Bool {
        !FastText.Word.hasByte(below: 0x20, in: word) && !FastText.Word.hasByte(0x22, in: word)
            && !FastText.Word.hasByte(0x5C, in: word) && !FastText.Word.hasByte(0xE2, in: word)
    }

    /// A quoted JSON string.
    static func quote(_ s: String) -> String {
        var out: [UInt8] = []
        quote(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

/// Writes tree events as JSON bytes: pretty (two-space indents, one member per line) or compact. The
/// writer keeps only its depth and whether the open container already has a member, not a stack.
struct JSONByteSink: TreeSink {
    var out: [UInt8] = []
    let pretty: Bool
    /// Open containers.
    private var depth = 0
    /// The open container has a member or item already (the next one needs a comma).
    private var hasMembers = false
    /// A key was just written: its value follows without separator.
    private var afterKey = false

    init(pretty: Bool) { self.pretty = pretty }

    /// A line break and the deepest indent written at once; deeper levels add spaces one by one.
    private static let lineAndIndent: [UInt8] = [0x0A] + [UInt8](repeating: 0x20, count: 64)

    private mutating func newline() {
        guard pretty else { return }
        let spaces = depth * 2
        let count = 1 + min(spaces, Self.lineAndIndent.count - 1)
        Self.lineAndIndent.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<count])) }
        if spaces > count - 1 { out.append(contentsOf: repeatElement(0x20, count: spaces - (count - 1))) }
    }

    /// Before a value: after a key nothing; in an array (or at the top) its separator and line.
    @inline(__always)
    private mutating func item() {
        if afterKey { afterKey = false; return }
        guard depth > 0 else { return }
        if hasMembers { out.append(0x2C) }
        hasMembers = true
        newline()
    }

    mutating func key(_ key: String) {
        guard depth > 0 else { return }
        if hasMembers { out.append(0x2C) }
        hasMembers = true
        newline()
        JSONRecordWriter.quote(key, into: &out)
        out.append(0x3A)
        if pretty { out.append(0x20) }
        afterKey = true
    }

    mutating func beginObject() { item(); out.append(0x7B); depth += 1; hasMembers = false }
    mutating func beginArray() { item(); out.append(0x5B); depth += 1; hasMembers = false }
    mutating func endObject() { close(0x7D) }
    mutating func endArray() { close(0x5D) }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if hasMembers { newline() }
        out.append(bracket)
        // The container just closed is a member of its parent.
        hasMembers = true
    }

    mutating func string(_ value: String) { item(); JSONRecordWriter.quote(value, into: &out) }
    mutating func number(_ value: Decimal) { item(); out.append(contentsOf: TreeValue.format(value).utf8) }
    mutating func integer(_ value: Int) {
        item()
        // Decimal digits written in place (as `String(value)` spells them), least significant first.
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            repeat {
                start -= 1
                digits[start] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 { out.append(0x2D) }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start..<20]))
        }
    }
    mutating func bool(_ value: Bool) { item(); out.append(contentsOf: (value ? "true" : "false").utf8) }
    mutating func null() { item(); out.append(contentsOf: "null".utf8) }
}
