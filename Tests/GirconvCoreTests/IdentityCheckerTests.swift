import Foundation
import XCTest
@testable import GirconvCore

final class IdentityCheckerTests: XCTestCase {
    func fig(_ value: Decimal?, _ how: ReadingRule = .printed) -> Figure {
        Figure(value: value, provenance: Provenance(how: how, raw: value.map { "\($0)" } ?? "", location: SourceLocation()))
    }

    func appeals(_ values: [Decimal?]) -> [String: Figure] {
        var figures: [String: Figure] = [:]
        for (key, value) in zip(["upheld", "corrected", "other", "pending", "total"], values) {
            figures["appeals.review.\(key)"] = fig(value)
        }
        return figures
    }

    func result(_ figures: [String: Figure], _ rule: String) -> CheckResult? {
        IdentityChecker.evaluate(figures, layout: .trial2019).first { $0.rule == rule }
    }

    func testGroupSumPasses() {
        let check = result(appeals([1, 2, 0, 1, 4]), "t4.review.total")
        XCTAssertEqual(check?.status, .pass)
        XCTAssertEqual(check?.expected, 4)
    }

    func testPrintedBreakIsReportedNotFixed() {
        // 行政复议 printed 10/1/0/0/0: the total 0 does not add up to 11.
        let figures = appeals([10, 1, 0, 0, 0])
        let check = result(figures, "t4.review.total")
        XCTAssertEqual(check?.status, .fail)
        XCTAssertEqual(check?.expected, 11)
        XCTAssertEqual(check?.found, 0)
        XCTAssertEqual(figures["appeals.review.total"]?.value, 0)
    }

    func testMissingOperandIsNotAssessable() {
        let check = result(appeals([1, nil, 0, 0, 1]), "t4.review.total")
        XCTAssertEqual(check?.status, .notAssessable)
        XCTAssertNil(check?.expected)
    }

    func testIdentitiesWithNoFiguresAreNotListed() {
        XCTAssertNil(result(appeals([1, 0, 0, 0, 1]), "t3.balance.total"))
    }

    func testBlankTotalNextToNonZeroPartsBecomesNull() {
        var figures = appeals([1, 2, 0, 0, nil])
        figures["appeals.review.total"] = fig(0, .blankAsZero)
        let warnings = IdentityChecker.resolveBlankTotals(&figures, layout: .trial2019)
        XCTAssertNil(figures["appeals.review.total"]?.value)
        XCTAssertEqual(warnings.first?.code, "blank-total")
        XCTAssertEqual(result(figures, "t4.review.total")?.status, .notAssessable)
    }

    func testBlankTotalNextToZeroPartsIsZero() {
        var figures = appeals([0, 0, 0, 0, nil])
        figures["appeals.review.total"] = fig(0, .blankAsZero)
        XCTAssertTrue(IdentityChecker.resolveBlankTotals(&figures, layout: .trial2019).isEmpty)
        XCTAssertEqual(figures["appeals.review.total"]?.value, 0)
    }

    func testResultRowsDifferByLayout() {
        XCTAssertTrue(IdentityCatalog.resultRows(.trial2019).contains("otherHandling"))
        XCTAssertFalse(IdentityCatalog.resultRows(.trial2019).contains("otherHandling.other"))
        XCTAssertTrue(IdentityCatalog.resultRows(.revised2021).contains("otherHandling.other"))
        XCTAssertFalse(IdentityCatalog.resultRows(.revised2021).contains("otherHandling"))
        XCTAssertEqual(IdentityCatalog.resultRows(.trial2019).count, 19, "23 data rows less 一, 二, （七）, 四")
        XCTAssertEqual(IdentityCatalog.resultRows(.revised2021).count, 21, "25 data rows less 一, 二, （七）, 四")
    }
}
