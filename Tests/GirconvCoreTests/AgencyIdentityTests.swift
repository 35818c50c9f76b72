import Foundation
import XCTest
@testable import GirconvCore

final class AgencyIdentityTests: XCTestCase {
    func key(_ name: String) -> String { AgencyIdentity.key(name) }

    func testAPrefectureBeforeADistrictIsDropped() {
        XCTAssertEqual(key("淮安市洪泽区人民政府"), key("洪泽区人民政府"))
        XCTAssertEqual(key("江苏省淮安市洪泽区人民政府"), key("洪泽区人民政府"))
        XCTAssertEqual(key("淮安市 洪泽区人民政府"), key("洪泽区人民政府"), "spaces fold")
        XCTAssertEqual(key("上海市浦东新区人民政府"), key("浦东新区人民政府"))
        XCTAssertEqual(key("徐州市沛县人民政府"), key("沛县人民政府"), "a one-character county")
        XCTAssertEqual(key("江苏省淮安市人民政府"), key("淮安市人民政府"), "a province before a prefecture")
        XCTAssertEqual(key("淮安市洪泽区交通运输局"), key("洪泽区交通运输局"))
    }

    func testGovernmentIsPeoplesGovernment() {
        XCTAssertEqual(key("洪泽区政府"), key("洪泽区人民政府"))
        XCTAssertEqual(key("淮安市洪泽区政府办公室"), key("洪泽区人民政府办公室"))
    }

    func testDifferentAgenciesStayApart() {
        XCTAssertNotEqual(key("淮安市人民政府"), key("洪泽区人民政府"), "the city is not its district")
        XCTAssertNotEqual(key("淮安市人民政府"), key("淮安市洪泽区人民政府"))
        XCTAssertNotEqual(key("洪泽区人民政府"), key("洪泽区人民政府办公室"), "the government is not its office")
        XCTAssertNotEqual(key("淮安市市场监督管理局"), key("宿迁市市场监督管理局"), "市场 is no place")
        XCTAssertNotEqual(key("淮安市城市管理局"), key("宿迁市城市管理局"), "城市 is no place")
        XCTAssertNotEqual(key("淮安市经济技术开发区管理委员会"), key("宿迁市经济技术开发区管理委员会"), "a zone is no district")
        XCTAssertNotEqual(key("淮安高新区管委会"), key("宿迁高新区管委会"))
        XCTAssertNotEqual(key("淮安市生态环境局洪泽区分局"), key("洪泽区分局"), "an agency's name is no place")
        XCTAssertNotEqual(key("淮阴区人民政府"), key("洪泽区人民政府"))
    }

    /// The documented limit: two districts of one name under two prefectures are one key.
    func testSameNamedDistrictsOfTwoCitiesCannotBeToldApart() {
        XCTAssertEqual(key("淮安市洪泽区人民政府"), key("宿迁市洪泽区人民政府"))
    }

    func testForcedAgencyAndUnknownAgency() {
        let forced = AgencyIdentity(forced: "洪泽区人民政府")
        XCTAssertEqual(forced.key(of: "淮阴区人民政府"), forced.key(of: nil))
        XCTAssertNil(AgencyIdentity().key(of: nil))
        XCTAssertNil(AgencyIdentity().key(of: ""))
    }
}
