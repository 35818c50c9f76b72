import Foundation
import XCTest
import GirconvAdapters
import GirconvCore
@testable import GirconvLayouts
import GirconvText

/// Rules of the narrative reader, each on a sentence of the kind real reports print.
final class NarrativeReaderTests: XCTestCase {
    /// The phrase tables of the built-in layout file pre2019-narrative.yaml.
    static let patterns: NarrativePatternSet = {
        let library = try! BuiltinAdapters.layoutLibrary()
        return library.layouts.first { $0.spec.id == "pre2019-narrative" }!.spec.patterns!
    }()

    /// The narrative reading of a text: figures, warnings and shares.
    func reading(_ text: String) -> NarrativeReader.Reading {
        let source = SourceInfo(name: "t", sha256: "", mediaType: "text/plain", encoding: "UTF-8", byteCount: 0)
        let document = ReportDocument(source: source, text: text, lines: ReportDocument.splitLines(text), tables: [])
        return NarrativeReader(patterns: Self.patterns).read(document)
    }

    func read(_ text: String) -> [String: Figure] { reading(text).figures }

    func value(_ text: String, _ path: String) -> Decimal? { read(text)[path]?.value }

    /// A hostile line: tens of thousands of figures after triggers and scope words, no full stop. Reading it is
    /// linear (overlaps marked, sentence ends found once), so it takes seconds, not hours.
    func testALongLineOfTriggersWithoutAFullStopIsReadInLinearTime() {
        let line = String(repeating: "行政复议维持具体行政行为1件，收到政府信息公开申请2件，", count: 8_000)
        let started = Date()
        let figures = read(line)
        XCTAssertLessThan(Date().timeIntervalSince(started), 20, "debug build, shared machine (before: quadratic, hours)")
        XCTAssertEqual(figures["requests.newReceived.total"]?.value, 2)
        XCTAssertEqual(figures["appeals.review.upheld"]?.value, 1)
    }

    func testCountsAfterTriggersAndNotPercentages() {
        let text = "2018年全市共收到政府信息公开申请3467宗,比2017年的3510宗下降1.23%。其中网上申请1985宗,占57.25%;信函申请401宗,占11.57%。"
        let figures = read(text)
        XCTAssertEqual(figures["requests.newReceived.total"]?.value, 3467)
        XCTAssertEqual(figures["requests.channels.online"]?.value, 1985)
        XCTAssertEqual(figures["requests.channels.letter"]?.value, 401)
        XCTAssertEqual(figures.count, 3, "no percentage, year or comparison figure is taken: \(figures.keys)")
    }

    /// A sentence about appeals is no statement about applications for information (pingtan-zonghe-2014).
    func testNoReviewApplicationIsNoStatementAboutRequests() {
        let figures = read("2014年全区收到有关政府信息公开的信函申请1条,已受理回复;未收到有关政府信息公开行政复议的申请。")
        XCTAssertNil(figures["requests.newReceived.total"].flatMap { $0.value == 0 ? $0 : nil }, "not stated as none")
        XCTAssertEqual(figures["appeals.review.total"]?.value, 0)
        XCTAssertEqual(value("本年度未收到政府信息公开申请。", "requests.newReceived.total"), 0)
        XCTAssertEqual(value("全年没有受理依申请公开的申请。", "requests.newReceived.total"), 0)
    }

    /// Only a printed minus sign makes a figure negative: a dash that folding turns into "-" is punctuation,
    /// and a hyphen after a digit is a range.
    /// A count printed with a point ("1.000件": a thousand, or one?) is not read, in a sentence as in a cell.
    func testACountWithAPointIsNotRead() {
        let figure = read("2012年共收到政府信息公开申请1.000件。")["requests.newReceived.total"]
        XCTAssertNotNil(figure)
        XCTAssertNil(figure?.value)
        XCTAssertEqual(figure?.provenance.how, .unreadable)
        XCTAssertEqual(value("2012年共收到政府信息公开申请1,000件。", "requests.newReceived.total"), 1000)
    }

