#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-input scans on UTF-8 bytes: what the structure limits count before anything is built.
package enum ByteScan {
    /// A text's lines and fields (what table rows are split into: runs of whitespace, and each tab and `|`
    /// or `｜`, which make a cell even when empty). Only characters whose first byte some whitespace
    /// character or `｜` starts with (`ByteTables.whitespace`, derived from `isWhitespace`) are decoded.
    package static func linesAndFields(_ text: String) -> (lines: Int, fields: Int) {
        var lines = 0, fields = 0
        var inWhitespace = false
        var text = text
        text.withUTF8 { bytes in ByteTables.whitespace.withUnsafeBufferPointer { mayBeWhite in
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                var scalar: UInt32 = UInt32(byte)
                var length = 1
                if byte >= 0x80 {
                    length = ByteTables.sequenceLength(byte)
                    // Neither whitespace nor `｜`: passed over undecoded, like any other character.
                    if !mayBeWhite[Int(byte)] && byte != fullWidthBarLead { inWhitespace = false; i += length; continue }
                    guard let (value, decoded) = FastText.scalar(at: i, in: bytes) else { break }
                    scalar = value
                    length = decoded
                }
                i += length
                switch scalar {
                case 0x0A:
                    lines += 1
                    if !inWhitespace { fields += 1; inWhitespace = true }
                case 0x09, 0x7C, 0xFF5C:   // tab, |, ｜
                    fields += 1
                    inWhitespace = false
                default:
                    let white = Unicode.Scalar(scalar).map(TextNormalizer.isWhitespace) ?? false
                    if white && !inWhitespace { fields += 1 }
                    inWhitespace = white
                }
            }
        } }
        return (lines, fields)
    }

    /// The most `=` outside quotes within one tag (from `<` to the `>` outside quotes), an upper bound of
    /// its attributes; nil when there is no tag. Comments and the text of `<script>` and `<style>` (code,
    /// full of `=` and `<`) are skipped as the parser skips them.
    package static func mostAttributesInOneTag(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var most: Int? = nil
        var i = 0
        let end = bytes.count
        @inline(__always) func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
        /// True when the bytes at `at` spell `word` (ASCII letters compared without case).
        func spells(_ word: StaticString, at: Int) -> Bool {
            guard at + word.utf8CodeUnitCount <= end else { return false }
            for k in 0..<word.utf8CodeUnitCount where lower(bytes[at + k]) != word.utf8Start[k] { return false }
            return true
        }
        /// The index just past the next `word` from `at` (the end when there is none).
        func past(_ word: StaticString, from at: Int) -> Int {
            var j = at
            while j < end {
                if bytes[j] == word.utf8Start[0] || lower(bytes[j]) == word.utf8Start[0], spells(word, at: j) { return j + word.utf8CodeUnitCount }
                j += 1
            }
            return end
        }
        while i < end {
            guard bytes[i] == 0x3C else { i += 1; continue }
            if spells("<!--", at: i) { i = past("-->", from: i + 4); continue }
            let skipsText: StaticString? = spells("<script", at: i) ? "</script" : spells("<style", at: i) ? "</style" : nil
            var attributes = 0, quote: UInt8 = 0
            i += 1
            while i < end {
                let byte = bytes[i]
                i += 1
                if quote != 0 { if byte == quote { quote = 0 }; continue }
                if byte == 0x22 || byte == 0x27 { quote = byte } else if byte == 0x3D { attributes += 1 } else if byte == 0x3E { break }
            }
            most = max(most ?? 0, attributes)
            if let skipsText { i = past(skipsText, from: i) }
        }
        return most
    }

    /// The first UTF-8 byte of `｜`, which splits cells like `|`.
    static let fullWidthBarLead = ByteTables.leadByte(of: "｜")

    /// How many times `byte` occurs (memchr: vectorised by the C library).
    package static func count(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard var at = bytes.baseAddress else { return 0 }
        let end = at + bytes.count
        var found = 0
        while at < end, let hit = memchr(at, Int32(byte), end - at) {
            found += 1
            at = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return found
    }
}
