import Foundation
import XCTest
@testable import GirconvCore
import GirconvText

final class InputDecoderTests: XCTestCase {
    let text = "恩平市人民政府办公室2019年度政府信息公开工作年度报告\n规章\n0\n"
    var gb18030Bytes: [UInt8] { [UInt8](text.data(using: String.Encoding(rawValue: 0x8000_0632))!) }

    func decode(_ bytes: [UInt8], max: Int = InputDecoder.defaultMaxBytes) throws -> DecodedInput {
        try InputDecoder.decode(RawInput(name: "t", bytes: bytes), maxBytes: max)
    }

    func testUTF8WithAndWithoutBOM() throws {
        XCTAssertEqual(try decode(Array(text.utf8)).encoding, "UTF-8")
        let withBOM = try decode([0xEF, 0xBB, 0xBF] + Array(text.utf8))
        XCTAssertEqual(withBOM.encoding, "UTF-8 (BOM)")
        XCTAssertEqual(withBOM.text, text)
    }

    func testUTF16WithBOM() throws {
        let bytes: [UInt8] = [0xFF, 0xFE] + [UInt8](text.data(using: .utf16LittleEndian)!)
        let decoded = try decode(bytes)
        XCTAssertEqual(decoded.encoding, "UTF-16LE")
        XCTAssertEqual(decoded.text, text)
    }

    func testGBKTextIsDecodedAsGB18030() throws {
        let decoded = try decode(gb18030Bytes)
        XCTAssertEqual(decoded.encoding, "GB18030")
        XCTAssertEqual(decoded.text, text)
    }

    func testGBKOnlyCharactersSurvive() throws {
        // 镕 and 喆 are outside GB2312: a page "declared gb2312" must still decode them.
        let page = "<html><head><meta charset=\"gb2312\"></head><body>朱镕基 喆</body></html>"
        let decoded = try decode([UInt8](page.data(using: String.Encoding(rawValue: 0x8000_0632))!))
        XCTAssertEqual(decoded.encoding, "GB18030")
        XCTAssertTrue(decoded.text.contains("朱镕基 喆"))
        XCTAssertEqual(decoded.mediaType, "text/html")
    }

    func testLyingDeclarationIsOverruled() throws {
        let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>政府信息公开</body></html>"
        let decoded = try decode(Array(page.utf8))
        XCTAssertEqual(decoded.encoding, "UTF-8")
        XCTAssertTrue(decoded.text.contains("政府信息公开"))
    }

    func testRefusals() {
        XCTAssertThrowsError(try decode([])) { XCTAssertEqual(($0 as? GirconvError)?.kind, "input-empty") }
        XCTAssertThrowsError(try decode(Array(" \n\t\n".utf8))) { XCTAssertEqual(($0 as? GirconvError)?.kind, "input-empty") }
        XCTAssertThrowsError(try decode([0x41, 0x00, 0x42])) { XCTAssertEqual(($0 as? GirconvError)?.kind, "input-binary") }
        // A binary format is recognised by the signature its reader registers; without one, never as text.
        let pdf = InputFormat(mediaType: "application/pdf", signature: .prefix(Array("%PDF-".utf8)), extensions: ["pdf"])
        XCTAssertEqual(try InputDecoder.decode(RawInput(name: "t", bytes: Array("%PDF-1.7\n".utf8)), formats: [pdf]).mediaType,
                       "application/pdf", "PDFs go to the PDF reader")
        XCTAssertThrowsError(try decode(Array("%PDF-1.7\n".utf8))) { XCTAssertEqual(($0 as? GirconvError)?.kind, "input-binary") }
        XCTAssertThrowsError(try decode(Array("%PDF\u{0}\u{1}".utf8))) { XCTAssertEqual(($0 as? GirconvError)?.kind, "input-binary") }
        XCTAssertThrowsError(try decode([0x50, 0x4B, 0x03, 0x04, 0x14])) { XCTAssertEqual(($0 as? GirconvError)?.kind, "input-binary") }
        XCTAssertThrowsError(try decode(Array(text.utf8), max: 10)) {
            XCTAssertEqual(($0 as? GirconvError)?.kind, "input-too-large")
            XCTAssertEqual(($0 as? GirconvError)?.exitCode, 66)
        }
    }

