import Foundation
import XCTest
@testable import GirconvCore

final class NumberReaderTests: XCTestCase {
    func number(_ raw: String) -> Decimal? {
        if case let .number(value, _) = NumberReader.read(raw) { return value }
        return nil
    }

    func testPlainSignedAndGroupedNumbers() {
        XCTAssertEqual(number("0"), 0)
        XCTAssertEqual(number("12"), 12)
        XCTAssertEqual(number("-8"), -8)
        XCTAssertEqual(number("+1036"), 1036)
        XCTAssertEqual(number("1,036"), 1036)
        XCTAssertEqual(number("1,234,567.5"), Decimal(string: "1234567.5"))
        XCTAssertEqual(number("1862794.63"), Decimal(string: "1862794.63"))
        XCTAssertEqual(number("  13 "), 13)
        XCTAssertEqual(number("\u{00A0}13"), 13, "NBSP around a number")
        XCTAssertEqual(number("\u{3000}7\u{3000}"), 7, "ideographic spaces")
    }

    func testFullWidthDigitsSignsAndSeparators() {
        XCTAssertEqual(number("１２３"), 123)
        XCTAssertEqual(number("－５"), -5)
        XCTAssertEqual(number("１，２３４"), 1234)
        XCTAssertEqual(number("３.５"), Decimal(string: "3.5"))
    }

    func testUnits() {
        XCTAssertEqual(NumberReader.read("251000元"), .number(251000, unit: .yuan))
        XCTAssertEqual(NumberReader.read("25.1万元"), .number(Decimal(string: "25.1")!, unit: .wanYuan))
        XCTAssertEqual(NumberReader.read("25.1 万元"), .number(Decimal(string: "25.1")!, unit: .wanYuan))
        XCTAssertEqual(NumberReader.read("12件"), .number(12, unit: .counter))
        XCTAssertEqual(NumberReader.read("3人次"), .number(3, unit: .counter))
    }

    func testUnitConversionPerPathKind() {
        XCTAssertEqual(NumberReader.convert(Decimal(string: "25.1")!, unit: .wanYuan, to: .amountYuan), 251000)
        XCTAssertEqual(NumberReader.convert(400, unit: .yuan, to: .amountWanYuan), Decimal(string: "0.04"))
        XCTAssertEqual(NumberReader.convert(12, unit: .counter, to: .count), 12)
        XCTAssertNil(NumberReader.convert(12, unit: .yuan, to: .count), "money on a count path")
        XCTAssertNil(NumberReader.convert(12, unit: .counter, to: .amountYuan), "a count on a money path")
    }

    func testZeroAndAbsentMarkers() {
        XCTAssertEqual(NumberReader.read(""), .blank)
        XCTAssertEqual(NumberReader.read("   "), .blank)
        XCTAssertEqual(NumberReader.read("\u{00A0}"), .blank)
        XCTAssertEqual(NumberReader.read("—"), .dash)
        XCTAssertEqual(NumberReader.read("——"), .dash)
        XCTAssertEqual(NumberReader.read("-"), .dash)
        XCTAssertEqual(NumberReader.read("－"), .dash)
        XCTAssertEqual(NumberReader.read("无"), .noneWord)
        XCTAssertEqual(NumberReader.read("無"), .noneWord)
        XCTAssertEqual(NumberReader.read("/"), .notApplicable)
        XCTAssertEqual(NumberReader.read("／"), .notApplicable)
        XCTAssertEqual(NumberReader.read("不适用"), .notApplicable)
        // The special words' characters alone, spaced or traditional, still reach the word tests.
        XCTAssertEqual(NumberReader.read(" 沒有 "), .noneWord)
        XCTAssertEqual(NumberReader.read("没有"), .noneWord)
        XCTAssertEqual(NumberReader.read("不適用"), .notApplicable)
        XCTAssertEqual(NumberReader.read("　无　"), .noneWord)
        // Any other Han character makes a digit-less cell text, without folding it.
        for raw in ["无数据", "有", "不", "用", "不 适 用", "规章", "无/", "—无", "无無"] {
            XCTAssertEqual(NumberReader.read(raw), .text, raw)
        }
    }

