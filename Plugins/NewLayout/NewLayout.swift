import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory new-layout --id shanghai-district --layout pre2019-appendix`
///
/// Scaffolds a built-in layout: a layout file is the adapter (docs/adding-a-layout.md), read by the same
/// engine as every other layout.
/// - `Sources/GirconvAdapters/Layouts/<id>.yaml`: the layout file, of the family `--layout` names, with a
///   detect section and one table of two rows to edit;
/// - `Samples/scaffold/<id>.txt`, a stub report of that table;
/// - `Tests/GirconvAdaptersTests/<Id>LayoutTests.swift`, a test that converts the stub with the built-in
///   layouts and checks its figures.
/// All of it builds and passes as generated; then replace the stub with a real report and the labels with
/// the layout's own.
@main
struct NewLayout: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let root = context.package.directoryURL
        guard let id = extractor.extractOption(named: "id").first else {
            throw ScaffoldError("give the layout an id: --id shanghai-district")
        }
        guard id.range(of: "^[a-z][a-z0-9._-]*$", options: .regularExpression) != nil else {
            throw ScaffoldError("--id must be lower-case letters, digits, '.', '_' or '-', starting with a letter (it names the adapter), e.g. shanghai-district")
        }
        let families = try Self.families(schema: root.appending(path: "schema/girconv-layout.schema.json"))
        guard let family = extractor.extractOption(named: "layout").first, families.contains(family) else {
            throw ScaffoldError("give the family of the layout's records: --layout \(families.joined(separator: " | "))")
        }
        let typeName = Self.upperCamel(id)
        let layoutFile = root.appending(path: "Sources/GirconvAdapters/Layouts/\(id).yaml")
        let sampleFile = root.appending(path: "Samples/scaffold/\(id).txt")
        let testFile = root.appending(path: "Tests/GirconvAdaptersTests/\(typeName)LayoutTests.swift")
        for file in [layoutFile, sampleFile, testFile] where FileManager.default.fileExists(atPath: file.path) {
            throw ScaffoldError("\(file.path) exists already; nothing was written")
        }
        let stub = Stub(id: id, family: family)
        try FileManager.default.createDirectory(at: sampleFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try stub.layoutFile.write(to: layoutFile, atomically: true, encoding: .utf8)
        try stub.report.write(to: sampleFile, atomically: true, encoding: .utf8)
        try stub.test(typeName: typeName).write(to: testFile, atomically: true, encoding: .utf8)
        print("""
        new-layout: created
          \(layoutFile.path)
          \(sampleFile.path)
          \(testFile.path)
        Check it: swift test --filter \(typeName)LayoutTests
        """)
    }

    /// The families a layout file may declare, as the published layout-file schema lists them.
    static func families(schema: URL) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: schema))
        guard let properties = (object as? [String: Any])?["properties"] as? [String: Any],
              let families = (properties["layout"] as? [String: Any])?["enum"] as? [String] else {
            throw ScaffoldError("\(schema.path) does not list the layout families under properties.layout.enum")
        }
        return families
    }

    /// "shanghai-district" → "ShanghaiDistrict".
    static func upperCamel(_ id: String) -> String {
        id.split(whereSeparator: { "-_.".contains($0) }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}

/// The scaffold's three files: a layout file, a stub report of its table, and the test tying them.
struct Stub {
    let id: String
    let family: String

    /// The phrase only the stub prints: the layout's required evidence until real labels replace it.
    var tableTitle: String { "\(id)统计表" }
    /// A year of the family's reports, for the stub's title.
    var year: Int { family.hasPrefix("pre2019") ? 2017 : family == "2019-trial" ? 2020 : 2022 }
    /// The stub's rows: label, path, value.
    let rows = [("示例主动公开数", "proactive.total", 12), ("示例收到申请数", "requests.newReceived.total", 3)]

    var layoutFile: String {
        """
        # yaml-language-server: $schema=../../../schema/girconv-layout.schema.json
        # \(id): scaffolded by `swift package new-layout`. Replace the stub's phrases and rows with the layout's
        # own labels (docs/adding-a-layout.md explains every key); Samples/scaffold/\(id).txt is the stub report
        # its test reads.
        girconv-layout: 1
        id: \(id)
        layout: \(family)
        name: \(id) (scaffold)

        detect:
          # Phrases only this layout prints: without every one of them the layout never applies.
          requireAll: [\(tableTitle)]
          evidence:
            - {phrase: \(tableTitle), weight: 0.5}
          # Each row of the table read adds 0.1, up to 0.5.
          tableRows: {weight: 0.1, max: 0.5}

        tables:
          - name: \(tableTitle)
            starts: [\(tableTitle)]
            # The value columns, in printed order ("" = the row's own path).
            columns:
              - {key: "", labels: 数量}
            rows:
        \(rows.map { "      - {path: \($0.1), labels: \($0.0)}" }.joined(separator: "\n"))

        """
    }

    var report: String {
        """
        示例县某局\(year)年政府信息公开工作年度报告

        附：\(tableTitle)
        指标 | 数量
        \(rows.map { "\($0.0) | \($0.2)" }.joined(separator: "\n"))

        """
    }

    func test(typeName: String) -> String {
        """
        import Foundation
        import XCTest
        import GirconvAdapters
        import GirconvCore

        /// Scaffolded by the new-layout plugin: the stub report converts with the layout file \(id).yaml.
        final class \(typeName)LayoutTests: XCTestCase {
            func testStubReportConvertsWithTheLayoutFile() throws {
                let url = GoldenSampleTests.samples.appendingPathComponent("scaffold/\(id).txt")
                let record = try BuiltinAdapters.registry().convert(RawInput(name: "\(id).txt", bytes: [UInt8](try Data(contentsOf: url))))
                XCTAssertEqual(record.detection.adapter, "\(id)")
                XCTAssertEqual(record.report.layout.rawValue, "\(family)")
                XCTAssertEqual(record.report.year, \(year))
        \(rows.map { """
                XCTAssertEqual(record.figures["\($0.1)"]?.value, \($0.2))
                XCTAssertEqual(record.figures["\($0.1)"]?.provenance.location.row, "\($0.0)")
        """ }.joined(separator: "\n"))
            }
        }

        """
    }
}

struct ScaffoldError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
