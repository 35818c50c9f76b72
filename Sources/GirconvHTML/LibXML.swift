import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libxml2 is initialised once per process, before the first parse.
let libxml2Initialised: Void = { clibxml2_initialize() }()

/// Parser options as an option set (RECOVER | NONET | NOERROR | NOWARNING by default).
public struct HTMLParseOptions: OptionSet, Sendable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public static let recover = HTMLParseOptions(rawValue: Int32(HTML_PARSE_RECOVER.rawValue))
    public static let noNetwork = HTMLParseOptions(rawValue: Int32(HTML_PARSE_NONET.rawValue))
    public static let noErrors = HTMLParseOptions(rawValue: Int32(HTML_PARSE_NOERROR.rawValue))
    public static let noWarnings = HTMLParseOptions(rawValue: Int32(HTML_PARSE_NOWARNING.rawValue))
    public static let `default`: HTMLParseOptions = [.recover, .noNetwork, .noErrors, .noWarnings]
}

/// Why an HTML page could not be parsed at all (libxml2 recovers from nearly everything).
public struct HTMLParseError: Error, Sendable, CustomStringConvertible {
    public let description: String
}

/// A parsed HTML document. Owns the libxml2 tree and frees it when the last reference (including every
/// `HTMLNode` taken from it) goes away. Not Sendable: use one document per task.
public final class HTMLDocument {
    let pointer: htmlDocPtr

    /// Parses UTF-8 text. The bytes are read in place (no copy) and only for the duration of the call;
    /// the charset is given explicitly, so a `<meta charset>` in the page cannot re-decode it.
    public init(utf8 text: String, url: String? = nil, options: HTMLParseOptions = .default) throws {
        _ = libxml2Initialised
        var text = text
        let parsed: htmlDocPtr? = text.withUTF8 { buffer -> htmlDocPtr? in
            guard buffer.count <= Int(Int32.max), let base = buffer.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                htmlReadMemory(chars, Int32(buffer.count), url, "UTF-8", options.rawValue)
            }
        }
        guard let parsed else { throw HTMLParseError(description: "libxml2 could not parse the page") }
        pointer = parsed
    }

    /// Parses raw bytes in a named encoding ("UTF-8", "GB18030" …) exactly as libxml2 would on its own;
    /// used by the benchmark as the parse-only baseline.
    public init(bytes: [UInt8], encoding: String, options: HTMLParseOptions = .default) throws {
        _ = libxml2Initialised
        let parsed: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer -> htmlDocPtr? in
            guard buffer.count <= Int(Int32.max), let base = buffer.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                htmlReadMemory(chars, Int32(buffer.count), nil, encoding, options.rawValue)
            }
        }
        guard let parsed else { throw HTMLParseError(description: "libxml2 could not parse the page") }
        pointer = parsed
    }

    /// Parses an XML part (for example `word/document.xml` of a .docx) into the same tree type, strictly and
    /// within bounds, because the part comes from an untrusted file:
    /// - no recovery: a malformed part is refused with libxml2's message and its line (Word refuses it too);
    /// - a `<!DOCTYPE …>` is refused as soon as it is seen, before its internal subset, so no entity is ever
    ///   declared, let alone expanded (no XML_PARSE_NOENT, no DTD loading, no network either);
    /// - elements nest at most `maxDepth` deep (no XML_PARSE_HUGE, which would lift libxml2's own limit).
    /// Throws `XMLPartError`.
    public init(xml bytes: [UInt8], maxDepth: Int = XMLPartError.defaultMaxDepth) throws {
        _ = libxml2Initialised
        guard bytes.count <= Int(Int32.max) else { throw XMLPartError.tooLarge(bytes: bytes.count) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        var part = clibxml2_xml_part()
        part.maxDepth = UInt32(clamping: max(maxDepth, 1))
        let parsed: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer -> xmlDocPtr? in
            guard let base = buffer.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                clibxml2_read_xml_part(chars, Int32(buffer.count), "UTF-8", options, &part)
            }
        }
        switch part.status {
        case CLIBXML2_XML_PART_DOCTYPE: throw XMLPartError.declaresDTD
        case CLIBXML2_XML_PART_TOO_DEEP: throw XMLPartError.tooDeep(limit: Int(part.maxDepth))
        default: break
        }
        guard let parsed else {
            // libxml2's message is one line ending in "\n"; an empty part (no storage) never reaches libxml2.
            let message = withUnsafeBytes(of: part.message) { raw in
                String(decoding: raw.prefix { $0 != 0 && $0 != 0x0A }, as: UTF8.self)
            }
            throw XMLPartError.malformed(line: Int(part.line), column: Int(part.column),
                                         message: message.isEmpty ? (bytes.isEmpty ? "the part is empty" : "libxml2 gave no reason") : message)
        }
        pointer = parsed
    }

    deinit { xmlFreeDoc(pointer) }

    /// The root element (`<html>`), if any.
    public var root: HTMLNode? {
        xmlDocGetRootElement(pointer).map { HTMLNode(document: self, pointer: $0) }
    }

    /// Evaluates an XPath expression from the document root; returns the element nodes it selects.
    public func select(_ xpath: String) -> [HTMLNode] { select(xpath, from: nil) }

    func select(_ xpath: String, from node: xmlNodePtr?) -> [HTMLNode] {
        guard let context = xmlXPathNewContext(pointer) else { return [] }
        defer { xmlXPathFreeContext(context) }
        if let node { context.pointee.node = node }
        guard let result = xmlXPathEvalExpression(xpath, context) else { return [] }
        defer { xmlXPathFreeObject(result) }
        let set = result.pointee.nodesetval
        let count = clibxml2_nodeset_count(set)
        var nodes: [HTMLNode] = []
        nodes.reserveCapacity(Int(count))
        for i in 0..<count {
            if let item = clibxml2_nodeset_item(set, i) { nodes.append(HTMLNode(document: self, pointer: item)) }
        }
        return nodes
    }
}

