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
}
