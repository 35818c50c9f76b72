import Foundation
import XCTest
@testable import GirconvAdapters
import GirconvCore
@testable import GirconvPDF

/// PDF reports through pdftotext (poppler-utils, installed by scripts/bootstrap.sh).
final class PDFTests: XCTestCase {
    let registry = BuiltinAdapters.registry()

    override func setUpWithError() throws {
        if PDFReportReader.findOnPath("pdftotext") == nil {
            if ProcessInfo.processInfo.environment["CI"] != nil { return XCTFail("pdftotext is required in CI") }
            throw XCTSkip("pdftotext (poppler-utils) is not installed")
        }
    }

    func convert(_ name: String) throws -> CanonicalRecord {
        let url = GoldenSampleTests.samples.appendingPathComponent(name)
        return try registry.convert(RawInput(name: name, bytes: [UInt8](try Data(contentsOf: url))))
    }

    func testHongze2023KeepsThePrintedBreakOfTableFour() throws {
        let r = try convert("hongze-2023-district.pdf")
        XCTAssertEqual(r.source.mediaType, "application/pdf")
        XCTAssertEqual(r.report.layout, .revised2021)
        XCTAssertEqual(r.report.year, 2023)
        XCTAssertEqual(r.report.agency, "洪泽区人民政府")
        XCTAssertEqual(r.figures["requests.newReceived.total"]?.value, 21)
        XCTAssertEqual(r.figures["requests.denied.prohibitedByLaw.total"]?.provenance.location.row, "（三）不予公开 › 2.其他法律行政止公开",
                       "a label printed with characters missing still finds its row, under the group label centred across rows 1–8")
        XCTAssertEqual(r.figures["appeals.review.upheld"]?.value, 10)
        XCTAssertEqual(r.figures["appeals.review.total"]?.value, 0)
        let check = try XCTUnwrap(r.checks.first { $0.rule == "t4.review.total" })
        XCTAssertEqual(check.status, .fail)
        XCTAssertEqual(check.expected, 11)
        XCTAssertEqual(check.found, 0)
        XCTAssertEqual(r.checks.first { $0.rule == "t3.handledTotal.total" }?.status, .pass, "（六） printed as one row")
    }

    func testHongze2024AndPageProvenance() throws {
        let r = try convert("hongze-2024-district.pdf")
        XCTAssertEqual(r.figures["requests.newReceived.total"]?.value, 95)
        XCTAssertEqual(r.figures["requests.partiallyGranted.total"]?.value, 9, "label wrapped over two lines")
        XCTAssertEqual(r.figures["requests.partiallyGranted.total"]?.provenance.location.page, 3)
        // Where the figure is printed: the box pdftotext -bbox gives the word "95" on page 3 (the 总计 cell).
        XCTAssertEqual(r.figures["requests.newReceived.total"]?.provenance.location.box,
                       PageBox(xMin: 492.359, yMin: 501.22105, xMax: 506.4637, yMax: 515.257))
        XCTAssertEqual(r.figures["proactive.licensing.decisions"]?.value, 9487)
        // The report's prose counts the office's requests ("区政府办代表区政府受理政府信息公开申请 17 件", a
        // sentence wrapped over two lines), its table the district's 95: the check says so, the table's figure stays.
        XCTAssertEqual(r.checks.filter { $0.status == .fail }.map(\.rule), ["text.requests.newReceived.total"])
        XCTAssertEqual(r.checks.first { $0.rule == "text.requests.newReceived.total" }?.expected, 17)
    }