/// A node of an `HTMLDocument`. Holds its document strongly, so it stays valid however long it is kept.
public struct HTMLNode {
    public let document: HTMLDocument
    let pointer: xmlNodePtr

    init(document: HTMLDocument, pointer: xmlNodePtr) {
        self.document = document
        self.pointer = pointer
    }

    public var isElement: Bool { raw.isElement }
    public var isText: Bool { raw.isText }

    /// The element's local name as parsed, or "" for non-elements. libxml2's HTML parser lower-cases
    /// tag names ("TD" → "td"); XML names keep their case ("gridSpan" in a .docx).
    public var name: String { raw.name }

    /// True when the element's name is `name` (compared on the bytes, without making a string).
    public func hasName(_ name: StaticString) -> Bool { raw.hasName(name) }

    /// The line of the node in the page source (1-based), when libxml2 knows it.
    public var line: Int? { raw.line }

    /// An attribute's value.
    public func attribute(_ name: String) -> String? { raw.attribute(name) }

    /// The text of a text node.
    public var textValue: String? {
        guard isText, let content = pointer.pointee.content else { return nil }
        return String(cString: content)
    }

    /// All text below the node, concatenated.
    public var textContent: String {
        guard let content = xmlNodeGetContent(pointer) else { return "" }
        defer { clibxml2_free(content) }
        return String(cString: content)
    }

    /// Child nodes (elements and text), in order.
    public var children: [HTMLNode] {
        var nodes: [HTMLNode] = []
        var child = pointer.pointee.children
        while let current = child {
            nodes.append(HTMLNode(document: document, pointer: current))
            child = current.pointee.next
        }
        return nodes
    }

    /// Evaluates an XPath expression relative to this node.
    public func select(_ xpath: String) -> [HTMLNode] { document.select(xpath, from: pointer) }
}

/// A node of a parsed document seen without a reference to its document: the readers' walks over
/// thousands of nodes use it so that no node costs a retain and a release. Valid only while the
/// `HTMLDocument` it came from is alive (the reader keeps it alive around the walk).
struct RawNode: MarkupNode {
    let pointer: xmlNodePtr

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// The element's name as parsed (lower case for HTML), or "" for non-elements.
    var name: String {
        guard isElement, let name = pointer.pointee.name else { return "" }
        return String(cString: name)
    }

    /// True when the element's name is `name`, compared on the bytes.
    func hasName(_ name: StaticString) -> Bool {
        guard isElement, let own = pointer.pointee.name else { return false }
        return strcmp(UnsafeRawPointer(own).assumingMemoryBound(to: CChar.self),
                      UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    func attribute(_ name: String) -> String? {
        guard isElement, let value = xmlGetProp(pointer, name) else { return nil }
        defer { clibxml2_free(value) }
        return String(cString: value)
    }

    var line: Int? {
        let line = Int(xmlGetLineNo(pointer))
        return line > 0 ? line : nil
    }

    /// The element's name as libxml2 interned it: the same pointer for every element of one name in a
    /// document (names go through the parser's dictionary), so it can key a cache.
    var namePointer: UnsafeRawPointer? { isElement ? pointer.pointee.name.map(UnsafeRawPointer.init) : nil }

    /// The `class` and `id` attributes, read in one pass over the attribute list.
    var classAndID: (class: String?, id: String?) {
        guard isElement else { return (nil, nil) }
        var result: (class: String?, id: String?) = (nil, nil)
        var attribute = pointer.pointee.properties
        while let current = attribute {
            defer { attribute = current.pointee.next }
            guard let name = current.pointee.name else { continue }
            let isClass = strcmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), "class") == 0
            guard isClass || strcmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), "id") == 0 else { continue }
            // The value is the attribute's text child; anything else goes through libxml2's own reader.
            let value: String
            if let child = current.pointee.children, child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE, let content = child.pointee.content {
                value = String(cString: content)
            } else if let joined = xmlNodeListGetString(pointer.pointee.doc, current.pointee.children, 1) {
                value = String(cString: joined)
                clibxml2_free(joined)
            } else {
                value = ""
            }
            if isClass { if result.class == nil { result.class = value } } else if result.id == nil { result.id = value }
        }
        return result
    }

    /// The UTF-8 bytes of a text node, read in place.
    func withText<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard isText, let content = pointer.pointee.content else { return nil }
        return body(UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))))
    }

    /// The children, in order, without making an array.
    var children: RawChildren { RawChildren(first: pointer.pointee.children) }

    /// All text below the node (libxml2's own concatenation).
    var textContent: String {
        guard let content = xmlNodeGetContent(pointer) else { return "" }
        defer { clibxml2_free(content) }
        return String(cString: content)
    }

}

/// The children of a node as a sequence that follows the `next` pointers.
struct RawChildren: Sequence, IteratorProtocol {
    var upcoming: xmlNodePtr?
    init(first: xmlNodePtr?) { upcoming = first }
    mutating func next() -> RawNode? {
        guard let current = upcoming else { return nil }
        upcoming = current.pointee.next
        return RawNode(pointer: current)
    }
}

extension HTMLNode {
    /// This node without its document reference (see `RawNode`).
    var raw: RawNode { RawNode(pointer: pointer) }
}
