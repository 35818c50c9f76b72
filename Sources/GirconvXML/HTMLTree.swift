import CLibXML2
import GirconvCore
import GirconvText

/// An HTML page parsed by libxml2's SAX interface into a flat, read-only tree: one array of node records,
/// one buffer of text bytes, one of attribute bytes. No libxml2 tree is built or freed (libxml2 spends
/// about half of `htmlReadMemory` on its tree), and walking it follows array indices, not pointers.
///
/// The tree has exactly the shape of the one libxml2 builds from the same events (its `xmlSAX2*`
/// handlers, mirrored here: text merged into a preceding text sibling, elements after the root closed
/// placed as libxml2 places them, whitespace-only text kept); `HTMLTreeEquivalenceTests` compares the two
/// readings of every sample and fuzz seed. Only what the report reader needs is kept: element names,
/// text, the `class`, `id`, `colspan` and `rowspan` attributes, and line numbers.
package final class HTMLTree: MarkupTree {
    @usableFromInline
    enum Kind: UInt8 { case document, element, text, cdata, other }

    @usableFromInline
    struct Record {
        @usableFromInline var kind: Kind
        /// Elements: hidden by their own markup (`hidden`, an inline `display:none` or `visibility:hidden`).
        /// Kept beside `kind`, in the padding before `name`: the record grows by nothing.
        @usableFromInline var hiding = Hiding.none
        /// The element's name, interned in `dictionary` (one pointer per distinct name).
        @usableFromInline var name: UnsafePointer<xmlChar>?
        @usableFromInline var firstChild: Int32 = -1
        @usableFromInline var lastChild: Int32 = -1
        @usableFromInline var next: Int32 = -1
        /// Text and CDATA: the bytes in `text`.
        @usableFromInline var textStart: Int32 = 0
        @usableFromInline var textCount: Int32 = 0
        /// Elements: the line libxml2 would record (0 when unknown).
        @usableFromInline var line: Int32 = 0
        /// Elements with any of the kept attributes: their index in `attributes`.
        @usableFromInline var attributes: Int32 = -1
    }

    /// The kept attributes of an element, as byte ranges in `attributeBytes` (count -1: absent).
    struct Attributes {
        static let kept: [StaticString] = ["class", "id", "colspan", "rowspan"]
        /// One range per kept name, stored inline (an array here cost an allocation per element).
        private var class_ = (start: Int32(0), count: Int32(-1)), id = (start: Int32(0), count: Int32(-1))
        private var colspan = (start: Int32(0), count: Int32(-1)), rowspan = (start: Int32(0), count: Int32(-1))

        subscript(slot: Int) -> (start: Int32, count: Int32) {
            get {
                switch slot {
                case 0: return class_
                case 1: return id
                case 2: return colspan
                default: return rowspan
                }
            }
            set {
                switch slot {
                case 0: class_ = newValue
                case 1: id = newValue
                case 2: colspan = newValue
                default: rowspan = newValue
                }
            }
        }
    }

    /// Copied out of the builder into buffers this tree owns: a node reads them without reference counting.
    @usableFromInline let records: UnsafeMutableBufferPointer<Record>
    @usableFromInline let text: UnsafeMutableBufferPointer<UInt8>
    let attributeBytes: [UInt8]
    let attributes: [Attributes]
    private let dictionary: xmlDictPtr?
    /// The line at which the parse stopped because elements nested deeper than libxml2's limit (256; a
    /// page with hundreds of unclosed `<span>` or `<font>` tags): nothing after it is in the tree. Nil when
    /// the whole page was read.
    package let truncatedAtLine: Int?

    /// Parses UTF-8 text (the charset is forced, as `LibXML2Tree(html:)` does).
    package convenience init(utf8 text: String, options: HTMLParseOptions = .default) throws {
        var text = text
        let parsed = text.withLibxml2Buffer { Builder.parse($0, count: $1, encoding: "UTF-8", options: options) }
        guard let parsed else { throw HTMLParseError.notParsed }
        self.init(parsed)
    }

    private init(_ builder: Builder) {
        records = .allocate(capacity: builder.records.count)
        _ = records.initialize(from: builder.records)
        text = .allocate(capacity: max(builder.text.count, 1))
        _ = text.initialize(from: builder.text)
        attributeBytes = builder.attributeBytes
        attributes = builder.attributes
        dictionary = builder.dictionary
        truncatedAtLine = builder.stoppedAtLine
    }

    deinit {
        records.deallocate()
        text.deallocate()
        if let dictionary { xmlDictFree(dictionary) }
    }

    /// The document node's children: a DTD, comments, the root element.
    package var topLevelNodes: Children { Node(tree: self, index: 0).children }

    /// The first element of a name in document order (what the XPath `//name` selects first). Records
    /// are made in document order (a late element joins the end of the root, after everything else), so
    /// this is a scan, not a recursive search: pages nest 100,000 deep.
    package func first(named name: StaticString) -> Node? {
        for index in records.indices where records[index].kind == .element {
            let node = Node(tree: self, index: Int32(index))
            if node.hasName(name) { return node }
        }
        return nil
    }

    // MARK: Building

    /// Receives the SAX events and links the records as libxml2's tree builder links its nodes. A struct
    /// reached through a pointer during the parse: no reference counting or exclusivity checks per event.
    private struct Builder {
        var records: [Record] = [Record(kind: .document)]
        var text: [UInt8] = []
        var attributeBytes: [UInt8] = []
        var attributes: [Attributes] = []
        var dictionary: xmlDictPtr?
        /// Open elements (libxml2's node stack); empty before the root opens and after it closes.
        var open: [Int32] = []
        /// Attribute names interned by the parser → their index in `Attributes.kept` (-1: not kept).
        var attributeSlots: [UnsafeRawPointer: Int] = [:]
        var hasDoctype = false
        /// The line the parse stopped at, nested too deep (`HTMLTree.truncatedAtLine`).
        var stoppedAtLine: Int?

        init(capacity: Int) {
            records.reserveCapacity(capacity / 24)
            text.reserveCapacity(capacity / 2)
        }

        static func parse(_ bytes: UnsafePointer<CChar>, count: Int32, encoding: String, options: HTMLParseOptions) -> Builder? {
            _ = libxml2Initialised
            var builder = Builder(capacity: Int(count))
            let dictionary = withUnsafeMutablePointer(to: &builder) { pointer -> xmlDictPtr? in
                var events = clibxml2_events(
                    context: UnsafeMutableRawPointer(pointer),
                    startElement: { context, name, attributes, line in
                        Builder.at(context).pointee.startElement(name, attributes, line: line)
                    },
                    endElement: { context in Builder.at(context).pointee.endElement() },
                    characters: { context, bytes, count in Builder.at(context).pointee.characters(bytes, count, kind: .text) },
                    cdata: { context, bytes, count in Builder.at(context).pointee.characters(bytes, count, kind: .cdata) },
                    otherNode: { context in Builder.at(context).pointee.otherNode() },
                    doctype: { context in Builder.at(context).pointee.doctype() },
                    depth: 0,
                    stoppedAtLine: 0)
                let dictionary = clibxml2_parse_events(bytes, count, encoding, options.rawValue, &events)
                if events.stoppedAtLine > 0 { pointer.pointee.stoppedAtLine = Int(events.stoppedAtLine) }
                return dictionary
            }
            guard let dictionary else { return nil }
            builder.dictionary = dictionary
            return builder
        }

        static func at(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<Builder> {
            context!.assumingMemoryBound(to: Builder.self)
        }

        private mutating func append(_ record: Record, to parent: Int32) -> Int32 {
            let index = Int32(records.count)
            records.append(record)
            let last = records[Int(parent)].lastChild
            if last >= 0 { records[Int(last)].next = index } else { records[Int(parent)].firstChild = index }
            records[Int(parent)].lastChild = index
            return index
        }

        /// The parent of a node that is not text, as `xmlSAX2StartElement`, `xmlSAX2Comment` and
        /// `xmlSAX2ProcessingInstruction` choose it: the open element; with none open, the document when it
        /// is empty, else its first child when that is an element (a late element joins the root), else the
        /// document (a sibling of its first child).
        private func parentForNode(isElement: Bool) -> Int32 {
            if let current = open.last { return current }
            guard isElement else { return 0 }
            let first = records[0].firstChild
            if first >= 0, records[Int(first)].kind == .element { return first }
            return 0
        }

        mutating func startElement(_ name: UnsafePointer<xmlChar>?, _ list: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, line: Int32) {
            var record = Record(kind: .element, name: name)
            record.line = line
            if let list {
                var kept = Attributes()
                var any = false
                var i = 0
                while let attributeName = list[i] {
                    let value = list[i + 1]
                    i += 2
                    let slot = slotOf(attributeName)
                    if slot == Self.hiddenSlot { record.hiding = .removed; continue }
                    if slot == Self.styleSlot {
                        if let value, record.hiding != .removed {
                            let style = InlineStyle.hiding(UnsafeBufferPointer(start: value, count: strlen(UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self))))
                            if style != .none { record.hiding = style }
                        }
                        continue
                    }
                    guard slot >= 0, kept[slot].count < 0 else { continue }
                    let start = Int32(attributeBytes.count)
                    if let value {
                        let count = strlen(UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self))
                        attributeBytes.append(contentsOf: UnsafeBufferPointer(start: value, count: count))
                    }
                    kept[slot] = (start, Int32(attributeBytes.count) - start)
                    any = true
                }
                if any {
                    record.attributes = Int32(attributes.count)
                    attributes.append(kept)
                }
            }
            let index = append(record, to: parentForNode(isElement: true))
            open.append(index)
        }

        private mutating func slotOf(_ name: UnsafePointer<xmlChar>) -> Int {
            let key = UnsafeRawPointer(name)
            if let known = attributeSlots[key] { return known }
            func named(_ candidate: StaticString) -> Bool {
                strcmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self),
                       UnsafeRawPointer(candidate.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
            }
            let slot = Attributes.kept.firstIndex(where: named)
                ?? (named("hidden") ? Self.hiddenSlot : named("style") ? Self.styleSlot : -1)
            attributeSlots[key] = slot
            return slot
        }

        /// `slotOf` for the attributes read only to tell whether an element is hidden.
        static let hiddenSlot = -2, styleSlot = -3

        mutating func endElement() {
            if !open.isEmpty { open.removeLast() }
        }

        /// Text joins its parent's last child when that is text of the same kind (`xmlSAX2Text`,
        /// `xmlSAX2CDataBlock`); with no element open it is dropped, as libxml2 drops it.
        mutating func characters(_ bytes: UnsafePointer<xmlChar>?, _ count: Int32, kind: Kind) {
            guard let parent = open.last, let bytes, count > 0 else { return }
            let last = records[Int(parent)].lastChild
            if last >= 0, records[Int(last)].kind == kind {
                let record = records[Int(last)]
                if Int(record.textStart + record.textCount) != text.count {
                    // (Not reached: nothing else writes to `text` while a text node is its parent's last child.)
                    let start = text.count
                    text.append(contentsOf: text[Int(record.textStart)..<Int(record.textStart + record.textCount)])
                    records[Int(last)].textStart = Int32(start)
                }
                text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: Int(count)))
                records[Int(last)].textCount += count
                return
            }
            var record = Record(kind: kind)
            record.textStart = Int32(text.count)
            record.textCount = count
            text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: Int(count)))
            _ = append(record, to: parent)
        }

        mutating func otherNode() {
            _ = append(Record(kind: .other), to: parentForNode(isElement: false))
        }

        /// The DTD node: the document's first child (libxml2 inserts it before any other, and makes only
        /// one: a later DOCTYPE adds nothing).
        mutating func doctype() {
            guard !hasDoctype else { return }
            hasDoctype = true
            let index = Int32(records.count)
            records.append(Record(kind: .other))
            let first = records[0].firstChild
            records[Int(index)].next = first
            records[0].firstChild = index
            if first < 0 { records[0].lastChild = index }
        }
    }
}

