/// What the report reader's walks need of a node: `RawNode` (a libxml2 tree) and `TreeNode` (an
/// `HTMLTree` built from libxml2's SAX events) both provide it, so one walk reads either.
protocol MarkupNode {
    associatedtype Children: Sequence where Children.Element == Self
    var isElement: Bool { get }
    /// Text or CDATA.
    var isText: Bool { get }
    /// The element's name as parsed (lower case for HTML), or "" for non-elements.
    var name: String { get }
    /// True when the element's name is `name`, compared on the bytes.
    func hasName(_ name: StaticString) -> Bool
    /// The element's name as the parser interned it: one pointer per name in a document, so it can key a cache.
    var namePointer: UnsafeRawPointer? { get }
    /// The `class` and `id` attributes.
    var classAndID: (class: String?, id: String?) { get }
    /// An attribute's value (`colspan`, `rowspan`).
    func attribute(_ name: String) -> String?
    /// The line of the element in the page source (1-based), when known.
    var line: Int? { get }
    /// The UTF-8 bytes of a text node, read in place.
    func withText<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R?
    /// The children, in order.
    var children: Children { get }
    /// All text below the node, concatenated.
    var textContent: String { get }
}

extension MarkupNode {
    /// True when an element below this one satisfies `predicate` (depth first, stops at the first;
    /// an explicit stack rather than recursion).
    func hasDescendant(where predicate: (Self) -> Bool) -> Bool {
        var stack = [children.makeIterator()]
        while !stack.isEmpty {
            guard let child = stack[stack.count - 1].next() else { stack.removeLast(); continue }
            guard child.isElement else { continue }
            if predicate(child) { return true }
            stack.append(child.children.makeIterator())
        }
        return false
    }
}
