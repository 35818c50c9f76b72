import Foundation
import XCTest
import GirconvAdapters
import GirconvCore

/// Issue #15's precision test: every figure girconv emits for a sample or a real report is compared with an
/// expected file typed by hand from the document (`Tests/Fixtures/precision/<document>.json`), never from
/// girconv's output. A figure emitted that the file does not hold fails, not only a wrong value of a field the
/// file lists. The files list, for each document:
/// - `printed`: every figure printed in it (table cells and sentences) that has a canonical path;
/// - `zeros`: the figures that are 0 by a convention (`blank`, `dash`, `none-word`, `stated-none`);
/// - `derived`: figures never printed but forced by the report's own identities (sums of printed parts);
/// - `conflicts`: paths the document prints with two values (prose vs table): either may be emitted;
/// - `notes`: what the typist left out and why.
/// Missing figures are recall, judged by the golden files and `score.py`; this test is about wrong ones.
final class PrecisionCorpusTests: XCTestCase {
    static let root = GoldenSampleTests.packageRoot
    static let expectedFolder = root.appendingPathComponent("Tests/Fixtures/precision")
    /// Where the documents are: the samples, and the real reports copied into the repository.
    static let documentFolders = [GoldenSampleTests.samples, root.appendingPathComponent("Tests/Fixtures/real")]

    struct Expected: Decodable {
        var document: String
        var printed: [String: Double]
        var zeros: [String: String]
        var derived: [String: Double]
        var conflicts: [String: [Double]]
    }

    let registry = BuiltinAdapters.registry()

    static func expectedFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: expectedFolder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func same(_ value: Decimal, _ expected: Double) -> Bool {
        abs(NSDecimalNumber(decimal: value).doubleValue - expected) <= 1e-9 * max(1, abs(expected))
    }

    /// Why `figure` at `path` is not what the document holds, or nil when it is.
    static func fault(_ path: String, _ figure: Figure, against expected: Expected) -> String? {
        guard let value = figure.value else { return nil }
        let shown = "\(path) = \(value) (\(figure.provenance.how.rawValue), \(figure.provenance.raw.debugDescription))"
        let printed = expected.printed[path]
        let conflicting = expected.conflicts[path] ?? []
        switch figure.provenance.how {
        case .printed, .recovered, .byPosition:
            // A recovered figure (cells printed run together, split where the report's identities force it)
            // is printed too: the expected file holds it wherever the split is forced; so is a figure placed
            // by position (a row printed without its label, at the row the document prints it for).
            if let printed, same(value, printed) { return nil }
            if conflicting.contains(where: { same(value, $0) }) { return nil }
            return printed.map { "\(shown): the document prints \($0)" } ?? "\(shown): not printed in the document"
        case .blankAsZero, .dashAsZero, .noneWordAsZero, .statedZero:
            guard value == 0 else { return "\(shown): a convention gives only 0" }
            if expected.zeros[path] != nil || printed == 0 || expected.derived[path] == 0 { return nil }
            return "\(shown): the document gives no zero for it"
        case .derived:
            if let derived = expected.derived[path] ?? printed, same(value, derived) { return nil }
            return "\(shown): the document's figures force \(expected.derived[path].map { "\($0)" } ?? "nothing")"
        case .notApplicable, .unreadable:
            return "\(shown): a value where the rule gives none"
        }
    }

    /// Every sample that is a report has its expected file (a new sample comes with one).
    func testEverySampleHasAnExpectedFile() throws {
        let samples = try FileManager.default.contentsOfDirectory(atPath: GoldenSampleTests.samples.path)
        let goldens = Set(try FileManager.default.contentsOfDirectory(atPath: GoldenSampleTests.samples.appendingPathComponent("expected").path))
        let expected = Set(try Self.expectedFiles().map(\.lastPathComponent))
        for sample in samples where !sample.hasSuffix(".md") && !sample.hasPrefix(".") {
            let stem = (sample as NSString).deletingPathExtension
            guard goldens.contains(stem + ".json") else { continue }   // not a report (an .error golden) or not a sample file
            XCTAssertTrue(expected.contains(sample + ".json"), "\(sample): no Tests/Fixtures/precision/\(sample).json")
        }
    }

    func testEveryEmittedFigureIsInTheDocument() throws {
        let files = try Self.expectedFiles()
        XCTAssertGreaterThanOrEqual(files.count, 29, "the expected files of the samples and the real reports")
        var checked = 0, matched = 0, expectedCount = 0
        for file in files {
            let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: file))
            guard let document = Self.documentFolders.map({ $0.appendingPathComponent(expected.document) })
                .first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
                XCTFail("\(file.lastPathComponent): no document \(expected.document)"); continue
            }
            let record = try registry.convert(RawInput(name: expected.document, bytes: [UInt8](Data(contentsOf: document))))
            let faults = record.figures.sorted { $0.key < $1.key }.compactMap { Self.fault($0.key, $0.value, against: expected) }
            XCTAssert(faults.isEmpty, "\(expected.document): \(faults.count) figures not in the document:\n" + faults.joined(separator: "\n"))
            checked += record.figures.values.filter { $0.value != nil }.count
            matched += record.figures.filter { $0.value.value != nil && Self.fault($0.key, $0.value, against: expected) == nil }.count
            expectedCount += expected.printed.count + expected.zeros.count
        }
        print("precision: \(matched)/\(checked) emitted figures found in their documents; \(expectedCount) printed or zero in the expected files")
    }

    /// The judge itself: a wrong value, an unprinted figure and a zero nobody stated are each caught.
    func testTheComparisonCatchesWhatIsNotInTheDocument() {
        let expected = Expected(document: "x", printed: ["a": 57, "b": 0], zeros: ["c": "blank"], derived: ["d": 12], conflicts: ["e": [45, 47]])
        func figure(_ value: Decimal?, _ how: ReadingRule) -> Figure {
            Figure(value: value, provenance: Provenance(how: how, raw: "", location: SourceLocation()))
        }
        XCTAssertNil(Self.fault("a", figure(57, .printed), against: expected))
        XCTAssertNotNil(Self.fault("a", figure(571, .printed), against: expected))
        XCTAssertNotNil(Self.fault("z", figure(1, .printed), against: expected))
        XCTAssertNil(Self.fault("b", figure(0, .dashAsZero), against: expected))
        XCTAssertNil(Self.fault("c", figure(0, .blankAsZero), against: expected))
        XCTAssertNotNil(Self.fault("z", figure(0, .statedZero), against: expected))
        XCTAssertNil(Self.fault("d", figure(12, .derived), against: expected))
        XCTAssertNotNil(Self.fault("d", figure(13, .derived), against: expected))
        XCTAssertNil(Self.fault("e", figure(47, .printed), against: expected))
        XCTAssertNil(Self.fault("z", figure(nil, .unreadable), against: expected))
    }
}
