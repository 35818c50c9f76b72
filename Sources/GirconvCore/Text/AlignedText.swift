import GirconvText
/// A line normalised for matching (simplified script, folded width and punctuation) that remembers,
/// for every normalised scalar, where it came from in the original line. Phrase patterns match the
/// normalised form; provenance quotes and locates the original.
package struct AlignedText: Sendable {
    /// The normalised scalars.
    package let scalars: [Unicode.Scalar]
    /// For each normalised scalar, the index of its original scalar in `original`.
    package let originalIndex: [Int]
    /// The original scalars.
    package let original: [Unicode.Scalar]

    /// `traditional`: the text is known to be in traditional script (its document is), so it is converted
    /// even when the line alone shows no telltale character.
    package init(_ text: String, traditional: Bool = false) {
        self.init(text, simplified: traditional ? TextNormalizer.simplified(text, force: true) : nil)
    }

    /// `simplified`: the text already converted to simplified characters (nil: use it as it is, unless it
    /// shows traditional characters).
    package init(_ text: String, simplified given: String?) {
        original = FastText.scalars(of: text)
        let converted = given ?? TextNormalizer.simplified(text)
        // Unchanged text (a simplified line) is not made into scalars twice.
        let simplified = converted.utf8.elementsEqual(text.utf8) ? original : FastText.scalars(of: converted)
        // ICU's Hant-Hans maps scalar to scalar for these texts; if a line ever changes length, fall back
        // to the unsimplified line rather than misplace offsets.
        let source = simplified.count == original.count ? simplified : original
        var normalised: [Unicode.Scalar] = []
        var index: [Int] = []
        normalised.reserveCapacity(source.count)
        index.reserveCapacity(source.count)
        for (i, scalar) in source.enumerated() {
            if let folded = TextNormalizer.fold(scalar) {
                normalised.append(folded)
                index.append(i)
            }
        }
        scalars = normalised
        originalIndex = index
    }

    /// The normalised text as a string.
    package var string: String {
        var out = UTF8Builder(capacity: scalars.count * 3)
        for scalar in scalars { out.append(scalar) }
        return out.string
    }

    /// The original text behind a normalised range.
    package func originalText(_ range: Range<Int>) -> String {
        guard !range.isEmpty, range.lowerBound < originalIndex.count else { return "" }
        let start = originalIndex[range.lowerBound]
        let end = originalIndex[min(range.upperBound, originalIndex.count) - 1] + 1
        var out = UTF8Builder(capacity: (end - start) * 3)
        for scalar in original[start..<end] { out.append(scalar) }
        return out.string
    }

    /// The original scalar offset of a normalised position (like `TextLine.offset`, in Unicode scalars).
    package func originalScalarOffset(_ position: Int) -> Int {
        position < originalIndex.count ? originalIndex[position] : original.count
    }
}
