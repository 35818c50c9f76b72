import Foundation
import XCTest
@testable import GirconvCore

/// Issue #17, point 3: a proposal of rows placed by position is kept only where the identities hold with
/// it and name every placed figure exactly. The rows, figures and identities are built here; every
/// expected value is the cell text the test gives.
final class PositionedRowCheckerTests: XCTestCase {
    func cell(_ text: String) -> GridCell {
        GridCell(text: text, location: SourceLocation(line: 7, offset: 0), originRow: 0, originColumn: 0)
    }

    func row(_ path: String, _ keys: [String], _ cells: [String], labelPrinted: Bool = false) -> PositionedRows.Row {
        PositionedRows.Row(rowText: path, cells: cells.map(cell),
                           columns: keys.map { FusedRow.Column(path: "\(path).\($0)", emits: true, allowsDecimal: false, label: $0) },
                           labelPrinted: labelPrinted)
    }

    func known(_ values: [String: Decimal]) -> [String: Figure] {
        values.mapValues { Figure(value: $0, provenance: Provenance(how: .printed, raw: "\($0)", location: SourceLocation())) }
    }

    func check(_ rows: [PositionedRows.Row], known: [String: Figure], _ identities: [SumIdentity]) -> FusedRowSolver.Outcome {
        PositionedRowChecker.check([PositionedRows(table: "附表", rows: rows)], known: known, identities: identities, kinds: { _ in .count })
    }

    /// Received 10 = in person 4 + online 6: a row "6" placed at online makes the sum hold.
    func testAnExactSumKeepsThePlacement() {
        let sum = SumIdentity(rule: "channels", description: "", totals: ["received"], parts: ["inPerson", "online"])
        let outcome = check([row("online", [""], ["6"]).withPaths(["online"])], known: known(["received": 10, "inPerson": 4]), [sum])
        XCTAssertEqual(outcome.figures["online"]?.value, 6)
        XCTAssertEqual(outcome.figures["online"]?.provenance.how, .byPosition)
        XCTAssertEqual(outcome.figures["online"]?.provenance.derivedFrom, ["channels"])
        XCTAssertEqual(outcome.usedRules, ["channels"])
        XCTAssertEqual(outcome.warnings.map(\.code), ["rows-by-position"])
    }

    /// Parts ≤ whole holds whatever the order of the parts: it does not place a row.
    func testPartsAtMostTheWholeAloneDoNotPlace() {
        let atMost = SumIdentity(rule: "channels", description: "", totals: ["received"], parts: ["inPerson", "online"], relation: .atMost)
        let outcome = check([row("online", [""], ["6"]).withPaths(["online"])], known: known(["received": 10, "inPerson": 4]), [atMost])
        XCTAssertNil(outcome.figures["online"]?.value)
        XCTAssertEqual(outcome.figures["online"]?.provenance.how, .unreadable)
        XCTAssertEqual(outcome.warnings.map(\.code), ["rows-not-placed"])
        XCTAssertTrue(outcome.warnings[0].message.contains("no sum across rows checks online (only channels)"), outcome.warnings[0].message)
        XCTAssertTrue(outcome.usedRules.isEmpty)
    }

    /// A row's own total holds wherever the row stands: it alone does not place the row.
    func testARowsOwnTotalAloneDoesNotPlace() {
        let total = SumIdentity(rule: "rowTotal", description: "", totals: ["row.total"], parts: ["row.a", "row.b"])
        let outcome = check([row("row", ["a", "b", "total"], ["1", "2", "3"])], known: [:], [total])
        XCTAssertNil(outcome.figures["row.total"]?.value)
        XCTAssertTrue(outcome.warnings[0].message.contains("no sum across rows checks row.a (only rowTotal)"), outcome.warnings[0].message)
    }

    /// An identity naming a figure that was not read cannot be checked: nothing is placed, and the row the
    /// values ran on from is null too.
    func testAnIdentityThatCannotBeCheckedPlacesNothing() {
        let sum = SumIdentity(rule: "channels", description: "", totals: ["received"], parts: ["inPerson", "online"])
        let outcome = check([row("inPerson", [""], ["4"], labelPrinted: true).withPaths(["inPerson"]), row("online", [""], ["6"]).withPaths(["online"])],
                            known: [:], [sum])
        XCTAssertNil(outcome.figures["inPerson"]?.value)
        XCTAssertNil(outcome.figures["online"]?.value)
        XCTAssertTrue(outcome.warnings[0].message.contains("channels cannot be checked"), outcome.warnings[0].message)
    }
}

private extension PositionedRows.Row {
    /// The row with its columns' paths replaced (a row of one column whose path is the row's own).
    func withPaths(_ paths: [String]) -> PositionedRows.Row {
        var row = self
        for (index, path) in paths.enumerated() { row.columns[index].path = path }
        return row
    }
}
