import Foundation
import XCTest
@testable import GirconvCore
import GirconvText

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

    func testBlankTotalNextToNonZeroPartsIsDerived() {
        var figures = appeals([1, 2, 0, 0, nil])
        figures["appeals.review.total"] = fig(0, .blankAsZero)
        let warnings = IdentityChecker.resolveBlankTotals(&figures, layout: .trial2019)
        XCTAssertEqual(figures["appeals.review.total"]?.value, 3)
        XCTAssertEqual(figures["appeals.review.total"]?.provenance.how, .derived)
        XCTAssertEqual(warnings.first?.code, "blank-total-derived")
        XCTAssertEqual(result(figures, "t4.review.total")?.status, .notAssessable, "a total derived from its parts proves nothing")
    }

    func testStrictModeKeepsABlankTotalNull() {
        var figures = appeals([1, 2, 0, 0, nil])
        figures["appeals.review.total"] = fig(0, .blankAsZero)
        let warnings = IdentityChecker.resolveBlankTotals(&figures, layout: .trial2019, strict: true)
        XCTAssertNil(figures["appeals.review.total"]?.value)
        XCTAssertEqual(warnings.first?.code, "blank-total")
        XCTAssertEqual(result(figures, "t4.review.total")?.status, .notAssessable)
    }

    func testBlankTotalWithAnUnknownPartStaysNull() {
        var figures = appeals([1, nil, 0, 0, nil])
        figures["appeals.review.total"] = fig(0, .blankAsZero)
        _ = IdentityChecker.resolveBlankTotals(&figures, layout: .trial2019)
        XCTAssertNil(figures["appeals.review.total"]?.value)
    }

    func testPartsAtMostWhole() {
        var figures: [String: Figure] = ["requests.newReceived.total": fig(10), "requests.channels.online": fig(6), "requests.channels.letter": fig(3)]
        func status() -> CheckStatus? { IdentityChecker.evaluate(figures, layout: .pre2019Narrative).first { $0.rule == "pre.requests.channels" }?.status }
        XCTAssertEqual(status(), .pass, "stated parts may be fewer than all")
        figures["requests.channels.inPerson"] = fig(2)
        XCTAssertEqual(status(), .fail)
        figures["requests.newReceived.total"] = nil
        XCTAssertEqual(status(), .notAssessable)
        XCTAssertNil(IdentityChecker.evaluate(["requests.denied.total": fig(3)], layout: .pre2019Narrative).first { $0.rule == "pre.requests.denialReasons" },
                     "no part stated: not listed")
    }

    func testStatedShares() {
        let figures: [String: Figure] = ["requests.granted.total": fig(1345), "requests.responded.total": fig(3228)]
        func check(_ percent: String, _ decimals: Int) -> CheckStatus? {
            IdentityChecker.evaluateShares([StatedShare(path: "requests.granted.total", wholePath: "requests.responded.total",
                                                        percent: Decimal(string: percent)!, decimals: decimals, location: SourceLocation())], figures).first?.status
        }
        XCTAssertEqual(check("41.67", 2), .pass)
        XCTAssertEqual(check("42", 0), .pass)
        XCTAssertEqual(check("41.7", 1), .pass)
        XCTAssertEqual(check("40.67", 2), .fail)
        XCTAssertEqual(IdentityChecker.evaluateShares([StatedShare(path: "requests.granted.total", wholePath: "requests.newReceived.total",
                                                                  percent: 50, decimals: 0, location: SourceLocation())], figures).first?.status, .notAssessable)
    }

    func testTextStatementsAgainstTables() {
        let checks = IdentityChecker.evaluateText(["requests.newReceived.total": fig(45)], ["requests.newReceived.total": fig(47)])
        XCTAssertEqual(checks.first?.status, .fail)
        XCTAssertEqual(checks.first?.expected, 45)
        XCTAssertEqual(checks.first?.found, 47)
    }

    func testGroupRowsDerivedOnlyWhenEveryChildIsKnown() {
        var figures: [String: Figure] = [:]
        for (i, child) in ["notHeld", "needsCreation", "stillUnclear"].enumerated() {
            figures["requests.unableToProvide.\(child).total"] = fig(Decimal(i + 1))
        }
        IdentityChecker.deriveGroups(&figures, layout: .trial2019)
        XCTAssertEqual(figures["requests.unableToProvide.total"]?.value, 6)
        XCTAssertNil(figures["requests.unableToProvide.naturalPerson"])
        XCTAssertNil(figures["requests.denied.total"])
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

/// Identity sums add whole numbers as integers: the same values as Decimal addition, and the same
/// spelling, for whole numbers, fractions, negatives and sums past 64 bits.
final class IntegerSumTests: XCTestCase {
    func testSumsAgreeWithDecimalAddition() {
        var generator = SystemRandomNumberGenerator()
        let pool: [Decimal] = [0, 1, 7, 1200, -35, 65536, Decimal(Int64.max), Decimal(Int64.max) - 1, Decimal(Int64.min),
                               Decimal(string: "0.12")!, Decimal(string: "25.1")!, Decimal(string: "1e20")!, Decimal(UInt64.max)]
        for _ in 0..<5_000 {
            var figures: [String: Figure] = [:]
            var paths: [String] = []
            for i in 0..<Int.random(in: 0...6, using: &generator) {
                let value = Bool.random(using: &generator) ? pool.randomElement(using: &generator)!
                    : Decimal(Int.random(in: -100_000...100_000, using: &generator))
                figures["p\(i)"] = Figure(value: value, provenance: Provenance(how: .printed, raw: "", location: SourceLocation()))
                paths.append("p\(i)")
            }
            var expected = Decimal(0)
            for path in paths { expected += figures[path]!.value! }
            let found = IdentityChecker.sum(paths, figures)
            XCTAssertEqual(found, expected, "\(paths.map { figures[$0]!.value! })")
            XCTAssertEqual(found.map { "\($0)" }, "\(expected)")
        }
        XCTAssertNil(IdentityChecker.sum(["missing"], [:]))
        XCTAssertEqual(DecimalText.wholeNumber(Decimal(string: "12e2")!), 1200)
        XCTAssertNil(DecimalText.wholeNumber(Decimal(string: "0.5")!))
        XCTAssertNil(DecimalText.wholeNumber(.nan))
    }
}
