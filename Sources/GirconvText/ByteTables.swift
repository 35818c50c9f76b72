/// Byte-level tables derived from the scalar rules, so the fast paths on UTF-8 bytes can never drift from
/// the rules they stand for. A fast path looks a character's lead byte up and decodes the character only
/// when some character with that lead byte may be affected by the rule; which lead bytes those are is
/// computed here, once, by asking the scalar rule about every scalar of the Basic Multilingual Plane
/// (tests check that no other is touched), never listed by hand.
enum ByteTables {
    /// The scalars whose UTF-8 form starts with `lead` (empty for continuation bytes and bytes that
    /// never start a valid sequence). Surrogates are in the range of 0xED but are not scalars.
    static func scalars(withLeadByte lead: UInt8) -> ClosedRange<UInt32>? {
        switch lead {
        case 0x00...0x7F: return UInt32(lead)...UInt32(lead)
        case 0xC2...0xDF: let first = UInt32(lead & 0x1F) << 6; return first...(first + 0x3F)
        case 0xE0: return 0x800...0xFFF
        case 0xE1...0xEF: let first = UInt32(lead & 0x0F) << 12; return first...(first + 0xFFF)
        case 0xF0: return 0x10000...0x3FFFF
        case 0xF1...0xF4: let first = UInt32(lead & 0x07) << 18; return first...min(first + 0x3FFFF, 0x10FFFF)
        default: return nil
        }
    }

    /// The lead bytes whose scalars the derivations ask about: those of the Basic Multilingual Plane.
    /// Supplementary characters (lead bytes F0…F4, a million scalars, seventeen times the work) are
    /// touched by no rule here, which `ByteTablesTests` checks on every one of them; extra fold rules,
    /// which may touch one, mark their own lead bytes (`FoldRules.init`).
    static let derivedLeadBytes = 0x00...0xEF

    /// For each byte, whether some scalar whose UTF-8 form starts with it satisfies `rule` (every scalar
    /// of `derivedLeadBytes` is asked, the search of a lead byte stopping at its first hit).
    static func leadBytes(where rule: (Unicode.Scalar) -> Bool) -> [Bool] {
        var table = [Bool](repeating: false, count: 256)
        for lead in derivedLeadBytes {
            guard let range = scalars(withLeadByte: UInt8(lead)) else { continue }
            for value in range {
                if let scalar = Unicode.Scalar(value), rule(scalar) { table[lead] = true; break }
            }
        }
        return table
    }

    /// The first UTF-8 byte of a scalar.
    static func leadByte(of scalar: Unicode.Scalar) -> UInt8 {
        UTF8.encode(scalar)!.first!
    }

    /// The length of the UTF-8 sequence a lead byte starts (2 for continuation bytes, as the fast paths
    /// never stand on one in valid UTF-8).
    @inline(__always)
    static func sequenceLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : (lead >= 0xF0 ? 4 : (lead >= 0xE0 ? 3 : 2))
    }

    /// Lead bytes (ASCII bytes included) of characters `TextNormalizer.isWhitespace` may accept: the
    /// characters `TextNormalizer.collapseWhitespace` and `isWhitespaceCollapsed` must decode and test.
    static let whitespace: [Bool] = leadBytes(where: TextNormalizer.isWhitespace)
}

/// The fold rules matching keys are made with: `TextNormalizer.fold` (width, quotes, dashes, spaces,
/// zero-width characters), optionally with extra scalar → scalar mappings (tests add a rule to prove
/// the byte-level key follows it), and the tables derived from them.
struct FoldRules: Sendable {
    /// Extra mappings, applied before `TextNormalizer.fold`. Empty in the default rules.
    let extra: [UInt32: Unicode.Scalar]

    /// Per byte: the length of the UTF-8 sequence it starts, plus `decodeFlag` when some character
    /// starting with it may be changed by folding or dropped as a space (`TextNormalizer.isSpace` of
    /// its folded form). The matchKey fast path copies every other character as bytes: one lookup
    /// per character tells both how far to step and whether to decode.
    let steps: [UInt8]
    static let decodeFlag: UInt8 = 0x80

    /// For three-byte characters (U+0800…U+FFFF), per block of 64 that share their first two bytes (index:
    /// the scalar's bits 6–15): whether some character of the block may be changed or dropped. A lead byte
    /// flagged for one rare character (它, U+5B83, flags the lead byte of U+5000…U+5FFF) then costs a decode
    /// only in its block, not in the 4,096 characters behind it.
    let threeByteBlocks: [Bool]

    @inline(__always) static func threeByteBlock(lead: UInt8, second: UInt8) -> Int {
        (Int(lead & 0x0F) << 6) | Int(second & 0x3F)
    }

    /// Every scalar that folding produces from a different scalar (" ", "-", the ASCII forms
    /// of full-width characters, and whatever extra rules map to). A byte-level search for a character in
    /// unfolded text finds it in the folded text only if nothing else folds to it.
    let images: Set<UInt32>

    /// For each non-ASCII character folding produces from other characters (他, from 它), those characters.
    /// (ASCII images have too many sources to list: every full-width form, dashes, quotes.)
    let preimages: [UInt32: [Unicode.Scalar]]

    /// The rules matching uses.
    static let standard = FoldRules()

