import XCTest
import GirconvCore

/// Readers register once: their format (media type, signature, extensions) is all the converter needs to
/// recognise, route and walk their inputs.
final class ReaderRegistryTests: XCTestCase {
    /// A reader of a made-up binary format: "GIRTEST" then lines of text.
    struct TestFormatReader: DocumentReader {
        var format: InputFormat { InputFormat(mediaType: "application/x-girconv-test", signature: .prefix(Array("GIRTEST\n".utf8)), extensions: ["gtest"]) }
        func read(_ decoded: DecodedInput, source: SourceInfo) throws -> ReportDocument {
            let text = String(decoding: decoded.bytes.dropFirst(8), as: UTF8.self)
            return try PlainTextReader().read(DecodedInput(text: text, encoding: "UTF-8", mediaType: "text/plain"), source: source)
        }
    }

    func testARegisteredReaderIsRecognisedRoutedAndWalked() throws {
        var converter = Converter()
        XCTAssertEqual(converter.reportExtensions, ["txt", "text"])
        XCTAssertThrowsError(try converter.document(from: RawInput(name: "a.gtest", bytes: Array("GIRTEST\n\u{0}规章 3\n".utf8)))) {
            XCTAssertEqual(($0 as? GirconvError)?.kind, "input-binary", "unknown to the converter: binary, refused")
        }
        converter.register(reader: TestFormatReader())
        let document = try converter.document(from: RawInput(name: "a.gtest", bytes: Array("GIRTEST\n\u{0}规章 3\n".utf8)))
        XCTAssertEqual(document.source.mediaType, "application/x-girconv-test")
        XCTAssertTrue(document.text.contains("规章 3"))
        XCTAssertEqual(converter.reportExtensions, ["txt", "text", "gtest"])
        // Text still goes to the text reader.
        XCTAssertEqual(try converter.document(from: RawInput(name: "b.txt", bytes: Array("规章 3\n".utf8))).source.mediaType, "text/plain")
        // Registering a reader of the same media type replaces it.
        converter.register(reader: TestFormatReader())
        XCTAssertEqual(converter.readers.count, 2)
    }
}