    func testRandomHighBytesAreRefusedNotMisread() {
        var generator = SystemRandomNumberGenerator()
        let junk = (0..<4000).map { _ in UInt8.random(in: 0x80...0xFF, using: &generator) }
        XCTAssertThrowsError(try decode(junk)) { error in
            let kind = (error as? GirconvError)?.kind
            XCTAssertTrue(kind == "input-undecodable" || kind == "input-binary", "\(error)")
        }
    }

    func testLineSplittingKeepsOffsets() {
        let lines = ReportDocument.splitLines("ab\r\ncd\ref\n\ngh")
        XCTAssertEqual(lines.map(\.text), ["ab", "cd", "ef", "", "gh"])
        XCTAssertEqual(lines.map(\.number), [1, 2, 3, 4, 5])
        XCTAssertEqual(lines.map(\.offset), [0, 4, 7, 10, 11])
    }

    func testGB18030DecoderAgreesWithFoundation() throws {
        let text = "政府信息公开工作年度报告：镕喆，（一）予以公开 12件；€ ①②③ ＡＢＣ abc 123\n第二十条第（五）项"
        let bytes = try XCTUnwrap(text.data(using: String.Encoding(rawValue: 0x8000_0632))).map { $0 }
        XCTAssertEqual(GB18030Decoder.decode(bytes), text)
        XCTAssertEqual(GB18030Decoder.decode(bytes), String(data: Data(bytes), encoding: String.Encoding(rawValue: 0x8000_0632)))
        // A truncated two-byte character is not valid GB18030.
        XCTAssertNil(GB18030Decoder.decode(Array(bytes.prefix(3))))
        XCTAssertEqual(GB18030Decoder.decode([]), "")
    }
}

/// Inputs with more lines, tags or fields than a report has are refused before anything is built from them
/// (memory grows with those counts, not with bytes).
final class InputStructureTests: XCTestCase {
    /// A password-protected Office document is an OLE file with an EncryptedPackage stream: named as such.
    func testAPasswordProtectedOfficeFileIsNamedEncrypted() {
        let name = Array("EncryptedPackage".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 500) + name + Array(repeating: 0, count: 100)
        XCTAssertThrowsError(try InputDecoder.decode(RawInput(name: "locked.docx", bytes: ole))) { error in
            XCTAssertEqual((error as? GirconvError)?.kind, "input-encrypted")
            XCTAssertEqual("\(error)", "locked.docx: this Office document is encrypted (password-protected): girconv cannot read it; save an unprotected copy")
        }
        let plain: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 500)
        XCTAssertThrowsError(try InputDecoder.decode(RawInput(name: "old.doc", bytes: plain))) { error in
            XCTAssertEqual((error as? GirconvError)?.kind, "input-binary")
        }
    }

    func limits(lines: Int = 100, parts: Int = 100) -> ReadingLimits {
        var limits = ReadingLimits()
        limits.maxLines = lines
        limits.maxParts = parts
        return limits
    }

    func kind(_ text: String, _ limits: ReadingLimits) -> String? {
        do { _ = try InputDecoder.decode(RawInput(name: "t", bytes: Array(text.utf8)), limits: limits); return nil }
        catch let error as GirconvError { return error.kind } catch { return "\(error)" }
    }

    func testLinesOfTextAreCounted() {
        XCTAssertNil(kind(String(repeating: "一行\n", count: 100), limits()))
        XCTAssertEqual(kind(String(repeating: "一行\n", count: 101), limits()), "input-too-complex")
    }

    func testFieldsOfTextAreCountedAsTheGridBuilderSplitsThem() {
        // Tabs and pipes make a field each, even empty; whitespace runs (ideographic space too) one each.
        XCTAssertNil(kind("行" + String(repeating: "  1", count: 98), limits()))
        XCTAssertEqual(kind("行" + String(repeating: "  1", count: 101), limits()), "input-too-complex")
        XCTAssertEqual(kind("行" + String(repeating: "\u{3000}1", count: 101), limits()), "input-too-complex")
        XCTAssertEqual(kind("行" + String(repeating: "\t", count: 101), limits()), "input-too-complex")
        XCTAssertEqual(kind("行" + String(repeating: "｜", count: 101), limits()), "input-too-complex")
    }

    /// The byte-level count agrees with counting scalar by scalar, on random mixtures of whitespace (ASCII,
    /// NBSP, ideographic), separators, CJK and other characters.
    func testTextCountsAgreeWithScalarCounting() {
        let pieces = ["a", "行", "1", " ", "  ", "\t", "|", "｜", "\u{3000}", "\u{A0}", "\n", "\r\n", "é", "—", "\u{2003}", "😀"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var lines = 0, fields = 0, inWhitespace = false
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\n": lines += 1; if !inWhitespace { fields += 1; inWhitespace = true }
                case "\t", "|", "｜": fields += 1; inWhitespace = false
                default:
                    let white = TextNormalizer.isWhitespace(scalar)
                    if white && !inWhitespace { fields += 1 }
                    inWhitespace = white
                }
            }
            for (maxLines, maxParts, refused) in [(lines, fields, false), (lines - 1, fields, lines > 0), (lines, fields - 1, fields > 0)] {
                var limits = ReadingLimits()
                limits.maxLines = max(0, maxLines)
                limits.maxParts = max(0, maxParts)
                let threw = (try? InputStructure.checkText(text, limits: limits, path: "t")) == nil
                XCTAssertEqual(threw, refused, "\(text.debugDescription): \(lines) lines, \(fields) fields")
            }
        }
    }

    func testTagsOfMarkupAreCounted() {
        let page = { (cells: Int) in "<html><body><table><tr>" + String(repeating: "<td>1", count: cells) + "</table></body></html>" }
        XCTAssertNil(kind(page(90), limits()))
        XCTAssertEqual(kind(page(100), limits()), "input-too-complex")
        XCTAssertThrowsError(try InputStructure.checkMarkup(page(100), limits: limits(), path: "p.html")) { error in
            XCTAssertEqual("\(error)", "p.html: input has 107 markup tags, more than the 100 a report can have; not read")
        }
    }

    func testDefaultsLeaveRealReportsAlone() {
        let limits = ReadingLimits()
        XCTAssertGreaterThanOrEqual(limits.maxLines, 100_000)
        XCTAssertGreaterThanOrEqual(limits.maxParts, 250_000)
    }
}

