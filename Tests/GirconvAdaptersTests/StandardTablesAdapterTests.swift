import Foundation
import XCTest
@testable import GirconvLayouts
@testable import GirconvAdapters
import GirconvCore
import GirconvText

/// Rules of the standard-table adapter on small hand-made inputs, including the ugly cases.
final class StandardTablesAdapterTests: XCTestCase {
    let registry = BuiltinAdapters.registry()

    func convert(_ text: String, name: String = "t.txt") throws -> CanonicalRecord {
        try registry.convert(RawInput(name: name, bytes: Array(text.utf8)))
    }

    func sample(_ name: String) throws -> String {
        try String(contentsOf: GoldenSampleTests.samples.appendingPathComponent(name), encoding: .utf8)
    }

    func value(_ record: CanonicalRecord, _ path: String) -> Decimal? { record.figures[path]?.value }

    func testSeedEnpingHeadlineFigures() throws {
        let record = try convert(try sample("enping-2019-office.txt"))
        XCTAssertEqual(record.detection.adapter, "2019-trial")
        XCTAssertEqual(record.figures.count, 220, "198 table cells, the fees sentence and 3 derived group rows × 7")
        XCTAssertEqual(record.figures["fees.collectedYuan"]?.provenance.how, .statedZero)
        XCTAssertEqual(value(record, "requests.newReceived.total"), 2)
        XCTAssertEqual(value(record, "proactive.procurement.amountYuan"), Decimal(string: "1862794.63"))
        XCTAssertEqual(value(record, "proactive.otherServices.previousYear"), 15)
        XCTAssertEqual(value(record, "proactive.normativeDocs.publicTotal"), 13)
        XCTAssertTrue(record.checks.allSatisfy { $0.status == .pass })
        XCTAssertTrue(record.warnings.isEmpty, "\(record.warnings)")
    }

    func testDetectionTellsLayoutsApartByHeadersNotYear() throws {
        // A 2021-layout table under a title that says 2020: headers decide.
        var text = try sample("constructed-2021-county-transport.txt")
        text = text.replacingOccurrences(of: "2021年政府信息公开工作年度报告", with: "2020年政府信息公开工作年度报告")
        let record = try convert(text)
        XCTAssertEqual(record.report.layout, .revised2021)
        XCTAssertEqual(record.report.year, 2020)
        XCTAssertTrue(record.detection.evidence.contains("本年制发件数"))
        XCTAssertEqual(record.detection.candidates.first?.adapter, "2019-trial")
    }

