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

    func testTheSampleStillReads() throws {
        let url = GoldenSampleTests.samples.appendingPathComponent("constructed-2019-district-office.docx")
        let record = try registry.convert(RawInput(name: "sample.docx", bytes: [UInt8](try Data(contentsOf: url))))
        XCTAssertEqual(record.report.year, 2019)
        XCTAssertEqual(record.source.encoding, "UTF-8 (word/document.xml)")
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