/// One tag with tens of thousands of attributes would take libxml2 minutes (it compares each with every
/// earlier one): refused at once; code and comments full of `=` are not mistaken for such a tag.
final class AttributeCountTests: XCTestCase {
    func kind(_ page: String) -> String? {
        do { _ = try InputDecoder.decode(RawInput(name: "p.html", bytes: Array(page.utf8)), limits: ReadingLimits()); return nil }
        catch let error as GirconvError { return error.kind } catch { return "\(error)" }
    }

    func testATagWithTooManyAttributesIsRefusedQuickly() {
        let attributes = (0..<40_000).map { "a\($0)=\"\"" }.joined(separator: " ")
        let started = Date()
        XCTAssertEqual(kind("<html><body><p \(attributes)>x</p></body></html>"), "input-too-complex")
        XCTAssertLessThan(Date().timeIntervalSince(started), 2)
        // Quoted values hiding `>` or `<` do not end or split the tag.
        let hidden = (0..<30_000).map { "a\($0)=\">\"" }.joined(separator: " ")
        XCTAssertEqual(kind("<html><body><p \(hidden)>x</p></body></html>"), "input-too-complex")
    }

    func testManyEqualsSignsInScriptsCommentsAndTextAreFine() {
        let code = String(repeating: "for(i=0;i<n;i++){x=y;}", count: 3_000)
        let comment = "<!--" + String(repeating: "=", count: 25_000) + "-->"
        let text = String(repeating: "<span style=\"a\">a=b</span>", count: 11_000)
        let page = "<html><head><script>\(code)</script><style>p{a=b}</style></head><body>\(comment)\(text)</body></html>"
        XCTAssertNil(kind(page))
    }
}

