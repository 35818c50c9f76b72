import XCTest
@testable import GirconvCore

final class TextNormalizerTests: XCTestCase {
    func testTraditionalBecomesSimplifiedForMatching() {
        XCTAssertEqual(TextNormalizer.matchKey("政府信息公開工作年度報告"), "政府信息公开工作年度报告")
        XCTAssertEqual(TextNormalizer.matchKey("規範性檔案"), "规范性档案")
        XCTAssertTrue(TextNormalizer.isTraditional("葫蘆島市2017年度政府信息公開工作報告"))
        XCTAssertFalse(TextNormalizer.isTraditional("恩平市人民政府办公室2019年度政府信息公开工作年度报告"))
    }

    func testWidthQuotesSpacesAndDashesFold() {
        XCTAssertEqual(TextNormalizer.foldWidthAndPunctuation("（一）１２３：，"), "(一)123:,")
        XCTAssertEqual(TextNormalizer.foldWidthAndPunctuation("“三安全一稳定”"), "\"三安全一稳定\"")
        XCTAssertEqual(TextNormalizer.foldWidthAndPunctuation("a\u{00A0}b\u{3000}c"), "a b c")
        XCTAssertEqual(TextNormalizer.foldWidthAndPunctuation("—–－"), "---")
        XCTAssertEqual(TextNormalizer.foldWidthAndPunctuation("、"), "、", "the enumeration comma is kept")
        XCTAssertEqual(TextNormalizer.matchKey("商业 企业"), "商业企业", "labels split by spaces")
        XCTAssertEqual(TextNormalizer.matchKey("本年新\n制作数量"), "本年新制作数量")
    }

    func testEnumerationIsStripped() {
        XCTAssertEqual(TextNormalizer.labelKey("一、本年新收政府信息公开申请数量"), "本年新收政府信息公开申请数量")
        XCTAssertEqual(TextNormalizer.labelKey("（三）不予公开"), "不予公开")
        XCTAssertEqual(TextNormalizer.labelKey("(七)总计"), "总计")
        XCTAssertEqual(TextNormalizer.labelKey("3.其他"), "其他")
        XCTAssertEqual(TextNormalizer.labelKey("3、其他"), "其他")
        XCTAssertEqual(TextNormalizer.labelKey("１．属于国家秘密"), "属于国家秘密")
        XCTAssertEqual(TextNormalizer.labelKey("规章"), "规章")
        XCTAssertEqual(TextNormalizer.labelKey("(三)"), "")
    }

    func testLabelPatterns() {
        let pattern = LabelPattern(["规范性文件", "規範性檔案"])
        XCTAssertTrue(pattern.matches(key: TextNormalizer.labelKey("行政规范性文件")))
        XCTAssertTrue(pattern.matches(key: TextNormalizer.labelKey("規範性檔案")))
        let exact = LabelPattern(["其他"], mode: .equals)
        XCTAssertTrue(exact.matches(key: TextNormalizer.labelKey("3.其他")))
        XCTAssertFalse(exact.matches(key: TextNormalizer.labelKey("2.其他法律行政法规禁止公开")))
    }
}