    /// HTML samples printed to PDF (headless chromium): figures typed from the HTML page's tables.
    func testAPrinted2019PageKeepsBlankCellsWrappedLabelsAndTheTableAcrossPages() throws {
        let r = try convert("printed-2019-district-office-gbk-word.pdf")
        XCTAssertEqual(r.source.encoding, "pdf text layer (pdftotext -bbox, UTF-8)")
        XCTAssertEqual(r.report.layout, .trial2019)
        XCTAssertEqual(r.figures["requests.carriedOver.naturalPerson"]?.value, 2)
        XCTAssertEqual(r.figures["requests.carriedOver.business"]?.value, 0, "a blank cell of a filled table")
        XCTAssertEqual(r.figures["requests.carriedOver.business"]?.provenance.how, .blankAsZero)
        XCTAssertEqual(r.figures["requests.carriedOver.total"]?.value, 2)
        XCTAssertEqual(r.figures["requests.partiallyGranted.naturalPerson"]?.value, 2, "label wrapped below its numbers")
        XCTAssertEqual(r.figures["requests.denied.endangersSafety.naturalPerson"]?.value, 1, "wrapped label and blank cells")
        XCTAssertEqual(r.figures["requests.denied.endangersSafety.research"]?.value, 0)
        XCTAssertEqual(r.figures["requests.denied.internalAffairs.total"]?.value, 1)
        XCTAssertEqual(r.figures["requests.unableToProvide.notHeld.naturalPerson"]?.value, 4)
        XCTAssertEqual(r.figures["requests.unableToProvide.notHeld.total"]?.value, 5)
        XCTAssertEqual(r.figures["requests.unableToProvide.notHeld.total"]?.provenance.location.page, 2, "the table goes on on page 2")
        XCTAssertEqual(r.figures["requests.carriedForward.total"]?.value, 1)
        XCTAssertEqual(r.figures["proactive.procurement.amountYuan"]?.value, 251000)
        XCTAssertEqual(r.figures["appeals.review.total"]?.value, 4)
        XCTAssertEqual(r.figures["proactive.otherServices.decisions"]?.value, 0, "其他对外管理服务事项 printed with no value: a row of blank cells")
        XCTAssertEqual(r.figures["proactive.otherServices.decisions"]?.provenance.how, .blankAsZero)
        XCTAssertEqual(r.figures.mapValues(\.value), try convert("constructed-2019-district-office-gbk-word.html").figures.mapValues(\.value),
                       "the same figures as the page it was printed from")
    }

    func testAPrinted2021PageReadsGroupLabelsOnARowsLine() throws {
        let r = try convert("printed-2022-city-hrss-spans.pdf")
        XCTAssertEqual(r.figures["proactive.normativeDocs.made"]?.value, 5)
        XCTAssertEqual(r.figures["proactive.fees.amountWanYuan"]?.value, Decimal(string: "0.12"))
        XCTAssertEqual(r.figures["requests.otherHandling.noCorrection.total"]?.value, 3)
        XCTAssertEqual(r.figures["requests.otherHandling.other.naturalPerson"]?.value, 1, "3.其他 under （六）其他处理")
        XCTAssertEqual(r.figures["requests.handledTotal.total"]?.value, 50)
        XCTAssertEqual(r.figures.mapValues(\.value), try convert("constructed-2022-city-hrss-spans.html").figures.mapValues(\.value),
                       "the same figures as the page it was printed from")
    }