/// The GB18030 plausibility counts, made on the UTF-8 bytes, equal the counts over the text's scalars.
final class PlausibilityCountTests: XCTestCase {
    func testByteCountsEqualScalarCounts() {
        func reference(_ text: String) -> (Int, Int) {
            var cjk = 0, other = 0
            for scalar in text.unicodeScalars where scalar.value >= 0x80 {
                let v = scalar.value
                if (0x4E00...0x9FFF).contains(v) || (0x3000...0x303F).contains(v) || (0xFF00...0xFFEF).contains(v) { cjk += 1 } else { other += 1 }
            }
            return (cjk, other)
        }
        var texts = ["", "ascii only", "政府信息公开，“年报”——2021年。", "é ß ∑ 😀 𠀀 ａｂ　、", "\u{FFFD}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}"]
        var generator = SystemRandomNumberGenerator()
        let limits: [UInt32] = [0x7F, 0x7FF, 0xFFFF, 0x10FFFF]
        for _ in 0..<500 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<20 {
                let limit = limits.randomElement(using: &generator)!
                if let scalar = Unicode.Scalar(UInt32.random(in: 0...limit, using: &generator)) { scalars.append(scalar) }
            }
            texts.append(String(scalars))
        }
        // ASCII runs of every length around the eight bytes skipped at once, between other characters.
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<6 {
                text += String(repeating: "a", count: Int.random(in: 0..<20, using: &generator))
                text += ["政", "é", "😀", "ａ", "、", "\u{7FF}"].randomElement(using: &generator)!
            }
            texts.append(text)
        }
        for text in texts {
            let counts = InputDecoder.cjkAndOtherCounts(text)
            XCTAssertTrue(counts == reference(text), text)
        }
    }
}

/// `source.sha256` is the lowercase hex of SHA-256 (FIPS 180-2 test vectors).
final class SHA256HexTests: XCTestCase {
    func testKnownDigests() {
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}

/// The binary check counts control bytes eight at a time where it can: the count (given in the error)
/// must be the byte-by-byte count, for bytes of every kind at every position.
final class ControlByteCountTests: XCTestCase {
    func testCountAgreesWithByteByByteCounting() {
        var generator = SystemRandomNumberGenerator()
        let kinds: [UInt8] = [0x41, 0xE5, 0x8C, 0x20, 0x0A, 0x0D, 0x09, 0x0C, 0x01, 0x1B, 0x1F, 0x7F]
        for _ in 0..<3_000 {
            let bytes = (0..<Int.random(in: 1..<90, using: &generator)).map { _ in kinds.randomElement(using: &generator)! }
            let expected = bytes.filter { $0 < 0x20 && ![0x09, 0x0A, 0x0D, 0x0C].contains($0) }.count
            do {
                try InputDecoder.rejectBinary(bytes, name: "t")
                XCTAssertLessThanOrEqual(expected * 100, bytes.count, "\(bytes)")
            } catch let error as GirconvError {
                XCTAssertGreaterThan(expected * 100, bytes.count, "\(bytes)")
                XCTAssertTrue("\(error)".contains("\(expected) control bytes"), "\(error) for \(bytes)")
            } catch {
                XCTFail("\(error)")
            }
        }
    }
}

/// The declared charset is read from the first 8 KB in place: the same answers as reading a lowercased
/// copy of them, wherever the declaration sits and however it is spelled.
final class DeclaredCharsetTests: XCTestCase {
    static func reference(_ bytes: [UInt8]) -> InputDecoder.DeclaredCharset? {
        let head = InputDecoder.lowercasedPrefix(bytes, 8192)
        let marker = Array("charset".utf8)
        guard head.count >= marker.count,
              let at = (0...(head.count - marker.count)).first(where: { head[$0] == 0x63 && head[$0..<$0 + marker.count].elementsEqual(marker) })
        else { return nil }
        var i = at + marker.count
        while i < head.count, [0x20, 0x3D, 0x22, 0x27].contains(head[i]) { i += 1 }
        var name = ""
        while i < head.count, let c = Optional(head[i]), (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x5F {
            name.unicodeScalars.append(Unicode.Scalar(c))
            i += 1
        }
        switch name {
        case "utf-8", "utf8": return .utf8
        case "gb2312", "gbk", "gb18030", "x-gbk", "euc-cn", "cp936", "windows-936", "gb_2312-80", "x-euc-cn": return .gb
        default: return nil
        }
    }

    func testAgreesWithReadingALowercasedCopy() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["<meta ", "charset", "CharSet", "CHARSET", "chars", "=", "\"", "'", " ", "utf-8", "UTF-8", "gbk", "GB2312", "gb18030",
                      "x-gbk", "latin1", "公开", "c", "C", ">", "\n"]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0..<12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let bytes = Array(text.utf8)
            XCTAssertEqual(InputDecoder.declaredCharset(bytes), Self.reference(bytes), text)
        }
        // At the 8 KB boundary: a declaration cut by it, and one after it.
        for padding in [8180, 8185, 8187, 8190, 8200] {
            let bytes = Array((String(repeating: "x", count: padding) + "charset=gbk").utf8)
            XCTAssertEqual(InputDecoder.declaredCharset(bytes), Self.reference(bytes), "\(padding)")
        }
    }
}
