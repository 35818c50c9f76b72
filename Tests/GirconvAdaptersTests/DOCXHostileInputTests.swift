import Foundation
import XCTest
import GirconvAdapters
import GirconvCore
import ZIPFoundation

/// Hostile Word documents (docs/robustness.md), each built here in memory: every one must be refused with
/// its own clear error, quickly and without crashing, while honest documents up to each limit still read.
final class DOCXHostileInputTests: XCTestCase {
    let registry = BuiltinAdapters.registry()

    // MARK: The XML of word/document.xml

    func testDeepNestingIsRefusedNotCrashedOn() throws {
        // 50,000 nested paragraphs used to overflow the stack (XML_PARSE_HUGE lifted libxml2's depth limit
        // and the body walk recursed).
        let docx = try Self.docx(Self.document(body: Self.nested(50_000)))
        try assertRefused(docx, kind: "input-undecodable",
                          message: "deep.docx: cannot decode text: word/document.xml nests elements more than 256 deep", name: "deep.docx")
    }

    func testNestingUpToTheLimitStillReads() throws {
        // w:document, w:body and the innermost w:t are three levels: 253 paragraphs make 256, 254 make 257.
        let document = try registry.document(from: RawInput(name: "a.docx", bytes: try Self.docx(Self.document(body: Self.nested(253)))))
        XCTAssertEqual(document.text.trimmingCharacters(in: .whitespaces), "x")
        try assertRefused(try Self.docx(Self.document(body: Self.nested(254))), kind: "input-undecodable",
                          message: "a.docx: cannot decode text: word/document.xml nests elements more than 256 deep")
    }

    func testADTDIsRefusedBeforeAnyEntityIsExpanded() throws {
        let laughs = (1...9).map { level in "<!ENTITY a\(level) \"\(String(repeating: "&a\(level - 1);", count: 10))\">" }.joined()
        let dtds = [
            // Billion laughs: 3 KB that expand to 10⁹ copies of "haha".
            "<!DOCTYPE w:document [<!ENTITY a0 \"haha\">\(laughs)]>",
            // Quadratic blow-up: one 20 KB entity referenced 20,000 times (no nesting for a limit to see).
            "<!DOCTYPE w:document [<!ENTITY x \"\(String(repeating: "y", count: 20_000))\">]>",
            // An external entity (a local file) and an external DTD.
            "<!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
            "<!DOCTYPE w:document SYSTEM \"http://example.invalid/word.dtd\">",
        ]
        let references = ["&a9;", String(repeating: "&x;", count: 20_000), "&x;", ""]
        for (dtd, reference) in zip(dtds, references) {
            let xml = Self.prolog + dtd + Self.document(body: "<w:p><w:r><w:t>\(reference)</w:t></w:r></w:p>", prolog: "")
            try assertRefused(try Self.docx(xml), kind: "input-undecodable",
                              message: "a.docx: cannot decode text: word/document.xml declares a DTD (<!DOCTYPE …>), which Word never writes and which could declare entities that expand without bound")
        }
    }

    func testMalformedXMLIsRefusedWithWhereItBreaks() throws {
        // Word refuses a malformed document.xml; girconv says where libxml2 first stopped.
        let mismatched = Self.document(body: "\n<w:p><w:r><w:t>a</w:r></w:p>")
        try assertRefused(try Self.docx(mismatched), kind: "input-undecodable",
                          message: "a.docx: cannot decode text: word/document.xml is not well-formed XML at line 2, column 23: Opening and ending tag mismatch: t line 2 and r")
        // Without a DTD, no entity but the five predefined ones exists.
        let undeclared = Self.document(body: "<w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p>")
        try assertRefused(try Self.docx(undeclared), kind: "input-undecodable",
                          message: "a.docx: cannot decode text: word/document.xml is not well-formed XML at line 1, column 168: Entity 'nbsp' not defined")
        try assertRefused(try Self.docx(""), kind: "input-undecodable",
                          message: "a.docx: cannot decode text: word/document.xml is not well-formed XML at line 1, column 1: Document is empty")
    }

    func testCharacterReferencesCDATAAndBreaksStillRead() throws {
        let body = "<w:p><w:r><w:t>&#x4E00;&amp;<![CDATA[<二>]]></w:t><w:tab/><w:t>三</w:t></w:r></w:p>"
        let document = try registry.document(from: RawInput(name: "a.docx", bytes: try Self.docx(Self.document(body: body))))
        XCTAssertEqual(document.text, "一&<二> 三")
    }