    /// A 2021-layout page with narrow columns printed by chromium (figures typed from its HTML page, see
    /// Tests/Fixtures/precision): sub-row labels wrapped over three lines with the numbers on the middle one,
    /// group labels centred across their rows, table 三 across pages 1–2 under a repeated header, the page
    /// number "—1—" in the margin, table 四 one row with a blank cell.
    func testAPrintedPageWithNarrowColumnsReadsWrappedAndGroupLabelsAcrossPages() throws {
        let r = try convert("printed-2021-city-natural-resources-narrow.pdf")
        XCTAssertEqual(r.report.layout, .revised2021)
        XCTAssertEqual(r.report.year, 2021)
        XCTAssertEqual(r.figures["requests.carriedOver.naturalPerson"]?.value, 4)
        XCTAssertEqual(r.figures["requests.carriedOver.naturalPerson"]?.provenance.location.page, 1)
        XCTAssertEqual(r.figures["requests.carriedOver.business"]?.provenance.how, .blankAsZero)
        XCTAssertEqual(r.figures["requests.granted.total"]?.value, 26, "after the header repeated on page 2")
        XCTAssertEqual(r.figures["requests.granted.total"]?.provenance.location.page, 2)
        XCTAssertEqual(r.figures["requests.otherHandling.noCorrection.naturalPerson"]?.value, 3, "label over three lines")
        XCTAssertEqual(r.figures["requests.otherHandling.noCorrection.total"]?.value, 4)
        XCTAssertEqual(r.figures["requests.otherHandling.feeUnpaid.naturalPerson"]?.value, 1)
        XCTAssertEqual(r.figures["requests.otherHandling.feeUnpaid.research"]?.provenance.how, .blankAsZero)
        XCTAssertEqual(r.figures["requests.otherHandling.other.naturalPerson"]?.value, 2, "3.其他 under （六）其他处理")
        XCTAssertEqual(r.figures["requests.unableToProvide.needsCreation.total"]?.value, 2)
        XCTAssertEqual(r.figures["requests.handledTotal.total"]?.value, 64)
        XCTAssertEqual(r.figures["requests.carriedForward.total"]?.value, 3)
        XCTAssertEqual(r.figures["appeals.review.upheld"]?.value, 2)
        XCTAssertEqual(r.figures["appeals.review.other"]?.value, 0, "a blank cell of a table of one row")
        XCTAssertEqual(r.figures["appeals.review.other"]?.provenance.how, .blankAsZero)
        XCTAssertEqual(r.figures["appeals.review.pending"]?.value, 1)
        XCTAssertEqual(r.figures["appeals.litigationAfterReview.total"]?.value, 1)
        XCTAssertTrue(r.warnings.isEmpty, "\(r.warnings)")
        XCTAssertTrue(r.checks.allSatisfy { $0.status != .fail }, "\(r.checks.filter { $0.status == .fail }.map(\.rule))")
        let html = try convert("constructed-2021-city-natural-resources-narrow.html")
        XCTAssertEqual(r.figures.mapValues(\.value), html.figures.mapValues(\.value), "the same figures as the page it was printed from")
    }

    /// The narrow 2021 page printed with a running header (示例市自然资源和规划局 · 2021年政府信息公开工作年度报告,
    /// printed by Samples/tools/print_running.py) and a running footer (示例市自然资源和规划局办公室
    /// 2022年1月印发 · — N —, the page number a value after the text) on each of its three pages: no header or
    /// footer is a row or a title, table 三 goes on from page 1 to page 2, the figures are the page's.
    func testAPrintedPageWithARunningHeaderAndFooterGivesTheFiguresOfItsPage() throws {
        let name = "printed-2021-city-natural-resources-narrow-running.pdf"
        let r = try convert(name)
        XCTAssertEqual(r.report.title, "示例市自然资源和规划局2021年政府信息公开工作年度报告", "the page's heading, not the running header above it")
        XCTAssertEqual(r.report.year, 2021)
        XCTAssertEqual(r.figures["requests.carriedOver.naturalPerson"]?.value, 4, "the last row of page 1, right above the footer")
        XCTAssertEqual(r.figures["requests.carriedOver.naturalPerson"]?.provenance.location.page, 1)
        XCTAssertEqual(r.figures["requests.granted.total"]?.value, 26)
        XCTAssertEqual(r.figures["requests.granted.total"]?.provenance.location.page, 2)
        XCTAssertEqual(r.figures["appeals.review.pending"]?.value, 1)
        XCTAssertEqual(r.figures["fees.collectedYuan"]?.value, 150, "the sentence on page 3, under the running header")
        XCTAssertTrue(r.warnings.isEmpty, "\(r.warnings)")
        XCTAssertTrue(r.checks.allSatisfy { $0.status != .fail }, "\(r.checks.filter { $0.status == .fail }.map(\.rule))")
        XCTAssertEqual(r.figures.mapValues(\.value), try convert("constructed-2021-city-natural-resources-narrow.html").figures.mapValues(\.value),
                       "the same figures as the page it was printed from")
        let bytes = [UInt8](try Data(contentsOf: GoldenSampleTests.samples.appendingPathComponent(name)))
        let source = SourceInfo(name: name, sha256: "", mediaType: "application/pdf", encoding: "binary", byteCount: 0)
        let document = try XCTUnwrap(try PDFReportReader.document(fromBoxes: try PDFReportReader().extract(bytes, name: name, limits: .default, mode: "-bbox"),
                                                                  source: source))
        XCTAssertEqual(document.lines.filter { $0.text.contains("2022年1月印发") }.count, 0, "the footer on no page")
        let header = document.lines.filter { $0.text.hasPrefix("示例市自然资源和规划局  2021年") }
        XCTAssertEqual(header.map(\.page), [1], "the header printed once, on page 1")
        XCTAssertEqual(document.runningLines, Set(header.map(\.number)))
    }

