/// How an element's own markup hides it: not at all; removed from the page (the `hidden` attribute, an inline
/// `display:none`: a row or cell so hidden is no row or cell, its text no text); or made invisible while it
/// keeps its place (`visibility:hidden` or `collapse`: its text is set apart from the text around it, so it
/// never joins a number's digits, and a cell keeps its slot).
package enum Hiding: UInt8, Sendable {
    case none, removed, invisible
}

/// The one question girconv asks of an inline `style` attribute, read in place without allocating.
enum InlineStyle {
    /// What a `style` value's declarations do to the element: `display: none` removes it, `visibility: hidden`
    /// (or `collapse`) makes it invisible; any case, any spacing, with or without `!important`. Other
    /// properties (`mso-display`, `font-size`) are not read. The last declaration of a property wins, as in CSS.
    static func hiding(_ style: UnsafeBufferPointer<UInt8>) -> Hiding {
        var display: Hiding = .none, visibility: Hiding = .none
        var start = 0
        while start < style.count {
            var end = start
            while end < style.count && style[end] != UInt8(ascii: ";") { end += 1 }
            if let colon = (start..<end).first(where: { style[$0] == UInt8(ascii: ":") }) {
                if equals(style, start..<colon, "display") {
                    display = startsWith(style, (colon + 1)..<end, "none") ? .removed : .none
                } else if equals(style, start..<colon, "visibility") {
                    let hidden = startsWith(style, (colon + 1)..<end, "hidden") || startsWith(style, (colon + 1)..<end, "collapse")
                    visibility = hidden ? .invisible : .none
                }
            }
            start = end + 1
        }
        return display == .removed ? .removed : visibility
    }

    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    @inline(__always) static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    /// The bytes of `range`, spaces skipped and ASCII letters lowered, start with `word` (lower case).
    static func startsWith(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ word: StaticString) -> Bool {
        var i = range.lowerBound, k = 0
        let count = word.utf8CodeUnitCount, letters = word.utf8Start
        while k < count {
            while i < range.upperBound && isSpace(bytes[i]) { i += 1 }
            guard i < range.upperBound, lower(bytes[i]) == letters[k] else { return false }
            i += 1; k += 1
        }
        return true
    }

    /// The bytes of `range`, spaces skipped and ASCII letters lowered, are `word` and nothing more.
    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ word: StaticString) -> Bool {
        guard startsWith(bytes, range, word) else { return false }
        var seen = 0, i = range.lowerBound
        while i < range.upperBound { if !isSpace(bytes[i]) { seen += 1 }; i += 1 }
        return seen == word.utf8CodeUnitCount
    }
}
