import XCTest
@testable import GirconvCore

/// Tables rebuilt from word boxes (a PDF's text layer): columns from the values' x, blank slots, wrapped
/// and group labels, page numbers, tables across pages. The boxes are laid out here as a printed table is.
final class WordBoxGridBuilderTests: XCTestCase {
    /// A word of height 10 at (x, y), about 10 points a character wide.
    func word(_ text: String, _ x: Double, _ y: Double) -> PositionedWord {
        PositionedWord(text: text, xMin: x, yMin: y, xMax: x + Double(text.unicodeScalars.count) * 10, yMax: y + 10)
    }

    func rows(_ pages: [[PositionedWord]]) -> [[String]] {
        (WordBoxGridBuilder.build(pages: pages).grid?.rows ?? []).map { $0.cells.map(\.text) }
    }

    func testABlankCellIsABlankSlotInItsColumn() {
        let page = [
            word("规章", 50, 100), word("0", 200, 100), word("1", 250, 100), word("2", 300, 100),
            word("规范性文件", 50, 120), word("4", 200, 120), word("27", 295, 120),
        ]
        XCTAssertEqual(rows([page]), [["规章", "0", "1", "2"], ["规范性文件", "4", "", "27"]])
    }

    func testALabelWrappedOverThreeLinesJoinsTheRowOfItsNumbers() {
        let page = [
            word("1.本机关不掌握", 50, 100), word("0", 250, 100), word("0", 300, 100),
            word("2.申请人逾期未按", 50, 130),
            word("收费通知要求", 50, 143), word("3", 250, 143), word("1", 300, 143),
            word("缴纳费用", 50, 156),
            word("3.其他", 50, 186), word("5", 250, 186), word("6", 300, 186),
        ]
        XCTAssertEqual(rows([page]), [["1.本机关不掌握", "0", "0"], ["2.申请人逾期未按 收费通知要求 缴纳费用", "3", "1"], ["3.其他", "5", "6"]])
    }

    func testAGroupLabelBesideItsRowsIsACellOfItsOwn() {
        let page = [
            word("1.信访", 150, 100), word("0", 300, 100),
            word("（五）不予处理", 10, 110),
            word("2.重复申请", 150, 120), word("7", 300, 120),
        ]
        let built = rows([page])
        XCTAssertEqual(built.count, 2)
        XCTAssertEqual(built.flatMap { $0 }.filter { $0 == "（五）不予处理" }.count, 1, "\(built)")
        XCTAssertTrue(built.allSatisfy { $0.last == "0" || $0.last == "7" })
    }

    func testPageNumbersAreNoRowsAndATableGoesOnOnTheNextPage() {
        let first = [
            word("一、本年新收", 50, 100), word("17", 250, 100), word("3", 300, 100),
            word("-3-", 280, 800),
        ]
        let second = [
            word("第 4 页", 280, 20),
            word("二、上年结转", 50, 100), word("2", 250, 100),
        ]
        XCTAssertEqual(rows([first, second]), [["一、本年新收", "17", "3"], ["二、上年结转", "2", ""]])
        let built = WordBoxGridBuilder.build(pages: [first, second])
        XCTAssertEqual(built.lines.map(\.page), [1, 2])
        XCTAssertEqual(built.grid?.rows[1].cells[1].location.page, 2)
    }

    func testAHeaderAboveTheValuesEndsTheTableBefore() {
        let page = [
            word("规章", 50, 100), word("0", 200, 100), word("1", 250, 100), word("2", 300, 100),
            word("信息内容", 50, 130), word("本年处理决定数量", 180, 130),
            word("行政许可", 50, 160), word("9487", 240, 160),
        ]
        XCTAssertEqual(rows([page]), [["规章", "0", "1", "2"], ["信息内容", "本年处理决定数量"], ["行政许可", "9487"]])
    }

