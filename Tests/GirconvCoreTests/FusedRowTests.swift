import Foundation
import XCTest
@testable import GirconvCore

/// Issue #17: rows whose cells were printed run together are split only where the report's own evidence
/// leaves one split. The rows and identities are built here; every expected split is worked out by hand
/// from the digits and the sums stated in the test.
final class FusedRowTests: XCTestCase {
    /// A row of `keys` below `path`, as a table of counts prints it.
    func row(_ path: String, _ keys: [String], _ runs: [String], decimal: Bool = false) -> FusedRow {
        FusedRow(table: "表三", rowText: path, runs: runs,
                 columns: keys.map { FusedRow.Column(path: "\(path).\($0)", emits: true, allowsDecimal: decimal, label: $0) },
                 location: SourceLocation(line: 1, offset: 0))
    }

    /// Σ parts = total for each row path (the row-total identity).
    func rowTotal(_ path: String, parts: [String], total: String = "total") -> SumIdentity {
        SumIdentity(rule: "rowTotal.\(path)", description: "", totals: ["\(path).\(total)"], parts: parts.map { "\(path).\($0)" })
    }

    static let seven = ["naturalPerson", "business", "research", "nonprofit", "legalService", "otherOrg", "total"]
    static let six = Array(seven.dropLast())

    func solve(_ rows: [FusedRow], _ identities: [SumIdentity], known: [String: Figure] = [:], stated: [String: Figure] = [:]) -> FusedRowSolver.Outcome {
        FusedRowSolver.solve(rows, known: known, stated: stated, identities: identities, kinds: { _ in .count })
    }

    func values(_ outcome: FusedRowSolver.Outcome, _ path: String, _ keys: [String] = seven) -> [Decimal?] {
        keys.map { outcome.figures["\(path).\($0)"]?.value }
    }

    func codes(_ outcome: FusedRowSolver.Outcome) -> [String] { outcome.warnings.map(\.code) }

    // MARK: One row

    func testAUniqueSplitByTheRowTotal() throws {
        // 713000074: 71 | 3 | 0 | 0 | 0 | 0 | 74 is the only split whose six parts add up to its last number.
        let outcome = solve([row("r", Self.seven, ["713000074"])], [rowTotal("r", parts: Self.six)])
        XCTAssertEqual(values(outcome, "r"), [71, 3, 0, 0, 0, 0, 74])
        XCTAssertEqual(codes(outcome), ["fused-row-recovered"])
        let figure = try XCTUnwrap(outcome.figures["r.total"])
        XCTAssertEqual(figure.provenance.how, .recovered)
        XCTAssertEqual(figure.provenance.raw, "713000074")
        XCTAssertEqual(figure.provenance.derivedFrom, ["rowTotal.r"])
        XCTAssertEqual(outcome.usedRules, ["rowTotal.r"])
    }

