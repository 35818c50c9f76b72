import Yams

/// The YAML node tree of a layout file in a compact form, made at build time (the EmbedLayouts plugin) so
/// that no process parses the built-in layout files' YAML at start: decoding the form gives the very nodes
/// `Yams.compose` gives for the file's text — the same scalars, tags, styles and marks, pairs in file order —
/// which the same `NodeReader` then reads. Users' layout files are parsed from their YAML as before.
///
/// The form, node by node in document order: a kind (`s` scalar, `q` sequence, `m` mapping), then decimal
/// numbers separated by `,` and ended by `:` — style, mark line, mark column (0 and 0: no mark), the byte
/// length of the tag's name, and for a scalar the byte length of its text, for a sequence or mapping its
/// number of items or pairs — then the tag's name and the scalar's text as UTF-8 bytes; a sequence's items
/// and a mapping's keys and values (key, value, key, value…) follow as nodes.
public enum LayoutNodes {
    /// The scalar types a layout file uses: booleans, whole and decimal numbers, null. (Yams's default also
    /// tries timestamps, merge keys and `=` with a regular expression each on every plain scalar — a layout
    /// file has none of them — and resolves every mapping key again for its duplicate check: dropping
    /// them makes parsing layout files markedly cheaper.)
    public static let resolver = Resolver.basic.appending(.bool).appending(.int).appending(.float).appending(.null)

    /// The compact form of a node tree; nil when it holds an alias (`Yams.compose` resolves them: none is
    /// left in what it gives).
    public static func encode(_ node: Node) -> String? {
        var out: [UInt8] = []
        guard encode(node, into: &out) else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    private static func encode(_ node: Node, into out: inout [UInt8]) -> Bool {
        func header(_ kind: Character, _ style: UInt32, _ mark: Mark?, _ tag: Tag, _ count: Int) {
            let fields = [Int(style), mark?.line ?? 0, mark?.column ?? 0, tag.rawValue.utf8.count, count]
            out += Array("\(kind)\(fields.map(String.init).joined(separator: ",")):\(tag.rawValue)".utf8)
        }
        switch node {
        case .scalar(let scalar):
            header("s", scalar.style.rawValue, scalar.mark, scalar.tag, scalar.string.utf8.count)
            out += Array(scalar.string.utf8)
        case .sequence(let sequence):
            header("q", sequence.style.rawValue, sequence.mark, sequence.tag, sequence.count)
            for item in sequence where !encode(item, into: &out) { return false }
        case .mapping(let mapping):
            header("m", mapping.style.rawValue, mapping.mark, mapping.tag, mapping.count)
            for (key, value) in mapping where !encode(key, into: &out) || !encode(value, into: &out) { return false }
        case .alias:
            return false
        }
        return true
    }

    /// The node tree of a compact form, its tags resolved as `Yams.compose(yaml:_:)` with `resolver` resolves
    /// them; nil when the form is damaged or has bytes left over (the caller parses the YAML text then).
    public static func decode(_ form: String) -> Node? {
        var form = form
        return form.withUTF8 { bytes in
            var decoder = Decoder(bytes: bytes)
            guard let node = decoder.node(depth: 0), decoder.position == bytes.count else { return nil }
            return node
        }
    }

    /// Yams's `Mark` (line, column) has no public initialiser: it is made from a struct of the same two
    /// stored `Int`s. Nil should a Yams version lay it out otherwise (the YAML text is parsed then); a test
    /// compares every decoded mark with the parser's.
    static func mark(line: Int, column: Int) -> Mark? {
        struct Fields { var line: Int; var column: Int }
        guard MemoryLayout<Mark>.size == MemoryLayout<Fields>.size, MemoryLayout<Mark>.alignment == MemoryLayout<Fields>.alignment else { return nil }
        let mark = unsafeBitCast(Fields(line: line, column: column), to: Mark.self)
        return mark.line == line && mark.column == column ? mark : nil
    }

    private struct Decoder {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        /// Deeper than any layout file nests; a damaged form cannot recurse without bound.
        static let maximumDepth = 200

        mutating func node(depth: Int) -> Node? {
            guard depth < Self.maximumDepth, position < bytes.count else { return nil }
            let kind = bytes[position]
            position += 1
            var fields: [Int] = []
            var value = 0, digits = 0
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                if byte >= 0x30 && byte <= 0x39 {
                    guard digits < 12 else { return nil }
                    value = value * 10 + Int(byte - 0x30); digits += 1
                } else if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ":") {
                    guard digits > 0 else { return nil }
                    fields.append(value); value = 0; digits = 0
                    if byte == UInt8(ascii: ":") { break }
                } else {
                    return nil
                }
            }
            guard fields.count == 5, let style = UInt32(exactly: fields[0]), let tagName = text(fields[3]) else { return nil }
            var mark: Mark? = nil
            if fields[1] != 0 || fields[2] != 0 {
                guard let made = LayoutNodes.mark(line: fields[1], column: fields[2]) else { return nil }
                mark = made
            }
            let tag = Tag(Tag.Name(rawValue: tagName), LayoutNodes.resolver, .default)
            let count = fields[4]
            switch kind {
            case UInt8(ascii: "s"):
                guard let style = Node.Scalar.Style(rawValue: style), let string = text(count) else { return nil }
                return .scalar(Node.Scalar(string, tag, style, mark))
            case UInt8(ascii: "q"):
                guard let style = Node.Sequence.Style(rawValue: style), count <= bytes.count - position else { return nil }
                var items: [Node] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    guard let item = node(depth: depth + 1) else { return nil }
                    items.append(item)
                }
                return .sequence(Node.Sequence(items, tag, style, mark))
            case UInt8(ascii: "m"):
                guard let style = Node.Mapping.Style(rawValue: style), count <= bytes.count - position else { return nil }
                var pairs: [(Node, Node)] = []
                pairs.reserveCapacity(count)
                for _ in 0..<count {
                    guard let key = node(depth: depth + 1), let value = node(depth: depth + 1) else { return nil }
                    pairs.append((key, value))
                }
                return .mapping(Node.Mapping(pairs, tag, style, mark))
            default:
                return nil
            }
        }

        /// The next `count` bytes as text (nil past the end).
        mutating func text(_ count: Int) -> String? {
            guard count <= bytes.count - position else { return nil }
            defer { position += count }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<(position + count)]), as: UTF8.self)
        }
    }
}
