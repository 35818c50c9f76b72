import Foundation
import XCTest
import GirconvAdapters
import GirconvCore
@testable import GirconvExport

/// The record is described once, as events: JSON is written from the events, the tree (XML, CSV) is
/// built from them. Both must say the same thing.
final class TreeSinkTests: XCTestCase {
    func testJSONFromEventsEqualsJSONFromTheTree() throws {
        let samples = ExportTests.root.appendingPathComponent("Samples")
        let registry = BuiltinAdapters.registry()
        for name in try FileManager.default.contentsOfDirectory(atPath: samples.path).sorted()
        where name.hasSuffix(".txt") || name.hasSuffix(".html") {
            let bytes = [UInt8](try Data(contentsOf: samples.appendingPathComponent(name)))
            guard let record = try? registry.convert(RawInput(name: name, bytes: bytes)) else { continue }
            for compact in [true, false] {
                let writer = JSONRecordWriter(compact: compact)
                XCTAssertEqual(try writer.write([record]), writer.serialize(record.tree(), pretty: !compact) + "\n", name)
            }
        }
    }

    func testEmptyAndNestedContainers() {
        let tree: TreeValue = .object([("a", .object([])), ("b", .array([])), ("c", .array([.object([("d", .null)]), .integer(1)])),
                                       ("e", .number(Decimal(string: "0.12")!)), ("f", .bool(true)), ("g", .string("引号\"\n"))])
        var sink = TreeValueSink()
        tree.write(to: &sink)
        XCTAssertEqual(sink.result, tree)
        XCTAssertEqual(JSONRecordWriter().serialize(tree, pretty: false),
                       #"{"a":{},"b":[],"c":[{"d":null},1],"e":0.12,"f":true,"g":"引号\"\n"}"#)
        XCTAssertEqual(JSONRecordWriter().serialize(tree, pretty: true),
                       "{\n  \"a\": {},\n  \"b\": [],\n  \"c\": [\n    {\n      \"d\": null\n    },\n    1\n  ],\n  \"e\": 0.12,\n  \"f\": true,\n  \"g\": \"引号\\\"\\n\"\n}")
    }

    /// Figures nest along their paths exactly as `TreeBuilder` nests them, odd paths included.
    func testFigureNestingMatchesTheTreeBuilder() {
        let paths = ["a.b", "a.b.c", "x", "a.d", "x.y", "a.b", "p..q", ""]
        var record = CanonicalRecord(source: SourceInfo(name: "t", sha256: "", mediaType: "text/plain", encoding: "UTF-8", byteCount: 0),
                                     detection: DetectionInfo(adapter: "t", confidence: 1, evidence: [], candidates: []),
                                     report: ReportInfo(layout: .pre2019Narrative, script: .simplified))
        for (i, path) in paths.enumerated() {
            record.figures[path] = Figure(value: Decimal(i), provenance: Provenance(how: .printed, raw: "\(i)", location: SourceLocation()))
        }
        var builder = TreeBuilder()
        for path in record.orderedPaths {
            builder.set(path.split(separator: ".").map(String.init), record.figures[path]!.value.map(TreeValue.number) ?? .null)
        }
        guard case .object(let pairs) = record.tree() else { return XCTFail("not an object") }
        let figurePairs = pairs.filter { !["schemaVersion", "source", "detection", "report", "provenance", "checks", "warnings"].contains($0.0) }
        XCTAssertEqual(TreeValue.object(figurePairs), TreeValue.object(builder.root))
    }

    /// Integers are written digit by digit in place: exactly as Swift spells them, at both ends of `Int`.
    func testIntegersAreSpelledAsSwiftSpellsThem() {
        for value in [0, 1, -1, 9, 10, -10, 99, 100, 1_234_567_890, 999_999_999_999, -999_999_999_999, Int.max, Int.min, Int.min + 1] {
            XCTAssertEqual(JSONRecordWriter().serialize(.integer(value), pretty: false), String(value))
            XCTAssertEqual(JSONRecordWriter().serialize(.array([.integer(value)]), pretty: true), "[\n  \(value)\n]")
        }
    }

    /// Indents deeper than the prepared run of spaces continue two spaces a level.
    func testDeepIndentation() {
        var value = TreeValue.integer(7)
        for _ in 0..<40 { value = .array([value]) }
        var expected = ""
        for level in 0..<40 { expected += String(repeating: " ", count: 2 * level) + "[\n" }
        expected += String(repeating: " ", count: 80) + "7"
        for level in (0..<40).reversed() { expected += "\n" + String(repeating: " ", count: 2 * level) + "]" }
        XCTAssertEqual(JSONRecordWriter().serialize(value, pretty: true), expected)
    }

    /// Quoting skips eight plain bytes at a time: every placement of every byte that needs a look, in
    /// strings of every length around the word size, must be escaped as byte-by-byte escaping does.
    func testQuotingAgreesWithByteByByteEscaping() {
        func reference(_ s: String) -> String {
            var out = "\""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{2028}": out += "\\u2028"
                case "\u{2029}": out += "\\u2029"
                default:
                    if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
                }
            }
            return out + "\""
        }
        let specials = ["\"", "\\", "\n", "\r", "\t", "\u{1}", "\u{1F}", "\u{2028}", "\u{2029}", "—", "…", "\u{7F}", " ", "~"]
        for length in 0..<20 {
            for special in specials {
                for position in 0...length {
                    var text = String(repeating: "a", count: length)
                    text.insert(contentsOf: special, at: text.index(text.startIndex, offsetBy: position))
                    XCTAssertEqual(JSONRecordWriter.quote(text), reference(text), text.debugDescription)
                }
            }
        }
        var generator = SystemRandomNumberGenerator()
        let alphabet = ["a", "政", "府", " ", "1"] + specials
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0..<40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            XCTAssertEqual(JSONRecordWriter.quote(text), reference(text), text.debugDescription)
        }
    }
}
