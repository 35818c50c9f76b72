/// A line normalised for matching (simplified script, folded width and punctuation) that remembers,
/// for every normalised character, where it came from in the original line. Phrase patterns match the
/// normalised form; provenance quotes and locates the original.
public struct AlignedText: Sendable {
    /// The normalised characters.
    public let characters: [Character]
    /// For each normalised character, the index of its original character in `original`.
    public let originalIndex: [Int]
    /// The original characters.
    public let original: [Character]

    /// `traditional`: the text is known to be in traditional script (its document is), so it is converted
    /// even when the line alone shows no telltale character.
    public init(_ text: String, traditional: Bool = false) {
        original = Array(text)
        let simplified = Array(TextNormalizer.simplified(text, force: traditional))
        // ICU's Hant-Hans maps character to character for these texts; if a line ever changes length,
        // fall back to the unsimplified line rather than misplace offsets.
        let source = simplified.count == original.count ? simplified : original
        var chars: [Character] = []
        var index: [Int] = []
        chars.reserveCapacity(source.count)
        index.reserveCapacity(source.count)
        for (i, ch) in source.enumerated() {
            let folded = TextNormalizer.foldWidthAndPunctuation(String(ch))
            for f in folded {
                chars.append(f)
                index.append(i)
            }
        }
        characters = chars
        originalIndex = index
    }

    /// The normalised text as a string.
    public var string: String { String(characters) }

    /// The original text behind a normalised range.
    public func originalText(_ range: Range<Int>) -> String {
        guard !range.isEmpty, range.lowerBound < originalIndex.count else { return "" }
        let start = originalIndex[range.lowerBound]
        let end = originalIndex[min(range.upperBound, originalIndex.count) - 1] + 1
        return String(original[start..<end])
    }

    /// The original character offset of a normalised position (in Unicode scalars, like `TextLine.offset`).
    public func originalScalarOffset(_ position: Int) -> Int {
        guard position < originalIndex.count else { return original.reduce(0) { $0 + $1.unicodeScalars.count } }
        return original[..<originalIndex[position]].reduce(0) { $0 + $1.unicodeScalars.count }
    }
}