    /// Breakdown sentences are parts, not second values of the total (issue #15; the Pingtan reports): a
    /// whole stated with its share of itself is a part of it.
    func testABreakdownWithAShareIsAPartNotTheTotal() {
        let text = "2014年全区共主动公开政府信息2543条。其中，区管委会及区直各部门主动公开政府信息1687条，占66%。各乡镇主动公开政府信息856条，占34%。"
        let reading = self.reading(text)
        XCTAssertEqual(reading.figures["proactive.total"]?.value, 2543)
        XCTAssertFalse(reading.warnings.contains { $0.code == "stated-twice" }, "\(reading.warnings)")
        // A part of another whole keeps its share (网上申请 … 占57.25% of the applications).
        XCTAssertEqual(value("全年共收到政府信息公开申请3467宗,其中网上申请1985宗,占57.25%。", "requests.channels.online"), 1985)
    }

    /// Two sentences giving one figure two values: neither is kept, and the warning says so (issue #15).
    func testTwoDifferentStatementsOfOneFigureKeepNeither() {
        // 12, then 15 and 20 (each differs from the first: a warning each), then 12 again (no new conflict).
        let text = "全年共收到政府信息公开申请12件。全年共收到政府信息公开申请15件。全年共收到政府信息公开申请12件。全年共收到政府信息公开申请20件。"
        let reading = self.reading(text)
        let figure = reading.figures["requests.newReceived.total"]
        XCTAssertNotNil(figure)
        XCTAssertNil(figure?.value)
        XCTAssertEqual(figure?.provenance.how, .unreadable)
        XCTAssertEqual(reading.warnings.filter { $0.code == "stated-twice" }.count, 2, "\(reading.warnings)")
        XCTAssertTrue(reading.warnings[0].message.hasSuffix("neither is kept"))
        // The same value twice is one figure.
        XCTAssertEqual(value("全年共收到政府信息公开申请12件。共收到政府信息公开申请12件。", "requests.newReceived.total"), 12)
    }

    func testOnlyAPrintedMinusSignMakesAFigureNegative() {
        XCTAssertEqual(value("全年收取费用-50元。", "fees.collectedYuan"), -50)
        XCTAssertEqual(value("全年收取费用－50元。", "fees.collectedYuan"), -50)
        XCTAssertEqual(value("全年收取费用−50元。", "fees.collectedYuan"), -50)
        for dash in ["—", "–", "―", "‐"] {
            XCTAssertNotEqual(value("全年收取费用\(dash)50元。", "fees.collectedYuan"), -50, "\(dash) is not a minus sign")
        }
        XCTAssertNil(value("全年收取费用——50元。", "fees.collectedYuan").flatMap { $0 < 0 ? $0 : nil })
    }

    func testProvenanceQuotesTheSentenceAndOffset() {
        let text = "一、概述\n今年全市共收到依申请公开51件,已全部办理。"
        let figure = read(text)["requests.newReceived.total"]
        XCTAssertEqual(figure?.provenance.raw, "51件")
        XCTAssertEqual(figure?.provenance.location.sentence, "今年全市共收到依申请公开51件,已全部办理。")
        XCTAssertEqual(figure?.provenance.location.line, 2)
        let offset = figure!.provenance.location.offset!
        XCTAssertEqual(String(Array(text.unicodeScalars)[offset...].prefix(3).map(Character.init)), "51件")
    }

    func testLongestTriggerWins() {
        let figures = read("其中,同意公开1345宗;同意部分公开215宗;不同意公开212宗。")
        XCTAssertEqual(figures["requests.granted.total"]?.value, 1345)
        XCTAssertEqual(figures["requests.partiallyGranted.total"]?.value, 215)
        XCTAssertEqual(figures["requests.denied.total"]?.value, 212)
    }