    func testTextIsNotANumber() {
        for raw in ["1,23", "12,3456", "1.2.3", "约10", "10余", "规章", "2019年", "1-3", "..", "+", "1e5", "12 34"] {
            XCTAssertEqual(NumberReader.read(raw), .text, raw)
        }
    }

    func testPercentagesAreValuesButNeverFigures() {
        XCTAssertEqual(NumberReader.read("57.25%"), .percent(Decimal(string: "57.25")!))
        XCTAssertEqual(NumberReader.read("１００％"), .percent(100))
        XCTAssertEqual(NumberReader.read("约5%"), .text)
        XCTAssertTrue(FlattenedTextGridBuilder.isValue("57.25%"), "a 占比 cell is a value cell, not a label")
        let cell = GridCell(text: "57.25%", location: SourceLocation(), originRow: 0, originColumn: 0)
        let (figure, warning) = CellInterpreter.figure(for: "requests.newReceived.total", cell: cell, location: SourceLocation())
        XCTAssertNil(figure.value)
        XCTAssertEqual(warning?.code, "cell-percentage")
    }

    func cell(_ text: String) -> GridCell { GridCell(text: text, location: SourceLocation(), originRow: 0, originColumn: 0) }

    func testOverlongNumbersAreValuesButNeverFigures() {
        // Up to the limit a number is read exactly (15 digits, also after leading zeros and with decimals).
        XCTAssertEqual(NumberReader.maximumSignificantDigits, 15)
        XCTAssertEqual(NumberReader.read("999999999999999"), .number(999_999_999_999_999, unit: nil))
        XCTAssertEqual(NumberReader.read("000000000000000000000012"), .number(12, unit: nil))
        XCTAssertEqual(number("123456789012.345"), Decimal(string: "123456789012.345"))
        XCTAssertEqual(number("-999,999,999,999,999"), Decimal(string: "-999999999999999"))
        // Past it: a value (so a flattened row keeps its cells), but no figure.
        let nineteen = "1234567890123456789", thirty = "123456789012345678901234567890"
        for (raw, digits) in [(nineteen, 19), (thirty, 30), ("1000000000000000", 16), ("1,234,567,890,123,456,789", 19),
                              ("１２３４５６７８９０１２３４５６７８９", 19), ("-" + nineteen, 19), (nineteen + "件", 19),
                              ("1234567890123.456", 16), (nineteen + "%", 19), (String(repeating: "9", count: 45), 45),
                              ("1" + String(repeating: ",000", count: 14), 43)] {
            XCTAssertEqual(NumberReader.read(raw), .overlongNumber(significantDigits: digits), raw)
            XCTAssertTrue(FlattenedTextGridBuilder.isValue(raw), raw)
        }
        // Text stays text, however many digits it holds; so does a long rule of dashes (no digit at all).
        for raw in [nineteen + "abc", "约" + nineteen, nineteen + " " + nineteen, "编号" + String(repeating: "1", count: 50),
                    String(repeating: "-", count: 45)] {
            XCTAssertEqual(NumberReader.read(raw), .text, raw)
        }
    }

    func testOverlongNumberCellIsNullWithAWarningStatingTheLimit() {
        let location = SourceLocation(table: "表三", row: "一、本年新收政府信息公开申请数量", column: "自然人")
        for (raw, digits) in [("1234567890123456789", 19), ("123456789012345678901234567890", 30)] {
            let (figure, warning) = CellInterpreter.figure(for: "requests.newReceived.naturalPerson", cell: cell(raw), location: location)
            XCTAssertNil(figure.value, raw)
            XCTAssertEqual(figure.provenance.how, .unreadable)
            XCTAssertEqual(figure.provenance.raw, raw)
            XCTAssertEqual(warning?.code, "cell-unreadable")
            XCTAssertEqual(warning?.path, "requests.newReceived.naturalPerson")
            XCTAssertEqual(warning?.location, location)
            XCTAssertEqual(warning?.message, "requests.newReceived.naturalPerson: \"\(raw)\" has \(digits) significant digits, "
                           + "more than any figure has (at most 15); not read, and not rounded")
        }
    }

