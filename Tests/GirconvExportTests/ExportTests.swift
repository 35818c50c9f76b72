import CSV
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
import GirconvAdapters
import GirconvCore
@testable import GirconvExport

final class ExportTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func record(_ sample: String) throws -> CanonicalRecord {
        let url = Self.root.appendingPathComponent("Samples/\(sample)")
        return try BuiltinAdapters.registry().convert(RawInput(name: sample, bytes: [UInt8](try Data(contentsOf: url))))
    }

    func testCSVHasStableColumnsAndTheFiguresOfSeed002() throws {
        let enping = try record("enping-2019-office.txt")
        let transport = try record("constructed-2021-county-transport.txt")
        let text = try CSVRecordWriter().write([enping, transport])
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        let header = try XCTUnwrap(reader.headerRow)
        XCTAssertEqual(header, CSVRecordWriter.header)
        XCTAssertEqual(Set(header).count, header.count, "no duplicate columns")
        var rows: [[String: String]] = []
        while reader.next() != nil {
            rows.append(Dictionary(uniqueKeysWithValues: zip(header, reader.currentRow!)))
        }
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(rows[0]["requests.newReceived.total"], "2")
        XCTAssertEqual(rows[0]["proactive.procurement.amountYuan"], "1862794.63")
        XCTAssertEqual(rows[0]["proactive.fees.amountWanYuan"], "", "absent in a 2019 report")
        XCTAssertEqual(rows[1]["proactive.fees.amountWanYuan"], "3.5")
        XCTAssertEqual(rows[1]["report.layout"], "2021-revised")
        // One record per call gives the same header: files concatenate.
        XCTAssertEqual(try CSVRecordWriter().write([enping]).split(separator: "\n").first,
                       try CSVRecordWriter().write([transport]).split(separator: "\n").first)
    }

    func testCSVQuotesCommasQuotesAndNewlines() throws {
        var r = try record("enping-2019-office.txt")
        r.report.title = "a,\"b\"\nc"
        let text = try CSVRecordWriter().write([r])
        XCTAssertTrue(text.contains("\"a,\"\"b\"\"\nc\""))
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        _ = reader.next()
        XCTAssertEqual(reader["report.title"], "a,\"b\"\nc")
    }

    func testXMLIsWellFormedAndNestedLikeJSON() throws {
        var r = try record("constructed-2020-city-environment-pipes.txt")
        r.report.title = "control \u{01} & <markup>"
        let xml = try XMLRecordWriter().write([r])
        let parser = XMLParser(data: Data(xml.utf8))
        let collector = ElementCollector()
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "\(String(describing: parser.parserError))")
        XCTAssertTrue(collector.paths.contains("girconvRecord/requests/newReceived/total"))
        XCTAssertTrue(collector.paths.contains("girconvRecord/provenance/requests.newReceived.total/how"))
        XCTAssertEqual(collector.text["girconvRecord/proactive/procurement/amountYuan"], "251000")
        XCTAssertEqual(collector.text["girconvRecord/report/title"], "control  & <markup>")
        XCTAssertTrue(xml.contains("<decisions null=\"true\"/>"), "the not-applicable figure is null")
    }

    func testJSONIsExactAndOrdered() throws {
        let json = try JSONRecordWriter().write([try record("enping-2019-office.txt")])
        XCTAssertTrue(json.contains("\"amountYuan\": 1862794.63"))
        let keys = json.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        XCTAssertEqual(Array(keys.prefix(5)), ["schemaVersion", "source", "detection", "report", "proactive"])
        XCTAssertEqual(Array(keys.suffix(3)), ["provenance", "checks", "warnings"])
        XCTAssertEqual(JSONRecordWriter.quote("a\"\\\n\u{1}"), "\"a\\\"\\\\\\n\\u0001\"")
        XCTAssertEqual(JSONRecordWriter.quote("“三安全一稳定”\u{2028}x\u{2029}\t政"), "\"“三安全一稳定”\\u2028x\\u2029\\t政\"")
        XCTAssertEqual(JSONRecordWriter.quote(""), "\"\"")
        XCTAssertEqual(JSONRecordWriter.quote("\u{E2}"), "\"\u{E2}\"")
    }

    func testPublishedSchemaFileIsCurrent() throws {
        let published = try String(contentsOf: Self.root.appendingPathComponent("schema/girconv-record.schema.json"), encoding: .utf8)
        XCTAssertEqual(published, RecordSchema.text(), "run `swift run girconv schema > schema/girconv-record.schema.json`")
    }

    /// Validates real outputs against the published schema with an independent validator (python3's
    /// jsonschema). CI installs it; elsewhere the test is skipped when it is missing.
    func testOutputsValidateAgainstSchemaWithIndependentValidator() throws {
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "-c", "import jsonschema"]
        check.standardError = FileHandle.nullDevice
        try? check.run(); check.waitUntilExit()
        if check.terminationStatus != 0 {
            if ProcessInfo.processInfo.environment["CI"] != nil { return XCTFail("python3 jsonschema is required in CI") }
            throw XCTSkip("python3 with jsonschema not available")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("girconv-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var files: [String] = []
        let samples = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Samples").path).filter { $0.hasSuffix(".txt") }
        for sample in samples {
            guard let r = try? record(sample) else { continue }
            let url = dir.appendingPathComponent(sample + ".json")
            try JSONRecordWriter().write([r]).write(to: url, atomically: true, encoding: .utf8)
            files.append(url.path)
        }
        XCTAssertGreaterThanOrEqual(files.count, 4)
        let validate = Process()
        validate.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        validate.arguments = ["python3", Self.root.appendingPathComponent("scripts/validate-json.py").path, Self.root.appendingPathComponent("schema/girconv-record.schema.json").path] + files
        let pipe = Pipe()
        validate.standardOutput = pipe
        try validate.run(); validate.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(validate.terminationStatus, 0, output)
    }
}

