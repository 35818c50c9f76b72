import Foundation
import XCTest
@testable import GirconvCore
import GirconvText

/// `ReportDocument.textLines(joined:)` gives the HTML reader's lines without joining and splitting them
/// again: the same lines, numbers and offsets as `splitLines` of the joined text, or nil where a line holds
/// a break of its own.
final class TextLinesFromLinesTests: XCTestCase {
    func testAgreesWithSplittingTheJoinedText() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["", "a", "公开", "—", "…", " ", "表 | 1 | 2", "𠀀", "\u{2029}"]
        for _ in 0..<2_000 {
            let lines = (0..<Int.random(in: 0..<6, using: &generator)).map { _ in
                (0..<Int.random(in: 0..<4, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            }
            XCTAssertEqual(ReportDocument.textLines(joined: lines), ReportDocument.splitLines(lines.joined(separator: "\n")), "\(lines)")
        }
    }

    func testLinesWithBreaksOfTheirOwnAreLeftToSplitting() {
        for line in ["a\nb", "a\rb", "a\u{2028}b", "\r\n", "公开\u{2028}"] {
            XCTAssertNil(ReportDocument.textLines(joined: ["x", line]), line.debugDescription)
        }
        XCTAssertEqual(ReportDocument.textLines(joined: []), [])
        XCTAssertEqual(ReportDocument.textLines(joined: [""]), [])
    }
}

/// Grid cells keep numeric locations inline and others in a box: every way of making or changing a cell
/// must give back the location it was given.
final class GridCellLocationTests: XCTestCase {
    func testLocationsRoundTrip() {
        let numeric = SourceLocation(line: 12, tableIndex: 2, rowIndex: 3, columnIndex: 4)
        let direct = GridCell(text: "5", line: 12, tableIndex: 2, rowIndex: 3, columnIndex: 4, originRow: 2, originColumn: 3)
        let general = GridCell(text: "5", location: numeric, originRow: 2, originColumn: 3)
        XCTAssertEqual(direct, general)
        XCTAssertEqual(direct.location, numeric)
        let full = SourceLocation(table: "表三", row: "收到申请", column: "总计", sentence: "s", line: 1, offset: 9, page: 2,
                                  tableIndex: 1, rowIndex: 1, columnIndex: 1)
        var cell = GridCell(text: "x", location: full, originRow: 0, originColumn: 0)
        XCTAssertEqual(cell.location, full)
        let copy = cell
        cell.location.table = "表四"
        XCTAssertEqual(cell.location.table, "表四")
        XCTAssertEqual(copy.location, full, "a copy keeps its own location")
        cell.location = numeric
        XCTAssertEqual(cell.location, numeric)
        XCTAssertNotEqual(cell, copy)
        XCTAssertEqual(GridCell(text: "", line: nil, tableIndex: 1, rowIndex: 2, columnIndex: 3, originRow: 1, originColumn: 2).location,
                       SourceLocation(tableIndex: 1, rowIndex: 2, columnIndex: 3))
    }
}