    func testAppealOutcomesFollowTheirScope() {
        let figures = read("因信息公开引起的行政复议81宗,其中维持具体行政行为的64宗,被依法纠错的9宗,其他情形8宗。引起的行政诉讼案25宗,其中维持具体行政行为的17宗,被依法纠错的6宗,其他情形2宗。")
        XCTAssertEqual(figures["appeals.review.total"]?.value, 81)
        XCTAssertEqual(figures["appeals.review.upheld"]?.value, 64)
        XCTAssertEqual(figures["appeals.review.other"]?.value, 8)
        XCTAssertEqual(figures["appeals.litigation.total"]?.value, 25)
        XCTAssertEqual(figures["appeals.litigation.upheld"]?.value, 17)
        XCTAssertEqual(figures["appeals.litigation.corrected"]?.value, 6)
        XCTAssertNil(read("其他情形2宗。")["appeals.review.other"], "an outcome with no appeal named is not placed")
    }

    func testTraditionalCharacters() {
        let figures = read("答覆政府信息公開申請3228宗。全市依申請公開政府信息收取的費用為0元。")
        XCTAssertEqual(figures["requests.responded.total"]?.value, 3228)
        XCTAssertEqual(figures["fees.collectedYuan"]?.value, 0)
        XCTAssertEqual(figures["fees.collectedYuan"]?.provenance.raw, "0元")
    }

    func testWordsBetweenTriggerAndNumberMustBeConnectives() {
        XCTAssertNil(value("主动公开政府信息包括通知公告10条、工作动态108条。", "proactive.total"))
        XCTAssertNil(value("大厅管理机构答复申请人咨询事项146859件。", "requests.responded.total"))
        XCTAssertEqual(value("主动公开政府信息总计231310条。", "proactive.total"), 231310)
        XCTAssertEqual(value("依申请公开收取的费用(检索费、复制费等)为0元。", "fees.collectedYuan"), 0)
        XCTAssertEqual(value("在已答复的6件申请中,“非本机关政府信息”的6件。", "requests.notThisAgency.total"), 6)
    }

    func testApproximateAndUnitlessNumbersAreNotFigures() {
        XCTAssertNil(value("回应社会关切行政复议300余宗。", "appeals.review.total"))
        XCTAssertNil(value("共收到政府信息公开申请约30宗。", "requests.newReceived.total"))
        XCTAssertNil(value("收到政府信息公开申请12,同比增长。", "requests.newReceived.total"))
    }

    func testMoneyUnitsConvertToYuan() {
        XCTAssertEqual(value("实际收取信息处理费共计0.04万元。", "fees.collectedYuan"), 400)
        XCTAssertEqual(value("收取费用1,200元。", "fees.collectedYuan"), 1200)
    }

    func testZeroStatements() {
        let cases: [(String, [String])] = [
            ("全年未收到信息公开申请。", ["requests.newReceived.total"]),
            ("在信息公开工作中,未向申请人收取费用。", ["fees.collectedYuan"]),
            ("没有收取任何费用。", ["fees.collectedYuan"]),
            ("年内未发生因信息公开而被申请行政复议或提起行政诉讼情况。", ["appeals.review.total", "appeals.litigation.total"]),
            ("2017年全年無信息公開相關舉報、複議、訴訟情況。", ["appeals.complaints.total", "appeals.review.total", "appeals.litigation.total"]),
        ]
        for (text, paths) in cases {
            let figures = read(text)
            for path in paths {
                XCTAssertEqual(figures[path]?.value, 0, "\(text) → \(path)")
                XCTAssertEqual(figures[path]?.provenance.how, .statedZero)
            }
        }
        XCTAssertNil(read("未收到行政复议申请。")["requests.newReceived.total"], "not about disclosure applications")
    }

