import Foundation

/// Normalisation for *matching* labels and phrases. Output never uses normalised text: records quote the
/// source as printed.
///
/// - traditional → simplified characters (ICU `Hant-Hans`), applied only when the text holds
///   traditional-only characters, since the transform is the costly step;
/// - full-width ASCII forms → half-width (digits, brackets, colon, comma, percent); U+3000 → space;
/// - curly quotes → straight quotes, the many dashes → "-", odd spaces (NBSP, thin, zero-width) → space.
package enum TextNormalizer {
    /// Characters that occur in traditional-script reports and never in simplified ones. One of them is
    /// enough to run the ICU transform (and to call the script `hant`).
    static let traditionalMarkers: Set<UInt32> = Set(
        "開報資機關條處複議訴訟規範數辦務與經個為請當應區縣鎮門網頁統計類據會員業態組織權較對東韓國際發佈實現變點時間從無畫聯係華書說證這進還將專屬體質萬億費詢產營環戶號滿們雜紀歲總額項審準確舉訊執構來過傳達範".unicodeScalars.map(\.value)
    )

    /// `traditionalMarkers` as a bitmap over the CJK Unified Ideographs block (U+4E00…U+9FFF), where all
    /// of them are: one bit test per character instead of a hash lookup.
    static let traditionalBitmap: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: (0xA000 - 0x4E00) / 64)
        for value in traditionalMarkers {
            precondition((0x4E00..<0xA000).contains(value), "traditional markers are CJK unified ideographs")
            let index = Int(value - 0x4E00)
            bits[index >> 6] |= 1 << UInt64(index & 63)
        }
        return bits
    }()

    /// True when `text` contains characters used only in traditional script: one is enough in a short
    /// label or title, three in a longer text (a simplified report may quote a name in traditional form).
    package static func isTraditional<S: StringProtocol>(_ text: S) -> Bool {
        let needed = text.utf8.count <= 300 ? 1 : 3
        if let found = text.utf8.withContiguousStorageIfAvailable({ countMarkers($0, upTo: needed) }) { return found >= needed }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { countMarkers($0, upTo: needed) } >= needed
    }

    /// Traditional-only characters in UTF-8 bytes, counted up to `limit`. U+4E00…U+9FFF are the
    /// three-byte sequences E4 B8 80 … E9 BF BF: decoded from the bytes directly.
    @inline(__always)
    static func countMarkers(_ bytes: UnsafeBufferPointer<UInt8>, upTo limit: Int) -> Int {
        traditionalBitmap.withUnsafeBufferPointer { bits in
            var hits = 0
            var i = 0
            let count = bytes.count
            while i + 2 < count {
                let byte = bytes[i]
                guard byte >= 0xE4 && byte <= 0xE9 else { i += 1; continue }
                let value = (UInt32(byte & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
                i += 3
                guard value >= 0x4E00 else { continue }
                let index = Int(value - 0x4E00)
                if bits[index >> 6] & (1 << UInt64(index & 63)) != 0 {
                    hits += 1
                    if hits >= limit { return hits }
                }
            }
            return hits
        }
    }

    /// Traditional forms ICU's Hant-Hans leaves alone because the character is also simplified
    /// (覆 "cover"), but which reports use for the simplified word. Same length on both sides.
    static let variantWords: [(String, String)] = [("答覆", "答复"), ("回覆", "回复"), ("批覆", "批复")]

    /// Traditional → simplified, only when needed (or always, with `force`, for text already known to
    /// be traditional). Short strings (labels, lines of a table) are cached: the ICU transform is the
    /// costliest step of reading a traditional-script report.
    package static func simplified(_ text: String, force: Bool = false) -> String {
        guard force || isTraditional(text) else { return text }
        let cacheable = text.utf8.count <= 120
        if cacheable, let hit = simplifiedCache.get(text) { return hit }
        let result = transform(text)
        if cacheable { simplifiedCache.set(text, result) }
        return result
    }

    static let simplifiedCache = BoundedCache<String, String>(limit: 20_000)

    private static func transform(_ text: String) -> String {
        var result = HanSimplifier.shared.simplify(text)
        guard result.has("覆") else { return result }
        for (variant, simplified) in variantWords where result.has(variant) {
            result = FastText.replacingSameLength(result, variant, with: simplified)
        }
        return result
    }

    /// Width, quote, dash and space folding (no script conversion); keeps the scalar count of everything
    /// but removed zero-width characters.
    package static func foldWidthAndPunctuation(_ text: String) -> String {
        var out = UTF8Builder(capacity: text.utf8.count)
        for scalar in text.unicodeScalars {
            if let folded = fold(scalar) { out.append(folded) }
        }
        return out.string
    }

    /// The folded form of one scalar, or nil for a zero-width character. This is the rule itself: the
    /// byte-level fast paths (`foldedKey`, the narrative prefilters) use tables derived from it by
    /// `FoldRules`, so a case added here is followed everywhere without further change.
    @inlinable @inline(__always)
    package static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let v = scalar.value
        if v < 0x80 { return scalar }
        switch v {
        case 0xFF01...0xFF5E:                       // full-width ASCII
            return Unicode.Scalar(v - 0xFEE0)!
        case 0x3000, 0x00A0, 0x2000...0x200A, 0x202F, 0x205F:
            return " "
        case 0x200B, 0x200C, 0x200D, 0xFEFF:        // zero-width
            return nil
        case 0x201C, 0x201D, 0x201E, 0x300C, 0x300D: // “ ” „ 「 」
            return "\""
        case 0x2018, 0x2019:                        // ‘ ’
            return "'"
        case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63: // hyphens, dashes, minus
            return "-"
        case 0x3014: return "["                     // 〔
        case 0x3015: return "]"                     // 〕
        case 0x5B83: return "\u{4ED6}"              // 它 → 他: reports print 其它 for 其他 ("其它形式申请数")
        default:
            return scalar
        }
    }

    /// True for a character that `fold` leaves alone and produces from no other character, as derived
    /// from `fold` over every scalar (`FoldRules`): text searched for it unfolded finds it exactly where
    /// it is after folding (provided no zero-width character, which folding removes, stands between).
    package static func foldsOnlyToItself(_ scalar: Unicode.Scalar) -> Bool {
        FoldRules.standard.foldsOnlyToItself(scalar)
    }

    /// Every text that folds to `phrase` character for character, `phrase` first (its unfolded forms: "其他"
    /// and "其它"), when each character of it either folds only to itself or is produced by folding from a
    /// few known non-ASCII characters (`FoldRules.preimages`); nil when some character has other forms
    /// (ASCII, which full-width characters fold to; spaces) or the forms would be more than `limit`.
    package static func unfoldedForms(of phrase: String, limit: Int = 16) -> [String]? {
        FoldRules.standard.unfoldedForms(of: phrase, limit: limit)
    }

    /// The key a label is compared by: simplified, folded, with all whitespace removed.
    package static func matchKey(_ text: String, traditional: Bool = false) -> String {
        matchKeyBuilder(text, traditional: traditional).string
    }

    /// `matchKey` as UTF-8 bytes (the document's whole-text key is searched as bytes).
    package static func matchKeyBytes(_ text: String, traditional: Bool = false) -> [UInt8] {
        matchKeyBuilder(text, traditional: traditional).bytes
    }

    private static func matchKeyBuilder(_ text: String, traditional: Bool) -> UTF8Builder {
        foldedKey(simplified(text, force: traditional), rules: .standard)
    }

    /// `matchKey` without the script conversion, under the given fold rules: every scalar folded by
    /// `rules`, and dropped when removed or a space (`isSpace`) after folding.
    ///
    /// On the UTF-8 bytes: `rules.steps` tells, from a character's first byte, how long it is and whether
    /// some character with that first byte may be changed or dropped (a table derived from the rules, see
    /// `FoldRules`). Only those are decoded and folded; the others, the CJK ideographs among them, are
    /// copied in runs: `runStart` is where the current run began.
    static func foldedKey(_ text: String, rules: FoldRules) -> UTF8Builder {
        var source = text
        var out = UTF8Builder(capacity: source.utf8.count)
        source.withUTF8 { bytes in
            rules.steps.withUnsafeBufferPointer { steps in rules.threeByteBlocks.withUnsafeBufferPointer { blocks in
                var i = 0, runStart = 0
                let count = bytes.count
                func flush(_ end: Int) {
                    if end > runStart { out.append(bytes: UnsafeBufferPointer(rebasing: bytes[runStart..<end])) }
                }
                while i < count {
                    let step = steps[Int(bytes[i])]
                    let length = Int(step & ~FoldRules.decodeFlag)
                    guard i + length <= count else { break }
                    if step & FoldRules.decodeFlag == 0
                        || (length == 3 && !blocks[FoldRules.threeByteBlock(lead: bytes[i], second: bytes[i + 1])]) {
                        i += length
                        continue
                    }
                    flush(i)
                    runStart = i + length
                    let value = FastText.scalar(at: i, in: bytes)!.value
                    i += length
                    guard let scalar = Unicode.Scalar(value), let folded = rules.fold(scalar), !isSpace(folded) else { continue }
                    out.append(folded)
                }
                // (A character cut off at the end, which valid UTF-8 never has, is dropped.)
                flush(min(i, count))
            } }
        }
        return out
    }

    /// Trims the text and collapses runs of whitespace (NBSP and ideographic spaces included) to one space.
    package static func collapseWhitespace(_ text: String) -> String {
        if isWhitespaceCollapsed(text) { return text }
        // On the UTF-8 bytes: characters are copied whole; only those whose first byte some whitespace
        // character starts with (`ByteTables.whitespace`, derived from `isWhitespace`) are decoded.
        var text = text
        return text.withUTF8 { bytes in ByteTables.whitespace.withUnsafeBufferPointer { mayBeWhite in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            // The run of non-whitespace characters not yet copied starts at `runStart`.
            var runStart = 0
            var i = 0
            let count = bytes.count
            while i < count {
                let byte = bytes[i]
                let length = ByteTables.sequenceLength(byte)
                let white: Bool
                if mayBeWhite[Int(byte)], let (value, _) = FastText.scalar(at: i, in: bytes), let scalar = Unicode.Scalar(value) {
                    white = isWhitespace(scalar)
                } else {
                    white = false
                }
                let end = min(i + length, count)
                if white {
                    if i > runStart {
                        if pendingSpace { out.append(0x20) }
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                    }
                    pendingSpace = !out.isEmpty
                    runStart = end
                }
                i = end
            }
            if count > runStart {
                if pendingSpace { out.append(0x20) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
            }
            return String(decoding: out, as: UTF8.self)
        } }
    }

    /// True when `collapseWhitespace` would return the text unchanged: no whitespace at either end, and inside only
    /// single ASCII spaces (checked on the UTF-8 bytes: a byte some other whitespace character starts
    /// with, by `ByteTables.whitespace`, sends the text to `collapse`).
    @inline(__always)
    package static func isWhitespaceCollapsed(_ text: String) -> Bool {
        ByteTables.whitespace.withUnsafeBufferPointer { mayBeWhite in
            var previousSpace = true   // a leading space is not collapsed
            for byte in text.utf8 {
                if byte == 0x20 {
                    if previousSpace { return false }
                    previousSpace = true
                } else if mayBeWhite[Int(byte)] {
                    return false
                } else {
                    previousSpace = false
                }
            }
            return !previousSpace || text.isEmpty
        }
    }

    /// Any Unicode white space (a fast table-free test: ASCII, NBSP, U+2000…U+200A, ideographic …). The
    /// rule itself: byte-level whitespace tests use `ByteTables.whitespace`, derived from it.
    @inline(__always)
    @inlinable
    package static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        return v == 0x85 || v == 0xA0 || v == 0x1680 || (v >= 0x2000 && v <= 0x200A) || v == 0x2028 || v == 0x2029
            || v == 0x202F || v == 0x205F || v == 0x3000
    }

    /// Whitespace after folding (NBSP, ideographic and other spaces are already " "). Part of the rule
    /// `FoldRules` derives its tables from.
    @inline(__always)
    @inlinable
    package static func isSpace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v == 0x20 || (v >= 0x09 && v <= 0x0D) || v == 0x85 || v == 0x1680 || v == 0x2028 || v == 0x2029
    }

    /// `matchKey` with a leading enumeration removed: "一、", "（三）", "3.", "(1)", "1、", "第一，".
    package static func labelKey(_ text: String, traditional: Bool = false) -> String {
        stripEnumeration(matchKey(text, traditional: traditional))
    }

    private static let chineseNumerals: Set<Character> = Set("一二三四五六七八九十")

    /// A scalar that is always a whole character (never joined to its neighbours into one grapheme).
    /// Text made only of such scalars can be read scalar by scalar with the same result as by `Character`s.
    package static func isOwnCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0x3000...0x3029, 0x3030...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0x25CB: return true
        default: return false
        }
    }

    /// Removes one leading enumeration marker from an already folded key.
    package static func stripEnumeration(_ key: String) -> String {
        key.unicodeScalars.allSatisfy(isOwnCharacter) ? stripEnumerationOnScalars(key) : stripEnumerationOnCharacters(key)
    }

    static func stripEnumerationOnCharacters(_ key: String) -> String {
        var s = Substring(key)
        // (一) (1) [1]
        if let first = s.first, first == "(" || first == "[" {
            let close: Character = first == "(" ? ")" : "]"
            if let end = s.firstIndex(of: close) {
                let inner = s[s.index(after: s.startIndex)..<end]
                if !inner.isEmpty, inner.count <= 3, inner.allSatisfy({ chineseNumerals.contains($0) || $0.isASCII && $0.isNumber }) {
                    s = s[s.index(after: end)...]
                    return String(s)
                }
            }
        }
        // 一、  1.  1、  12．
        var i = s.startIndex
        while i < s.endIndex, chineseNumerals.contains(s[i]) || (s[i].isASCII && s[i].isNumber) { i = s.index(after: i) }
        if i > s.startIndex, i < s.endIndex, "、.,:)".contains(s[i]) {
            return String(s[s.index(after: i)...])
        }
        return String(s)
    }

    /// `stripEnumeration` for a key whose every scalar is a character of its own: the same steps on
    /// scalars, without grapheme breaking or `Character` comparisons (most labels; tested against the
    /// `Character` path).
    static func stripEnumerationOnScalars(_ key: String) -> String {
        let scalars = key.unicodeScalars
        func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x30...0x39, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341: return true  // 0–9 一二三四五六七八九十
            default: return false
            }
        }
        // (一) (1) [1]
        if let first = scalars.first, first == "(" || first == "[" {
            let close: Unicode.Scalar = first == "(" ? ")" : "]"
            if let end = scalars.firstIndex(of: close) {
                let inner = scalars[scalars.index(after: scalars.startIndex)..<end]
                if !inner.isEmpty, inner.count <= 3, inner.allSatisfy(isNumeral) {
                    return String(scalars[scalars.index(after: end)...])
                }
            }
        }
        // 一、  1.  1、  12．
        var i = scalars.startIndex
        while i < scalars.endIndex, isNumeral(scalars[i]) { i = scalars.index(after: i) }
        if i > scalars.startIndex, i < scalars.endIndex, ["、", ".", ",", ":", ")"].contains(scalars[i]) {
            return String(scalars[scalars.index(after: i)...])
        }
        return key
    }
}