    /// Hidden text (Word's `w:vanish`) is not on the page; a superscript or subscript run (a footnote marker, an
    /// index) is set apart, never more digits of the number beside it (issue #15).
    func testHiddenRunsAreLeftOutAndRaisedRunsSetApart() throws {
        let body = "<w:p><w:r><w:t>收到申请</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>9</w:t></w:r><w:r><w:t>57</w:t></w:r>"
            + "<w:r><w:rPr><w:vertAlign w:val='superscript'/></w:rPr><w:t>1</w:t></w:r><w:r><w:t>件，</w:t></w:r>"
            + "<w:r><w:rPr><w:vanish w:val='false'/></w:rPr><w:t>办结</w:t></w:r><w:r><w:rPr><w:vertAlign w:val='baseline'/></w:rPr><w:t>12件</w:t></w:r></w:p>"
        let document = try registry.document(from: RawInput(name: "a.docx", bytes: try Self.docx(Self.document(body: body))))
        XCTAssertEqual(document.text, "收到申请57 1 件，办结12件")
    }

    func testTheSampleStillReads() throws {
        let url = GoldenSampleTests.samples.appendingPathComponent("constructed-2019-district-office.docx")
        let record = try registry.convert(RawInput(name: "sample.docx", bytes: [UInt8](try Data(contentsOf: url))))
        XCTAssertEqual(record.report.year, 2019)
        XCTAssertEqual(record.source.encoding, "UTF-8 (word/document.xml)")
    }

    // MARK: The ZIP around it

    func testZipBombIsStoppedAtTheLimitNotAtItsDeclaredSize() throws {
        // 30 MB of zeros deflate to 30 KB; the archive claims 40 KB. Inflating stops after the limit (1 MB).
        var bomb = try Self.docx(parts: [("word/document.xml", [UInt8](repeating: 0, count: 30_000_000))])
        XCTAssertLessThan(bomb.count, 100_000)
        Self.set(.uncompressedSize, of: "word/document.xml", to: 40 * 1024, in: &bomb)
        try assertRefused(bomb, maxBytes: 1_000_000, kind: "input-unreadable",
                          message: "bomb.docx: cannot read input: word/document.xml inflates to more than 1000000 bytes, the limit (raise it with --max-bytes)",
                          name: "bomb.docx")
    }

    func testADeclaredSizeOverTheLimitIsRefusedBeforeInflating() throws {
        let xml = Self.document(body: String(repeating: "<w:p><w:r><w:t>一</w:t></w:r></w:p>", count: 60_000))
        try assertRefused(try Self.docx(xml), maxBytes: 1_000_000, kind: "input-unreadable",
                          message: "a.docx: cannot read input: word/document.xml is declared to inflate to \(xml.utf8.count) bytes, over the limit of 1000000 bytes (raise it with --max-bytes)")
    }

    func testAPartOfExactlyTheLimitStillReads() throws {
        // The limit bounds the .docx too, so the part must deflate well for a limit of its own size.
        let xml = Self.document(body: String(repeating: "<w:p><w:r><w:t>一</w:t></w:r></w:p>", count: 300))
        let size = xml.utf8.count
        var docx = try Self.docx(xml)
        let document = try registry.document(from: RawInput(name: "a.docx", bytes: docx), limits: ReadingLimits(maxBytes: size))
        XCTAssertEqual(document.lines.count, 300)
        // One byte less is refused: by the declared size, and, when that lies, by the bytes counted.
        try assertRefused(docx, maxBytes: size - 1, kind: "input-unreadable",
                          message: "a.docx: cannot read input: word/document.xml is declared to inflate to \(size) bytes, over the limit of \(size - 1) bytes (raise it with --max-bytes)")
        Self.set(.uncompressedSize, of: "word/document.xml", to: 100, in: &docx)
        try assertRefused(docx, maxBytes: size - 1, kind: "input-unreadable",
                          message: "a.docx: cannot read input: word/document.xml inflates to more than \(size - 1) bytes, the limit (raise it with --max-bytes)")
        // A stored (uncompressed) part reads as well.
        let stored = try Self.docx(parts: [("word/document.xml", Array(xml.utf8))], method: .none)
        XCTAssertEqual(try registry.document(from: RawInput(name: "a.docx", bytes: stored)).text, document.text)
    }

    func testAnEncryptedPartIsNamedAsSuch() throws {
        // ZIPFoundation hides encrypted entries, so this used to read as "a ZIP without word/document.xml".
        for header in [Header.central, .local] {
            var docx = try Self.docx(Self.document(body: "<w:p/>"))
            Self.set(.flags, of: "word/document.xml", to: 1, in: &docx, headers: [header])
            try assertRefused(docx, kind: "input-encrypted",
                              message: "a.docx: word/document.xml is encrypted (password-protected): girconv cannot read it; save an unprotected copy")
        }
    }