    func testOtherLayoutsAreRefusedWithWhatWasSeen() throws {
        XCTAssertThrowsError(try convert("A letter about nothing in particular.\nSecond line.\n")) { error in
            guard case let .noLayoutRecognised(_, seen)? = error as? GirconvError else { return XCTFail("\(error)") }
            XCTAssertTrue(seen.contains("lines, text/plain"), seen)
        }
        // A notice that mentions 政务公开 is no report at all (#15): it says what it lacks.
        XCTAssertThrowsError(try convert(try sample("not-a-report-notice.txt"))) { error in
            guard case let .notAReport(_, reason)? = error as? GirconvError else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("section headings"), reason)
        }
    }

    func testTwentyTwentyOneOtherHandlingRowsAndFees() throws {
        let record = try convert(try sample("constructed-2021-county-transport.txt"))
        XCTAssertEqual(value(record, "requests.otherHandling.noCorrection.total"), 1)
        XCTAssertEqual(value(record, "requests.otherHandling.feeUnpaid.total"), 0)
        XCTAssertEqual(value(record, "requests.otherHandling.other.total"), 0)
        XCTAssertEqual(record.figures["requests.otherHandling.total"]?.provenance.how, .derived, "2021 has no （六） row of its own")
        XCTAssertEqual(value(record, "proactive.fees.amountWanYuan"), Decimal(string: "3.5"))
        XCTAssertEqual(value(record, "proactive.licensing.decisions"), 1286)
        XCTAssertEqual(record.figures["proactive.enforcement.decisions"]?.provenance.how, .dashAsZero)
        XCTAssertEqual(record.figures["requests.denied.thirdPartyRights.business"]?.provenance.how, .blankAsZero)
        XCTAssertEqual(record.figures.count, 229, "200 table cells, the fees sentence and 4 derived group rows × 7")
    }

    func testPipeJoinedRowsSignsUnitsAndNotApplicable() throws {
        let record = try convert(try sample("constructed-2020-city-environment-pipes.txt"))
        XCTAssertEqual(value(record, "proactive.licensing.change"), -8)
        XCTAssertEqual(value(record, "proactive.otherServices.change"), 1)
        XCTAssertEqual(value(record, "proactive.licensing.decisions"), 1036)
        XCTAssertEqual(value(record, "proactive.procurement.amountYuan"), 251000)
        XCTAssertEqual(record.figures["proactive.enforcement.decisions"]?.provenance.how, .notApplicable)
        XCTAssertNil(value(record, "proactive.enforcement.decisions"))
        XCTAssertEqual(value(record, "appeals.litigationDirect.upheld"), 1)
    }

    func testBlankTotalWithNonZeroPartsIsNeverZero() throws {
        // Derived as the sum of its parts, flagged, and its own row identity is not counted as a pass.
        let record = try convert(try sample("constructed-2020-city-environment-pipes.txt"))
        XCTAssertEqual(value(record, "requests.granted.total"), 5)
        XCTAssertEqual(record.figures["requests.granted.total"]?.provenance.how, .derived)
        XCTAssertEqual(record.figures["requests.granted.total"]?.provenance.derivedFrom.count, 6)
        XCTAssertTrue(record.warnings.contains { $0.code == "blank-total-derived" && $0.path == "requests.granted.total" })
        XCTAssertEqual(record.checks.first { $0.rule == "t3.rowTotal.granted" }?.status, .notAssessable)
        XCTAssertEqual(record.checks.first { $0.rule == "t3.handledTotal.total" }?.status, .pass, "the derived total takes part in other sums")

        // --strict keeps it absent.
        let strict = try registry.convert(RawInput(name: "t.txt", bytes: Array(try sample("constructed-2020-city-environment-pipes.txt").utf8)), strict: true)
        XCTAssertNil(value(strict, "requests.granted.total"))
        XCTAssertTrue(strict.warnings.contains { $0.code == "blank-total" && $0.path == "requests.granted.total" })
        XCTAssertNil(strict.figures["requests.denied.total"], "no derived group rows in strict mode")
    }

    func testGroupRowsAreDerivedFromTheirChildren() throws {
        let record = try convert(try sample("constructed-2021-county-transport.txt"))
        let group = try XCTUnwrap(record.figures["requests.unableToProvide.total"])
        XCTAssertEqual(group.value, 4)
        XCTAssertEqual(group.provenance.how, .derived)
        XCTAssertEqual(group.provenance.derivedFrom, ["requests.unableToProvide.notHeld.total", "requests.unableToProvide.needsCreation.total",
                                                     "requests.unableToProvide.stillUnclear.total"])
        XCTAssertEqual(value(record, "requests.otherHandling.total"), 1)
    }

    func testTraditionalCharactersAndMirrorTerms() throws {
        var text = try sample("enping-2019-office.txt")
        for (simplified, traditional) in [("规范性文件", "規範性檔案"), ("行政许可", "行政許可"), ("本年新收政府信息公开申请数量", "本年新收政府信息公開申請數量"),
                                          ("政府信息公开工作年度报告", "政府信息公開工作年度報告"), ("结转下年度继续办理", "結轉下年度繼續辦理")] {
            text = text.replacingOccurrences(of: simplified, with: traditional)
        }
        let record = try convert(text)
        XCTAssertEqual(record.report.script, .traditional)
        XCTAssertEqual(value(record, "proactive.normativeDocs.publicTotal"), 13)
        XCTAssertEqual(value(record, "requests.newReceived.total"), 2)
        XCTAssertEqual(record.figures["proactive.normativeDocs.made"]?.provenance.location.row, "規範性檔案", "quoted as printed")
        XCTAssertEqual(record.report.title, "恩平市人民政府办公室2019年度政府信息公開工作年度報告")
    }

    func testLostBlankCellsMakeTheRowNullNotShifted() throws {
        // Two of table 三's cells vanished in flattening: which ones cannot be known.
        var text = try sample("enping-2019-office.txt")
        text = text.replacingOccurrences(of: "  (一)予以公开\n\n  1\n\n  0\n\n  0\n\n", with: "  (一)予以公开\n\n  1\n\n")
        let record = try convert(text)
        for column in ["naturalPerson", "business", "total"] {
            XCTAssertNil(value(record, "requests.granted.\(column)"))
            XCTAssertEqual(record.figures["requests.granted.\(column)"]?.provenance.how, .unreadable)
        }
        XCTAssertTrue(record.warnings.contains { $0.code == "row-incomplete" })
        XCTAssertEqual(value(record, "requests.partiallyGranted.total"), 1, "the next row is unaffected")
    }

    func testUnreadableCellIsNullWithWarning() throws {
        let text = try sample("enping-2019-office.txt").replacingOccurrences(of: "  41\n", with: "  41个\n")
            .replacingOccurrences(of: "  15\n", with: "  约15\n")
        let record = try convert(text)
        XCTAssertEqual(value(record, "proactive.procurement.projects"), 41, "a counting word after a count is fine")
        // "约15" is prose, not a value: the row loses a cell and is flagged rather than misread.
        XCTAssertNil(value(record, "proactive.otherServices.previousYear"))
        XCTAssertFalse(record.warnings.isEmpty)
    }

    func testMissingTablesAreWarnedAbout() throws {
        let text = try sample("enping-2019-office.txt")
        let cut = text.components(separatedBy: "四、政府信息公开行政复议")[0]
        let record = try convert(cut)
        XCTAssertNil(record.figures["appeals.review.total"])
        XCTAssertTrue(record.warnings.contains { $0.code == "rows-not-found" && $0.message.contains("表四") })
    }

    func testArticleBlockLabelsMatchWithAndWithoutParentheses() throws {
        let spec = try XCTUnwrap(Self.builtinSpec("2021-revised").tables.first)
        let item5 = try XCTUnwrap(spec.sections.first { $0.id == "item5" }?.labels)
        XCTAssertTrue(item5.matches(TextNormalizer.labelKey("第二十条第（五）项")))
        XCTAssertTrue(item5.matches(TextNormalizer.labelKey("第二十条第五项")))
        XCTAssertFalse(item5.matches(TextNormalizer.labelKey("信息内容")))
    }

    func testApplicantColumnOrderFromHeader() throws {
        let columns = try XCTUnwrap(Self.builtinSpec("2021-revised").tables.first { $0.name == "表三" }?.columns)
        let keys = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
        let order = TableReader.headerOrder(keys, columns: columns)
        XCTAssertEqual(order?.map(\.column.key), ["naturalPerson", "business", "research", "nonprofit", "legalService", "otherOrg", "total"])
        // Printed in another order: the header decides.
        let swapped = ["商业企业", "自然人"] + keys.dropFirst(2)
        XCTAssertEqual(TableReader.headerOrder(swapped, columns: columns)?.prefix(2).map(\.column.key), ["business", "naturalPerson"])
        // Not every column named, or a column named twice: no order.
        XCTAssertNil(TableReader.headerOrder(Array(keys.dropLast()) + ["合计外"], columns: columns))
        XCTAssertNil(TableReader.headerOrder(keys + ["自然人"], columns: columns))
    }

    static func builtinSpec(_ id: String) throws -> LayoutSpec {
        try XCTUnwrap(BuiltinAdapters.layoutLibrary().layouts.first { $0.spec.id == id }?.spec)
    }
}