    /// "1.000" may be one thousand with a dot as thousands separator, or one: in a count it is neither
    /// (issue #15). Amounts keep their decimals.
    func testACountPrintedWithAPointIsNullWithAWarning() {
        let location = SourceLocation(table: "表三", row: "一、本年新收政府信息公开申请数量", column: "自然人")
        for raw in ["1.000", "12.00", "1.286", "１．０００", "3.5", "1.000件"] {
            let (figure, warning) = CellInterpreter.figure(for: "requests.newReceived.naturalPerson", cell: cell(raw), location: location)
            XCTAssertNil(figure.value, raw)
            XCTAssertEqual(figure.provenance.how, .unreadable, raw)
            XCTAssertEqual(warning?.code, "cell-unreadable", raw)
        }
        XCTAssertEqual(CellInterpreter.figure(for: "requests.newReceived.naturalPerson", cell: cell("1,000"), location: location).0.value, 1000)
        XCTAssertEqual(CellInterpreter.figure(for: "proactive.fees.amountWanYuan", cell: cell("1.000"), location: location).0.value, 1)
        XCTAssertEqual(CellInterpreter.figure(for: "fees.collectedYuan", cell: cell("25.1万元"), location: location).0.value, 251_000)
    }

    func testNegativeValueIsKeptAsPrintedAndFlaggedUnlessAChange() {
        let location = SourceLocation(table: "表二", row: "行政事业性收费", column: "本年收费金额（单位：万元）")
        for (path, raw, value, what) in [("proactive.fees.amountWanYuan", "-120", Decimal(-120), "an amount of money"),
                                         ("proactive.procurement.amountYuan", "－25.1万元", Decimal(-251_000), "an amount of money"),
                                         ("fees.collectedYuan", "-0.5", Decimal(string: "-0.5")!, "an amount of money"),
                                         ("requests.newReceived.total", "-3", Decimal(-3), "a count")] {
            let (figure, warning) = CellInterpreter.figure(for: path, cell: cell(raw), location: location)
            XCTAssertEqual(figure.value, value, raw)
            XCTAssertEqual(figure.provenance.how, .printed)
            XCTAssertEqual(figure.provenance.raw, raw)
            XCTAssertEqual(warning?.code, "value-negative", raw)
            XCTAssertEqual(warning?.path, path)
            XCTAssertEqual(warning?.location, location)
            XCTAssertEqual(warning?.message, "\(path): \"\(raw)\" is negative, which \(what) cannot be; kept as printed")
        }
        // A change (本年增/减) may be negative; zero, however signed, is not negative.
        let (change, changeWarning) = CellInterpreter.figure(for: "proactive.licensing.change", cell: cell("-8"), location: location)
        XCTAssertEqual(change.value, -8)
        XCTAssertNil(changeWarning)
        for raw in ["-0", "+5", "0.00"] {
            XCTAssertNil(CellInterpreter.figure(for: "proactive.fees.amountWanYuan", cell: cell(raw), location: location).1, raw)
        }
        XCTAssertEqual(FigureCatalog.all.filter { $0.kind.mayBeNegative }.map(\.path).sorted(),
                       ["proactive.enforcement.change", "proactive.fees.change", "proactive.licensing.change",
                        "proactive.otherServices.change", "proactive.penalties.change"])
    }
}

/// Unit words are compared only when the cell's last character could end one: for every ASCII character
/// and every unified ideograph the check skips, no unit word is a suffix (canonically) of a cell ending in it.
final class UnitSuffixPrefilterTests: XCTestCase {
    func testSkippedEndingsEndNoUnitWord() {
        let words = NumberReader.counters + ["万元", "元", "万"]
        var endings: [Unicode.Scalar] = (0x20..<0x80).compactMap { Unicode.Scalar(UInt32($0)) }.filter { !("0"..."9").contains($0) }
        endings += (0x4E00...0x9FFF).compactMap { Unicode.Scalar(UInt32($0)) }.filter { !NumberReader.unitEnds.contains($0.value) }
        for ending in endings {
            let cell = "12" + String(ending)
            XCTAssertFalse(words.contains { cell.hasSuffix($0) }, cell)
        }
        // A compatibility ideograph canonically equal to 次 is still compared, and read as a counter.
        XCTAssertEqual(NumberReader.read("12\u{2F8EF}"), .number(12, unit: .counter))
        XCTAssertEqual(NumberReader.read("12件"), .number(12, unit: .counter))
        XCTAssertEqual(NumberReader.read("2019年"), .text)
    }
}
