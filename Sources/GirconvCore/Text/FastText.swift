#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search on UTF-8 bytes (memchr + memcmp), much faster than Foundation's `range(of:)`. Byte-level
/// matching of valid UTF-8 finds exactly the scalar-level matches; grapheme subtleties do not arise for
/// the CJK labels and phrases girconv matches.
public enum FastText {
    public static func contains(_ haystack: String, _ needle: String) -> Bool {
        if needle.isEmpty { return true }
        var h = haystack, n = needle
        return h.withUTF8 { hb in
            n.withUTF8 { nb in
                guard nb.count <= hb.count, let hp = hb.baseAddress, let np = nb.baseAddress else { return false }
                return search(hp, hb.count, np, nb.count)
            }
        }
    }

    @inline(__always)
    static func search(_ h: UnsafePointer<UInt8>, _ hCount: Int, _ n: UnsafePointer<UInt8>, _ nCount: Int) -> Bool {
        let first = Int32(n[0])
        var offset = 0
        let last = hCount - nCount
        while offset <= last {
            guard let found = memchr(h + offset, first, last - offset + 1) else { return false }
            let position = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - h
            if memcmp(h + position, n, nCount) == 0 { return true }
            offset = position + 1
        }
        return false
    }

    public static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
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

extension String {
    /// Fast substring test on UTF-8 bytes (see `FastText`).
    @inline(__always)
    public func has(_ needle: String) -> Bool { FastText.contains(self, needle) }
}