    /// Fees stated as none in the phrasings of real reports (pingtan 2014–2022): 0, "stated as none", the
    /// sentence as provenance. An applicant who did not pay (未按收费通知要求缴纳费用) is no statement about fees.
    func testFeesStatedAsNone() {
        let cases: [(String, String)] = [
            ("四、政府信息公开的收费及减免情况 2014年我区各级工作部门依申请提供政府信息暂不收费。", "暂不收费"),
            ("本机关依申请提供政府信息暂不收费。", "暂不收费"),
            ("2016年度没有收取任何费用。", "没有收取任何费"),
            ("本年度未收取信息处理费用。", "未收取信息处理费"),
            ("六、其他需要报告的事项 2021年，无收取信息处理费情况。", "无收取信息处理费"),
            ("提供政府信息不收费。", "不收费"),
        ]
        for (text, raw) in cases {
            let figure = read(text)["fees.collectedYuan"]
            XCTAssertEqual(figure?.value, 0, text)
            XCTAssertEqual(figure?.provenance.how, .statedZero, text)
            XCTAssertEqual(figure?.provenance.raw, raw, text)
            XCTAssertEqual(figure?.provenance.location.sentence.map { text.contains($0) }, true, text)
        }
        for text in ["2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 0 0 0", "行政事业性收费信息2条。",
                     "组织学习《关于做好政府信息公开信息处理费收入收缴管理有关事项的通知》。"] {
            XCTAssertNil(read(text)["fees.collectedYuan"], text)
        }
        // Subjects stay bound: the fees sentence gives no request figure, the appeals sentence no fees.
        let figures = read("2014年我区各级工作部门依申请提供政府信息暂不收费。未收到有关政府信息公开行政复议的申请。")
        XCTAssertNil(figures["requests.newReceived.total"])
        XCTAssertEqual(figures["appeals.review.total"]?.value, 0)
        XCTAssertEqual(figures.count, 2, "\(figures.keys)")
    }

    /// 其它 for 其他 (pingtan-county-2011: "6.其它形式申请数"): the fold rule makes the printed 其它 match the
    /// triggers' 其他, and provenance quotes what was printed.
    func testQitaPrintedAs其它() {
        let figures = read("主动公开其它类信息120条，通过其它形式申请3件。")
        XCTAssertEqual(figures["proactive.categories.other"]?.value, 120)
        XCTAssertEqual(figures["requests.channels.other"]?.value, 3)
        XCTAssertEqual(figures["proactive.categories.other"]?.provenance.location.sentence?.contains("其它类信息"), true)
        XCTAssertTrue(NarrativeIndex(Self.patterns).mayContainTrigger("其它信息12条"), "the byte-level prefilter knows 其它")
    }

    func testPrintedNumberBeatsAZeroStatement() {
        let figures = read("对未答复的申请提起行政复议3宗。")
        XCTAssertEqual(figures["appeals.review.total"]?.value, 3)
        XCTAssertEqual(figures["appeals.review.total"]?.provenance.how, .printed)
    }
}

/// The byte-level trigger prefilter: a line it rules out never gives a number.
final class TriggerPrefilterTests: XCTestCase {
    func testBuiltInTriggersAreFoldInvariant() {
        XCTAssertTrue(NarrativeIndex(NarrativeReaderTests.patterns).triggersFoldInvariant)
        XCTAssertTrue(NarrativeIndex(NarrativeReaderTests.patterns).mayContainTrigger("全年共收到政府信息公开申请45件"))
        XCTAssertFalse(NarrativeIndex(NarrativeReaderTests.patterns).mayContainTrigger("规章 | 0 | 0 | 0"))
        XCTAssertFalse(NarrativeIndex(NarrativeReaderTests.patterns).mayContainTrigger(""))
    }