    /// Shanghai's form printed with a running header and footer (第 N 页 共 3 页 after the agency and a date):
    /// the table goes on from page 1 to page 2, whose first row under the running header has its label
    /// wrapped around its values (其中：新增的行政规范性文件 / 数).
    func testAFormGoingOnUnderARunningHeaderKeepsItsFirstRowOnTheNextPage() throws {
        let r = try convert("printed-2010-shanghai-district-office-running.pdf")
        XCTAssertEqual(r.detection.adapter, "shanghai-pudong-appendix")
        XCTAssertEqual(r.report.title, "示例区人民政府办公室2010年政府信息公开工作年度报告")
        XCTAssertEqual(r.figures["extra.proactive.newNormativeDocs"]?.value, 6)
        XCTAssertEqual(r.figures["extra.proactive.newNormativeDocs"]?.provenance.location.page, 2)
        XCTAssertEqual(r.figures["extra.proactive.newNormativeDocs"]?.provenance.location.row, "其中：新增的行政规范性文件 数")
        XCTAssertTrue(r.warnings.isEmpty, "\(r.warnings)")
        XCTAssertEqual(r.figures.mapValues(\.value), try convert("constructed-2010-shanghai-district-office.html").figures.mapValues(\.value),
                       "the same figures as the page")
    }

    /// The `-layout` fallback leaves running headers and footers out of the rows alike, by their text at
    /// the pages' edges: the repeats and the footers; the header's first printing is a title only when no
    /// other line is one.
    func testRunningLinesOfLayoutTextAreNoRows() throws {
        let source = SourceInfo(name: "t.pdf", sha256: "", mediaType: "application/pdf", encoding: "binary", byteCount: 0)
        let text = "示例区人民政府办公室        2023年政府信息公开工作年度报告\n\n  示例区人民政府2023年政府信息公开工作年度报告\n"
            + "  一、本年新收       17     3\n\n示例区人民政府办公室                     — 1 —\n"
            + "\u{0C}示例区人民政府办公室        2023年政府信息公开工作年度报告\n  二、上年结转       2      0\n\n"
            + "示例区人民政府办公室                     — 2 —\n\u{0C}"
        let document = try PDFReportReader.document(fromLayoutText: text, source: source)
        XCTAssertEqual(document.tables[0].rows.map { $0.cells.map(\.text) },
                       [["示例区人民政府办公室 2023年政府信息公开工作年度报告"], ["示例区人民政府2023年政府信息公开工作年度报告"],
                        ["一、本年新收", "17", "3"], ["二、上年结转", "2", "0"]])
        XCTAssertEqual(document.runningLines, [1])
        XCTAssertEqual(ReportMetadataReader.title(in: document), "示例区人民政府2023年政府信息公开工作年度报告")
        let onlyHeader = try PDFReportReader.document(fromLayoutText: text.replacingOccurrences(of: "  示例区人民政府2023年政府信息公开工作年度报告\n", with: ""),
                                                      source: source)
        XCTAssertEqual(ReportMetadataReader.title(in: onlyHeader), "示例区人民政府办公室 2023年政府信息公开工作年度报告", "the only title there is")
    }