    /// An indented sub-row label (Shanghai's and Fujian's forms print "（4）…" after spaces) wraps to the
    /// cell's left edge, left of where it started, on the line below: one label, not a group label before it.
    func testAnIndentedLabelWrappedToTheCellsLeftEdgeIsOneLabel() {
        let page = [
            word("对申请的答复总数", 30, 100), word("19", 250, 100), word("25", 300, 100),
            word("（4）“过程中信息且影响安全稳", 60, 120),
            word("31", 250, 127), word("0", 300, 127),
            word("定”数", 30, 133),
            word("（5）“危及安全和稳定”数", 60, 150), word("32", 250, 150), word("0", 300, 150),
        ]
        XCTAssertEqual(rows([page]), [["对申请的答复总数", "19", "25"], ["（4）“过程中信息且影响安全稳 定”数", "31", "0"],
                                      ["（5）“危及安全和稳定”数", "32", "0"]])
        XCTAssertEqual(WordBoxGridBuilder.build(pages: [page]).joinedLabels, ["（4）“过程中信息且影响安全稳 定”数"],
                       "what a layout's phrases are matched against besides the lines")
    }

    /// Labels wrapped into a narrow column over more lines than the row is high (Gansu's form printed with
    /// its Word widths): the values sit on the middle line, so a label's last line lies nearer the next
    /// row's values than its own. A line opening a sub-row's label ("其中", "(2)") parts them.
    func testALineOpeningALabelPartsTheLinesBetweenTwoRows() {
        let page = [
            word("3.否决公", 40, 100), word("开答复总", 40, 113), word("1", 250, 113), word("5", 300, 113), word("数", 40, 126),
            word("其中:", 40, 139), word("(1)“非", 40, 152), word("《规定》", 40, 165), word("0", 250, 165), word("1", 300, 165),
            word("所指政府", 40, 178), word("信息”数", 40, 191),
            word("(2)“信息", 40, 204), word("1", 250, 210.5), word("2", 300, 210.5), word("不存在”数", 40, 217),
        ]
        XCTAssertEqual(rows([page]), [["3.否决公 开答复总 数", "1", "5"], ["其中: (1)“非 《规定》 所指政府 信息”数", "0", "1"],
                                      ["(2)“信息 不存在”数", "1", "2"]])
    }

    func testALabelBrokenByAPageBreakGoesOnItsRow() {
        let first = [word("(8)“免予", 40, 700), word("0", 250, 700), word("0", 300, 700), word("公开范围", 40, 713)]
        let second = [
            word("4”数", 40, 28),
            word("(9)“免予", 40, 42), word("公开范围", 40, 55), word("0", 250, 55), word("1", 300, 55), word("5”数", 40, 68),
        ]
        XCTAssertEqual(rows([first, second]), [["(8)“免予 公开范围 4”数", "0", "0"], ["(9)“免予 公开范围 5”数", "0", "1"]])
    }

    /// A running header and footer printed on every page (the footer's page number a value after its
    /// text): the repeats and the footers are no rows, the table goes on across the page break, the label
    /// broken by the break still joins its row; the header's first printing stays in the text, marked.
    func testRunningHeadersAndFootersAreNoRowsAndATableGoesOnAcrossThem() {
        func header(_ y: Double) -> [PositionedWord] { [word("示例区人民政府办公室", 40, y), word("2023年政府信息公开工作年度报告", 300, y)] }
        func footer(_ page: String, _ y: Double) -> [PositionedWord] {
            [word("示例区人民政府办公室", 40, y), word("—", 280, y), word(page, 292, y), word("—", 302, y)]
        }
        let first = header(20) + [
            word("示例区人民政府2023年政府信息公开工作年度报告", 40, 50),
            word("一、本年新收", 40, 100), word("17", 245, 100), word("3", 300, 100),
            word("(8)“免予", 40, 700), word("0", 250, 700), word("0", 300, 700), word("公开范围", 40, 713),
        ] + footer("1", 800)
        let second = header(21) + [
            word("4”数", 40, 40),
            word("(9)“免予", 40, 54), word("公开范围", 40, 67), word("0", 250, 67), word("1", 300, 67), word("5”数", 40, 80),
        ] + footer("12", 800.5)
        XCTAssertEqual(rows([first, second]), [["示例区人民政府办公室", "2023年政府信息公开工作年度报告"], ["示例区人民政府2023年政府信息公开工作年度报告"],
                                               ["一、本年新收", "17", "3"], ["(8)“免予 公开范围 4”数", "0", "0"], ["(9)“免予 公开范围 5”数", "0", "1"]])
        let built = WordBoxGridBuilder.build(pages: [first, second])
        XCTAssertEqual(built.lines.map(\.text).filter { $0.contains("示例区人民政府办公室") }.count, 1, built.text)
        XCTAssertEqual(built.runningLines, [1], "the header's first printing, a title only when no other line is one")
        XCTAssertEqual(built.grid?.rows.last?.cells.last?.location.page, 2)
    }

