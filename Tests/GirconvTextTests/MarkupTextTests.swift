import XCTest
@testable import GirconvText

final class MarkupTextTests: XCTestCase {
    func testMarkupCharactersAndQuotes() {
        XCTAssertEqual(MarkupText.escaped("a<b>&\"c\"'d'", quotes: false), "a&lt;b&gt;&amp;\"c\"'d'")
        XCTAssertEqual(MarkupText.escaped("a<b>&\"c\"'d'", quotes: true), "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;")
        XCTAssertEqual(MarkupText.escaped("&lt;", quotes: true), "&amp;lt;", "an entity in the text stays text")
    }

    func testCharactersXMLDoesNotAllowAreLeftOut() {
        XCTAssertEqual(MarkupText.escaped("洪泽\u{1}区\u{0}\t11\n\r\u{FFFE}\u{FFFF}", quotes: false), "洪泽区\t11\n\r")
    }
}