    func testRuledOutLinesGiveNoNumbers() throws {
        let patterns = NarrativeReaderTests.patterns
        let reader = NarrativeReader(patterns: patterns)
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Samples")
        var ruledOut = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: seeds.path) where name.hasSuffix(".txt") {
            let text = try InputDecoder.decode(RawInput(name: name, bytes: [UInt8](try Data(contentsOf: seeds.appendingPathComponent(name))))).text
            // The reader applies the prefilter only to simplified documents and lines.
            guard !TextNormalizer.isTraditional(text) else { continue }
            for line in ReportDocument.splitLines(text) where !TextNormalizer.isTraditional(line.text) && !reader.index.mayContainTrigger(line.text) {
                ruledOut += 1
                XCTAssertTrue(reader.numbers(in: AlignedText(line.text, simplified: nil), line: line).isEmpty, line.text)
            }
        }
        XCTAssertGreaterThan(ruledOut, 100)
    }

    /// In a traditional document a line is ruled out when neither its simplified form nor the line itself
    /// holds a trigger's bytes: such a line, aligned as the reader aligns it, gives no number.
    func testRuledOutTraditionalLinesGiveNoNumbers() throws {
        let patterns = NarrativeReaderTests.patterns
        let reader = NarrativeReader(patterns: patterns)
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Samples")
        var ruledOut = 0, traditionalDocuments = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: samples.path) where name.hasSuffix(".txt") {
            let text = try InputDecoder.decode(RawInput(name: name, bytes: [UInt8](try Data(contentsOf: samples.appendingPathComponent(name))))).text
            guard TextNormalizer.isTraditional(text) else { continue }
            traditionalDocuments += 1
            let source = SourceInfo(name: name, sha256: "", mediaType: "text/plain", encoding: "UTF-8", byteCount: 0)
            let document = ReportDocument(source: source, text: text, lines: ReportDocument.splitLines(text), tables: [])
            let simplified = try XCTUnwrap(document.simplifiedLines)
            for (index, line) in document.lines.enumerated()
            where !reader.index.mayContainTrigger(simplified[index]) && !reader.index.mayContainTrigger(line.text) {
                ruledOut += 1
                XCTAssertTrue(reader.numbers(in: document.alignedLine(index), line: line).isEmpty, line.text)
            }
        }
        XCTAssertGreaterThan(traditionalDocuments, 1)
        XCTAssertGreaterThan(ruledOut, 50)
    }
}

/// Lines with a negation (未 没 无 不 …) are aligned and searched for zero statements only when they hold
/// every literal run of some zero statement's pattern: a line ruled out must give no zero statement.
final class ZeroStatementPrefilterTests: XCTestCase {
    func testBuiltInZeroStatementsAreExact() {
        XCTAssertTrue(NarrativeReader.ZeroPrefilter(NarrativeReaderTests.patterns).exact)
    }

    func testRuledOutLinesStateNoZero() throws {
        let patterns = NarrativeReaderTests.patterns
        let reader = NarrativeReader(patterns: patterns)
        let prefilter = NarrativeReader.ZeroPrefilter(patterns)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folders = [root.appendingPathComponent("Samples"), root.deletingLastPathComponent().appendingPathComponent("shared/seeds")]
        var ruledOut = 0, kept = 0, statements = 0
        for folder in folders {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasSuffix(".txt") {
                let text = try InputDecoder.decode(RawInput(name: name, bytes: [UInt8](try Data(contentsOf: folder.appendingPathComponent(name))))).text
                let source = SourceInfo(name: name, sha256: "", mediaType: "text/plain", encoding: "UTF-8", byteCount: 0)
                let document = ReportDocument(source: source, text: text, lines: ReportDocument.splitLines(text), tables: [])
                for (index, line) in document.lines.enumerated() where line.text.unicodeScalars.contains(where: { NarrativeReader.isNegation($0.value) }) {
                    let found = reader.zeroStatements(in: document.alignedLine(index), line: line)
                    statements += found.count
                    if prefilter.rulesOut(index, of: document) {
                        ruledOut += 1
                        XCTAssertTrue(found.isEmpty, "\(name): \(line.text)")
                    } else {
                        kept += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(ruledOut, 50)
        XCTAssertGreaterThan(statements, 0, "the samples state zeros the prefilter keeps")
        XCTAssertGreaterThan(kept, 0)
    }

    func testStatementsInAllScriptsAndWidthsAreKept() {
        let patterns = NarrativeReaderTests.patterns
        let prefilter = NarrativeReader.ZeroPrefilter(patterns)
        for text in ["本年度未收到政府信息公开申请。", "本年度未收到政府信息公開申請。", "本年度，未收到依申请公开申请，", "没有收取任何费用"] {
            let source = SourceInfo(name: "t", sha256: "", mediaType: "text/plain", encoding: "UTF-8", byteCount: 0)
            let document = ReportDocument(source: source, text: text, lines: ReportDocument.splitLines(text), tables: [])
            let found = NarrativeReader(patterns: patterns).zeroStatements(in: document.alignedLine(0), line: document.lines[0])
            XCTAssertFalse(found.isEmpty, text)
            XCTAssertFalse(prefilter.rulesOut(0, of: document), text)
        }
    }
}