    /// Lines at a page's edge are running lines only when printed at the same place on another page (with
    /// digits masked): a first line printed lower on the next page, or with other words, stays.
    func testOnlyLinesRepeatedAtThePageEdgeAreRunningLines() {
        XCTAssertEqual(RunningLines.key("第 12 页  共３页"), "第#页共#页")
        let rowsOfValues = [RunningLines.Candidate(page: 0, top: true, text: "0  0  —", y: 30), RunningLines.Candidate(page: 1, top: true, text: "1  2  —", y: 30)]
        XCTAssertEqual(RunningLines.repeated(rowsOfValues), [false, false], "values alone are a table's row")
        let agency = [RunningLines.Candidate(page: 0, top: false, text: "示例局 — 1 —", y: 800), RunningLines.Candidate(page: 1, top: false, text: "示例局 — 12 —", y: 801.5),
                      RunningLines.Candidate(page: 2, top: false, text: "示例局 — 13 —", y: 806)]
        XCTAssertEqual(RunningLines.repeated(agency), [true, true, false], "within 2 points of each other")
        let first = [word("一、总体情况", 40, 20), word("本局全年主动公开信息12条。", 40, 40)]
        let second = [word("一、总体情况", 40, 60), word("二、主动公开", 40, 20), word("本局全年主动公开信息7条。", 40, 80)]
        let third = [word("二、主动公开", 40, 20), word("本局全年依申请公开9件。", 40, 40)]
        let built = WordBoxGridBuilder.build(pages: [first, second, third])
        XCTAssertEqual(built.lines.map(\.text), ["一、总体情况", "本局全年主动公开信息12条。", "二、主动公开", "一、总体情况", "本局全年主动公开信息7条。",
                                                "本局全年依申请公开9件。"],
                       "二、主动公开 at the top of pages 2 and 3 is a running header: kept once; 一、总体情况 is printed lower on page 2")
        XCTAssertEqual(built.runningLines, [3])
    }

    /// A group label centred across its rows, printed on lines between value lines (a rowspan cell), is
    /// a cell of every row it spans; a row printed across the group's column bounds it.
    func testAGroupLabelCentredAcrossRowsReachesEachOfThem() {
        let page = [
            word("（二）部分公开", 10, 80), word("5", 300, 80),
            word("1.属于国家秘密", 150, 100), word("1", 300, 100),
            word("2.其他法律", 150, 120), word("0", 300, 120),
            word("（三）不予", 30, 124.5),
            word("3.危及安全", 150, 140), word("2", 300, 140),
            word("公开", 40, 135.5),
            word("4.保护第三方", 150, 160), word("3", 300, 160),
            word("（七）总计", 60, 180), word("11", 295, 180),
        ]
        XCTAssertEqual(rows([page]), [["（二）部分公开", "5"], ["（三）不予 公开", "1.属于国家秘密", "1"], ["（三）不予 公开", "2.其他法律", "0"],
                                      ["（三）不予 公开", "3.危及安全", "2"], ["（三）不予 公开", "4.保护第三方", "3"], ["（七）总计", "11"]])
    }

    /// A site's footer printed right under a table is no label of its last row.
    func testSiteChromeUnderATableIsNoLabel() {
        let page = [
            word("（二）举办各类培训班数", 30, 100), word("次", 400, 100), word("1", 450, 100),
            word("人", 400, 114), word("（三）接受培训人员数", 30, 120), word("60", 450, 120), word("次", 400, 126),
            word("主办单位：示例县人力资源和社会保障局", 30, 140),
        ]
        XCTAssertEqual(rows([page]), [["（二）举办各类培训班数", "次", "1"], ["（三）接受培训人员数", "人 次", "60"],
                                      ["主办单位：示例县人力资源和社会保障局"]])
    }