    func testDamagedCompressedDataIsRefusedNotLoopedOn() throws {
        // A non-final stored block of 65,535 bytes with 5 of them present: the stream cannot end within the
        // part (ZIPFoundation's inflater read on to the end of the file and then looped forever).
        var unterminated = try Self.docx(parts: [("word/document.xml", [0x00, 0xFF, 0xFF, 0x00, 0x00] + Array("<?xml".utf8))], method: .none)
        Self.set(.method, of: "word/document.xml", to: 8, in: &unterminated)
        try assertRefused(unterminated, kind: "input-undecodable",
                          message: "a.docx: cannot decode text: word/document.xml is truncated (its compressed data ends before the deflate stream does)")
        // Block type 3 does not exist.
        var invalid = try Self.docx(parts: [("word/document.xml", [0xFF, 0xFF, 0xFF, 0xFF])], method: .none)
        Self.set(.method, of: "word/document.xml", to: 8, in: &invalid)
        try assertRefused(invalid, kind: "input-undecodable",
                          message: "a.docx: cannot decode text: word/document.xml is damaged (invalid block type)")
        // Method 12 is bzip2.
        var bzip2 = try Self.docx(Self.document(body: "<w:p/>"))
        Self.set(.method, of: "word/document.xml", to: 12, in: &bzip2)
        try assertRefused(bzip2, kind: "input-undecodable",
                          message: "a.docx: cannot decode text: word/document.xml is compressed with ZIP method 12, which girconv cannot inflate (only stored and deflate)")
    }

    func testDamagedArchivesAreRefused() throws {
        let docx = try Self.docx(Self.document(body: "<w:p/>"))
        // A truncated download: the central directory at the end is gone.
        try assertRefused(Array(docx.dropLast(30)), kind: "input-undecodable",
                          message: "a.docx: cannot decode text: not a readable .docx (no ZIP central directory (a truncated download?))")
        // The directory points past the end of the file.
        var lying = docx
        Self.set(.localHeaderOffset, of: "word/document.xml", to: UInt32(docx.count), in: &lying, headers: [.central])
        try assertRefused(lying, kind: "input-undecodable",
                          message: "a.docx: cannot decode text: not a readable .docx (the directory points to a missing local header)")
        var long = docx
        Self.set(.compressedSize, of: "word/document.xml", to: 0xFFFF_FFF0, in: &long, headers: [.central])
        try assertRefused(long, kind: "input-undecodable",
                          message: "a.docx: cannot decode text: not a readable .docx (the part's data runs past the end of the file)")
    }

    func testZIP64RecordsAreRead() throws {
        // Some writers use ZIP64 for every part: sizes and offsets in extra fields, a ZIP64 end record.
        let xml = Array(Self.document(body: "<w:p><w:r><w:t>六十四</w:t></w:r></w:p>").utf8)
        let document = try registry.document(from: RawInput(name: "a.docx", bytes: Self.zip64(storing: xml, as: "word/document.xml")))
        XCTAssertEqual(document.text, "六十四")
    }

    // MARK: Building documents

    static let prolog = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"

    /// A WordprocessingML main document around `body`.
    static func document(body: String, prolog: String = DOCXHostileInputTests.prolog) -> String {
        prolog + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + body + "</w:body></w:document>"
    }

    /// `depth` paragraphs, each inside the one before, around the text "x".
    static func nested(_ depth: Int) -> String {
        String(repeating: "<w:p>", count: depth) + "<w:t>x</w:t>" + String(repeating: "</w:p>", count: depth)
    }

    static func docx(_ documentXML: String) throws -> [UInt8] {
        try docx(parts: [("word/document.xml", Array(documentXML.utf8))])
    }

