import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A document parsed into libxml2's own tree: a .docx's XML part (strictly, see `init(xmlPart:maxDepth:)`),
/// or an HTML page as `htmlReadMemory` reads it (the reference the `HTMLTree` reading is tested against,
/// and the benchmark's parse-only baseline). Frees the tree when it goes away; its nodes are valid only
/// while it is alive. Not Sendable: use one tree per task.
package final class LibXML2Tree: MarkupTree {
    private let pointer: xmlDocPtr

    /// Parses an HTML page given as UTF-8 text. The bytes are read in place (no copy) and only for the
    /// duration of the call; the charset is given explicitly, so a `<meta charset>` in the page cannot
    /// re-decode it.
    package convenience init(html text: String, options: HTMLParseOptions = .default) throws {
        var text = text
        try self.init(html: { text.withLibxml2Buffer { htmlReadMemory($0, $1, nil, "UTF-8", options.rawValue) } })
    }

    /// Parses an HTML page's raw bytes in a named encoding ("UTF-8", "GB18030" …) exactly as libxml2 would
    /// on its own; used by the benchmark as the parse-only baseline.
    package convenience init(html bytes: [UInt8], encoding: String, options: HTMLParseOptions = .default) throws {
        try self.init(html: { bytes.withLibxml2Buffer { htmlReadMemory($0, $1, nil, encoding, options.rawValue) } })
    }

    /// The tree `read` makes once libxml2 is initialised.
    private init(html read: () -> htmlDocPtr?) throws {
        _ = libxml2Initialised
        guard let parsed = read() else { throw HTMLParseError.notParsed }
        pointer = parsed
    }

    /// Parses an XML part (for example `word/document.xml` of a .docx), strictly and within bounds, because
    /// the part comes from an untrusted file:
    /// - no recovery: a malformed part is refused with libxml2's message and its line (Word refuses it too);
    /// - a `<!DOCTYPE …>` is refused as soon as it is seen, before its internal subset, so no entity is ever
    ///   declared, let alone expanded (no XML_PARSE_NOENT, no DTD loading, no network either);
    /// - elements nest at most `maxDepth` deep (no XML_PARSE_HUGE, which would lift libxml2's own limit).
    /// Throws `XMLPartError`.
    package init(xmlPart bytes: [UInt8], maxDepth: Int = XMLPartError.defaultMaxDepth) throws {
        _ = libxml2Initialised
        guard bytes.count <= Int(Int32.max) else { throw XMLPartError.tooLarge(bytes: bytes.count) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        var part = clibxml2_xml_part()
        part.maxDepth = UInt32(clamping: max(maxDepth, 1))
        let parsed = bytes.withLibxml2Buffer { clibxml2_read_xml_part($0, $1, "UTF-8", options, &part) }
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

    package var topLevelNodes: Children { Children(first: pointer.pointee.children) }

    /// A node of the tree, without a reference to it (see `MarkupNode`).
    package struct Node: MarkupNode {
        let pointer: xmlNodePtr

        package var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
        package var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

        package var name: String {
            guard isElement, let name = pointer.pointee.name else { return "" }
            return String(cString: name)
        }

        package func hasName(_ name: StaticString) -> Bool {
            guard isElement, let own = pointer.pointee.name else { return false }
            return strcmp(UnsafeRawPointer(own).assumingMemoryBound(to: CChar.self),
                          UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
        }

        package var namePointer: UnsafeRawPointer? { isElement ? pointer.pointee.name.map(UnsafeRawPointer.init) : nil }

        /// An attribute's value, by name whatever its namespace (libxml2's `xmlGetProp`).
        package func attribute(_ name: String) -> String? {
            guard isElement, let value = xmlGetProp(pointer, name) else { return nil }
            defer { clibxml2_free(value) }
            return String(cString: value)
        }

        package var hiding: Hiding {
            guard isElement else { return .none }
            if xmlHasProp(pointer, "hidden") != nil { return .removed }
            guard let style = attribute("style") else { return .none }
            return Array(style.utf8).withUnsafeBufferPointer { InlineStyle.hiding($0) }
        }

        package var line: Int? {
            let line = Int(xmlGetLineNo(pointer))
            return line > 0 ? line : nil
        }

        /// Each attribute whose value is one text node, as its name and value read in place (valid only
        /// during the call), in one pass over the attribute list: no copy per attribute.
        package func forEachTextAttribute(_ body: (UnsafePointer<CChar>, UnsafePointer<CChar>) -> Void) {
            guard isElement else { return }
            var attribute = pointer.pointee.properties
            while let current = attribute {
                defer { attribute = current.pointee.next }
                guard let name = current.pointee.name, let child = current.pointee.children, child.pointee.next == nil,
                      child.pointee.type == XML_TEXT_NODE, let content = child.pointee.content else { continue }
                body(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
            }
        }

        /// The `class` and `id` attributes, read in one pass over the attribute list.
        package var classAndID: (class: String?, id: String?) {
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

        package func withText<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
            guard isText, let content = pointer.pointee.content else { return nil }
            return body(UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))))
        }

        package var children: Children { Children(first: pointer.pointee.children) }

        /// All text below the node (libxml2's own concatenation, `xmlNodeGetContent`).
        package var textContent: String {
            guard let content = xmlNodeGetContent(pointer) else { return "" }
            defer { clibxml2_free(content) }
            return String(cString: content)
        }
    }

    /// The children of a node, in order: a sequence that follows the `next` pointers.
    package struct Children: Sequence, IteratorProtocol {
        private var upcoming: xmlNodePtr?
        init(first: xmlNodePtr?) { upcoming = first }
        package mutating func next() -> Node? {
            guard let current = upcoming else { return nil }
            upcoming = current.pointee.next
            return Node(pointer: current)
        }
    }
}