    /// A tall label's last line nearer the site's footer (主办：…) than its row's values stays with its row:
    /// the footer closes the table but takes no lines.
    func testAFooterClosingATableTakesNoLabelLines() {
        let page = [
            word("行政申诉数", 40, 100), word("件", 120, 100), word("34", 180, 100), word("2", 300, 100),
            word("其中:对本", 40, 120), word("部门首次", 40, 133), word("件", 120, 146), word("35", 180, 146), word("1", 300, 146),
            word("处理不满", 40, 146), word("意的行政", 40, 159), word("申诉数", 40, 172),
            word("主办：示例县人民政府办公室", 30, 184),
        ]
        XCTAssertEqual(rows([page]), [["行政申诉数", "件", "34", "2"], ["其中:对本 部门首次 处理不满 意的行政 申诉数", "件", "35", "1"],
                                      ["主办：示例县人民政府办公室"]])
    }

    /// A row printed with its label only (every cell blank in the page: 其他对外管理服务事项 under 行政许可)
    /// is a row of blank slots, read like an HTML row of blank cells. A label's second line is no such row:
    /// a label wraps only when its next character does not fit, so its rest is never wider than the line above
    /// by a character; nor is a line in another column (a group label).
    func testALabelPrintedWithoutValuesIsARowOfBlankSlots() {
        let page = [
            word("信息内容", 50, 100), word("上一年", 120, 100), word("本年增减", 180, 100), word("处理决定", 260, 100),
            word("行政许可", 60, 120), word("145", 125, 120), word("+6", 185, 120), word("3,212", 260, 120),
            word("其他对外管理服务", 40, 133),
            word("第二十条第（八）项", 100, 150),
        ]
        XCTAssertEqual(rows([page]), [["信息内容", "上一年", "本年增减", "处理决定"], ["行政许可", "145", "+6", "3,212"],
                                      ["其他对外管理服务", "", "", ""], ["第二十条第（八）项"]])
        let wrapped = [
            word("2.申请人逾期未按收费", 40, 120), word("3", 260, 120), word("1", 300, 120),
            word("通知要求缴纳费用", 50, 133),
            word("3.其他", 40, 160), word("5", 260, 160), word("6", 300, 160),
        ]
        XCTAssertEqual(rows([wrapped]), [["2.申请人逾期未按收费 通知要求缴纳费用", "3", "1"], ["3.其他", "5", "6"]])
        let otherColumn = [
            word("行政许可", 60, 120), word("145", 125, 120), word("3,212", 260, 120),
            word("其他对外管理服务", 0, 133),
            word("行政处罚", 60, 160), word("12", 125, 160), word("96", 260, 160),
        ]
        XCTAssertFalse(rows([otherColumn]).contains(["其他对外管理服务", "", ""]), "\(rows([otherColumn]))")
    }

    /// A header whose label cells wrap around the line naming the value columns (指 标 名 / 称 and
    /// 计量 / 单位, centred on 代码 · 本期实际 · 本年累计) is one row; the column-number row under it keeps
    /// its own labels.
    func testAHeaderWrappedAroundItsColumnNamesIsOneRow() {
        let page = [
            word("附件：统计报表", 30, 40),
            word("指标名", 40, 60), word("计量", 110, 60),
            word("代码", 170, 67), word("本期实际", 220, 67), word("本年累计", 280, 67),
            word("称", 55, 74), word("单位", 110, 74),
            word("甲", 55, 95), word("乙", 115, 95), word("丙", 175, 95), word("1", 240, 95), word("2", 300, 95),
            word("主动公开", 40, 115), word("条", 115, 122), word("01", 175, 122), word("86", 235, 122), word("1,035", 290, 122),
            word("信息数", 40, 128),
            word("申请总数", 40, 145), word("条", 115, 145), word("10", 175, 145), word("2", 240, 145), word("19", 295, 145),
        ]
        XCTAssertEqual(rows([page]), [["附件：统计报表"], ["指标名 称", "计量 单位", "代码", "本期实际", "本年累计"],
                                      ["甲", "乙", "丙", "", "1", "2"], ["主动公开 信息数", "条", "01", "86", "1,035"],
                                      ["申请总数", "条", "10", "2", "19"]])
        XCTAssertTrue(WordBoxGridBuilder.build(pages: [page]).joinedLabels.contains("指标名 称"))
    }

