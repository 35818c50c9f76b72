import GirconvCore
import GirconvText

/// The lookup tables the narrative reader finds a `NarrativePatternSet`'s phrases with, compiled once from
/// it (the layout file model holds the phrases only).
struct NarrativeIndex: Sendable {
    /// A phrase to look for, as scalars, and what it means.
    struct IndexedPhrase: Sendable {
        var scalars: [Unicode.Scalar]
        /// Index into the set's `triggers`, or -1 for a scope word or a subject.
        var trigger: Int
        var scope: String?
        /// Index into the set's `subjects`.
        var subject: Int? = nil
    }

    /// Every trigger and scope phrase by its first scalar, so one pass over a line finds them all.
    let phrasesByFirstScalar: [UInt32: [IndexedPhrase]]
    /// The first scalars of every phrase: a clear bit means no phrase starts with the scalar (one bit test
    /// per scalar of a line instead of a hash lookup).
    private let firstScalars: ScalarBitSet
    /// Every trigger phrase, looked for in a line's bytes.
    private let triggerPhrases: UTF8PhraseSet
    /// Every trigger phrase is made of characters that folding does not change and produces from no other
    /// character or from a few known ones (他 from 它: `TextNormalizer.unfoldedForms`): a trigger then occurs
    /// in a folded line exactly when the bytes of one of its forms occur in the line (given no zero-width
    /// characters, which folding removes).
    let triggersFoldInvariant: Bool

    init(_ patterns: NarrativePatternSet) {
        var index: [UInt32: [IndexedPhrase]] = [:]
        for (i, trigger) in patterns.triggers.enumerated() {
            for phrase in trigger.phrases where !phrase.isEmpty {
                let scalars = Array(phrase.unicodeScalars)
                index[scalars[0].value, default: []].append(IndexedPhrase(scalars: scalars, trigger: i, scope: nil))
            }
        }
        for scope in patterns.scopes where !scope.phrase.isEmpty {
            let scalars = Array(scope.phrase.unicodeScalars)
            index[scalars[0].value, default: []].append(IndexedPhrase(scalars: scalars, trigger: -1, scope: scope.scope))
        }
        for (i, subject) in patterns.subjects.enumerated() {
            for phrase in subject.phrases where !phrase.isEmpty {
                let scalars = Array(phrase.unicodeScalars)
                index[scalars[0].value, default: []].append(IndexedPhrase(scalars: scalars, trigger: -1, scope: nil, subject: i))
            }
        }
        phrasesByFirstScalar = index
        firstScalars = ScalarBitSet(index.keys)
        // A trigger is looked for in a line's bytes in every form that folds to it ("其他信息" and "其它信息").
        let forms = patterns.triggers.flatMap(\.phrases).map { TextNormalizer.unfoldedForms(of: $0) }
        triggerPhrases = UTF8PhraseSet(forms.flatMap { $0 ?? [] })
        triggersFoldInvariant = forms.allSatisfy { $0 != nil }
    }

    /// True when some trigger phrase's bytes occur in `text` (one pass over the bytes, a bit test per
    /// character; see `triggersFoldInvariant` for when this is exact).
    func mayContainTrigger(_ text: String) -> Bool { triggerPhrases.occurs(in: text) }

    @inline(__always)
    func mayStartPhrase(_ value: UInt32) -> Bool { firstScalars.mayContain(value) }

    /// True for a character that folding (`TextNormalizer.fold`) leaves alone and produces from no other
    /// character (`TextNormalizer.foldsOnlyToItself`, which knows every character folding produces), and not
    /// a space: a phrase made of such characters is in a line's bytes exactly when it is in its folded
    /// form (zero-width characters, which folding removes, are checked for apart).
    static func foldsOnlyToItself(_ scalar: Unicode.Scalar) -> Bool {
        TextNormalizer.foldsOnlyToItself(scalar) && !TextNormalizer.isWhitespace(scalar)
    }
}
