import Foundation
import GirconvCore
import GirconvText

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
    package func bytes(_ records: [CanonicalRecord]) -> [UInt8] {
        let shape: DocumentShape = records.count == 1 ? .single : .stream
        return records.flatMap { part(for: $0, in: shape) }
    }

    /// Serialises any tree value.
    package func serialize(_ value: TreeValue, pretty: Bool) -> String {
        var sink = JSONByteSink(pretty: pretty)
        sink.out.reserveCapacity(16_384)
        value.write(to: &sink)
        return String(decoding: sink.out, as: UTF8.self)
    }

    /// A quoted JSON string.
    static func quote(_ s: String) -> String {
        var out: [UInt8] = []
        JSONText.appendQuoted(s, into: &out)
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
        out.append(contentsOf: Self.lineAndIndent[..<count])
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
        JSONText.appendQuoted(key, into: &out)
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

    mutating func string(_ value: String) { item(); JSONText.appendQuoted(value, into: &out) }
    mutating func number(_ value: Decimal) { item(); out.append(contentsOf: TreeValue.format(value).utf8) }
    mutating func integer(_ value: Int) {
        item()
        JSONText.appendInteger(value, into: &out)
    }
    mutating func bool(_ value: Bool) { item(); out.append(contentsOf: (value ? "true" : "false").utf8) }
    mutating func null() { item(); out.append(contentsOf: "null".utf8) }
}
