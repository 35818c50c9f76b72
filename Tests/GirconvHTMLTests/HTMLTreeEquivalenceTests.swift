import Foundation
import XCTest
import GirconvCore
import GirconvCorpus
@testable import GirconvHTML

/// The report reader walks an `HTMLTree` built from libxml2's SAX events; libxml2's own tree is the
/// reference. Every page must give the same document either way: text, lines, tables (cells, spans,
/// line numbers) and title hints.
final class HTMLTreeEquivalenceTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func assertSameDocument(_ bytes: [UInt8], name: String, file: StaticString = #filePath, line: UInt = #line) {
        let raw = RawInput(name: name, bytes: bytes)
        guard let decoded = try? InputDecoder.decode(raw) else { return }
        let source = SourceInfo(name: name, sha256: "", mediaType: "text/html", encoding: decoded.encoding, byteCount: bytes.count)
        let reader = HTMLReportReader()
        let fromTree = try? reader.read(decoded, source: source)
        let fromLibxml2 = try? reader.readWithLibxml2Tree(decoded, source: source)
        XCTAssertEqual(fromTree == nil, fromLibxml2 == nil, "\(name): one reading failed", file: file, line: line)
        guard let fromTree, let fromLibxml2 else { return }
        XCTAssertEqual(fromTree.text, fromLibxml2.text, "\(name): text", file: file, line: line)
        XCTAssertEqual(fromTree.lines, fromLibxml2.lines, "\(name): lines", file: file, line: line)
        XCTAssertEqual(fromTree.tables, fromLibxml2.tables, "\(name): tables", file: file, line: line)
        XCTAssertEqual(fromTree.titleHints, fromLibxml2.titleHints, "\(name): title hints", file: file, line: line)
    }

    /// Markup where libxml2's tree builder makes choices the SAX tree must make the same way.
    func testAwkwardMarkup() {
        let pages = [
            "",
            " ",
            "plain text, no markup",
            "<!DOCTYPE html><html><head><title>标题_网站</title></head><body><p>正文</p></body></html>",
            "<!-- a comment first --><html><body><p>after a comment</p></body></html>",
            "<?xml version=\"1.0\"?><html><body><p>after a processing instruction</p></body></html>",
            "<html><body><p>in</p></body></html><p>after the root closed</p>text after",
            "<!DOCTYPE html><html><body><table><tr><td>a</td></tr></table></body></html><table><tr><td>late</td></tr></table>",
            "<p>no html element</p><table><tr><td>规章</td><td>0</td></tr></table>",
            "<html><body><table><tr><td colspan=2 rowspan=3 class=x id=y nowrap>a</td><td colspan>b</td><td rowspan=''>c</td></tr></table></body></html>",
            "<html><body><div class='nav' class='content'>dup</div><div id=footer id=main><table><tr><td>kept</td></tr></table></div></body></html>",
            "<HTML><BODY><TABLE><TR><TD>UPPER</TD><TD>1</TD></TR></TABLE></BODY></HTML>",
            "<table><tr><td>unclosed<td>0<tr><td>规范性文件<td>6</table><p>unclosed <b>bold <i>italic",
            "<html><head><script>var a = '<table><tr><td>not a table</td></tr></table>';</script><style>p{}</style></head><body><p>x</p></body></html>",
            "<html><body><td>stray cell</td><tr><td>stray row</td></tr></body></html>",
            "<html><body><table><tr><td>a &amp; b &nbsp; &lt;c&gt; &#20013;&#x6587;</td></tr></table></body></html>",
            "<html><body><h1>示例县财政局2020年政府信息公开工作年度报告</h1><h2 class=title>二级标题文字</h2></body></html>",
            "<html><body><table><tr><td><table><tr><td>nested</td><td>1</td></tr></table></td></tr></table></body></html>",
            "<html><body>" + String(repeating: "<div>", count: 300) + "deep" + String(repeating: "</div>", count: 300) + "</body></html>",
            "<html><body><p>a\u{0}b</p><table><tr><td>\u{1}</td></tr></table></body></html>",
            "<html><head><title>a<b>b</b>c</title></head></html>",
            "<html><body><pre>\n  spaced\n\n  lines\n</pre><br><br/>x<br>y</body></html>",
            "<html><body><table><tr><td>1</td></tr>" + String(repeating: "\n", count: 70_000) + "<tr><td>far below</td></tr></table></body></html>",
            "<body><frameset><frame src=x></frameset><noscript><p>no script</p></noscript></body>",
            "<!DOCTYPE html><!DOCTYPE html><html><body><p>a</p><!DOCTYPE x><table><tr><td>b</td></tr></table></body></html><p>c</p>",
            "<!-- c --><!DOCTYPE html><p>comment before the doctype</p>",
            "<html><body><p style='DISPLAY : None'>hidden</p><p hidden>also</p><p style=\"color:red;visibility:hidden !important\">too</p>"
                + "<p style='mso-display:none'>shown</p><table><tr style='display:none'><td>规章</td><td>9</td></tr><tr><td>规章</td>"
                + "<td hidden>9</td><td>57<span style='display:none'>1</span></td><td style='visibility:hidden;display:block'>3</td>"
                + "<td style='display:none;display:block'>4</td></tr></table></body></html>",
        ]
        for (index, page) in pages.enumerated() { assertSameDocument(Array(page.utf8), name: "awkward-\(index)") }
    }

    func testSamplesSeedsAndFuzzSeeds() throws {
        let directories = ["Samples", "Fuzz/corpus", "docs/examples"].map { Self.root.appendingPathComponent($0) }
            + [Self.root.deletingLastPathComponent().appendingPathComponent("shared/seeds")]
        var count = 0
        for directory in directories {
            guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in enumerator where !url.hasDirectoryPath {
                guard ["", "html", "htm", "txt"].contains(url.pathExtension.lowercased()),
                      let data = try? Data(contentsOf: url), data.count < 2_000_000 else { continue }
                assertSameDocument(Array(data), name: url.lastPathComponent)
                count += 1
            }
        }
        XCTAssertGreaterThan(count, 200)
    }

    func testRealisticPages() throws {
        let pages = try RealisticCorpus.generate(samples: Self.root.appendingPathComponent("Samples"), count: 80)
        XCTAssertEqual(pages.count, 80)
        for page in pages { assertSameDocument(page.bytes, name: page.name) }
    }
}
