import GirconvText
/// A label as an adapter's label table writes it: synonyms, each compared against a row or column label
/// after normalisation (`TextNormalizer.labelKey`): simplified script, folded width, no spaces, no
/// leading enumeration.
public struct LabelPattern: Sendable, Equatable {
    public enum Mode: Sendable { case contains, equals }
    public let synonyms: [String]
    public let mode: Mode

    /// Each synonym's `signature`.
    public let signatures: [UInt64]

    public init(_ synonyms: [String], mode: Mode = .contains) {
        self.synonyms = synonyms.map { TextNormalizer.labelKey($0) }
        self.mode = mode
        signatures = self.synonyms.map(Self.signature(of:))
    }

    /// The synonym that matched an already normalised key, if any.
    public func match(key: String) -> String? {
        synonyms.first { mode == .equals ? key == $0 : FastText.contains(key, $0) }
    }

    public func matches(key: String) -> Bool { match(key: key) != nil }

    /// `match(key:)` for a key whose `signature` is known: synonyms with a character the key lacks are
    /// skipped without a search (a table row is compared with every row label of every layout).
    public func match(key: String, signature: UInt64) -> String? {
        for (synonym, own) in zip(synonyms, signatures) where own & ~signature == 0 {
            if mode == .equals ? key == synonym : FastText.contains(key, synonym) { return synonym }
        }
        return nil
    }

    public func matches(key: String, signature: UInt64) -> Bool { match(key: key, signature: signature) != nil }

    /// The set of a text's characters, each hashed to one of 64 bits. A text that contains another has
    /// every bit of the other's signature.
    public static func signature(of text: String) -> UInt64 {
        var bits: UInt64 = 0
        for scalar in text.unicodeScalars { bits |= 1 << UInt64((scalar.value &* 0x9E37_79B1) >> 26) }
        return bits
    }
}