    /// Group labels centred across their rows (a rowspan cell printed between value lines) reach every row
    /// they span in the grid: （三）不予 / 公开 its eight rows, （六）其他 / 处理 its three; rows printed across
    /// the group's column ((二)…, （七）总计) do not get them. The figures stay those of the page.
    func testGroupLabelsCentredAcrossRowsReachEachRowOfTheirSpan() throws {
        let name = "printed-2021-city-natural-resources-narrow.pdf"
        let bytes = [UInt8](try Data(contentsOf: GoldenSampleTests.samples.appendingPathComponent(name)))
        let source = SourceInfo(name: name, sha256: "", mediaType: "application/pdf", encoding: "binary", byteCount: 0)
        let boxes = try PDFReportReader().extract(bytes, name: name, limits: .default, mode: "-bbox-layout")
        let grid = try XCTUnwrap(try PDFReportReader.document(fromBoxes: boxes, source: source)?.tables.first)
        func rows(under group: String) -> [String] {
            grid.rows.filter { $0.cells.first?.text == group }.map { $0.cells[1].text }
        }
        XCTAssertEqual(rows(under: "（三）不予 公开"), ["1.属于国家秘密", "2.其他法律行政法规禁止公 开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
                                                "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"])
        XCTAssertEqual(rows(under: "（六）其他 处理"), ["1.申请人无正当理由逾期不 补正、行政机关不再处理其 政府信息公开申请",
                                                "2.申请人逾期未按收费通知 要求缴纳费用、行政机关不 再处理其政府信息公开申请", "3.其他"])
        let spanned = try XCTUnwrap(grid.rows.first { $0.cells.count > 1 && $0.cells[1].text == "8.属于行政查询事项" })
        XCTAssertEqual(spanned.cells[0].location.line, grid.rows.first { $0.cells.count > 1 && $0.cells[1].text == "4.保护第三方合法权益" }?.cells[0].location.line,
                       "one cell, where it is printed")
        let r = try convert(name)
        XCTAssertEqual(r.figures["requests.denied.stateSecret.naturalPerson"]?.provenance.location.row, "（三）不予 公开 › 1.属于国家秘密")
        XCTAssertEqual(r.figures["requests.denied.stateSecret.naturalPerson"]?.value, 1)
        XCTAssertEqual(r.figures["requests.otherHandling.noCorrection.total"]?.value, 4)
    }

    /// The pre-2019 forms printed by chromium (figures typed from their pages, see Tests/Fixtures/precision):
    /// Shanghai's with indented sub-rows wrapped to the cell's left edge (（4）“过程中信息且影响安全稳 / 定”数,
    /// the phrase that tells the form, whole only once the label is joined) and a title wrapped over two
    /// lines; the national appendix with its 单位 column; Fujian's forms (指标名称/计量单位/年度/历年累计)
    /// on a real county page and a real zone page whose indented labels wrap as Shanghai's.
    func testPrintedPre2019FormsGiveTheFiguresOfTheirPages() throws {
        let shanghai = try convert("printed-2010-shanghai-district-office.pdf")
        XCTAssertEqual(shanghai.detection.adapter, "shanghai-pudong-appendix")
        XCTAssertEqual(shanghai.report.agency, "示例区人民政府办公室", "from the title wrapped over two lines")
        XCTAssertEqual(shanghai.report.year, 2010)
        XCTAssertEqual(shanghai.figures["extra.requests.denied.processInfoAffectingStability"]?.value, 0)
        XCTAssertEqual(shanghai.figures["extra.requests.denied.processInfoAffectingStability"]?.provenance.location.row,
                       "（4）“过程中信息且影响安全稳 定”数")
        XCTAssertEqual(shanghai.figures["requests.newReceived.total"]?.value, 26)
        XCTAssertEqual(shanghai.figures["extra.consultation.webColumnVisits"]?.value, 46275)
        XCTAssertEqual(shanghai.figures["fees.collectedYuan"]?.value, Decimal(string: "38.5"))
        let national = try convert("printed-2015-county-hrss-appendix.pdf")
        XCTAssertEqual(national.report.layout, .pre2019Appendix)
        XCTAssertEqual(national.figures["proactive.total"]?.value, 1286)
        XCTAssertEqual(national.figures["appeals.review.total"]?.value, 3)
        XCTAssertEqual(national.figures["organization.budgetWanYuan"]?.value, Decimal(string: "3.5"), "万元 from the 单位 column")
        let zone = try convert("printed-pingtan-2017-zone.pdf")
        XCTAssertEqual(zone.figures["proactive.total"]?.value, 2122)
        XCTAssertEqual(zone.figures["requests.denied.total"]?.value, 0, "3、不予公开答复 / 数")
        XCTAssertEqual(zone.figures["requests.otherResponse.total"]?.value, 0, "4、其他类型答复 / 数")
        XCTAssertTrue(zone.warnings.isEmpty, "\(zone.warnings)")
        let county = try convert("printed-pingtan-2011-county.pdf")
        XCTAssertEqual(county.figures["proactive.total"]?.value, 425)
        XCTAssertEqual(county.figures["proactive.channels.gazette"]?.value, 7)
        for (pdf, html) in [(shanghai, "constructed-2010-shanghai-district-office.html"), (national, "constructed-2015-county-hrss-appendix.html"),
                            (zone, "pingtan-2017-zone.html"), (county, "pingtan-2011-county.html")] {
            XCTAssertEqual(pdf.figures.mapValues(\.value), try convert(html).figures.mapValues(\.value), "\(html): the same figures as the page")
        }
    }

