import Foundation
import XCTest
import GirconvAdapters
import GirconvCore
@testable import GirconvCorpus

/// The samples' reports in the full chrome of generated government sites (the benchmark's corpus): site
/// chrome — navigation, breadcrumbs, side columns, article information, share bars, related articles,
/// footers with ICP numbers, telephone numbers and visit counters, scripts and styles — never changes a
/// figure, in UTF-8 or GBK.
final class RealisticCorpusTests: XCTestCase {
    func testEveryPageGivesTheFiguresOfItsSample() throws {
        // Twelve reports (every HTML sample — the two real pingtan pages, the Gansu and Shanghai forms among them —
        // and every prose sample) on 12 sites: every chrome vocabulary, both encodings.
        let pages = try RealisticCorpus.generate(samples: GoldenSampleTests.samples, count: 110, sites: 12)
        XCTAssertEqual(pages.count, 110)
        XCTAssertEqual(Set(pages.map(\.sample)).count, 12, "every HTML sample and every prose sample")
        let registry = BuiltinAdapters.registry()
        var encodings = Set<String>()
        for page in pages {
            let record = try registry.convert(RawInput(name: page.name, bytes: page.bytes))
            encodings.insert(record.source.encoding)
            XCTAssertFalse(page.expected.isEmpty, page.name)
            XCTAssertEqual(record.figures.mapValues(\.value), page.expected, page.name)
            XCTAssertGreaterThan(page.bytes.count, 15_000, "every page carries a whole site frame")
        }
        XCTAssertTrue(encodings.contains { $0.hasPrefix("GB") } && encodings.contains("UTF-8"), "\(encodings)")
    }

    func testTheCorpusIsTheSameOnEveryRun() throws {
        let first = try RealisticCorpus.generate(samples: GoldenSampleTests.samples, count: 10, sites: 3)
        let second = try RealisticCorpus.generate(samples: GoldenSampleTests.samples, count: 10, sites: 3)
        XCTAssertEqual(first.map(\.name), second.map(\.name))
        XCTAssertEqual(first.map(\.bytes), second.map(\.bytes))
    }
}
