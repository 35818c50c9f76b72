import XCTest
@testable import GirconvText
@testable import GirconvCore

/// The byte-level fast paths follow the scalar rules they stand for, including rules they have never seen.
final class ByteTablesTests: XCTestCase {
    /// The key by the scalar rule: every scalar folded by `rules`, dropped when removed or a space.
    static func reference(_ text: String, rules: FoldRules) -> String {
        var expected = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard let folded = rules.fold(scalar), !TextNormalizer.isSpace(folded) else { continue }
            expected.append(folded)
        }
        return String(expected)
    }

    /// A CJK rule (裏 → 里, lead byte E8, which no built-in rule touches) is followed by the byte-level
    /// key as soon as it is added: nothing lists lead bytes by hand.
    func testAnAddedCJKRuleIsFollowedByTheByteLevelKey() {
        let rules = FoldRules(extra: ["裏": "里"])
        XCTAssertNotEqual(rules.steps[0xE8] & FoldRules.decodeFlag, 0, "裏 starts with E8: decoded under the extra rule")
        XCTAssertEqual(FoldRules.standard.steps[0xE8] & FoldRules.decodeFlag, 0, "E8 is copied under the built-in rules")
        for text in ["裏", "表裏", "裏面 公开", "（一）裏裏外外：“裏”", "a裏😀b\u{3000}裏\u{200B}", "裏\t", "莫裏里"] {
            let expected = Self.reference(text, rules: rules)
            XCTAssertFalse(expected.unicodeScalars.contains("裏"), text)
            XCTAssertEqual(TextNormalizer.foldedKey(text, rules: rules).string, expected, text)
            XCTAssertEqual(TextNormalizer.foldedKey(text, rules: .standard).string, Self.reference(text, rules: .standard), text)
        }
        // What folding produces is known from the rules too: 里 is no longer found only where it is printed.
        XCTAssertFalse(rules.foldsOnlyToItself("里"))
        XCTAssertTrue(FoldRules.standard.foldsOnlyToItself("里"))
    }

    /// An extra rule outside the Basic Multilingual Plane (which the derivation does not scan) is followed too.
    func testAnAddedSupplementaryRuleIsFollowed() {
        let rules = FoldRules(extra: ["\u{20000}": "一"])
        for text in ["\u{20000}", "政\u{20000}府 😀", "\u{20001}\u{20000}"] {
            XCTAssertEqual(TextNormalizer.foldedKey(text, rules: rules).string, Self.reference(text, rules: rules), text)
        }
        XCTAssertFalse(rules.foldsOnlyToItself("一"))
    }

    /// The built-in tables give the scalar rule's key on every scalar of the Basic Multilingual Plane (the
    /// CJK ideographs included: no script conversion here) and on a sample of the other planes.
    func testBuiltInTablesAgreeWithScalarFoldingOnEveryScalar() {
        var scalars: [Unicode.Scalar] = []
        for value in UInt32(0)...0xFFFF { if let scalar = Unicode.Scalar(value) { scalars.append(scalar) } }
        for value in stride(from: UInt32(0x10000), through: 0x10FFFF, by: 251) { scalars.append(Unicode.Scalar(value)!) }
        scalars += ["\u{10000}", "\u{1F600}", "\u{20000}", "\u{2A6DF}", "\u{E0001}", "\u{10FFFF}"]
        let text = String(String.UnicodeScalarView(scalars))
        XCTAssertTrue(TextNormalizer.foldedKey(text, rules: .standard).string.unicodeScalars
            .elementsEqual(Self.reference(text, rules: .standard).unicodeScalars))
        // And every scalar alone (a copied run and a decoded character meet at every boundary above).
        for scalar in scalars where scalar.value % 7 == 0 || scalar.value < 0x3100 {
            let one = String(scalar)
            XCTAssertEqual(TextNormalizer.foldedKey(one, rules: .standard).string, Self.reference(one, rules: .standard), "U+\(String(scalar.value, radix: 16))")
        }
    }

    /// Every lead byte the tables mark is one some scalar needs, and every scalar the rules change or drop
    /// has its lead byte marked (the derivation checked the other way round).
    func testTheTablesMarkExactlyTheLeadBytesTheRulesNeed() {
        var needed = [Bool](repeating: false, count: 256), white = [Bool](repeating: false, count: 256)
        var blocks = [Bool](repeating: false, count: 1024)
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let bytes = Array(String(scalar).utf8), lead = Int(bytes[0])
            if TextNormalizer.fold(scalar) != scalar || TextNormalizer.isSpace(scalar) {
                needed[lead] = true
                if bytes.count == 3 { blocks[FoldRules.threeByteBlock(lead: bytes[0], second: bytes[1])] = true }
            }
            if TextNormalizer.isWhitespace(scalar) { white[lead] = true }
        }
        XCTAssertEqual((0xF0...0xF4).filter { needed[$0] || white[$0] }, [],
                       "a rule touches a supplementary character: widen ByteTables.derivedLeadBytes")
        XCTAssertEqual(FoldRules.standard.steps.map { $0 & FoldRules.decodeFlag != 0 }, needed)
        // Three-byte characters are decoded only in the blocks of 64 a rule touches: 它's, not 大's (same lead byte).
        XCTAssertEqual(FoldRules.standard.threeByteBlocks, blocks)
        XCTAssertTrue(FoldRules.standard.threeByteBlocks[FoldRules.threeByteBlock(lead: 0xE5, second: 0xAE)], "它 U+5B83")
        XCTAssertFalse(FoldRules.standard.threeByteBlocks[FoldRules.threeByteBlock(lead: 0xE5, second: 0xA4)], "大 U+5927")
        XCTAssertEqual(ByteTables.whitespace, white)
        // The hand-written lists these tables replace, for the record.
        XCTAssertEqual((0x80...0xFF).filter { needed[$0] }, [0xC2, 0xE1, 0xE2, 0xE3, 0xE5, 0xEF], "E5: 它 → 他")
        XCTAssertEqual((0...0xFF).filter { white[$0] }, [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xC2, 0xE1, 0xE2, 0xE3])
        // Lengths are those of the UTF-8 sequences.
        for lead in [0x00, 0x41, 0x7F, 0xC2, 0xDF, 0xE0, 0xE8, 0xEF, 0xF0, 0xF4] {
            XCTAssertEqual(Int(FoldRules.standard.steps[lead] & ~FoldRules.decodeFlag), ByteTables.sequenceLength(UInt8(lead)))
        }
    }

    /// The derived "folds only to itself" agrees with the rule it replaces (non-ASCII, unchanged, not
    /// whitespace) on every non-ASCII scalar but 他: the built-in rules produce only ASCII, and 他 (from 它).
    func testFoldsOnlyToItselfIsTheFormerRuleOnNonASCII() {
        XCTAssertEqual(FoldRules.standard.images.filter { $0 >= 0x80 }, [0x4ED6])
        XCTAssertEqual(FoldRules.standard.preimages, [0x4ED6: ["它"]])
        let disagreeing = (UInt32(0x80)...0x10FFFF).filter { value in
            guard let scalar = Unicode.Scalar(value), !TextNormalizer.isWhitespace(scalar) else { return false }
            return FoldRules.standard.foldsOnlyToItself(scalar) != (TextNormalizer.fold(scalar) == scalar)
        }
        XCTAssertEqual(disagreeing, [0x4ED6])
    }

    /// 其它 is 其他 to matching (reports print both): the keys are equal, labels and phrases match either, and
    /// the byte-level prefilter looks for both forms of a phrase holding 他.
    func testQitaIsQita() {
        XCTAssertEqual(TextNormalizer.matchKey("6.其它形式申请数"), TextNormalizer.matchKey("6.其他形式申请数"))
        XCTAssertEqual(TextNormalizer.labelKey("（四）其它"), "其他")
        XCTAssertEqual(Self.reference("其它类信息", rules: .standard), "其他类信息")
        XCTAssertEqual(TextNormalizer.foldedKey("其它类信息 它", rules: .standard).string, "其他类信息他")
        XCTAssertEqual(TextNormalizer.unfoldedForms(of: "其他信息"), ["其他信息", "其它信息"])
        XCTAssertEqual(TextNormalizer.unfoldedForms(of: "主动公开"), ["主动公开"])
        XCTAssertNil(TextNormalizer.unfoldedForms(of: "a公开"), "ASCII has too many sources (full-width forms)")
        XCTAssertNil(TextNormalizer.unfoldedForms(of: "他他他他他", limit: 16), "more than 16 forms")
        // What is shown is what was printed: folding is for matching only.
        XCTAssertEqual(AlignedText("其它类信息12条").originalText(0..<5), "其它类信息")
    }

    /// What the narrative prefilters rely on: a literal made of characters that fold only to themselves
    /// (and are not spaces) is in a text holding no character folding removes exactly when it is in the
    /// text's folded form, scalar for scalar. Under the built-in rules and with 裏 → 里 added, where 里
    /// stops being such a character (and would break the property: 表裏 holds 里 once folded).
    func testLiteralsOfSelfFoldingCharactersAreFoundUnfolded() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["政", "府", "里", "裏", "公开", "1", "１", "a", "Ａ", "-", "—", "－", "\"", "“", "「", "[", "〔", " ", "\u{3000}", "\u{A0}", "😀", "无", "：", ":"]
        for rules in [FoldRules.standard, FoldRules(extra: ["裏": "里"])] {
            let literalPieces = pieces.filter { $0.unicodeScalars.allSatisfy { rules.foldsOnlyToItself($0) && !TextNormalizer.isWhitespace($0) } }
            XCTAssertEqual(literalPieces.contains("里"), rules.extra.isEmpty)
            for _ in 0..<3_000 {
                let text = (0..<Int.random(in: 0..<10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
                let literal = (0..<Int.random(in: 1...2, using: &generator)).map { _ in literalPieces.randomElement(using: &generator)! }.joined()
                let folded = String(String.UnicodeScalarView(text.unicodeScalars.compactMap(rules.fold)))
                XCTAssertEqual(text.contains(literal), folded.contains(literal), "\(text) / \(literal)")
            }
        }
        let withExtra = FoldRules(extra: ["裏": "里"])
        XCTAssertNotEqual("表裏".contains("里"), String(String.UnicodeScalarView("表裏".unicodeScalars.compactMap(withExtra.fold))).contains("里"))
    }

    /// The effect bits the narrative reader scans lines with are the former hand-written tests: digits and
    /// full-width digits fold to a digit, the four zero-width characters are removed.
    func testFoldEffectsAreWhatFoldingDoes() {
        let digits = (0..<0x10000).filter { FoldEffects.table[$0] & FoldEffects.toDigit != 0 }
        XCTAssertEqual(digits, Array(0x30...0x39) + Array(0xFF10...0xFF19))
        let removed = (0..<0x10000).filter { FoldEffects.table[$0] & FoldEffects.removed != 0 }
        XCTAssertEqual(removed, [0x200B, 0x200C, 0x200D, 0xFEFF])
        // Nothing outside the BMP folds to a digit or is removed (the table does not cover it).
        for value in UInt32(0x10000)...0x10FFFF {
            let folded = TextNormalizer.fold(Unicode.Scalar(value)!)
            if folded == nil || ("0"..."9").contains(folded!) { XCTFail("U+\(String(value, radix: 16))") }
        }
    }

    /// The tables are derived once; a derivation (one pass over the Basic Multilingual Plane) is timed here.
    func testDerivationCost() {
        let clock = ContinuousClock()
        let foldTime = clock.measure { _ = FoldRules() }
        let whiteTime = clock.measure { _ = ByteTables.leadBytes(where: TextNormalizer.isWhitespace) }
        let effectsTime = clock.measure { _ = FoldEffects.derive() }
        print("FoldRules derivation: \(foldTime); whitespace lead bytes: \(whiteTime); fold effects: \(effectsTime)")
    }
}

/// Collapsing whitespace follows the whitespace rule on every whitespace character, by the derived table.
final class WhitespaceTableTests: XCTestCase {
    func testEveryWhitespaceCharacterIsCollapsed() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), TextNormalizer.isWhitespace(scalar) else { continue }
            let text = "政\(scalar)\(scalar)府"
            XCTAssertFalse(TextNormalizer.isWhitespaceCollapsed(text), "U+\(String(value, radix: 16))")
            XCTAssertEqual(TextNormalizer.collapseWhitespace(text), "政 府", "U+\(String(value, radix: 16))")
        }
    }
}
