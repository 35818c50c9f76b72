/// A label as an adapter's label table writes it: synonyms, each compared against a row or column label
/// after normalisation (`TextNormalizer.labelKey`): simplified script, folded width, no spaces, no
/// leading enumeration.
public struct LabelPattern: Sendable, Equatable {
    public enum Mode: Sendable { case contains, equals }
    public let synonyms: [String]
    public let mode: Mode

    public init(_ synonyms: [String], mode: Mode = .contains) {
        self.synonyms = synonyms.map { TextNormalizer.labelKey($0) }
        self.mode = mode
    }

    /// The synonym that matched an already normalised key, if any.
    public func match(key: String) -> String? {
        synonyms.first { mode == .equals ? key == $0 : FastText.contains(key, $0) }
    }

    public func matches(key: String) -> Bool { match(key: key) != nil }
}
