import Foundation
import XCTest
@testable import GirconvCore

final class YearComparisonTests: XCTestCase {
    func testPercentChangeIsExactAndRoundedOnlyForDisplay() {
        let change = YearComparison.Change(from: figure(21), to: figure(95))
        XCTAssertEqual(change.difference, 74)
        // 74 × 100 / 21 = 352.380952…
        XCTAssertEqual(change.roundedPercent(places: 1), Decimal(string: "352.4"))
        XCTAssertEqual(change.roundedPercent(places: 4), Decimal(string: "352.381"))
        XCTAssertEqual(ComparisonText.changeText(change), "+74 (+352.4%)")
        let down = YearComparison.Change(from: figure(4119), to: figure(2776))
        XCTAssertEqual(ComparisonText.changeText(down), "-1343 (-32.6%)")
        // Half away from zero: 1/8 = 12.5 % → 13 at no places, −12.5 → −13.
        XCTAssertEqual(YearComparison.Change(from: figure(8), to: figure(9)).roundedPercent(places: 0), 13)
        XCTAssertEqual(YearComparison.Change(from: figure(8), to: figure(7)).roundedPercent(places: 0), -13)
    }

    func testNoPercentFromZeroAndNoChangeWithoutBothValues() {
        let fromZero = YearComparison.Change(from: figure(0), to: figure(50))
        XCTAssertEqual(fromZero.difference, 50)
        XCTAssertNil(fromZero.percent)
        XCTAssertEqual(ComparisonText.changeText(fromZero), "+50 (—)")
        let unreadable = YearComparison.Change(from: figure(3), to: Figure(value: nil, provenance: Provenance(how: .unreadable, raw: "?", location: SourceLocation())))
        XCTAssertNil(unreadable.difference)
        XCTAssertEqual(unreadable.gap, .nullAfter)
        XCTAssertEqual(YearComparison.Change(from: nil, to: figure(1)).gap, .missingBefore)
    }

    func testRowsOnlyForPathsInBothYearsOfAPair() {
        let a = makeRecord("a", "淮安市洪泽区人民政府", 2024, ["requests.newReceived.total": 95, "proactive.licensing.decisions": 9487])
        let b = makeRecord("b", "洪泽区人民政府", 2023, ["requests.newReceived.total": 21, "proactive.penalties.decisions": 4119])
        let comparison = YearComparison([a, b])
        XCTAssertEqual(comparison.agencies.count, 1)
        let agency = comparison.agencies[0]
        XCTAssertEqual(agency.reports.map(\.year), [2023, 2024])
        XCTAssertEqual(agency.name, "淮安市洪泽区人民政府", "the latest report's name")
        XCTAssertEqual(agency.rows.map(\.path), ["requests.newReceived.total"])
        XCTAssertEqual(agency.rows[0].values, [21, 95])
        XCTAssertEqual(agency.skipped.map(\.reason), [.noContinuityFigures])
    }

    /// A slimmed record keeps what a comparison reads (key figures, continuity figures) and nothing else,
    /// and compares exactly as the whole record does.
    func testSlimmedRecordsCompareAsWholeOnes() {
        let a = makeRecord("a", "示例局", 2022, ["requests.newReceived.total": 5, "requests.carriedForward.total": 1,
                                              "requests.carriedForward.naturalPerson": 1, "proactive.rules.inForce": 4,
                                              "requests.channels.online": 3, "appeals.review.upheld": 2])
        let b = makeRecord("b", "示例局", 2023, ["requests.newReceived.total": 7, "requests.carriedOver.total": 1,
                                              "requests.carriedOver.naturalPerson": 1, "proactive.rules.inForce": 5,
                                              "proactive.rules.made": 1, "proactive.rules.repealed": 0])
        let slim = YearComparison.slimmed(a)
        XCTAssertEqual(Set(slim.figures.keys), ["requests.newReceived.total", "requests.carriedForward.total",
                                                "requests.carriedForward.naturalPerson", "proactive.rules.inForce"])
        let whole = YearComparison([a, b]), slimmed = YearComparison([slim, YearComparison.slimmed(b)])
        XCTAssertEqual(whole.agencies.map { $0.rows.map(\.values) }, slimmed.agencies.map { $0.rows.map(\.values) })
        XCTAssertEqual(whole.agencies.map { $0.continuity.map(\.check) }, slimmed.agencies.map { $0.continuity.map(\.check) })
        XCTAssertEqual(whole.agencies[0].continuity.count, 3, "carried over total and natural person, rules in force")
    }

    /// Reports of a corpus are often all named index.html: continuity goes to the agency, not the file name.
    func testContinuityBelongsToItsAgencyWhateverTheFileNames() {
        let records = [makeRecord("index.html", "甲县人民政府", 2021, ["requests.carriedForward.total": 2]),
                       makeRecord("index.html", "甲县人民政府", 2022, ["requests.carriedOver.total": 2]),
                       makeRecord("index.html", "乙县人民政府", 2022, ["requests.carriedOver.total": 5])]
        let agencies = YearComparison(records).agencies
        XCTAssertEqual(agencies.map(\.name), ["乙县人民政府", "甲县人民政府"].sorted { AgencyIdentity.key($0) < AgencyIdentity.key($1) })
        let first = agencies.first { $0.name == "甲县人民政府" }, second = agencies.first { $0.name == "乙县人民政府" }
        XCTAssertEqual(first?.continuity.map(\.check.status), [.pass])
        XCTAssertEqual(second?.continuity.count, 0)
        XCTAssertEqual(second?.skipped.map(\.reason), [.yearMissing])
        XCTAssertEqual(first?.skipped.count, 0)
    }

    func figure(_ value: Decimal) -> Figure {
        Figure(value: value, provenance: Provenance(how: .printed, raw: "\(value)", location: SourceLocation()))
    }
}