    func testSevenZerosInSevenColumnsAreForcedByTheDigits() throws {
        let outcome = solve([row("r", Self.seven, ["0000000"])], [])
        XCTAssertEqual(values(outcome, "r"), [0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(outcome.figures["r.business"]?.provenance.derivedFrom, ["digits"])
        XCTAssertTrue(outcome.usedRules.isEmpty)
    }

    func testAPartlySpacedRow() {
        // "230 000023": the space is a cell boundary; 23 | 0 and 0 | 0 | 0 | 0 | 23 is the only split adding up.
        let outcome = solve([row("r", Self.seven, ["230", "000023"])], [rowTotal("r", parts: Self.six)])
        XCTAssertEqual(values(outcome, "r"), [23, 0, 0, 0, 0, 0, 23])
    }

    func testAnAmbiguousRowIsNullWithItsSplitsListed() throws {
        // "1010" in a | b | total with a + b = total: 10 | (blank) | 10 and (blank) | 10 | 10.
        let outcome = solve([row("r", ["a", "b", "total"], ["1010"])], [rowTotal("r", parts: ["a", "b"])])
        XCTAssertEqual(values(outcome, "r", ["a", "b", "total"]), [nil, nil, nil])
        XCTAssertEqual(outcome.figures["r.a"]?.provenance.how, .unreadable)
        XCTAssertEqual(codes(outcome), ["fused-row-ambiguous"])
        let message = outcome.warnings[0].message
        XCTAssertTrue(message.contains("10 | (blank) | 10") && message.contains("(blank) | 10 | 10"), message)
        XCTAssertTrue(outcome.usedRules.isEmpty, "nothing was recovered")
    }

    func testAnInconsistentRowIsNull() {
        // "125" in a | b | total: 1 + 2 ≠ 5, 12 ≠ 5, 1 ≠ 25 …: no split adds up.
        let outcome = solve([row("r", ["a", "b", "total"], ["125"])], [rowTotal("r", parts: ["a", "b"])])
        XCTAssertEqual(values(outcome, "r", ["a", "b", "total"]), [nil, nil, nil])
        XCTAssertEqual(codes(outcome), ["fused-row-inconsistent"])
    }

    func testNoLeadingZerosAndPointsOnlyWhereTheColumnAllowsThem() {
        // Counts: "05" is no cell, so "105" in two columns is 10 | 5 or 1 | (0, 5 is not allowed) …
        let counts = solve([row("r", ["a", "b"], ["105"])], [])
        XCTAssertEqual(codes(counts), ["fused-row-ambiguous"], "10 | 5, 105 | (blank), (blank) | 105")
        // An amount: "12.5" in one money column with a blank beside it; 1 | 2.5 is as possible as 12.5 | (blank).
        let money = FusedRowSolver.solve([row("m", ["a", "b"], ["12.5"], decimal: true)], known: [:], stated: [:],
                                         identities: [SumIdentity(rule: "m", description: "", totals: ["m.b"], parts: ["m.a"])],
                                         kinds: { _ in .amountWanYuan })
        // b = a: only 12.5 printed once cannot be both; 1 | 2.5 fails too: inconsistent.
        XCTAssertEqual(codes(money), ["fused-row-inconsistent"])
        // In a count column, "12.5" cannot be split at the point at all.
        let count = solve([row("c", ["a", "b"], ["12.5"])], [])
        XCTAssertEqual(codes(count), ["fused-row-inconsistent"])
    }

    func testTheEnumerationIsBounded() {
        // 60 digits into 30 columns: far more splits than enumerated; null with a warning, quickly.
        let digits = String(repeating: "123456789", count: 6) + "123456"
        let keys = (1...30).map { "c\($0)" }
        let started = Date()
        let outcome = solve([row("r", keys, [digits])], [])
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        XCTAssertEqual(codes(outcome), ["fused-row-too-many"])
        XCTAssertTrue(keys.allSatisfy { outcome.figures["r.\($0)"]?.value == nil })
    }

    func testManyHostileRowsStayQuick() {
        // 300 rows of 30 digits: each row's search and the report's together are bounded.
        let rows = (0..<300).map { row("r\($0)", Self.seven, [String(repeating: "1203", count: 7) + "12"]) }
        let started = Date()
        let outcome = solve(rows, rows.indices.map { rowTotal("r\($0)", parts: Self.six) })
        XCTAssertLessThan(Date().timeIntervalSince(started), 20)
        XCTAssertFalse(outcome.figures.values.contains { $0.provenance.how == .recovered && $0.value == nil })
        XCTAssertEqual(outcome.warnings.count, 300, "one warning per row")
    }

    // MARK: Several rows

    func testColumnIdentitiesDecideWhatTheRowTotalCannot() {
        // Received "640020470" alone: 64 | 0 | 0 | 2 | 0 | 4 | 70 or, with a blank, 6 | 40 | 0 | 20 | 4 … (70 too).
        // The balance per column (received + carried over = handled + carried forward) with handled
        // 63 | 0 | 0 | 2 | 0 | 4 | 69 and forward 1 | 0 … | 1 printed leaves 64 only.
        let received = row("requests.newReceived", Self.seven, ["640020470"])
        let alone = solve([received], [rowTotal("requests.newReceived", parts: Self.six)])
        XCTAssertEqual(codes(alone), ["fused-row-ambiguous"])

        var known: [String: Figure] = [:]
        let handled: [Decimal] = [63, 0, 0, 2, 0, 4, 69], forward: [Decimal] = [1, 0, 0, 0, 0, 0, 1]
        func printed(_ v: Decimal) -> Figure { Figure(value: v, provenance: Provenance(how: .printed, raw: "", location: SourceLocation())) }
        for (index, key) in Self.seven.enumerated() {
            known["requests.handledTotal.\(key)"] = printed(handled[index])
            known["requests.carriedForward.\(key)"] = printed(forward[index])
            known["requests.carriedOver.\(key)"] = printed(0)
        }
        let identities = [rowTotal("requests.newReceived", parts: Self.six)] + IdentityCatalog.identities(for: .revised2021)
            .filter { $0.rule.hasPrefix("t3.balance.") }
        let outcome = solve([received], identities, known: known)
        XCTAssertEqual(values(outcome, "requests.newReceived"), [64, 0, 0, 2, 0, 4, 70])
        XCTAssertTrue(outcome.usedRules.contains("t3.balance.naturalPerson"), "\(outcome.usedRules)")
    }

    func testTwoUndecidedRowsAreSolvedJointly() {
        // Two rows a | b, and a column identity a1 + a2 = 11, b1 + b2 = 2 (totals printed). "101" is 10 | 1 or
        // 1 | 01 (no); "11" is 1 | 1 or 11 | (blank) or (blank) | 11. Jointly: 10 + 1 = 11 and 1 + 1 = 2.
        let first = row("x", ["a", "b"], ["101"]), second = row("y", ["a", "b"], ["11"])
        func printed(_ v: Decimal) -> Figure { Figure(value: v, provenance: Provenance(how: .printed, raw: "", location: SourceLocation())) }
        let identities = [
            SumIdentity(rule: "col.a", description: "", totals: ["sum.a"], parts: ["x.a", "y.a"]),
            SumIdentity(rule: "col.b", description: "", totals: ["sum.b"], parts: ["x.b", "y.b"]),
        ]
        let outcome = solve([first, second], identities, known: ["sum.a": printed(11), "sum.b": printed(2)])
        XCTAssertEqual(values(outcome, "x", ["a", "b"]), [10, 1])
        XCTAssertEqual(values(outcome, "y", ["a", "b"]), [1, 1])
        XCTAssertEqual(outcome.usedRules, ["col.a", "col.b"])
    }

    func testAFigureTheTextStatesNarrowsTheSplit() {
        // "5240" in made | repealed | inForce has many splits; the text says 5 were made and 240 are in force.
        let docs = row("d", ["made", "repealed", "inForce"], ["5240"])
        func stated(_ v: Decimal) -> Figure { Figure(value: v, provenance: Provenance(how: .printed, raw: "", location: SourceLocation())) }
        let outcome = solve([docs], [], stated: ["d.made": stated(5), "d.inForce": stated(240)])
        XCTAssertEqual(values(outcome, "d", ["made", "repealed", "inForce"]), [5, 0, 240], "5 | (blank) | 240")
        XCTAssertEqual(outcome.figures["d.made"]?.provenance.derivedFrom, ["text.d.inForce", "text.d.made"])
        // A statement no split meets is not used: the text may contradict the table.
        let contradicted = solve([docs], [], stated: ["d.made": stated(7)])
        XCTAssertEqual(codes(contradicted), ["fused-row-ambiguous"])
    }

    func testOnlyPrintedStatementsNarrow() {
        // "100" in a | b: 10 | 0, 100 | (blank), (blank) | 100. A sentence saying there was none of a
        // ("stated as none") is no printed figure: it does not choose (blank) | 100.
        let r = row("r", ["a", "b"], ["100"])
        let none = solve([r], [], stated: ["r.a": Figure(value: 0, provenance: Provenance(how: .statedZero, raw: "", location: SourceLocation()))])
        XCTAssertEqual(codes(none), ["fused-row-ambiguous"])
        XCTAssertNil(none.figures["r.a"]?.value)
        // A printed 10 does: 10 | 0.
        let printed = solve([r], [], stated: ["r.a": Figure(value: 10, provenance: Provenance(how: .printed, raw: "", location: SourceLocation()))])
        XCTAssertEqual(values(printed, "r", ["a", "b"]), [10, 0])
        XCTAssertEqual(printed.figures["r.a"]?.provenance.derivedFrom, ["text.r.a"])
    }

    func testContradictoryStatementsAboutARowAreNoneUsedWhateverTheirOrder() {
        // "5240" in made | repealed | inForce. made = 52 leaves 52 | 4 | 0, 52 | 40 | (blank), 52 | (blank) | 40;
        // inForce = 240 leaves 5 | (blank) | 240 only: no split meets both, so neither is used.
        let docs = row("d", ["made", "repealed", "inForce"], ["5240"])
        func stated(_ v: Decimal) -> Figure { Figure(value: v, provenance: Provenance(how: .printed, raw: "", location: SourceLocation())) }
        for _ in 0..<20 {
            // A fresh dictionary each time: its order differs between runs and between instances.
            var statements: [String: Figure] = [:]
            for (path, value) in [("d.made", Decimal(52)), ("d.inForce", Decimal(240))].shuffled() { statements[path] = stated(value) }
            let outcome = solve([docs], [], stated: statements)
            XCTAssertEqual(codes(outcome), ["fused-row-ambiguous"])
            XCTAssertNil(outcome.figures["d.made"]?.value)
            XCTAssertTrue(outcome.warnings[0].message.contains("d.inForce, d.made fit no split together and were not used"), outcome.warnings[0].message)
        }
    }

    func testACouplingConditionThatFailsWithTheChosenSplitsNullsThem() {
        // x "101" is 1 | 0 | 1 by its row total alone, y "202" 2 | 0 | 2: the column sum x.a + y.a = 5 (printed)
        // does not hold (1 + 2 = 3), so neither row's split is emitted.
        let x = row("x", ["a", "b", "total"], ["101"]), y = row("y", ["a", "b", "total"], ["202"])
        let identities = [rowTotal("x", parts: ["a", "b"]), rowTotal("y", parts: ["a", "b"]),
                          SumIdentity(rule: "col.a", description: "", totals: ["sum.a"], parts: ["x.a", "y.a"])]
        let alone = solve([x, y], Array(identities.prefix(2)))
        XCTAssertEqual(values(alone, "x", ["a", "b", "total"]), [1, 0, 1])
        let printed = Figure(value: 5, provenance: Provenance(how: .printed, raw: "", location: SourceLocation()))
        let outcome = solve([x, y], identities, known: ["sum.a": printed])
        XCTAssertEqual(codes(outcome), ["fused-row-inconsistent", "fused-row-inconsistent"])
        XCTAssertEqual(values(outcome, "x", ["a", "b", "total"]), [nil, nil, nil])
        XCTAssertEqual(values(outcome, "y", ["a", "b", "total"]), [nil, nil, nil])
        XCTAssertTrue(outcome.warnings[0].message.contains("col.a"), outcome.warnings[0].message)
        // Rows the digits alone decide are read as printed: "00" in a | b is 0 | 0 whatever the sums say.
        let zeros = solve([row("z", ["a", "b"], ["00"]), row("w", ["a", "b"], ["00"])],
                          [SumIdentity(rule: "col.z", description: "", totals: ["sum.a"], parts: ["z.a", "w.a"])], known: ["sum.a": printed])
        XCTAssertEqual(values(zeros, "z", ["a", "b"]), [0, 0])
    }

    func testASplitNotCheckedAgainstAConditionSkippedAtTheBoundIsNotEmitted() {
        // x "101" is 1 | 0 | 1 by its row total; y and z "1234567" have 1716 splits each into seven columns,
        // so x.a + y.c1 + z.c1 = 30 has 1716² combinations, beyond what is enumerated: never checked, x is null.
        let x = row("x", ["a", "b", "total"], ["101"])
        let keys = (1...7).map { "c\($0)" }
        let y = row("y", keys, ["1234567"]), z = row("z", keys, ["1234567"])
        let printed = Figure(value: 30, provenance: Provenance(how: .printed, raw: "", location: SourceLocation()))
        let identities = [rowTotal("x", parts: ["a", "b"]),
                          SumIdentity(rule: "col.c1", description: "", totals: ["sum"], parts: ["x.a", "y.c1", "z.c1"])]
        let outcome = solve([x, y, z], identities, known: ["sum": printed])
        XCTAssertEqual(values(outcome, "x", ["a", "b", "total"]), [nil, nil, nil])
        XCTAssertEqual(codes(outcome), ["fused-row-too-many", "fused-row-ambiguous", "fused-row-ambiguous"])
        XCTAssertTrue(outcome.warnings[0].message.contains("col.c1"), outcome.warnings[0].message)
        // Without the coupling condition x is recovered as before.
        XCTAssertEqual(values(solve([x, y, z], [identities[0]]), "x", ["a", "b", "total"]), [1, 0, 1])
    }

    /// Pre-2019 forms print this year | 历年累计 (cumulative): a layout declares year ≤ cumulative and
    /// parts ≤ whole as `atMost` identities, and they decide "4181509" (网站公开, whose enumerator "2." of the
    /// next row was already cut off) as 418 | 1509, given 主动公开 500 | 2000.
    func testAtMostIdentitiesOfATwoColumnForm() {
        let website = row("proactive.channels.website", ["year", "cumulative"], ["4181509"])
        func printed(_ v: Decimal) -> Figure { Figure(value: v, provenance: Provenance(how: .printed, raw: "", location: SourceLocation())) }
        let identities = [
            SumIdentity(rule: "form.yearWithinCumulative", description: "", totals: ["proactive.channels.website.cumulative"],
                        parts: ["proactive.channels.website.year"], relation: .atMost),
            SumIdentity(rule: "form.channelsWithinTotal.year", description: "", totals: ["proactive.total.year"],
                        parts: ["proactive.channels.website.year", "proactive.channels.gazette.year"], relation: .atMost),
            SumIdentity(rule: "form.channelsWithinTotal.cumulative", description: "", totals: ["proactive.total.cumulative"],
                        parts: ["proactive.channels.website.cumulative"], relation: .atMost),
        ]
        let outcome = solve([website], identities, known: ["proactive.total.year": printed(500), "proactive.total.cumulative": printed(2000)])
        XCTAssertEqual(values(outcome, "proactive.channels.website", ["year", "cumulative"]), [418, 1509])
        // Without the whole, year ≤ cumulative alone leaves 4 | 181509, 41 | 81509, 418 | 1509, (blank) | 4181509.
        let alone = solve([website], [identities[0]])
        XCTAssertEqual(codes(alone), ["fused-row-ambiguous"])
    }

    func testOnlyRunsOfDigitsFewerThanTheColumnsAreFused() {
        XCTAssertTrue(FusedRow.isFused(["640020470"], columnCount: 7))
        XCTAssertTrue(FusedRow.isFused(["230", "000023"], columnCount: 7))
        XCTAssertFalse(FusedRow.isFused(["1", "0", "2"], columnCount: 7), "single digits short of cells: a cell was lost")
        XCTAssertFalse(FusedRow.isFused(["12", "—"], columnCount: 7), "a dash is a cell, not digits")
        XCTAssertFalse(FusedRow.isFused(["13575394432.52元"], columnCount: 2), "a unit: not a run of digits")
        XCTAssertFalse(FusedRow.isFused(["1", "2", "3"], columnCount: 3), "as many cells as columns: read as printed")
    }
}
