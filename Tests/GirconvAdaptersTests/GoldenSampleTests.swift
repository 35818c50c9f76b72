import Foundation
import XCTest
import GirconvAdapters
import GirconvCore
import GirconvExport

/// Converts every file in `Samples/` and compares the record with `Samples/expected/<name>.json` field by
/// field (or checks the expected error kind in `<name>.error`). `GIRCONV_UPDATE_GOLDENS=1` rewrites them.
final class GoldenSampleTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let samples = packageRoot.appendingPathComponent("Samples")
    static let expected = samples.appendingPathComponent("expected")
    static var updating: Bool { ProcessInfo.processInfo.environment["GIRCONV_UPDATE_GOLDENS"] == "1" }

    static func sampleFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: samples, includingPropertiesForKeys: nil)
            .filter { ["txt", "html", "htm", "pdf", "docx"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    func testEverySampleMatchesItsGolden() throws {
        let registry = BuiltinAdapters.registry()
        let files = try Self.sampleFiles()
        XCTAssertGreaterThanOrEqual(files.count, 8)
        for file in files {
            let name = file.deletingPathExtension().lastPathComponent
            // The path as `girconv Samples/<file>` run from the package root records it (the refresh plugin does so).
            let input = RawInput(name: file.lastPathComponent, path: "Samples/" + file.lastPathComponent, bytes: [UInt8](try Data(contentsOf: file)))
            let jsonURL = Self.expected.appendingPathComponent(name + ".json")
            let errorURL = Self.expected.appendingPathComponent(name + ".error")
            do {
                let record = try registry.convert(input)
                let actual = JSONRecordWriter().serialize(record.tree(), pretty: true) + "\n"
                if Self.updating {
                    try actual.write(to: jsonURL, atomically: true, encoding: .utf8)
                    try? FileManager.default.removeItem(at: errorURL)
                    continue
                }
                guard let golden = try? Data(contentsOf: jsonURL) else {
                    XCTFail("\(name): converted, but there is no golden file \(jsonURL.lastPathComponent)"); continue
                }
                compare(name: name, actual: Data(actual.utf8), expected: golden)
            } catch let error as GirconvError {
                if Self.updating {
                    try error.kind.write(to: errorURL, atomically: true, encoding: .utf8)
                    try? FileManager.default.removeItem(at: jsonURL)
                    continue
                }
                guard let expectedKind = try? String(contentsOf: errorURL, encoding: .utf8) else {
                    XCTFail("\(name): failed with \(error), and there is no \(errorURL.lastPathComponent)"); continue
                }
                XCTAssertEqual(error.kind, expectedKind.trimmingCharacters(in: .whitespacesAndNewlines), "\(name): \(error)")
            }
        }
    }

    /// Field-by-field comparison of two JSON documents, reporting each differing path.
    func compare(name: String, actual: Data, expected: Data, file: StaticString = #filePath, line: UInt = #line) {
        guard let a = try? JSONSerialization.jsonObject(with: actual), let e = try? JSONSerialization.jsonObject(with: expected) else {
            XCTFail("\(name): unparsable JSON", file: file, line: line); return
        }
        let actualFields = Self.flatten(a), expectedFields = Self.flatten(e)
        var differences: [String] = []
        for key in Set(actualFields.keys).union(expectedFields.keys).sorted() where actualFields[key] != expectedFields[key] {
            differences.append("\(key): expected \(expectedFields[key] ?? "<absent>"), got \(actualFields[key] ?? "<absent>")")
        }
        XCTAssert(differences.isEmpty, "\(name): \(differences.count) fields differ:\n" + differences.prefix(40).joined(separator: "\n"),
                  file: file, line: line)
    }

    static func flatten(_ value: Any, prefix: String = "") -> [String: String] {
        var out: [String: String] = [:]
        switch value {
        case let dict as [String: Any]:
            for (k, v) in dict { out.merge(flatten(v, prefix: prefix.isEmpty ? k : prefix + "." + k)) { a, _ in a } }
        case let array as [Any]:
            for (i, v) in array.enumerated() { out.merge(flatten(v, prefix: prefix + "[\(i)]")) { a, _ in a } }
        case is NSNull: out[prefix] = "null"
        default: out[prefix] = "\(value)"
        }
        return out
    }
}
