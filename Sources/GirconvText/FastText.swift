#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search on UTF-8 bytes (memchr + memcmp), much faster than Foundation's `range(of:)`. Byte-level
/// matching of valid UTF-8 finds exactly the scalar-level matches; grapheme subtleties do not arise for
/// the CJK labels and phrases girconv matches.
package enum FastText {
    package static func contains(_ haystack: String, _ needle: String) -> Bool {
        if needle.isEmpty { return true }
        var h = haystack, n = needle
        return h.withUTF8 { hb in
            n.withUTF8 { nb in
                guard nb.count <= hb.count, let hp = hb.baseAddress, let np = nb.baseAddress else { return false }
                return search(hp, hb.count, np, nb.count)
            }
        }
    }

    /// Finds the needle by its last byte (memchr), then compares the rest. In UTF-8 Chinese text the last
    /// byte of a character is a continuation byte, one of 64 values, where the first byte is one of a few
    /// lead bytes that recur every character or two: anchoring on it tries about twenty times fewer places.
    @inline(__always)
    static func search(_ h: UnsafePointer<UInt8>, _ hCount: Int, _ n: UnsafePointer<UInt8>, _ nCount: Int) -> Bool {
        let anchor = nCount - 1
        let lastByte = Int32(n[anchor])
        // Candidate needle end positions run from `anchor` to the end of the haystack.
        var end = anchor
        while end < hCount {
            guard let found = memchr(h + end, lastByte, hCount - end) else { return false }
            let position = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - h
            if memcmp(h + position - anchor, n, anchor) == 0 { return true }
            end = position + 1
        }
        return false
    }

    package static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        if needle.isEmpty { return true }
        var n = needle
        return haystack.withUnsafeBufferPointer { hb in
            n.withUTF8 { nb in
                guard nb.count <= hb.count, let hp = hb.baseAddress, let np = nb.baseAddress else { return false }
                return search(hp, hb.count, np, nb.count)
            }
        }
    }
}

extension FastText {
    /// Every occurrence of `needle` replaced by `replacement`, which has the same UTF-8 length (a character
    /// variant for another: 答覆 → 答复). Searched and replaced on the bytes.
    package static func replacingSameLength(_ text: String, _ needle: String, with replacement: String) -> String {
        let n = Array(needle.utf8), r = Array(replacement.utf8)
        precondition(n.count == r.count && !n.isEmpty, "same-length replacement")
        var bytes = Array(text.utf8)
        var changed = false
        bytes.withUnsafeMutableBufferPointer { b in
            guard let base = b.baseAddress, b.count >= n.count else { return }
            var offset = 0
            while offset <= b.count - n.count {
                guard let found = memchr(base + offset, Int32(n[0]), b.count - n.count - offset + 1) else { break }
                let position = UnsafeMutableRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
                if memcmp(base + position, n, n.count) == 0 {
                    for k in 0..<r.count { base[position + k] = r[k] }
                    changed = true
                    offset = position + n.count
                } else {
                    offset = position + 1
                }
            }
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : text
    }
}

extension FastText {
    /// Every occurrence of `needle` replaced by `replacement` (any length), left to right and not
    /// overlapping, as Foundation's `replacingOccurrences(of:with:)` does for these ASCII placeholders
    /// ("{section}", "{scope}") — without bridging to NSString.
    package static func replacing(_ text: String, _ needle: String, with replacement: String) -> String {
        guard !needle.isEmpty, text.utf8.count >= needle.utf8.count else { return text }
        let t = Array(text.utf8), n = Array(needle.utf8)
        var out: [UInt8] = []
        var copied = 0, i = 0
        while i + n.count <= t.count {
            if t[i] == n[0], t[i..<(i + n.count)].elementsEqual(n) {
                if out.isEmpty { out.reserveCapacity(t.count + replacement.utf8.count) }
                out.append(contentsOf: t[copied..<i])
                out.append(contentsOf: replacement.utf8)
                i += n.count
                copied = i
            } else {
                i += 1
            }
        }
        guard copied > 0 else { return text }
        out.append(contentsOf: t[copied...])
        return String(decoding: out, as: UTF8.self)
    }
}

extension String {
    /// True when the text has fewer than `limit` Unicode scalars; stops counting at the limit (a scalar
    /// is one to four UTF-8 bytes, and every byte but a continuation byte starts one).
    @inlinable @inline(__always)
    package func hasFewerScalars(than limit: Int) -> Bool {
        let bytes = utf8.count
        if bytes < limit { return true }
        if bytes >= limit * 4 { return false }
        var scalars = 0
        for byte in utf8 where byte & 0xC0 != 0x80 {
            scalars += 1
            if scalars >= limit { return false }
        }
        return true
    }

    /// Fast substring test on UTF-8 bytes (see `FastText`).
    @inline(__always)
    package func has(_ needle: String) -> Bool { FastText.contains(self, needle) }
}

extension FastText {
    /// `text.unicodeScalars.count`, counted on the UTF-8 bytes (every byte but a continuation byte starts a
    /// scalar).
    package static func scalarCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in bytes.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) } }
    }

    /// `Array(text.unicodeScalars)` in one pass over the UTF-8 bytes (the standard library counts the
    /// scalars first, then decodes them again).
    package static func scalars(of text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { bytes in
            var result: [Unicode.Scalar] = []
            result.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count, let (value, length) = scalar(at: i, in: bytes) {
                result.append(Unicode.Scalar(value).unsafelyUnwrapped)
                i += length
            }
            return result
        }
    }

    /// The scalar whose UTF-8 sequence starts at `i` (a lead byte) and the sequence's length; nil when the
    /// buffer ends inside it. For byte loops over valid UTF-8 that need each scalar's value.
    @inlinable @inline(__always)
    package static func scalar(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (value: UInt32, length: Int)? {
        let byte = bytes[i]
        if byte < 0x80 { return (UInt32(byte), 1) }
        let length = byte >= 0xF0 ? 4 : (byte >= 0xE0 ? 3 : 2)
        guard i + length <= bytes.count else { return nil }
        var value = UInt32(byte) & (length == 2 ? 0x1F : (length == 3 ? 0x0F : 0x07))
        for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        return (value, length)
    }
}

extension FastText {
    /// Eight bytes read as one word, and the classic bit tricks that tell whether any of them is ASCII-only,
    /// below a bound, or equal to a value. Exact for "any" (they may misplace which byte, never miss or
    /// invent one); used to skip runs of uninteresting bytes eight at a time.
    package enum Word {
        @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
        @usableFromInline static let highs: UInt64 = 0x8080_8080_8080_8080

        /// The eight bytes at `offset` (no alignment needed).
        @inlinable @inline(__always)
        package static func load(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
            UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self)
        }

        /// No byte has its high bit set.
        @inlinable @inline(__always) package static func isASCII(_ word: UInt64) -> Bool { word & highs == 0 }

        /// Some byte is below `bound` (which must be at most 128).
        @inlinable @inline(__always) package static func hasByte(below bound: UInt8, in word: UInt64) -> Bool {
            (word &- ones &* UInt64(bound)) & ~word & highs != 0
        }

        /// Some byte equals `byte`.
        @inlinable @inline(__always) package static func hasByte(_ byte: UInt8, in word: UInt64) -> Bool {
            let x = word ^ (ones &* UInt64(byte))
            return (x &- ones) & ~x & highs != 0
        }
    }
}