/// ICU's `Hant-Hans` applied character by character, each character converted by ICU once and then
/// remembered: the same result as transforming the whole text (ICU's mapping is per character; checked
/// on every traditional sample and seed, and by the golden tests), several times faster once the
/// characters of a corpus are known.
final class HanSimplifier: @unchecked Sendable {
    static let shared = HanSimplifier()
    /// Character → its simplified form when that is one scalar (nearly always; itself when unchanged):
    /// a flat table over the CJK blocks (U+3400…U+9FFF, 0 = not yet known), a dictionary elsewhere.
    private var block = [UInt32](repeating: 0, count: 0xA000 - 0x3400)
    private var single: [UInt32: UInt32] = [:]
    /// Character → its simplified form when that is not one scalar.
    private var multiple: [UInt32: String] = [:]
    private let lock = NSLock()

    /// Characters below U+2E80 (Latin, digits, general punctuation) are never changed. One pass under
    /// the lock when every character is known (the usual case once a few reports are read); characters
    /// not seen before go through ICU once, then the pass is made again.
    func simplify(_ text: String) -> String {
        while true {
            var out = UTF8Builder(capacity: text.utf8.count)
            var missing: Set<UInt32> = []
            lock.lock()
            for scalar in text.unicodeScalars {
                let v = scalar.value
                guard v >= 0x2E80 else { out.append(scalar); continue }
                if v >= 0x3400 && v < 0xA000 {
                    let mapped = block[Int(v - 0x3400)]
                    if mapped != 0, let known = Unicode.Scalar(mapped) { out.append(known); continue }
                    if multiple[v] == nil { missing.insert(v); continue }
                }
                if let mapped = single[v] {
                    out.append(Unicode.Scalar(mapped) ?? scalar)
                } else if let mapped = multiple[v] {
                    out.append(mapped)
                } else {
                    missing.insert(v)
                }
            }
            lock.unlock()
            if missing.isEmpty { return out.string }
            var learned: [(UInt32, String)] = []
            for value in missing {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let one = String(scalar)
                learned.append((value, one.applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? one))
            }
            lock.lock()
            for (value, form) in learned {
                let scalars = Array(form.unicodeScalars)
                if scalars.count == 1 {
                    if value >= 0x3400 && value < 0xA000 { block[Int(value - 0x3400)] = scalars[0].value } else { single[value] = scalars[0].value }
                } else {
                    multiple[value] = form
                }
            }
            lock.unlock()
        }
    }
}