extension StandardTablesAdapterTests {
    func testUnitStatedInTheHeaderAppliesToBareCells() throws {
        let text = try sample("constructed-2020-city-environment-pipes.txt")
            .replacingOccurrences(of: "| 采购项目数量 | 采购总金额 |", with: "| 采购项目数量 | 采购总金额（万元） |")
            .replacingOccurrences(of: "| 7 | 25.1万元 |", with: "| 7 | 25.1 |")
        let record = try convert(text)
        XCTAssertEqual(value(record, "proactive.procurement.amountYuan"), 251000)
        XCTAssertEqual(record.figures["proactive.procurement.amountYuan"]?.provenance.location.column, "采购总金额（万元）")
        XCTAssertEqual(record.figures["proactive.procurement.amountYuan"]?.provenance.raw, "25.1")
    }

    func testHTMLTablesInAnyBlockOrderAndOneCombinedTable() throws {
        let gbk = try Data(contentsOf: GoldenSampleTests.samples.appendingPathComponent("constructed-2019-district-office-gbk-word.html"))
        let record = try registry.convert(RawInput(name: "p.html", bytes: [UInt8](gbk)))
        XCTAssertEqual(record.source.encoding, "GB18030")
        XCTAssertEqual(value(record, "proactive.penalties.change"), -2, "block 六 printed before 五")
        XCTAssertEqual(value(record, "proactive.licensing.decisions"), 3212)
        XCTAssertEqual(record.figures["proactive.otherServices.previousYear"]?.provenance.how, .blankAsZero)
        XCTAssertEqual(record.figures["requests.carriedOver.business"]?.provenance.how, .blankAsZero)
        XCTAssertEqual(record.figures["requests.denied.endangersSafety.total"]?.provenance.location.tableIndex, 2)
        XCTAssertEqual(record.report.title, "示例市玥湖区人民政府办公室2019年政府信息公开工作年度报告")

        let spans = try Data(contentsOf: GoldenSampleTests.samples.appendingPathComponent("constructed-2022-city-hrss-spans.html"))
        let revised = try registry.convert(RawInput(name: "q.html", bytes: [UInt8](spans)))
        XCTAssertEqual(revised.report.layout, .revised2021)
        XCTAssertEqual(value(revised, "requests.otherHandling.other.naturalPerson"), 1)
        XCTAssertEqual(value(revised, "appeals.litigationDirect.total"), 3, "table 四 inside the table 三 grid")
        XCTAssertTrue(revised.checks.allSatisfy { $0.status == .pass })
    }
}

