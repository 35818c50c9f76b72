import XCTest
import GirconvCore

final class FigureCatalogTests: XCTestCase {
    /// Every path of the catalog has its own Chinese name: none falls back to the path, no two share one.
    func testEveryPathHasOneChineseName() {
        var seen: [String: String] = [:]
        for spec in FigureCatalog.all {
            XCTAssertNotEqual(spec.name, spec.path, "\(spec.path) has no Chinese name")
            XCTAssertFalse(spec.name.contains { $0.isASCII && $0.isLetter }, "\(spec.path): \(spec.name)")
            if let other = seen[spec.name], other != spec.path { XCTFail("\(spec.path) and \(other) are both named \(spec.name)") }
            seen[spec.name] = spec.path
        }
    }

    func testNamesReadAsTheFormPrintsThem() {
        XCTAssertEqual(FigureCatalog.spec(for: "requests.newReceived.naturalPerson")?.name, "本年新收申请·自然人")
        XCTAssertEqual(FigureCatalog.spec(for: "requests.denied.stateSecret.total")?.name, "不予公开·国家秘密·总计")
        XCTAssertEqual(FigureCatalog.spec(for: "appeals.litigationAfterReview.corrected")?.name, "行政诉讼（复议后起诉）·结果纠正")
        XCTAssertEqual(FigureCatalog.spec(for: "proactive.rules.inForce")?.name, "规章·现行有效")
        XCTAssertEqual(FigureCatalog.spec(for: "fees.collectedYuan")?.name, "依申请收取信息处理费（元）")
    }
}
