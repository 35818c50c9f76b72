import Foundation

/// The most structure one input may have. Memory grows with the number of lines, elements and table cells
/// far more than with bytes (a 4 MB text of short tab-separated lines once took 1.1 GB: 263 times its size),
/// so bytes alone (`--max-bytes`) cannot bound it. A report has a few thousand lines and elements; an input
/// with more than these limits is not one, and is refused before anything is built from it.
public enum InputStructure {
    /// Counts a markup input's elements (its `<`) and lines; throws `inputTooComplex` past the limits.
    public static func checkMarkup(_ text: String, limits: ReadingLimits, path: String) throws {
        var text = text
        try text.withUTF8 { try checkMarkup($0, limits: limits, path: path) }
    }

    /// The same on UTF-8 bytes (a .docx's word/document.xml).
    public static func checkMarkup(_ bytes: UnsafeBufferPointer<UInt8>, limits: ReadingLimits, path: String) throws {
        let tags = count(0x3C, in: bytes), lines = count(0x0A, in: bytes)
        if tags > limits.maxParts {
            throw GirconvError.inputTooComplex(path: path, reason: "\(tags) markup tags, more than the \(limits.maxParts) a report can have")
        }
        // libxml2 compares each attribute of a tag with every earlier one (to find repeats): a tag with
        // tens of thousands of attributes takes minutes. Only a page with many `=` in all can hold such a tag,
        // so only such a page is read tag by tag.
        if count(0x3D, in: bytes) > Self.equalsSignsBeforeTagScan, let most = mostAttributesInOneTag(bytes),
           most > limits.maxAttributesPerTag {
            throw GirconvError.inputTooComplex(path: path, reason: "a tag with \(most) attributes, more than the \(limits.maxAttributesPerTag) a report's tags have")
        }
        if lines > limits.maxLines {
            throw GirconvError.inputTooComplex(path: path, reason: "\(lines) lines, more than the \(limits.maxLines) a report can have")
        }
    }

    /// Counts a text's lines and fields (what table rows are split into: runs of whitespace, and each tab
    /// and `|`, which make a cell even when empty); throws `inputTooComplex` past the limits. Read on the
    /// UTF-8 bytes: only characters whose first byte some whitespace character or `｜` starts with
    /// (`ByteTables.whitespace`, derived from `isWhitespace`) are decoded.
    public static func checkText(_ text: String, limits: ReadingLimits, path: String) throws {
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
                    if !mayBeWhite[Int(byte)] && byte != Self.fullWidthBarLead { inWhitespace = false; i += length; continue }
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
        if lines > limits.maxLines {
            throw GirconvError.inputTooComplex(path: path, reason: "\(lines) lines, more than the \(limits.maxLines) a report can have")
        }
        if fields > limits.maxParts {
            throw GirconvError.inputTooComplex(path: path, reason: "\(fields) fields, more than the \(limits.maxParts) a report can have")
        }
    }

    /// Below this many `=` in a page no tag can have enough attributes to be slow (40,000 take 4 s).
    static let equalsSignsBeforeTagScan = 20_000

    /// The most `=` outside quotes within one tag (from `<` to the `>` outside quotes), an upper bound of
    /// its attributes; nil when there is no tag. Comments and the text of `<script>` and `<style>` (code,
    /// full of `=` and `<`) are skipped as the parser skips them.
    static func mostAttributesInOneTag(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
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
    static func count(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
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