extension StandardTablesAdapterTests {
    /// Found by fuzzing: a 行政复议 marker with no table 三 marker before it made an inverted range.
    func testMissingTableMarkersNeverCrash() throws {
        for text in ["行政复议\n1\n", "第二十条第(一)项\n行政复议\n2\n本年新收\n", "本年新收\n行政复议\n第二十条第(五)项\n", ""] {
            let source = SourceInfo(name: "t", sha256: "", mediaType: "text/plain", encoding: "UTF-8", byteCount: 0)
            let lines = ReportDocument.splitLines(text)
            let document = ReportDocument(source: source, text: text, lines: lines, tables: [FlattenedTextGridBuilder.build(lines: lines)])
            for adapter in ["2019-trial", "2021-revised"] {
                XCTAssertNoThrow(try registry.convert(document, forcing: adapter), text)
            }
        }
    }
}

/// Numbers too long to be a figure: one null cell with a warning, never a broken row.
extension StandardTablesAdapterTests {
    static let overlongNumbers = [(raw: "1234567890123456789", digits: 19), (raw: "123456789012345678901234567890", digits: 30)]

    /// The cell at `path` is null with a `cell-unreadable` warning naming it; the row's other cells read.
    func assertOnlyCellUnreadable(_ record: CanonicalRecord, _ path: String, raw: String, digits: Int, row: String, column: String,
                                  others: [String: Decimal], _ context: String) {
        let figure = record.figures[path]
        XCTAssertNotNil(figure, context)
        XCTAssertNil(figure?.value, context)
        XCTAssertEqual(figure?.provenance.how, .unreadable, context)
        XCTAssertEqual(figure?.provenance.raw, raw, context)
        let warnings = record.warnings.filter { $0.path == path }
        XCTAssertEqual(warnings.map(\.code), ["cell-unreadable"], context)
        XCTAssertEqual(warnings.first?.message, "\(path): \"\(raw)\" has \(digits) significant digits, more than any figure has (at most 15); not read, and not rounded", context)
        XCTAssertEqual(warnings.first?.location?.row, row, context)
        XCTAssertEqual(warnings.first?.location?.column, column, context)
        for (other, value) in others { XCTAssertEqual(self.value(record, other), value, "\(context): \(other)") }
        XCTAssertFalse(record.warnings.contains { ["rows-not-found", "row-unrecognised", "row-incomplete"].contains($0.code) },
                       "\(context): \(record.warnings.map(\.code))")
    }

