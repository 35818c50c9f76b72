import Foundation
import XCTest
import GirconvAdapters
import GirconvCore
@testable import GirconvLayouts

/// A layout file's own identities (`identities:`): read and checked at load time, then checked on its
/// records like the identities of its family. The reports are `Tests/Fixtures/own-identity/`; the
/// expected sums are typed from their tables.
final class OwnIdentityTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/own-identity")

    /// The built-in layouts and the fixture's layout file.
    func registry() throws -> Converter {
        var library = try BuiltinAdapters.layoutLibrary()
        try library.load(from: Self.fixtures.appendingPathComponent("channel-form.yaml"))
        return try BuiltinAdapters.registry(library: library)
    }

    func convert(_ report: String) throws -> CanonicalRecord {
        let url = Self.fixtures.appendingPathComponent(report)
        return try registry().convert(RawInput(name: report, bytes: [UInt8](try Data(contentsOf: url))))
    }

    func check(_ record: CanonicalRecord, _ rule: String) throws -> CheckResult {
        try XCTUnwrap(record.checks.first { $0.rule == rule }, "\(record.checks.map(\.rule))")
    }

    func testTheFilesIdentityPassesWhereTheFormAddsUp() throws {
        let record = try convert("report-holds.txt")
        XCTAssertEqual(record.detection.adapter, "channel-form")
        XCTAssertEqual(record.figures["extra.requests.channels.app"]?.value, 1)
        let own = try check(record, "channels.complete")
        XCTAssertEqual(own.status, .pass)
        XCTAssertEqual(own.found, 10)
        XCTAssertEqual(own.expected, 10, "4 + 5 + 1")
        XCTAssertEqual(own.totalPaths, ["requests.newReceived.total"])
        XCTAssertEqual(own.partPaths, ["requests.channels.inPerson", "requests.channels.online", "extra.requests.channels.app"])
        // The family's identities are checked as well.
        XCTAssertEqual(try check(record, "pre.requests.channels").status, .pass)
    }

    func testTheFilesIdentityFailsWhereTheFormDoesNotAddUp() throws {
        let record = try convert("report-breaks.txt")
        let own = try check(record, "channels.complete")
        XCTAssertEqual(own.status, .fail)
        XCTAssertEqual(own.found, 10)
        XCTAssertEqual(own.expected, 11, "4 + 5 + 2")
        XCTAssertEqual(try check(record, "pre.requests.channels").status, .pass, "4 + 5 ≤ 10: the family's rule holds")
    }

    func testABlankTotalIsDerivedFromTheFilesIdentityAsFromTheFamilys() throws {
        let adapter = try XCTUnwrap(registry().adapters.first { $0.id == "channel-form" })
        func figure(_ value: Decimal, _ how: ReadingRule = .printed) -> Figure {
            Figure(value: value, provenance: Provenance(how: how, raw: "", location: SourceLocation()))
        }
        let readFigures = ["requests.newReceived.total": figure(0, .blankAsZero), "requests.channels.inPerson": figure(4),
                           "requests.channels.online": figure(5), "extra.requests.channels.app": figure(1)]
        var extraction = Extraction(report: ReportInfo(layout: .pre2019Appendix, script: .simplified), figures: readFigures)
        _ = IdentityChecker.finish(&extraction, adapter: adapter)
        XCTAssertEqual(extraction.figures["requests.newReceived.total"]?.value, 10)
        XCTAssertEqual(extraction.warnings.map(\.code), ["blank-total-derived"])

        var strictExtraction = Extraction(report: ReportInfo(layout: .pre2019Appendix, script: .simplified), figures: readFigures)
        _ = IdentityChecker.finish(&strictExtraction, adapter: adapter, strict: true)
        XCTAssertNil(strictExtraction.figures["requests.newReceived.total"]?.value)
        XCTAssertEqual(strictExtraction.warnings.map(\.code), ["blank-total"])
    }

    // MARK: Checked at load time

    static func layout(identities: String) -> String {
        LayoutFileParserTests.minimal + "\nfigures:\n  - {path: extra.requests.channels.app, label: App}\nidentities:\n" + identities
    }

    func problems(_ text: String) -> [LayoutFileProblem] {
        do {
            _ = try LayoutFileParser().parse(text, file: "own.yaml")
            XCTFail("expected errors")
        } catch let error as LayoutFileError {
            return error.problems
        } catch {
            XCTFail("unexpected \(error)")
        }
        return []
    }

    func testIdentitiesAreReadWithTheirRelation() throws {
        let spec = try LayoutFileParser().parse(Self.layout(identities: """
          - {rule: a, description: d, totals: requests.newReceived.total, parts: [extra.requests.channels.app]}
          - {rule: b, description: d, totals: [requests.newReceived.total], parts: requests.channels.online, relation: atMost}
        """), file: "own.yaml")
        XCTAssertEqual(spec.identities, [
            SumIdentity(rule: "a", description: "d", totals: ["requests.newReceived.total"], parts: ["extra.requests.channels.app"]),
            SumIdentity(rule: "b", description: "d", totals: ["requests.newReceived.total"], parts: ["requests.channels.online"], relation: .atMost),
        ])
    }

    func testUnknownPathsInAnIdentityAreErrorsWithTheirKeyAndLine() {
        let text = Self.layout(identities: """
          - rule: a
            description: d
            totals: requests.newReceivd.total
            parts: [requests.channels.online, extra.requests.channels.fax]
        """)
        let found = problems(text)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func line(of text: String) -> Int { lines.firstIndex { $0.contains(text) }! + 1 }
        XCTAssertTrue(found.contains { $0.file == "own.yaml" && $0.line == line(of: "newReceivd")
            && $0.message.hasPrefix("identity a totals: \"requests.newReceivd.total\" is not a canonical figure path") }, "\(found)")
        XCTAssertTrue(found.contains { $0.line == line(of: "channels.fax")
            && $0.message.hasPrefix("identity a parts: \"extra.requests.channels.fax\" is not declared") }, "\(found)")
        XCTAssertEqual(found.count, 2, "\(found)")
    }

    func testRulesOfTheFamilyRepeatedRulesAndBadRelationsAreErrors() {
        let found = problems(Self.layout(identities: """
          - {rule: pre.requests.channels, description: d, totals: requests.newReceived.total, parts: requests.channels.online}
          - {rule: mine, description: d, totals: requests.newReceived.total, parts: requests.channels.online}
          - {rule: mine, description: d, totals: requests.newReceived.total, parts: requests.channels.online, relation: atLeast}
          - {rule: empty, description: d, totals: [], parts: requests.channels.online}
        """)).map(\.message)
        XCTAssertTrue(found.contains { $0.contains("identity pre.requests.channels: the rule is one of girconv's own checks") }, "\(found)")
        XCTAssertTrue(found.contains { $0.contains("identity mine: another identity of the file has this rule") }, "\(found)")
        XCTAssertTrue(found.contains { $0.contains("identity mine relation: \"atLeast\" is not one of equal, atMost") }, "\(found)")
        XCTAssertTrue(found.contains { $0.contains("identity empty totals: give at least one figure path") }, "\(found)")
    }

    func testTheFamilyIsRequiredAndNamesItsValues() {
        let found = problems(LayoutFileParserTests.minimal.replacingOccurrences(of: "layout: pre2019-appendix\n", with: "")).map(\.message)
        XCTAssertEqual(found, ["\"layout\" is required: the family of the records (report.layout), which decides the identities checked; one of 2019-trial, 2021-revised, pre2019-appendix, pre2019-narrative"])
    }
}