    /// Gansu's form printed with its Word widths: the header's cells wrap around the line printing 代码 ·
    /// 本期实际 · 本年累计 (指 标 名 / 称, 计量 / 单位), every label over two to five lines, a blank 本期实际 in
    /// most rows, the last label's lines nearer the site's footer than their values. The traditional-script
    /// report's sentence wraps between 其他信息 and 211條. Both give the figures of their pages, all of them.
    func testPrintedGansuFormAndWrappedSentencesGiveAllTheFiguresOfTheirPages() throws {
        let gansu = try convert("printed-2012-gansu-county-office.pdf")
        XCTAssertEqual(gansu.detection.adapter, "gansu-dingxi-appendix")
        XCTAssertEqual(gansu.report.year, 2012, "the title wrapped over two lines")
        XCTAssertEqual(gansu.figures["extra.requests.catalogueEntries"]?.value, 7, "本期实际 blank, 本年累计 7")
        XCTAssertEqual(gansu.figures["extra.appeals.complaints.dissatisfiedFirstHandling"]?.value, 1,
                       "其中:对本 / 部门首次 / 处理不满 / 意的行政 / 申诉数 *, its last line right above the footer")
        XCTAssertTrue(gansu.warnings.isEmpty, "\(gansu.warnings)")
        let hant = try convert("printed-2013-city-culture-narrative-hant.pdf")
        XCTAssertEqual(hant.figures["proactive.categories.other"]?.value, 211)
        XCTAssertEqual(hant.figures["proactive.categories.other"]?.provenance.location.sentence?.contains("其他信息211條"), true,
                       "the sentence joined over the line break")
        XCTAssertEqual(hant.figures["proactive.categories.other"]?.provenance.location.box?.yMin ?? 0, 214.043537, accuracy: 0.001,
                       "the box of the run of words holding 211條, on the sentence's second printed line")
        for (pdf, html) in [(gansu, "constructed-2012-gansu-county-office.html"), (hant, "constructed-2013-city-culture-narrative-hant.html")] {
            XCTAssertEqual(pdf.figures.mapValues(\.value), try convert(html).figures.mapValues(\.value), "\(html): the same figures as the page")
        }
    }

