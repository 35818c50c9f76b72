/// A set of Unicode scalars kept as bits of their low 16 bits: a membership test is one bit test. Scalars
/// that differ only above bit 16 share a bit, so a set bit means "maybe" and a clear bit "certainly not":
/// a prefilter before a dictionary of phrases by first character.
package struct ScalarBitSet: Sendable {
    @usableFromInline var bits = [UInt64](repeating: 0, count: 1024)

    package init<S: Sequence>(_ values: S) where S.Element == UInt32 {
        for value in values { let i = Int(value & 0xFFFF); bits[i >> 6] |= 1 << UInt64(i & 63) }
    }

    /// False when `value` is certainly not in the set.
    @inlinable @inline(__always)
    package func mayContain(_ value: UInt32) -> Bool {
        let i = Int(value & 0xFFFF)
        return bits[i >> 6] & (1 << UInt64(i & 63)) != 0
    }
}