    func testOverlongNumberInAFlattenedTextCellIsNullAndTheRowStillReads() throws {
        let text = try sample("constructed-2021-county-transport.txt")
        let oneCellPerLine = "  一、本年新收政府信息公开申请数量\n\n  11\n\n  2\n\n  0\n\n  0\n\n  0\n\n  0\n\n  13\n"
        XCTAssertTrue(text.contains(oneCellPerLine))
        let row = "一、本年新收政府信息公开申请数量"
        let others: [String: Decimal] = ["requests.newReceived.business": 2, "requests.newReceived.total": 13,
                                         "requests.carriedOver.naturalPerson": 1, "requests.granted.total": 6]
        for (raw, digits) in Self.overlongNumbers {
            // One cell per line, and the same row printed "label v1 v2 …" on one line (PDF layout text).
            let variants = [("one cell per line", oneCellPerLine.replacingOccurrences(of: "  11\n", with: "  \(raw)\n")),
                            ("spaced row", "  \(row) \(raw) 2 0 0 0 0 13\n")]
            for (layout, replacement) in variants {
                let record = try convert(text.replacingOccurrences(of: oneCellPerLine, with: replacement))
                assertOnlyCellUnreadable(record, "requests.newReceived.naturalPerson", raw: raw, digits: digits, row: row, column: "自然人",
                                         others: others, "\(layout), \(digits) digits")
            }
        }
        // Pipe- and tab-joined rows.
        let pipes = try sample("constructed-2020-city-environment-pipes.txt")
        let browserCopy = try sample("constructed-2022-city-hrss-browser-copy.txt")
        for (raw, digits) in Self.overlongNumbers {
            let piped = try convert(pipes.replacingOccurrences(of: "| \(row) | 9 | 1 |", with: "| \(row) | 9 | \(raw) |"))
            assertOnlyCellUnreadable(piped, "requests.newReceived.business", raw: raw, digits: digits, row: row, column: "商业企业",
                                     others: ["requests.newReceived.naturalPerson": 9, "requests.newReceived.total": 11], "pipes, \(digits) digits")
            let tabbed = try convert(browserCopy.replacingOccurrences(of: "\(row)\t40\t6\t", with: "\(row)\t40\t\(raw)\t"))
            assertOnlyCellUnreadable(tabbed, "requests.newReceived.business", raw: raw, digits: digits, row: row, column: "商业企业",
                                     others: ["requests.newReceived.naturalPerson": 40, "requests.newReceived.total": 49], "tabs, \(digits) digits")
        }
    }

    func testOverlongNumberInAnHTMLCellIsNullAndTheRowStillReads() throws {
        let html = try sample("constructed-2022-city-hrss-spans.html")
        let row = "一、本年新收政府信息公开申请数量"
        let printed = "<td colspan=3>\(row)</td><td>40</td><td>6</td>"
        XCTAssertTrue(html.contains(printed))
        for (raw, digits) in Self.overlongNumbers {
            let record = try convert(html.replacingOccurrences(of: printed, with: "<td colspan=3>\(row)</td><td>\(raw)</td><td>6</td>"), name: "p.html")
            XCTAssertEqual(record.report.layout, .revised2021)
            assertOnlyCellUnreadable(record, "requests.newReceived.naturalPerson", raw: raw, digits: digits, row: row, column: "自然人",
                                     others: ["requests.newReceived.business": 6, "requests.newReceived.total": 49,
                                              "requests.carriedOver.naturalPerson": 3], "HTML, \(digits) digits")
        }
    }

    func testOverlongNumberInASentenceIsNullWithAWarning() throws {
        let text = try sample("constructed-2021-county-transport.txt")
        for (raw, digits) in Self.overlongNumbers {
            let record = try convert(text.replacingOccurrences(of: "共计0元", with: "共计\(raw)元"))
            let fee = try XCTUnwrap(record.figures["fees.collectedYuan"])
            XCTAssertNil(fee.value)
            XCTAssertEqual(fee.provenance.how, .unreadable)
            XCTAssertEqual(fee.provenance.raw, "\(raw)元")
            XCTAssertEqual(fee.provenance.location.sentence, "本年度实际收取信息处理费共计\(raw)元。")
            let warning = try XCTUnwrap(record.warnings.first { $0.path == "fees.collectedYuan" })
            XCTAssertEqual(warning.code, "cell-unreadable")
            XCTAssertEqual(warning.message, "fees.collectedYuan: \"\(raw)元\" has \(digits) significant digits, more than any figure has (at most 15); not read, and not rounded")
        }
    }
}

