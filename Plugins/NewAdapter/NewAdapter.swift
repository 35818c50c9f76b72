import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory new-adapter --name ShanghaiDistrict [--layout pre2019-appendix]`
///
/// Scaffolds a Swift adapter for a layout that data alone cannot describe:
/// - `Sources/GirconvAdapters/<Name>/<Name>Adapter.swift`: a detector (weighted phrases) and an extractor
///   (row labels → canonical paths, one value per row), both as data to edit;
/// - its registration in `BuiltinAdapters.all`;
/// - `Samples/scaffold/<id>.txt`, a stub report, and `Tests/GirconvAdaptersTests/<Name>AdapterTests.swift`,
///   a test that converts the stub and checks the record field by field.
/// All of it builds and passes as generated; then replace the stub with a real report and the labels with
/// the layout's own.
@main
struct NewAdapter: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        guard let name = extractor.extractOption(named: "name").first else {
            throw ScaffoldError("give the adapter a name: --name ShanghaiDistrict")
        }
        let layout = extractor.extractOption(named: "layout").first ?? "pre2019-appendix"
        let layouts = ["2019-trial": "trial2019", "2021-revised": "revised2021",
                       "pre2019-appendix": "pre2019Appendix", "pre2019-narrative": "pre2019Narrative"]
        guard let layoutCase = layouts[layout] else {
            throw ScaffoldError("--layout must be one of \(layouts.keys.sorted().joined(separator: ", "))")
        }
        guard let first = name.unicodeScalars.first, ("A"..."Z").contains(first),
              name.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) }) else {
            throw ScaffoldError("--name must be an UpperCamelCase Swift name, e.g. ShanghaiDistrict")
        }
        let id = Self.kebab(name)
        let root = context.package.directoryURL
        let adapterDirectory = root.appending(path: "Sources/GirconvAdapters/\(name)")
        let adapterFile = adapterDirectory.appending(path: "\(name)Adapter.swift")
        let sampleFile = root.appending(path: "Samples/scaffold/\(id).txt")
        let testFile = root.appending(path: "Tests/GirconvAdaptersTests/\(name)AdapterTests.swift")
        let registry = root.appending(path: "Sources/GirconvAdapters/BuiltinAdapters.swift")
        for file in [adapterFile, sampleFile, testFile] where FileManager.default.fileExists(atPath: file.path) {
            throw ScaffoldError("\(file.path) exists already; nothing was written")
        }
        var registrations = try String(contentsOf: registry, encoding: .utf8)
        let marker = "        // new-adapter: registrations above this line"
        guard registrations.contains(marker) else { throw ScaffoldError("the registration marker is missing from BuiltinAdapters.swift") }
        registrations = registrations.replacingOccurrences(of: marker, with: "        \(name)Adapter(),\n" + marker)

        try FileManager.default.createDirectory(at: adapterDirectory, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: sampleFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try adapterSource(name: name, id: id, layoutCase: layoutCase).write(to: adapterFile, atomically: true, encoding: .utf8)
        try sample(name: name).write(to: sampleFile, atomically: true, encoding: .utf8)
        try testSource(name: name, id: id, layoutCase: layoutCase).write(to: testFile, atomically: true, encoding: .utf8)
        try registrations.write(to: registry, atomically: true, encoding: .utf8)
        print("""
        new-adapter: created
          \(adapterFile.path)
          \(sampleFile.path)
          \(testFile.path)
        and registered \(name)Adapter in BuiltinAdapters.swift. Check it: swift test --filter \(name)AdapterTests
        """)
    }

    static func kebab(_ name: String) -> String {
        var out = ""
        for (i, c) in name.enumerated() {
            if c.isUppercase && i > 0 { out += "-" }
            out += c.lowercased()
        }
        return out
    }

    func adapterSource(name: String, id: String, layoutCase: String) -> String {
        """
        import GirconvCore

        /// \(name): a report layout read by row labels. Edit the evidence and the rows below (the Chinese
        /// labels are data); see docs and the built-in adapters for richer examples.
        public struct \(name)Adapter: ReportAdapter {
            public init() {}
            public var id: String { "\(id)" }
            public var layout: Layout { .\(layoutCase) }

            /// Phrases that identify the layout, with weights (a score of 0.35 or more is a match).
            static let evidence: [(phrase: String, weight: Double)] = [
                ("\(name)统计表", 0.5),
                ("示例主动公开数", 0.2),
            ]

            /// Table rows ("label | value") and the canonical paths they fill.
            static let rows: [(path: String, label: LabelPattern)] = [
                ("proactive.total", LabelPattern(["示例主动公开数"])),
                ("requests.newReceived.total", LabelPattern(["示例收到申请数"])),
            ]

            public func detect(_ document: ReportDocument) -> DetectionScore {
                var score = 0.0
                var found: [String] = []
                for item in Self.evidence where document.mentions(TextNormalizer.matchKey(item.phrase)) {
                    score += item.weight
                    found.append(item.phrase)
                }
                return DetectionScore(confidence: score, evidence: found)
            }

            public func extract(from document: ReportDocument) throws -> Extraction {
                var (report, warnings) = ReportMetadataReader.read(document, layout: layout)
                var figures: [String: Figure] = [:]
                for row in document.rowViews.joined() {
                    guard let key = row.nonEmptyLabelKeys.last, let label = row.rowLabel,
                          let spec = Self.rows.first(where: { $0.label.matches(key: key) }) else { continue }
                    guard row.values.count == 1, figures[spec.path] == nil else {
                        warnings.append(ReportWarning(code: "row-skipped", message: "row \\"\\(label.text)\\" was not read", location: label.location))
                        continue
                    }
                    var location = row.values[0].location
                    location.table = "\(name)"
                    location.row = label.text
                    let (figure, warning) = CellInterpreter.figure(for: spec.path, cell: row.values[0], location: location)
                    figures[spec.path] = figure
                    if let warning { warnings.append(warning) }
                }
                return Extraction(report: report, figures: figures, warnings: warnings)
            }
        }

        """
    }

    func sample(name: String) -> String {
        """
        示例县某局2017年政府信息公开工作年度报告

        附：\(name)统计表
        示例主动公开数 | 12
        示例收到申请数 | 3

        """
    }

    func testSource(name: String, id: String, layoutCase: String) -> String {
        """
        import Foundation
        import XCTest
        import GirconvAdapters
        import GirconvCore

        /// Scaffolded by the new-adapter plugin: the stub sample converts with \(name)Adapter.
        final class \(name)AdapterTests: XCTestCase {
            func testStubSampleConverts() throws {
                let url = GoldenSampleTests.samples.appendingPathComponent("scaffold/\(id).txt")
                let record = try BuiltinAdapters.registry().convert(RawInput(name: "\(id).txt", bytes: [UInt8](try Data(contentsOf: url))))
                XCTAssertEqual(record.detection.adapter, "\(id)")
                XCTAssertEqual(record.report.layout, .\(layoutCase))
                XCTAssertEqual(record.report.year, 2017)
                XCTAssertEqual(record.figures["proactive.total"]?.value, 12)
                XCTAssertEqual(record.figures["proactive.total"]?.provenance.location.row, "示例主动公开数")
                XCTAssertEqual(record.figures["requests.newReceived.total"]?.value, 3)
            }
        }

        """
    }
}

struct ScaffoldError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
