import Foundation
import XCTest
@testable import GirconvAdapters
import GirconvLayoutNodes
import GirconvLayouts
import Yams

/// The built-in layouts are compiled in (the EmbedLayouts build plugin): what the program holds is each
/// layout file of Sources/GirconvAdapters/Layouts/ byte for byte, every one of them, in name order.
final class EmbeddedLayoutsTests: XCTestCase {
    static let layouts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/GirconvAdapters/Layouts")

    func testCompiledInLayoutsAreTheLayoutFilesExactly() throws {
        let files = try FileManager.default.contentsOfDirectory(at: Self.layouts, includingPropertiesForKeys: nil)
            .filter { ["yaml", "yml", "json"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        XCTAssertEqual(BuiltinAdapters.layoutFiles.map(\.name), files.map(\.lastPathComponent))
        for (embedded, file) in zip(BuiltinAdapters.layoutFiles, files) {
            XCTAssertEqual(Array(embedded.text.utf8), Array(try Data(contentsOf: file)), file.lastPathComponent)
        }
        let ids = try BuiltinAdapters.layoutLibrary().layouts.map(\.spec.id)
        XCTAssertEqual(ids.count, files.count)
        XCTAssertTrue(ids.contains("2021-revised") && ids.contains("fujian-appendix"), "\(ids)")
        XCTAssertTrue(try BuiltinAdapters.layoutLibrary().layouts.allSatisfy { $0.origin == "built-in" })
    }

    /// The node trees compiled in (`LayoutNodes`' compact form, made by the plugin at build time) are the
    /// trees Yams composes from the layout files' text at run time: the same scalars, tags, styles, marks and
    /// order, so the same reader makes the same layouts of them, and no YAML is parsed at start.
    func testCompiledInNodeTreesAreTheParsedYAMLExactly() throws {
        let files = BuiltinAdapters.builtinFiles
        XCTAssertEqual(files.count, BuiltinAdapters.layoutFiles.count)
        for file in files {
            let form = try XCTUnwrap(file.nodes, "\(file.name) has no compiled-in node tree")
            let decoded = try XCTUnwrap(LayoutNodes.decode(form), file.name)
            let composed = try XCTUnwrap(try Yams.compose(yaml: file.text, LayoutNodes.resolver), file.name)
            XCTAssertEqual(Self.describe(decoded), Self.describe(composed), file.name)
            XCTAssertEqual(decoded, composed, file.name)
        }
        // (Every sample's golden record is made with the layouts read from these trees: GoldenSampleTests.)
    }

    /// Every style, quoting, tag and nesting YAML has round-trips, marks included; a damaged form is not
    /// decoded, and the parser then reads the text.
    func testTheCompactFormRoundTripsAndADamagedFormFallsBackToTheText() throws {
        let yaml = """
        girconv-layout: 1
        plain: 值 "quoted" 'x'
        'single': 'it''s'
        "double": "tab\\t, 换行\\n, \\u00e9"
        literal: |
          line one
            line two
        folded: >
          folded
          text
        flow: [1, 2.5, true, null, ~, "3", !!str 4]
        map: {a: 1, b: [x, {c: d}]}
        empty: []
        tagged: !custom value
        long: \(String(repeating: "长", count: 300))
        """
        let composed = try XCTUnwrap(try Yams.compose(yaml: yaml, LayoutNodes.resolver))
        let form = try XCTUnwrap(LayoutNodes.encode(composed))
        let decoded = try XCTUnwrap(LayoutNodes.decode(form))
        XCTAssertEqual(Self.describe(decoded), Self.describe(composed))
        XCTAssertEqual(decoded["flow"]?.array().map(\.int), [1, nil, nil, nil, nil, nil, 4])
        XCTAssertEqual(decoded["flow"]?.array().map(\.float), [1, 2.5, nil, nil, nil, nil, 4])
        XCTAssertEqual(decoded["flow"]?.array().map(\.bool), composed["flow"]?.array().map(\.bool))
        XCTAssertEqual(decoded["flow"]?.array().map(\.null), composed["flow"]?.array().map(\.null))
        XCTAssertEqual(decoded["flow"]?[5]?.string, "3")
        for damaged in ["", "x", String(form.dropLast()), form + "s0,0,0,0,0:", "m0,1,1,0,99999999:", String(form.prefix(40))] {
            XCTAssertNil(LayoutNodes.decode(damaged), damaged.prefix(60).description)
        }
        let text = try String(contentsOf: Self.layouts.appendingPathComponent("2021-revised.yaml"), encoding: .utf8)
        let fallback = try LayoutFileParser().parse(nodes: "m0,1,1,0,1:", text: text, file: "f.yaml")
        XCTAssertEqual(fallback.id, "2021-revised")
        XCTAssertEqual(fallback.tables.count, try LayoutFileParser().parse(text, file: "f.yaml").tables.count)
    }

    /// A node tree written out with everything the reader can see: kind, tag, style, mark, text, order.
    static func describe(_ node: Node) -> String {
        func mark(_ mark: Mark?) -> String { mark.map { "\($0.line):\($0.column)" } ?? "-" }
        switch node {
        case .scalar(let s):
            return "s(\(s.tag)|\(s.style)|\(mark(s.mark))|\(String(reflecting: s.string)))"
        case .sequence(let q):
            return "q(\(q.tag)|\(q.style)|\(mark(q.mark))|" + q.map(describe).joined(separator: ",") + ")"
        case .mapping(let m):
            return "m(\(m.tag)|\(m.style)|\(mark(m.mark))|" + m.map { describe($0.key) + "=" + describe($0.value) }.joined(separator: ",") + ")"
        case .alias:
            return "alias"
        }
    }
}