    /// The measure: every HTML sample printed to PDF gives exactly the figures of its page, read the
    /// same way (a blank cell as 0 where the page's is), with running headers and footers or without.
    func testEveryPrintedPageGivesTheFiguresOfItsPageReadTheSameWay() throws {
        let pages = [
            "printed-2010-shanghai-district-office.pdf": "constructed-2010-shanghai-district-office.html",
            "printed-2010-shanghai-district-office-running.pdf": "constructed-2010-shanghai-district-office.html",
            "printed-2012-gansu-county-office.pdf": "constructed-2012-gansu-county-office.html",
            "printed-2013-city-culture-narrative-hant.pdf": "constructed-2013-city-culture-narrative-hant.html",
            "printed-2015-county-hrss-appendix.pdf": "constructed-2015-county-hrss-appendix.html",
            "printed-2019-district-office-gbk-word.pdf": "constructed-2019-district-office-gbk-word.html",
            "printed-2021-city-natural-resources-narrow.pdf": "constructed-2021-city-natural-resources-narrow.html",
            "printed-2021-city-natural-resources-narrow-running.pdf": "constructed-2021-city-natural-resources-narrow.html",
            "printed-2022-city-hrss-spans.pdf": "constructed-2022-city-hrss-spans.html",
            "printed-pingtan-2011-county.pdf": "pingtan-2011-county.html",
            "printed-pingtan-2017-zone.pdf": "pingtan-2017-zone.html",
        ]
        let printed = try FileManager.default.contentsOfDirectory(atPath: GoldenSampleTests.samples.path).filter { $0.hasPrefix("printed-") }
        XCTAssertEqual(Set(printed), Set(pages.keys), "every printed sample is compared with its page")
        for (pdf, html) in pages {
            let fromPDF = try convert(pdf).figures, fromPage = try convert(html).figures
            XCTAssertEqual(fromPDF.mapValues(\.value), fromPage.mapValues(\.value), pdf)
            XCTAssertEqual(fromPDF.mapValues(\.provenance.how), fromPage.mapValues(\.provenance.how), pdf)
        }
    }

    /// What the fuzz harness can call: pdftotext's -bbox-layout XHTML to a document, with no process run.
    /// Only `<doc>` is parsed (the head before it has a DOCTYPE and metadata bytes as the PDF held them).
    func testTheDocumentIsMadeFromWordBoxesAlone() throws {
        let source = SourceInfo(name: "t.pdf", sha256: "", mediaType: "application/pdf", encoding: "binary", byteCount: 0)
        func word(_ text: String, _ x: Int, _ y: Int) -> String {
            "<word xMin=\"\(x)\" yMin=\"\(y)\" xMax=\"\(x + 10 * text.count)\" yMax=\"\(y + 10)\">\(text)</word>"
        }
        func xhtml(_ pages: [[String]]) -> [UInt8] {
            let head = "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"x.dtd\"><html xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n<title>\u{FF}\u{FE}?e</title>\n</head>\n<body>\n"
            let body = pages.map { "<page width=\"595\" height=\"842\"><flow><block><line>" + $0.joined() + "</line></block></flow></page>" }.joined()
            return Array((head + "<doc>" + body + "</doc>\n</body>\n</html>\n").utf8)
        }
        let table = xhtml([[word("规章", 50, 100), word("0", 200, 100), word("1", 250, 100),
                            word("R&amp;D", 50, 120), word("4", 250, 120)], [word("-2-", 280, 800)]])
        let document = try XCTUnwrap(try PDFReportReader.document(fromBoxes: table, source: source))
        XCTAssertEqual(document.lines.map(\.text), ["规章  0  1", "R&D  4"])
        XCTAssertEqual(document.tables.first?.rows.map { $0.cells.map(\.text) }, [["规章", "0", "1"], ["R&D", "", "4"]])
        XCTAssertEqual(document.source.encoding, "pdf text layer (pdftotext -bbox, UTF-8)")
        let prose = try XCTUnwrap(try PDFReportReader.document(fromBoxes: xhtml([[word("本报告由区政府办公室编制。", 50, 100)]]), source: source),
                                  "no table in the boxes: the lines are read as flattened text, as -layout text would be")
        XCTAssertEqual(prose.lines.map(\.text), ["本报告由区政府办公室编制。"])
        XCTAssertEqual(prose.source.encoding, "pdf text layer (pdftotext -bbox, UTF-8)")
        XCTAssertNil(try PDFReportReader.document(fromBoxes: Array("<doc><page><word>".utf8), source: source))
        XCTAssertThrowsError(try PDFReportReader.document(fromBoxes: xhtml([[], []]), source: source)) { error in
            XCTAssertEqual((error as? GirconvError)?.kind, "pdf-no-text-layer")
        }
    }

