import Foundation
import XCTest
@testable import GirconvCore

final class ContinuityCheckerTests: XCTestCase {
    func record(_ name: String, agency: String?, year: Int?, _ values: [String: Decimal]) -> CanonicalRecord {
        makeRecord(name, agency, year, values)
    }

    func testCarriedForwardMustBeCarriedOver() {
        let a = record("2021.html", agency: "示例县交通运输局", year: 2021, ["requests.carriedForward.total": 3, "requests.carriedForward.naturalPerson": 3])
        let b = record("2022.html", agency: "示例县交通运输局", year: 2022, ["requests.carriedOver.total": 2, "requests.carriedOver.naturalPerson": 3])
        let results = ContinuityChecker.evaluate([b, a])
        let total = results.first { $0.check.rule == "continuity.carried.total" }
        XCTAssertEqual(total?.check.status, .fail)
        XCTAssertEqual(total?.check.expected, 3)
        XCTAssertEqual(total?.check.found, 2)
        XCTAssertEqual(total?.fromYear, 2021)
        XCTAssertEqual(results.first { $0.check.rule == "continuity.carried.naturalPerson" }?.check.status, .pass)
        XCTAssertNil(results.first { $0.check.rule == "continuity.carried.business" }, "neither year gives it")
    }

    func testInForceCarriesForwardByMadeLessRepealed() {
        let a = record("a", agency: "示例局", year: 2021, ["proactive.normativeDocs.inForce": 12])
        let b = record("b", agency: "示例局", year: 2022, ["proactive.normativeDocs.inForce": 13, "proactive.normativeDocs.made": 3,
                                                         "proactive.normativeDocs.repealed": 1])
        let check = ContinuityChecker.evaluate([a, b]).first { $0.check.rule == "continuity.inForce.normativeDocs" }?.check
        XCTAssertEqual(check?.status, .fail)
        XCTAssertEqual(check?.expected, 14)
        XCTAssertEqual(check?.found, 13)
        let c = record("c", agency: "示例局", year: 2022, ["proactive.normativeDocs.inForce": 13])
        XCTAssertEqual(ContinuityChecker.evaluate([a, c]).first?.check.status, .notAssessable, "制发/废止 not given")
    }

    func testOnlyConsecutiveYearsOfOneAgencyArePaired() {
        let a = record("a", agency: "示例局", year: 2019, ["requests.carriedForward.total": 1])
        let b = record("b", agency: "示例局", year: 2021, ["requests.carriedOver.total": 1])
        let c = record("c", agency: "另一局", year: 2020, ["requests.carriedOver.total": 1])
        let d = record("d", agency: nil, year: 2020, ["requests.carriedOver.total": 1])
        XCTAssertTrue(ContinuityChecker.evaluate([a, b, c, d]).isEmpty)
    }
}

final class ContinuitySkipReasonTests: XCTestCase {

    func reasons(_ records: [CanonicalRecord], identity: AgencyIdentity = AgencyIdentity()) -> [ContinuityChecker.SkipReason] {
        ContinuityChecker.assess(records, identity: identity).skipped.map(\.reason)
    }

    func testEveryPairNotCheckedHasItsReason() {
        let a = makeRecord("a", "示例局", 2019, ["requests.carriedForward.total": 1])
        let b = makeRecord("b", "示例局", 2021, ["requests.carriedOver.total": 1])
        let outcome = ContinuityChecker.assess([a, b])
        XCTAssertTrue(outcome.results.isEmpty)
        XCTAssertEqual(outcome.skipped.map(\.reason), [.yearsNotConsecutive])
        XCTAssertEqual(outcome.skipped.first?.detail, "2019→2021: no report of 2020")

        let c = makeRecord("c", "另一局", 2020, ["requests.carriedOver.total": 1])
        let d = makeRecord("d", nil, 2020, [:])
        let e = makeRecord("e", "示例局", nil, [:])
        XCTAssertEqual(Set(reasons([a, c, d, e])), [.agenciesDiffer, .agencyUnknown, .yearUnknown])
        XCTAssertEqual(reasons([a]), [.yearMissing])

        let twice = makeRecord("a2", "示例局", 2019, ["requests.carriedForward.total": 1])
        let next = makeRecord("n", "示例局", 2020, ["requests.carriedOver.total": 1])
        XCTAssertEqual(reasons([a, twice, next]), [.sameYearTwice, .sameYearTwice])
        XCTAssertTrue(ContinuityChecker.assess([a, twice, next]).results.isEmpty, "which 2019 continues is not known")
    }

    func testConsecutiveYearsWithoutContinuityFiguresAreSkipped() {
        let a = makeRecord("a", "示例局", 2016, ["proactive.total": 10])
        let b = makeRecord("b", "示例局", 2017, ["proactive.total": 12])
        XCTAssertEqual(reasons([a, b]), [.noContinuityFigures])
    }

    func testForcedAgencyPairsDifferentNames() {
        let a = makeRecord("a", "示例局", 2021, ["requests.carriedForward.total": 1])
        let b = makeRecord("b", "另一局", 2022, ["requests.carriedOver.total": 1])
        XCTAssertEqual(reasons([a, b]), [.agenciesDiffer])
        let forced = ContinuityChecker.assess([a, b], identity: AgencyIdentity(forced: "示例局"))
        XCTAssertEqual(forced.results.first?.check.status, .pass)
        XCTAssertTrue(forced.skipped.isEmpty)
    }

    func testPrefixedAndUnprefixedNamesAreOneAgency() {
        let a = makeRecord("a", "洪泽区人民政府", 2023, ["requests.carriedForward.total": 0])
        let b = makeRecord("b", "淮安市洪泽区人民政府", 2024, ["requests.carriedOver.total": 0])
        XCTAssertEqual(ContinuityChecker.evaluate([a, b]).first?.check.status, .pass)
    }
}

/// A 2021-layout record of an agency and year with the given figures, printed.
func makeRecord(_ name: String, _ agency: String?, _ year: Int?, _ values: [String: Decimal]) -> CanonicalRecord {
    let figures = values.mapValues { Figure(value: $0, provenance: Provenance(how: .printed, raw: "\($0)", location: SourceLocation())) }
    return CanonicalRecord(
        source: SourceInfo(name: name, sha256: "", mediaType: "text/plain", encoding: "UTF-8", byteCount: 0),
        detection: DetectionInfo(adapter: "2021-revised", confidence: 1, evidence: [], candidates: []),
        report: ReportInfo(agency: agency, year: year, layout: .revised2021, script: .simplified),
        figures: figures)
}
