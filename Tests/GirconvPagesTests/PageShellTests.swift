import GirconvCore
import Plot
import XCTest
@testable import GirconvPages

final class PageShellTests: XCTestCase {
    func testDocumentIsSelfContainedAndEscapesText() {
        let page = PageShell.document(title: "洪泽区 <2023> & \"年报\"", subtitle: "a<b",
                                      body: .p(.text("<script>alert(1)</script>")))
        XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(page.contains("<html lang=\"zh\""), page)
        XCTAssertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertFalse(page.contains("<script>"), "no script from the text, and none of the page's own")
        XCTAssertTrue(page.contains("洪泽区 &lt;2023&gt; &amp;"))
        for external in ["http://", "https://", "<link", "src=", "@import", "url("] {
            XCTAssertFalse(page.contains(external), "page refers to something outside itself: \(external)")
        }
    }

    func testEveryReadingRuleHasItsOwnColourAndClass() {
        let classes = ReadingRule.allCases.map(PageShell.cssClass(for:))
        XCTAssertEqual(Set(classes).count, ReadingRule.allCases.count, "\(classes)")
        for rule in ReadingRule.allCases {
            XCTAssertNotNil(PageShell.ruleColours[rule], "\(rule) has no colour")
            XCTAssertTrue(PageShell.sharedStyle.contains(".\(PageShell.cssClass(for: rule)){background:"))
        }
        XCTAssertEqual(PageShell.cssClass(for: .noneWordAsZero), "how-none-word-read-as-0")
        XCTAssertEqual(PageShell.cssClass(for: .printed), "how-printed")
    }

    func testLegendNamesEveryRuleAsTheRecordPrintsIt() {
        let page = PageShell.document(title: "legend", body: PageShell.legend())
        for rule in ReadingRule.allCases {
            XCTAssertTrue(page.contains(rule.rawValue), rule.rawValue)
        }
    }
}

final class PageShellBrowserTests: XCTestCase {
    /// The frame renders in a real browser: the title and the legend's every rule reach the rendered DOM.
    func testFrameRendersInAHeadlessBrowser() throws {
        let browser = try HeadlessBrowser.required()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("girconv-pages-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("frame.html")
        try PageShell.document(title: "淮安市洪泽区人民政府 2023", body: PageShell.legend())
            .write(to: page, atomically: true, encoding: .utf8)
        let dom = try browser.renderedDOM(of: page)
        XCTAssertTrue(dom.contains("<h1>淮安市洪泽区人民政府 2023</h1>"), dom)
        for rule in ReadingRule.allCases { XCTAssertTrue(dom.contains(rule.rawValue), rule.rawValue) }
    }
}
