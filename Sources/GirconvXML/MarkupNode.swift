/// A node of a parsed page or XML part, as the readers walk it: `HTMLTree.Node` (an HTML page read through
/// libxml2's SAX events) and `LibXML2Tree.Node` (libxml2's own tree: a .docx's XML part, and the reference
/// reading of HTML) both provide it, so one walk reads either. A node holds no reference to its tree: it is
/// valid while the tree is alive (the readers keep the tree alive around their walk), and costs no
/// reference counting however many a walk visits.
package protocol MarkupNode {
    associatedtype Children: Sequence where Children.Element == Self
    var isElement: Bool { get }
    /// Text or CDATA.
    var isText: Bool { get }
    /// The element's name as parsed, or "" for non-elements. libxml2's HTML parser lower-cases tag names
    /// ("TD" → "td"); XML names are local names and keep their case ("gridSpan" in a .docx).
    var name: String { get }
    /// True when the element's name is `name`, compared on the bytes.
    func hasName(_ name: StaticString) -> Bool
    /// The element's name as the parser interned it: one pointer per name in a document, so it can key a cache.
    var namePointer: UnsafeRawPointer? { get }
    /// The `class` and `id` attributes.
    var classAndID: (class: String?, id: String?) { get }
    /// An attribute's value (`colspan`, `rowspan`; `w:val` in a .docx).
    func attribute(_ name: String) -> String?
    /// How the element's own markup hides it (`Hiding`): the `hidden` attribute or an inline `display:none`
    /// removes it, an inline `visibility:hidden` makes it invisible in its place.
    var hiding: Hiding { get }
    /// The line of the element in the source (1-based), when known.
    var line: Int? { get }
    /// The UTF-8 bytes of a text node, read in place.
    func withText<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R?
    /// The children, in order.
    var children: Children { get }
    /// All text below the node, concatenated.
    var textContent: String { get }
    /// True when an element below this one satisfies `predicate` (depth first, stops at the first). A
    /// requirement, with one implementation below, so that a call from another module reaches the version
    /// specialised for the node type rather than the generic one.
    func hasDescendant(where predicate: (Self) -> Bool) -> Bool
}

extension MarkupNode {
    package func hasDescendant(where predicate: (Self) -> Bool) -> Bool {
        Self.firstElement(among: children, where: predicate) != nil
    }

    /// The first element among `nodes` and their descendants, in document order (depth first), that
    /// satisfies `predicate`. An explicit stack rather than recursion: elements nest up to libxml2's limit
    /// (256), and worker threads have small stacks.
    package static func firstElement(among nodes: Children, where predicate: (Self) -> Bool) -> Self? {
        var stack = [nodes.makeIterator()]
        while !stack.isEmpty {
            guard let node = stack[stack.count - 1].next() else { stack.removeLast(); continue }
            guard node.isElement else { continue }
            if predicate(node) { return node }
            stack.append(node.children.makeIterator())
        }
        return nil
    }
}

/// A parsed document whose nodes are `MarkupNode`s: `HTMLTree` and `LibXML2Tree`. The tree owns its nodes'
/// storage; keep it alive (`withExtendedLifetime`) while its nodes are used.
package protocol MarkupTree: AnyObject {
    associatedtype Node: MarkupNode
    /// The document's own children: a DTD, comments, processing instructions, the root element.
    var topLevelNodes: Node.Children { get }
    /// The first element of a name in document order (what the XPath `//name` selects first).
    func first(named name: StaticString) -> Node?
}

extension MarkupTree {
    /// The root element (`<html>`; `w:document` in a .docx), as libxml2's `xmlDocGetRootElement` finds it:
    /// the first element among the document's children.
    package var root: Node? { topLevelNodes.first { $0.isElement } }

    package func first(named name: StaticString) -> Node? {
        Node.firstElement(among: topLevelNodes) { $0.hasName(name) }
    }
}
