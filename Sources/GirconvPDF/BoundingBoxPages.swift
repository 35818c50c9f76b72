import GirconvCore
import GirconvXML
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The words of `pdftotext -bbox-layout`'s XHTML, page by page, with their boxes.
///
/// Only its `<doc>` element is parsed (`<doc><page><flow><block><line><word xMin=… yMin=… xMax=… yMax=…>`):
/// the head before it holds the document's metadata as poppler copied it (bytes in any encoding) and a
/// DOCTYPE, which the strict XML-part parse (no DTD, bounded depth) refuses by design.
enum BoundingBoxPages {
    /// The pages' words, or nil when the output has no `<doc>` element or it is not well-formed XML.
    static func parse(_ xhtml: [UInt8]) -> [[PositionedWord]]? {
        guard let start = find(Array("<doc>".utf8), in: xhtml, from: 0),
              let end = findLast(Array("</doc>".utf8), in: xhtml, after: start) else { return nil }
        let part = Array(xhtml[start..<(end + 6)])
        guard let tree = try? LibXML2Tree(xmlPart: part), let doc = tree.root else { return nil }
        return withExtendedLifetime(tree) {
            var pages: [[PositionedWord]] = []
            for page in doc.children where page.hasName("page") {
                var words: [PositionedWord] = []
                collectWords(below: page, into: &words)
                pages.append(words)
            }
            return pages
        }
    }

    /// Every `<word>` below a node, in document order (an explicit stack: nesting is bounded but deep).
    private static func collectWords(below node: LibXML2Tree.Node, into words: inout [PositionedWord]) {
        var stack = [node.children.makeIterator()]
        while !stack.isEmpty {
            guard let child = stack[stack.count - 1].next() else { stack.removeLast(); continue }
            guard child.isElement else { continue }
            if child.hasName("word") {
                guard let box = box(of: child) else { continue }
                let (xMin, yMin, xMax, yMax) = box
                // A word's text is its one text child (read in place); anything else through libxml2.
                var children = child.children.makeIterator()
                let only = children.next()
                let text = only.flatMap { node in children.next() == nil ? node.withText { String(decoding: $0, as: UTF8.self) } : nil }
                words.append(PositionedWord(text: text ?? child.textContent, xMin: xMin, yMin: yMin, xMax: xMax, yMax: yMax))
            } else {
                stack.append(child.children.makeIterator())
            }
        }
    }

    /// The word's xMin, yMin, xMax, yMax, read in place; nil unless all four are finite numbers.
    private static func box(of node: LibXML2Tree.Node) -> (Double, Double, Double, Double)? {
        var values: [Double] = [.nan, .nan, .nan, .nan]
        node.forEachTextAttribute { name, value in
            // "xMin" "yMin" "xMax" "yMax": the first letter and the third tell them apart.
            guard name[0] == 0x78 || name[0] == 0x79, name[1] != 0, name[2] != 0, name[3] != 0, name[4] == 0 else { return }
            let index = (name[0] == 0x78 ? 0 : 1) + (name[2] == 0x61 ? 2 : 0)   // 'a' of "Max"
            var end: UnsafeMutablePointer<CChar>? = nil
            let number = strtod(value, &end)
            if let end, end != UnsafeMutablePointer(mutating: value), end.pointee == 0 { values[index] = number }
        }
        guard values.allSatisfy(\.isFinite) else { return nil }
        return (values[0], values[1], values[2], values[3])
    }

    /// The last place of `needle` after `start` (the end of `<doc>` is near the end of the output).
    private static func findLast(_ needle: [UInt8], in haystack: [UInt8], after start: Int) -> Int? {
        var i = haystack.count - needle.count
        while i > start {
            if haystack[i] == needle[0], haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i -= 1
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var i = from
        while i + needle.count <= haystack.count {
            if haystack[i] == needle[0], haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
