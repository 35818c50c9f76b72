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

    func figure(_ value: Decimal) -> Figure {
        Figure(value: value, provenance: Provenance(how: .printed, raw: "\(value)", location: SourceLocation()))
    }
}
