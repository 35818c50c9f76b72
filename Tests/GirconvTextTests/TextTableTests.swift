import XCTest
@testable import GirconvText

final class TextTableTests: XCTestCase {
    func testColumnsAlignAsATerminalShowsThem() {
        let table = TextTable(header: ["figure", "2023", "2024"],
                              rows: [["本年新收申请·总计", "21", "95"], ["行政许可", "550", "9487"]], rightAligned: [1, 2])
        XCTAssertEqual(table.lines(indent: "  "), [
            "  figure             2023  2024",
            "  本年新收申请·总计    21    95",
            "  行政许可            550  9487",
        ])
    }

    func testDisplayWidth() {
        XCTAssertEqual(TextTable.displayWidth("abc"), 3)
        XCTAssertEqual(TextTable.displayWidth("洪泽区"), 6)
        XCTAssertEqual(TextTable.displayWidth("（六）"), 6, "full-width brackets are wide")
        XCTAssertEqual(TextTable.displayWidth("—"), 1, "an em dash is narrow in terminals")
        XCTAssertEqual(TextTable.displayWidth("e\u{301}"), 1, "a combining mark takes no column")
    }
}
