import XCTest
import GirconvXML

final class LibXML2TreeTests: XCTestCase {
    /// The elements of a name, in document order, read while the tree is alive.
    func elements<R>(named name: StaticString, in tree: LibXML2Tree, _ read: (LibXML2Tree.Node) -> R) -> [R] {
        withExtendedLifetime(tree) {
            var found: [R] = []
            _ = LibXML2Tree.Node.firstElement(among: tree.topLevelNodes) { node in
                if node.hasName(name) { found.append(read(node)) }
                return false
            }
            return found
        }
    }

    func testNodeReadsNameAttributesTextAndLine() throws {
        let tree = try LibXML2Tree(html: "<html><body>\n<p id='x' class='c'>政府信息公开</p></body></html>")
        XCTAssertEqual(elements(named: "p", in: tree) { $0.attribute("id") }, ["x"])
        XCTAssertEqual(elements(named: "p", in: tree) { $0.classAndID.class }, ["c"])
        XCTAssertEqual(elements(named: "p", in: tree) { $0.textContent }, ["政府信息公开"])
        XCTAssertEqual(elements(named: "p", in: tree) { $0.line }, [2])
        XCTAssertEqual(withExtendedLifetime(tree) { tree.root?.name }, "html")
    }

    func testManyTreesAreFreed() throws {
        // Parse and drop many trees: with leaks or double frees this crashes or grows without bound.
        for i in 0..<2_000 {
            let tree = try LibXML2Tree(html: "<table><tr><td>\(i)</td></tr></table>")
            XCTAssertEqual(elements(named: "td", in: tree) { $0.textContent }, ["\(i)"])
        }
    }

    func testMalformedMarkupIsRecovered() throws {
        let tree = try LibXML2Tree(html: "<table><tr><td>规章<td>0<tr><td>规范性文件<td>6</table><p>unclosed <b>bold <i>italic")
        XCTAssertEqual(elements(named: "tr", in: tree) { _ in () }.count, 2)
        XCTAssertEqual(elements(named: "td", in: tree) { $0.textContent }, ["规章", "0", "规范性文件", "6"])
    }

    func testEmptyAndJunkInputsDoNotCrash() throws {
        for input in ["", "<", "<<<>>>", "\u{0}\u{1}", String(repeating: "<div>", count: 5_000), "</table></tr></td>"] {
            if let tree = try? LibXML2Tree(html: input) { _ = elements(named: "td", in: tree) { $0.textContent } }
            if let tree = try? HTMLTree(utf8: input) { _ = withExtendedLifetime(tree) { tree.first(named: "td")?.textContent } }
        }
        XCTAssertThrowsError(try LibXML2Tree(html: ""), "libxml2 parses no empty page")
        XCTAssertThrowsError(try HTMLTree(utf8: ""), "nor does the SAX parse")
    }

    func testExplicitUTF8WinsOverAMetaThatLies() throws {
        let page = "<html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'></head><body><p>朱镕基 政府信息公开</p></body></html>"
        XCTAssertEqual(elements(named: "p", in: try LibXML2Tree(html: page)) { $0.textContent }, ["朱镕基 政府信息公开"])
        let tree = try HTMLTree(utf8: page)
        XCTAssertEqual(withExtendedLifetime(tree) { tree.first(named: "p")?.textContent }, "朱镕基 政府信息公开")
    }

    /// The SAX parse stops where libxml2's tree builder stops: below `CLIBXML2_TREE_DEPTH_LIMIT` + 1 open elements.
    func testBothParsesStopAtTheSameDepth() throws {
        let page = String(repeating: "<div>", count: 300) + "deep" + String(repeating: "</div>", count: 300)
        func depth<Tree: MarkupTree>(_ tree: Tree) -> Int {
            withExtendedLifetime(tree) {
                var depth = 0
                var node = tree.root
                while let current = node { depth += 1; node = current.children.first { $0.isElement } }
                return depth
            }
        }
        let libxml2Depth = depth(try LibXML2Tree(html: page))
        XCTAssertEqual(depth(try HTMLTree(utf8: page)), libxml2Depth)
        XCTAssertLessThan(libxml2Depth, 300)
    }

    func testXMLPartIsStrict() {
        XCTAssertThrowsError(try LibXML2Tree(xmlPart: Array("<!DOCTYPE a [<!ENTITY e 'x'>]><a>&e;</a>".utf8))) {
            XCTAssertEqual($0 as? XMLPartError, .declaresDTD)
        }
        let deep = String(repeating: "<a>", count: 40) + String(repeating: "</a>", count: 40)
        XCTAssertThrowsError(try LibXML2Tree(xmlPart: Array(deep.utf8), maxDepth: 30)) {
            XCTAssertEqual($0 as? XMLPartError, .tooDeep(limit: 30))
        }
        XCTAssertThrowsError(try LibXML2Tree(xmlPart: Array("<a>\n<b></a>".utf8))) { error in
            guard case let .malformed(line, _, message) = error as? XMLPartError else { return XCTFail("\(error)") }
            XCTAssertEqual(line, 2)
            XCTAssertFalse(message.isEmpty)
        }
        XCTAssertEqual(XMLPartError.defaultMaxDepth, 256)
    }

    func testXMLPartNamesAndTextKeepTheirCase() throws {
        let tree = try LibXML2Tree(xmlPart: Array("<w:document xmlns:w='urn:w'><w:p><w:gridSpan w:val='2'/><w:t>文<![CDATA[字]]></w:t></w:p></w:document>".utf8))
        XCTAssertEqual(elements(named: "gridSpan", in: tree) { $0.attribute("val") }, ["2"])
        XCTAssertEqual(elements(named: "t", in: tree) { node in
            node.children.compactMap { $0.withText { String(decoding: $0, as: UTF8.self) } }
        }, [["文", "字"]])
    }
}
