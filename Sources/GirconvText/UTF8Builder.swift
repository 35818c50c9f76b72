/// Builds a string from Unicode scalars in a UTF-8 byte buffer. `String.UnicodeScalarView.append` costs a
/// uniqueness check and a capacity check per scalar; on the hot path (line splitting, label keys, cell
/// collapsing) this buffer is several times faster and gives the same string.
package struct UTF8Builder {
    package private(set) var bytes: [UInt8] = []

    @inlinable package init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    @inlinable package var isEmpty: Bool { bytes.isEmpty }

    @inlinable @inline(__always)
    package mutating func append(_ scalar: Unicode.Scalar) {
        let v = scalar.value
        switch v {
        case ..<0x80:
            bytes.append(UInt8(v))
        case ..<0x800:
            bytes.append(UInt8(0xC0 | (v >> 6)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        case ..<0x10000:
            bytes.append(UInt8(0xE0 | (v >> 12)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        default:
            bytes.append(UInt8(0xF0 | (v >> 18)))
            bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    @inlinable @inline(__always)
    package mutating func append(_ string: String) { bytes.append(contentsOf: string.utf8) }

    /// Appends bytes that are valid UTF-8 (text read from a parser).
    @inlinable @inline(__always)
    package mutating func append(bytes more: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: more) }

    package mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    /// The string built so far (the bytes are valid UTF-8 by construction).
    @inlinable package var string: String { String(decoding: bytes, as: UTF8.self) }
}
