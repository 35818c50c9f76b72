import Foundation
import XCTest
@testable import GirconvAdapters

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
}