/// A negative count or amount is reported as printed, with a warning; a change (本年增/减) may be negative.
extension StandardTablesAdapterTests {
    func assertNegative(_ record: CanonicalRecord, _ path: String, raw: String, value: Decimal, what: String, _ context: String) {
        XCTAssertEqual(self.value(record, path), value, "\(context): \(path)")
        XCTAssertEqual(record.figures[path]?.provenance.how, .printed, context)
        XCTAssertEqual(record.figures[path]?.provenance.raw, raw, context)
        let warnings = record.warnings.filter { $0.path == path }
        XCTAssertEqual(warnings.map(\.code), ["value-negative"], context)
        XCTAssertEqual(warnings.first?.message, "\(path): \"\(raw)\" is negative, which \(what) cannot be; kept as printed", context)
    }

    func testNegativeFeeInTextIsKeptAsPrintedWithAWarning() throws {
        let text = try sample("constructed-2021-county-transport.txt")
        let feeCell = "  行政事业性收费\n\n  ３.５\n", sentence = "本年度实际收取信息处理费共计0元。"
        XCTAssertTrue(text.contains(feeCell) && text.contains(sentence))
        let record = try convert(text.replacingOccurrences(of: feeCell, with: "  行政事业性收费\n\n  -120\n")
            .replacingOccurrences(of: sentence, with: "本年度实际收取信息处理费共计-50元。")
            .replacingOccurrences(of: "  二、上年结转政府信息公开申请数量\n\n  1\n", with: "  二、上年结转政府信息公开申请数量\n\n  -1\n"))
        assertNegative(record, "proactive.fees.amountWanYuan", raw: "-120", value: -120, what: "an amount of money", "table cell")
        XCTAssertEqual(record.warnings.first { $0.path == "proactive.fees.amountWanYuan" }?.location?.column, "本年收费金额（单位：万元）")
        assertNegative(record, "fees.collectedYuan", raw: "-50元", value: -50, what: "an amount of money", "sentence")
        XCTAssertEqual(record.figures["fees.collectedYuan"]?.provenance.location.sentence, "本年度实际收取信息处理费共计-50元。")
        assertNegative(record, "requests.carriedOver.naturalPerson", raw: "-1", value: -1, what: "a count", "table 三 cell")
        XCTAssertEqual(record.warnings.filter { $0.code == "value-negative" }.count, 3)

        // The 2019 layout's 本年增/减 column is a change: negative without a warning.
        let pipes = try convert(try sample("constructed-2020-city-environment-pipes.txt"))
        XCTAssertEqual(value(pipes, "proactive.licensing.change"), -8)
        XCTAssertFalse(pipes.warnings.contains { $0.code == "value-negative" }, "\(pipes.warnings)")
    }

    func testNegativeFeeInHTMLIsKeptAsPrintedWithAWarning() throws {
        let html = try sample("constructed-2022-city-hrss-spans.html")
        let feeCell = "<td>行政事业性收费</td><td>0.12</td>", sentence = "本年度实际收取信息处理费共计400元。"
        XCTAssertTrue(html.contains(feeCell) && html.contains(sentence))
        let record = try convert(html.replacingOccurrences(of: feeCell, with: "<td>行政事业性收费</td><td>－0.12</td>")
            .replacingOccurrences(of: sentence, with: "本年度实际收取信息处理费共计－50元。"), name: "p.html")
        XCTAssertEqual(record.report.layout, .revised2021)
        assertNegative(record, "proactive.fees.amountWanYuan", raw: "－0.12", value: Decimal(string: "-0.12")!, what: "an amount of money", "HTML cell")
        assertNegative(record, "fees.collectedYuan", raw: "－50元", value: -50, what: "an amount of money", "HTML sentence")

        // The 2019 layout's 增/减 column in HTML: negative, no warning.
        let gbk = try Data(contentsOf: GoldenSampleTests.samples.appendingPathComponent("constructed-2019-district-office-gbk-word.html"))
        let trial = try registry.convert(RawInput(name: "p.html", bytes: [UInt8](gbk)))
        XCTAssertEqual(value(trial, "proactive.penalties.change"), -2)
        XCTAssertFalse(trial.warnings.contains { $0.code == "value-negative" }, "\(trial.warnings)")
    }
}