extension HTMLTree {
    /// A node of an `HTMLTree`, without a reference count (see `MarkupNode`). The accessors a walk calls
    /// for every node are inlinable, so that the readers' walks in other modules read the records directly.
    package struct Node: MarkupNode {
        @usableFromInline unowned(unsafe) let tree: HTMLTree
        @usableFromInline let index: Int32

        @inlinable
        init(tree: HTMLTree, index: Int32) {
            self.tree = tree
            self.index = index
        }

        @inlinable
        var record: Record { tree.records[Int(index)] }

        @inlinable
        package var isElement: Bool { record.kind == .element }
        @inlinable
        package var isText: Bool { record.kind == .text || record.kind == .cdata }

        package var name: String {
            guard isElement, let name = record.name else { return "" }
            return String(cString: name)
        }

        @inlinable
        package func hasName(_ name: StaticString) -> Bool {
            guard isElement, let own = record.name else { return false }
            return strcmp(UnsafeRawPointer(own).assumingMemoryBound(to: CChar.self),
                          UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
        }

        @inlinable
        package var namePointer: UnsafeRawPointer? { isElement ? record.name.map(UnsafeRawPointer.init) : nil }

        private func attribute(slot: Int) -> String? {
            let index = record.attributes
            guard index >= 0 else { return nil }
            let range = tree.attributes[Int(index)][slot]
            guard range.count >= 0 else { return nil }
            return tree.attributeBytes.withUnsafeBufferPointer { bytes in
                String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(range.start)..<Int(range.start + range.count)]), as: UTF8.self)
            }
        }

        package var classAndID: (class: String?, id: String?) {
            guard isElement, record.attributes >= 0 else { return (nil, nil) }
            return (attribute(slot: 0), attribute(slot: 1))
        }

        /// One of the kept attributes (`class`, `id`, `colspan`, `rowspan`); asking for another is a bug.
        package func attribute(_ name: String) -> String? {
            guard isElement else { return nil }
            switch name {
            case "class": return attribute(slot: 0)
            case "id": return attribute(slot: 1)
            case "colspan": return attribute(slot: 2)
            case "rowspan": return attribute(slot: 3)
            default: preconditionFailure("HTMLTree keeps only class, id, colspan and rowspan")
            }
        }

        @inlinable
        package var hiding: Hiding { record.hiding }

        package var line: Int? {
            let line = Int(record.line)
            return isElement && line > 0 ? line : nil
        }

        @inlinable
        package func withText<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
            let record = record
            guard record.kind == .text || record.kind == .cdata else { return nil }
            return body(UnsafeBufferPointer(start: tree.text.baseAddress! + Int(record.textStart), count: Int(record.textCount)))
        }

        @inlinable
        package var children: Children { Children(tree: tree, upcoming: record.firstChild) }

        /// All text below the node, concatenated (as libxml2's `xmlNodeGetContent`), without recursion.
        package var textContent: String {
            var out = UTF8Builder(capacity: 64)
            var pending: [Children] = [children]
            while !pending.isEmpty {
                guard let child = pending[pending.count - 1].next() else { pending.removeLast(); continue }
                if child.isText { child.withText { out.append(bytes: $0) } } else if child.isElement { pending.append(child.children) }
            }
            return out.string
        }
    }

    /// The children of a node, following the `next` indices.
    package struct Children: Sequence, IteratorProtocol {
        @usableFromInline unowned(unsafe) let tree: HTMLTree
        @usableFromInline var upcoming: Int32

        @inlinable
        init(tree: HTMLTree, upcoming: Int32) {
            self.tree = tree
            self.upcoming = upcoming
        }

        @inlinable
        package mutating func next() -> Node? {
            guard upcoming >= 0 else { return nil }
            let node = Node(tree: tree, index: upcoming)
            upcoming = tree.records[Int(upcoming)].next
            return node
        }
    }
}