    /// A .docx (a ZIP) of the given parts, written by ZIPFoundation, each part compressed with `method`.
    static func docx(parts: [(path: String, bytes: [UInt8])], method: CompressionMethod = .deflate) throws -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docx-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("a.docx")
        let archive = try Archive(url: url, accessMode: .create)
        let contentTypes = Array("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".utf8)
        for (path, bytes) in [("[Content_Types].xml", contentTypes)] + parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: method) { position, size in
                Data(bytes[Int(position)..<(Int(position) + size)])
            }
        }
        return [UInt8](try Data(contentsOf: url))
    }

    /// Header fields a test rewrites to make an archive lie: (offset in a local header, offset in a central
    /// directory record, width in bytes).
    enum Field {
        case flags, method, compressedSize, uncompressedSize, localHeaderOffset
        var place: (local: Int?, central: Int, width: Int) {
            switch self {
            case .flags: return (6, 8, 2)
            case .method: return (8, 10, 2)
            case .compressedSize: return (18, 20, 4)
            case .uncompressedSize: return (22, 24, 4)
            case .localHeaderOffset: return (nil, 42, 4)
            }
        }
    }
    enum Header { case local, central }

    /// Sets `field` of `part`'s headers (found by their signature just before the part's name) to `value`.
    static func set(_ field: Field, of part: String, to value: UInt32, in zip: inout [UInt8], headers: Set<Header> = [.local, .central]) {
        let name = Array(part.utf8)
        for start in 0..<(zip.count - name.count) where zip[start..<(start + name.count)].elementsEqual(name) {
            let candidates: [(Header, Int, [UInt8], Int?)] = [(.local, start - 30, [0x50, 0x4B, 0x03, 0x04], field.place.local),
                                                              (.central, start - 46, [0x50, 0x4B, 0x01, 0x02], field.place.central)]
            for (header, offset, signature, place) in candidates where headers.contains(header) && offset >= 0 {
                guard let place, zip[offset..<(offset + 4)].elementsEqual(signature) else { continue }
                for byte in 0..<field.place.width { zip[offset + place + byte] = UInt8(truncatingIfNeeded: value >> (8 * byte)) }
            }
        }
    }

    /// An archive of one stored part written the ZIP64 way: 0xFFFFFFFF sizes and offset with the real values
    /// in ZIP64 extra fields, and a ZIP64 end of central directory record and locator before the classic one.
    static func zip64(storing data: [UInt8], as path: String) -> [UInt8] {
        func le(_ value: UInt64, _ width: Int) -> [UInt8] { (0..<width).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        let name = Array(path.utf8), size = UInt64(data.count), crc = UInt64(Data(data).crc32(checksum: 0))
        let localExtra = le(1, 2) + le(16, 2) + le(size, 8) + le(size, 8)
        var zip = le(0x0403_4B50, 4) + le(45, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(crc, 4) + le(0xFFFF_FFFF, 4) + le(0xFFFF_FFFF, 4)
            + le(UInt64(name.count), 2) + le(UInt64(localExtra.count), 2) + name + localExtra + data
        let directoryOffset = UInt64(zip.count)
        let centralExtra = le(1, 2) + le(24, 2) + le(size, 8) + le(size, 8) + le(0, 8)
        zip += le(0x0201_4B50, 4) + le(45, 2) + le(45, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(crc, 4) + le(0xFFFF_FFFF, 4)
            + le(0xFFFF_FFFF, 4) + le(UInt64(name.count), 2) + le(UInt64(centralExtra.count), 2) + le(0, 2) + le(0, 2) + le(0, 2)
            + le(0, 4) + le(0xFFFF_FFFF, 4) + name + centralExtra
        let directorySize = UInt64(zip.count) - directoryOffset, endOffset = UInt64(zip.count)
        zip += le(0x0606_4B50, 4) + le(44, 8) + le(45, 2) + le(45, 2) + le(0, 4) + le(0, 4) + le(1, 8) + le(1, 8)
            + le(directorySize, 8) + le(directoryOffset, 8)
        zip += le(0x0706_4B50, 4) + le(0, 4) + le(endOffset, 8) + le(1, 4)
        zip += le(0x0605_4B50, 4) + le(0, 2) + le(0, 2) + le(0xFFFF, 2) + le(0xFFFF, 2) + le(0xFFFF_FFFF, 4) + le(0xFFFF_FFFF, 4) + le(0, 2)
        return zip
    }

    // MARK: Assertions

    /// The conversion fails with exactly this error, in well under a second or two.
    func assertRefused(_ bytes: [UInt8], maxBytes: Int = ReadingLimits.defaultMaxBytes, kind: String, message: String,
                       name: String = "a.docx", file: StaticString = #filePath, line: UInt = #line) throws {
        let started = Date()
        XCTAssertThrowsError(try registry.convert(RawInput(name: name, bytes: bytes), limits: ReadingLimits(maxBytes: maxBytes)),
                             file: file, line: line) { error in
            XCTAssertEqual((error as? GirconvError)?.kind, kind, "\(error)", file: file, line: line)
            XCTAssertEqual((error as? GirconvError)?.exitCode, 66, file: file, line: line)
            XCTAssertEqual("\(error)", message, file: file, line: line)
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 1.5, "refused, but slowly", file: file, line: line)
    }
}
