import Foundation
import XCTest
import Yams
import GirconvAdapters
@testable import GirconvLayouts

/// The published JSON Schema of layout files (schema/girconv-layout.schema.json) accepts every layout
/// file in the repository, checked by an independent validator (python3's jsonschema); and every such
/// file parses.
final class LayoutSchemaTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every layout file of the repository: the built-in ones and the guide's examples.
    static func layoutFiles() throws -> [URL] {
        let directories = [root.appendingPathComponent("Sources/GirconvAdapters/Layouts")] +
            (try FileManager.default.contentsOfDirectory(at: root.appendingPathComponent("docs/examples"), includingPropertiesForKeys: nil))
        return directories.flatMap { directory in
            ((try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? [])
                .filter { LayoutLibrary.extensions.contains($0.pathExtension) }
        }.sorted { $0.path < $1.path }
    }

    func testEveryLayoutFileParses() throws {
        let files = try Self.layoutFiles()
        XCTAssertGreaterThanOrEqual(files.count, 5)
        for file in files { XCTAssertNoThrow(try LayoutFileParser().parse(contentsOf: file), file.lastPathComponent) }
    }

    /// YAML → JSON-compatible values (mapping keys as strings).
    static func jsonValue(_ value: Any) -> Any {
        if let dictionary = value as? [AnyHashable: Any] {
            return Dictionary(uniqueKeysWithValues: dictionary.map { ("\($0.key)", jsonValue($0.value)) })
        }
        if let array = value as? [Any] { return array.map(jsonValue) }
        return value
    }

    func testEveryLayoutFileIsValidAgainstThePublishedSchema() throws {
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "-c", "import jsonschema"]
        check.standardError = Pipe()
        if (try? check.run()) == nil || { check.waitUntilExit(); return check.terminationStatus != 0 }() {
            if ProcessInfo.processInfo.environment["CI"] != nil { return XCTFail("python3 jsonschema is required in CI") }
            throw XCTSkip("python3 with jsonschema not available")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("girconv-layout-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        var jsonFiles: [String] = []
        for file in try Self.layoutFiles() {
            let yaml = try String(contentsOf: file, encoding: .utf8)
            let value = Self.jsonValue(try XCTUnwrap(try Yams.load(yaml: yaml)))
            let out = scratch.appendingPathComponent(file.lastPathComponent + ".json")
            try JSONSerialization.data(withJSONObject: value).write(to: out)
            jsonFiles.append(out.path)
        }
        let validate = Process()
        validate.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        validate.arguments = ["python3", Self.root.appendingPathComponent("scripts/validate-json.py").path, Self.root.appendingPathComponent("schema/girconv-layout.schema.json").path] + jsonFiles
        let out = Pipe()
        validate.standardOutput = out
        try validate.run()
        let report = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        validate.waitUntilExit()
        XCTAssertEqual(validate.terminationStatus, 0, report)
    }
}