    /// Derives the tables in one pass over the scalars of the Basic Multilingual Plane (65 536 calls of
    /// `fold`, once), then marks what the extra rules touch, wherever it is.
    init(extra: [Unicode.Scalar: Unicode.Scalar] = [:]) {
        let extra = Dictionary(uniqueKeysWithValues: extra.map { ($0.key.value, $0.value) })
        self.extra = extra
        var steps = (0...255).map { UInt8(ByteTables.sequenceLength(UInt8($0))) }
        var blocks = [Bool](repeating: false, count: 1024)
        func mark(_ scalar: Unicode.Scalar) {
            steps[Int(ByteTables.leadByte(of: scalar))] |= Self.decodeFlag
            if (0x800...0xFFFF).contains(scalar.value) { blocks[Int((scalar.value >> 6) & 0x3FF)] = true }
        }
        var images: Set<UInt32> = []
        var preimages: [UInt32: [Unicode.Scalar]] = [:]
        for lead in ByteTables.derivedLeadBytes {
            guard let range = ByteTables.scalars(withLeadByte: UInt8(lead)) else { continue }
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let folded = Self.fold(scalar, extra: extra)
                if let folded, folded != scalar {
                    images.insert(folded.value)
                    if folded.value >= 0x80 { preimages[folded.value, default: []].append(scalar) }
                }
                if folded != scalar || TextNormalizer.isSpace(scalar) { mark(scalar) }
            }
        }
        for (key, value) in extra {
            guard let scalar = Unicode.Scalar(key), value != scalar else { continue }
            mark(scalar)
            images.insert(value.value)
            if value.value >= 0x80, !(preimages[value.value]?.contains(scalar) ?? false) { preimages[value.value, default: []].append(scalar) }
        }
        self.steps = steps
        self.threeByteBlocks = blocks
        self.images = images
        self.preimages = preimages
    }

    /// The folded form of one scalar, or nil for one folding removes.
    @inline(__always)
    func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? { Self.fold(scalar, extra: extra) }

    @inline(__always)
    private static func fold(_ scalar: Unicode.Scalar, extra: [UInt32: Unicode.Scalar]) -> Unicode.Scalar? {
        if !extra.isEmpty, let mapped = extra[scalar.value] { return mapped }
        return TextNormalizer.fold(scalar)
    }

    /// True for a character that folding leaves alone and produces from no other character: a literal
    /// made of such characters is found in unfolded text exactly where it is in folded text.
    func foldsOnlyToItself(_ scalar: Unicode.Scalar) -> Bool {
        fold(scalar) == scalar && !images.contains(scalar.value)
    }

    /// `TextNormalizer.unfoldedForms(of:limit:)` under these rules.
    func unfoldedForms(of phrase: String, limit: Int) -> [String]? {
        var forms: [String.UnicodeScalarView] = [String.UnicodeScalarView()]
        for scalar in phrase.unicodeScalars {
            guard fold(scalar) == scalar, !TextNormalizer.isSpace(scalar) else { return nil }
            var choices: [Unicode.Scalar] = [scalar]
            if images.contains(scalar.value) {
                guard let sources = preimages[scalar.value] else { return nil }
                choices += sources
            }
            guard forms.count * choices.count <= limit else { return nil }
            forms = forms.flatMap { form in choices.map { var next = form; next.append($0); return next } }
        }
        return forms.map { String($0) }
    }
}

/// What the built-in folding (`FoldRules.standard`) makes of each scalar of the Basic Multilingual Plane,
/// as bits a scan of unfolded text can test: the narrative reader tells from a line as printed whether
/// its folded form has a digit, or loses characters (which could join a phrase). Derived from the rule,
/// so a new rule that yields a digit or removes a character is seen by that scan. No supplementary
/// character is changed by folding (checked by `ByteTablesTests`), so it has no effect bits.
enum FoldEffects {
    /// The scalar folds to an ASCII digit.
    static let toDigit: UInt8 = 1
    /// Folding removes the scalar.
    static let removed: UInt8 = 2

    /// The effect bits of U+0000…U+FFFF, indexed by scalar value (surrogates: none).
    static let table: [UInt8] = derive()

    /// One call of `fold` per BMP scalar.
    static func derive() -> [UInt8] {
        (UInt32(0)...0xFFFF).map { value in
            guard let scalar = Unicode.Scalar(value) else { return 0 }
            guard let folded = FoldRules.standard.fold(scalar) else { return removed }
            return folded.value >= 0x30 && folded.value <= 0x39 ? toDigit : 0
        }
    }

    /// The effect bits of any scalar.
    @inline(__always)
    static func of(_ value: UInt32, in table: UnsafeBufferPointer<UInt8>) -> UInt8 {
        value < 0x10000 ? table[Int(value)] : 0
    }
}

/// What the built-in folding would make of a text, told without folding it (by `FoldEffects`).
package struct FoldSummary: Equatable {
    /// Some character folds to an ASCII digit: the folded text has a digit.
    package var hasDigit = false
    /// Some CJK ideograph (U+4E00 and up) that folding leaves alone is one the caller marks.
    package var hasMarked = false
    /// Folding removes some character (zero-width marks), which could join the characters around it.
    package var hasRemoved = false

    /// Scans `text` once. `marks` is asked about ideographs only (scalars from U+4E00 on that fold to no
    /// digit), so a caller can look for a few words' first characters cheaply.
    package init(of text: String, marking marks: (UInt32) -> Bool) {
        FoldEffects.table.withUnsafeBufferPointer { effects in
            for scalar in text.unicodeScalars {
                let value = scalar.value
                let effect = FoldEffects.of(value, in: effects)
                if effect & FoldEffects.toDigit != 0 { hasDigit = true }
                else if value >= 0x4E00, marks(value) { hasMarked = true }
                else if effect & FoldEffects.removed != 0 { hasRemoved = true }
            }
        }
    }
}