    /// A paragraph's lines wrapped at the right margin are one line, as HTML gives it: a sentence broken
    /// between its phrase and its number is read whole. A new paragraph (indented), a numbered heading, a
    /// line after a sentence's end and a table's label column are not joined.
    func testAParagraphWrappedAtTheMarginIsOneLine() {
        let page = [
            word("二、主动公开情况", 50, 80),
            word("全年主动公开政府信息1052条，其中组织机构类信息12条，其他信", 50, 100), word("息211条。网站访问量约12万人次。", 30, 112),
            word("全年共受理申请17件，其中网上申请11件，当面申请4件，信函申请", 50, 132), word("2件。已答复17件。", 30, 144),
            word("三、依申请公开情况以及其他情况的说明和进一步的工作安排。", 30, 164), word("四、收费情况", 30, 176),
        ]
        let lines = WordBoxGridBuilder.build(pages: [page]).lines.map(\.text)
        XCTAssertEqual(lines, ["二、主动公开情况", "全年主动公开政府信息1052条，其中组织机构类信息12条，其他信息211条。网站访问量约12万人次。",
                               "全年共受理申请17件，其中网上申请11件，当面申请4件，信函申请2件。已答复17件。",
                               "三、依申请公开情况以及其他情况的说明和进一步的工作安排。", "四、收费情况"])
        let table = [
            word("全年主动公开政府信息1052条，其中组织机构类信息12条，其他信息", 30, 60),
            word("主动公开", 30, 100), word("1", 300, 106), word("2", 350, 106), word("信息数", 30, 113),
        ]
        XCTAssertEqual(WordBoxGridBuilder.build(pages: [table]).lines.map(\.text),
                       ["全年主动公开政府信息1052条，其中组织机构类信息12条，其他信息", "主动公开", "1  2", "信息数"],
                       "a label is no paragraph's next line")
    }

    /// A title printed larger than the text and wrapped over two lines is offered whole as a title.
    func testAHeadingWrappedOverLinesIsOfferedWhole() {
        func large(_ text: String, _ x: Double, _ y: Double) -> PositionedWord {
            PositionedWord(text: text, xMin: x, yMin: y, xMax: x + Double(text.unicodeScalars.count) * 20, yMax: y + 20)
        }
        let page = [
            large("示例区人民政府办公室2010年政府信息公开工作年", 30, 50), large("度报告", 30, 73),
            word("本年度报告根据《中华人民共和国政府信息公开条例》编制。", 30, 110), word("一、概述", 30, 125),
            word("主动公开", 30, 140), word("812", 250, 140),
        ]
        XCTAssertEqual(WordBoxGridBuilder.build(pages: [page]).headings, ["示例区人民政府办公室2010年政府信息公开工作年度报告"])
    }

    func testProseGivesNoGrid() {
        XCTAssertNil(WordBoxGridBuilder.build(pages: [[word("本报告由区政府办公室编制。", 50, 100)]]).grid)
    }

    func testItemNumbersStartCells() {
        XCTAssertTrue(WordBoxGridBuilder.startsItem("2.申请人逾期"))
        XCTAssertTrue(WordBoxGridBuilder.startsItem("（六）其他处理"))
        XCTAssertTrue(WordBoxGridBuilder.startsItem("四、结转"))
        XCTAssertFalse(WordBoxGridBuilder.startsItem("申请"))
        XCTAssertFalse(WordBoxGridBuilder.startsItem("2024"))
    }

    /// 表四 as a table of one row under a header wrapped over two lines: the values show 4 columns, the
    /// header 5; the column blank in the row is a blank slot where the header prints it. The title and the
    /// group header above reach over several columns and are no column of their own.
    func testAColumnBlankInEveryRowOfATableOfOneRowIsPlacedFromItsHeader() {
        let page = [
            word("四、行政复议", 0, 60),
            word("行政复议", 130, 80),
            word("结果", 50, 100), word("结果", 100, 100), word("其他", 150, 100), word("尚未", 200, 100),
            word("维持", 50, 113), word("纠正", 100, 113), word("结果", 150, 113), word("审结", 200, 113), word("总计", 250, 106),
            word("2", 65, 130), word("1", 115, 130), word("1", 215, 130), word("4", 265, 130),
        ]
        XCTAssertEqual(rows([page]).last, ["2", "1", "", "1", "4"])
    }

    /// A title centred over the columns, between two of them, on a line of its own: no column.
    func testATitleBetweenTwoColumnsIsNoColumn() {
        let page = [
            word("第二十条", 100, 80),
            word("本年新", 60, 100), word("对外公开", 150, 100),
            word("规章", 10, 120), word("0", 70, 120), word("0", 160, 120),
        ]
        XCTAssertEqual(rows([page]).last, ["规章", "0", "0"])
    }
}