/// Collects element paths and their text from an XML document.
final class ElementCollector: NSObject, XMLParserDelegate {
    var stack: [String] = []
    var paths: Set<String> = []
    var text: [String: String] = [:]
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        stack.append(name); paths.insert(stack.joined(separator: "/"))
    }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { stack.removeLast() }
    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text[stack.joined(separator: "/"), default: ""] += string
    }
}

extension ExportTests {
    func testFormulaGuardTouchesTextNotNumbers() throws {
        var r = try record("constructed-2020-city-environment-pipes.txt")
        r.report.title = "=HYPERLINK(\"http://x\")"
        r.report.agency = "@SUM(A1)"
        let guarded = try CSVRecordWriter(guardFormulas: true).write([r])
        let reader = try CSVReader(string: guarded, hasHeaderRow: true)
        _ = reader.next()
        XCTAssertEqual(reader["report.title"], "'=HYPERLINK(\"http://x\")")
        XCTAssertEqual(reader["report.agency"], "'@SUM(A1)")
        XCTAssertEqual(reader["proactive.licensing.change"], "-8", "a negative number stays a number")
        let plain = try CSVReader(string: try CSVRecordWriter().write([r]), hasHeaderRow: true)
        _ = plain.next()
        XCTAssertEqual(plain["report.title"], "=HYPERLINK(\"http://x\")", "off by default")
        let long = try CSVRecordWriter(long: true, guardFormulas: true).write([r])
        XCTAssertTrue(long.contains(",proactive.licensing.change,-8,printed,-8,"), "value and raw of a number untouched")
    }

    /// Every writer writes one record and a stream with the same parts: a stream is what opens it, each
    /// record's part, what closes it; JSON streams are JSON Lines.
    func testWritersStreamByParts() throws {
        let a = try record("enping-2019-office.txt"), b = try record("dongguan-2018-city.txt")
        for format in OutputFormat.all {
            let writer = format.writer()
            let streamed = try writer.begin(.stream) + writer.part(for: a, in: .stream) + writer.part(for: b, in: .stream) + writer.end(.stream)
            XCTAssertEqual(try writer.document([a, b]), streamed, "\(format)")
            let single = try writer.begin(.single) + writer.part(for: a, in: .single) + writer.end(.single)
            XCTAssertEqual(try writer.document([a]), single, "\(format)")
        }
        let lines = try JSONRecordWriter().write([a, b]).split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        for line in lines { XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(line.utf8))) }
    }
}