    func testScannedPDFIsRefusedClearly() throws {
        let pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
        XCTAssertThrowsError(try registry.convert(RawInput(name: "scan.pdf", bytes: Array(pdf.utf8)))) { error in
            XCTAssertEqual((error as? GirconvError)?.kind, "pdf-no-text-layer")
            XCTAssertEqual((error as? GirconvError)?.exitCode, 66)
        }
    }

    /// What the fuzz harness calls: pdftotext's layout text to a document, with no process run.
    func testTheDocumentIsMadeFromLayoutTextAlone() throws {
        let source = SourceInfo(name: "t.pdf", sha256: "", mediaType: "application/pdf", encoding: "binary", byteCount: 0)
        let document = try PDFReportReader.document(fromLayoutText: "一、总体情况\n\u{0C}  收到申请数   21\n\u{0C}\u{0C}末页\n", source: source)
        XCTAssertEqual(document.lines.map(\.text), ["一、总体情况", "  收到申请数   21", "末页"])
        XCTAssertEqual(document.lines.map(\.page), [1, 2, 4])
        XCTAssertEqual(document.source.encoding, "pdf text layer (pdftotext -layout, UTF-8)")
        XCTAssertThrowsError(try PDFReportReader.document(fromLayoutText: "\u{0C} \n\u{0C}", source: source)) { error in
            XCTAssertEqual((error as? GirconvError)?.kind, "pdf-no-text-layer")
        }
    }
}

/// Word reports: merged cells through w:gridSpan / w:vMerge into the shared grid model.
final class DOCXTests: XCTestCase {
    func testDocxGivesTheSameFiguresAsTheHTMLPage() throws {
        let registry = BuiltinAdapters.registry()
        func record(_ name: String) throws -> CanonicalRecord {
            let url = GoldenSampleTests.samples.appendingPathComponent(name)
            return try registry.convert(RawInput(name: name, bytes: [UInt8](try Data(contentsOf: url))))
        }
        let docx = try record("constructed-2019-district-office.docx")
        let html = try record("constructed-2019-district-office-gbk-word.html")
        XCTAssertEqual(docx.source.mediaType, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        XCTAssertEqual(docx.figures.mapValues(\.value), html.figures.mapValues(\.value))
        XCTAssertEqual(docx.report.title, html.report.title)
        // A rowspan (w:vMerge) group label reaches every row it spans.
        XCTAssertEqual(docx.figures["requests.unableToProvide.needsCreation.total"]?.provenance.location.row, "（四）无法提供 › 2.没有现成信息需要另行制作")
        // w:gridSpan widens a cell as colspan does: every figure sits in the same grid slot as on the page.
        for (path, figure) in docx.figures {
            let page = html.figures[path]?.provenance.location
            XCTAssertEqual(figure.provenance.location.columnIndex, page?.columnIndex, path)
            XCTAssertEqual(figure.provenance.location.rowIndex, page?.rowIndex, path)
        }
    }

    func testZipWithoutADocumentIsNotADocx() throws {
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + Array("xl/workbook.xml".utf8) + [0, 0, 0]
        XCTAssertThrowsError(try BuiltinAdapters.registry().convert(RawInput(name: "a.xlsx", bytes: zip))) { error in
            XCTAssertEqual((error as? GirconvError)?.kind, "input-binary")
        }
        let fake: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + Array("word/document.xml".utf8) + [0, 0, 0]
        XCTAssertThrowsError(try BuiltinAdapters.registry().convert(RawInput(name: "b.docx", bytes: fake))) { error in
            XCTAssertEqual((error as? GirconvError)?.exitCode, 66, "\(error)")
        }
    }
}
