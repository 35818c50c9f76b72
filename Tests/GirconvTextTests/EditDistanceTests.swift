import XCTest
@testable import GirconvText

final class EditDistanceTests: XCTestCase {
    func testDistances() {
        XCTAssertEqual(EditDistance.between("starts", "strats"), 2)
        XCTAssertEqual(EditDistance.between("", "abc"), 3)
        XCTAssertEqual(EditDistance.between("rows", "rows"), 0)
        XCTAssertEqual(EditDistance.between("detcet", "detect"), 2)
        XCTAssertEqual(EditDistance.between("行政复议", "行政诉讼"), 2, "characters, not bytes")
    }

    func testNearestIsTheFirstOfEquals() {
        XCTAssertEqual(EditDistance.nearest(to: "validat", among: ["convert", "detect", "validate"])?.candidate, "validate")
        XCTAssertEqual(EditDistance.nearest(to: "ab", among: ["ax", "xb"])?.candidate, "ax")
        XCTAssertNil(EditDistance.nearest(to: "x", among: []))
    }
}
