import Foundation
import GirconvText

/// An ordered tree of values: the canonical record's JSON form, also written as XML and flattened to CSV.
/// Objects keep their key order, so every writer emits keys in the same canonical order.
/// Not `indirect`: objects and arrays hold their children in array buffers already, and boxing every
/// leaf cost one allocation per value (thousands per record).
public enum TreeValue: Sendable, Equatable {
    case object([(String, TreeValue)])
    case array([TreeValue])
    case string(String)
    case number(Decimal)
    /// A whole number known as such (line numbers, offsets, indexes, counts): written without Decimal.
    case integer(Int)
    case bool(Bool)
    case null

    public static func == (lhs: TreeValue, rhs: TreeValue) -> Bool {
        switch (lhs, rhs) {
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case let (.array(a), .array(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.integer(a), .integer(b)): return a == b
        case let (.integer(a), .number(b)), let (.number(b), .integer(a)): return Decimal(a) == b
        case let (.bool(a), .bool(b)): return a == b
        case (.null, .null): return true
        default: return false
        }
    }

    /// The value at a key of an object.
    public subscript(key: String) -> TreeValue? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    /// Leaf values by dotted path ("a.b.c"; array items as "a.0").
    public func flattened(prefix: String = "") -> [(String, TreeValue)] {
        switch self {
        case .object(let pairs):
            return pairs.flatMap { key, value in value.flattened(prefix: prefix.isEmpty ? key : prefix + "." + key) }
        case .array(let items):
            return items.enumerated().flatMap { i, value in value.flattened(prefix: prefix + "." + String(i)) }
        default:
            return [(prefix, self)]
        }
    }
}

/// Builds objects with nested dotted paths while keeping insertion order.
public struct TreeBuilder {
    public private(set) var root: [(String, TreeValue)] = []

    public init() {}

    public mutating func set(_ path: [String], _ value: TreeValue) {
        Self.insert(&root, path[...], value)
    }

    private static func insert(_ pairs: inout [(String, TreeValue)], _ path: ArraySlice<String>, _ value: TreeValue) {
        guard let head = path.first else { return }
        let rest = path.dropFirst()
        if rest.isEmpty {
            if let i = pairs.firstIndex(where: { $0.0 == head }) { pairs[i].1 = value } else { pairs.append((head, value)) }
            return
        }
        if let i = pairs.firstIndex(where: { $0.0 == head }), case .object(var inner) = pairs[i].1 {
            // Drop the tree's reference first, so that `inner` is unique and is not copied when changed.
            pairs[i].1 = .null
            insert(&inner, rest, value)
            pairs[i].1 = .object(inner)
        } else {
            var inner: [(String, TreeValue)] = []
            insert(&inner, rest, value)
            pairs.append((head, .object(inner)))
        }
    }
}

// MARK: Streaming

/// Receives a tree as a stream of events in order (objects, their keys, arrays, leaves), as a SAX
/// handler does. The record's structure is described once, by `CanonicalRecord.write(to:)`: into a
/// `TreeValueSink` for the writers that walk a tree (XML, CSV), or straight into JSON bytes.
public protocol TreeSink {
    mutating func beginObject()
    mutating func endObject()
    mutating func beginArray()
    mutating func endArray()
    /// The key of the next value of the current object.
    mutating func key(_ key: String)
    mutating func string(_ value: String)
    mutating func number(_ value: Decimal)
    mutating func integer(_ value: Int)
    mutating func bool(_ value: Bool)
    mutating func null()
}

extension TreeSink {
    mutating func string(_ value: String?) { if let value { string(value) } else { null() } }
    mutating func number(_ value: Decimal?) { if let value { number(value) } else { null() } }
    mutating func integer(_ value: Int?) { if let value { integer(value) } else { null() } }
    mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }
}

/// Builds a `TreeValue` from events.
public struct TreeValueSink: TreeSink {
    /// An object or array being filled (changed in place: no copy per member).
    private struct Container {
        var isObject: Bool
        var pairs: [(String, TreeValue)] = []
        var items: [TreeValue] = []
        var key = ""
    }
    private var open: [Container] = []
    /// The finished tree (the last top-level value).
    public private(set) var result: TreeValue = .null

    public init() {}

    private mutating func add(_ value: TreeValue) {
        guard let last = open.indices.last else { result = value; return }
        if open[last].isObject { open[last].pairs.append((open[last].key, value)) } else { open[last].items.append(value) }
    }
    public mutating func beginObject() { open.append(Container(isObject: true)) }
    public mutating func endObject() { if let done = open.popLast() { add(.object(done.pairs)) } }
    public mutating func beginArray() { open.append(Container(isObject: false)) }
    public mutating func endArray() { if let done = open.popLast() { add(.array(done.items)) } }
    public mutating func key(_ key: String) { if let last = open.indices.last { open[last].key = key } }
    public mutating func string(_ value: String) { add(.string(value)) }
    public mutating func number(_ value: Decimal) { add(.number(value)) }
    public mutating func integer(_ value: Int) { add(.integer(value)) }
    public mutating func bool(_ value: Bool) { add(.bool(value)) }
    public mutating func null() { add(.null) }
}

extension TreeValue {
    /// Replays the tree as events.
    public func write<S: TreeSink>(to sink: inout S) {
        switch self {
        case .object(let pairs):
            sink.beginObject()
            for (key, value) in pairs { sink.key(key); value.write(to: &sink) }
            sink.endObject()
        case .array(let items):
            sink.beginArray()
            for item in items { item.write(to: &sink) }
            sink.endArray()
        case .string(let s): sink.string(s)
        case .number(let d): sink.number(d)
        case .integer(let i): sink.integer(i)
        case .bool(let b): sink.bool(b)
        case .null: sink.null()
        }
    }

    /// The tree a description writes.
    static func built(_ describe: (inout TreeValueSink) -> Void) -> TreeValue {
        var sink = TreeValueSink()
        describe(&sink)
        return sink.result
    }
}

/// The figure paths of a record nested along their dots, in the order `TreeBuilder` gives: a key is
/// placed where it first occurs; a path that ends on an existing key replaces its value; a path that
/// goes through a key holding a value (not an object) adds a second entry of that key.
struct FigureNesting: Sendable {
    enum Content: Sendable { case figure(Int), object(Int) }
    struct Entry: Sendable { var key: String; var content: Content }
    /// Node 0 is the root.
    var nodes: [[Entry]] = [[]]

    init(paths: [String]) {
        for (index, path) in paths.enumerated() {
            var node = 0
            var parts = path.split(separator: ".")[...]
            guard !parts.isEmpty else { continue }
            while let head = parts.first {
                parts = parts.dropFirst()
                if parts.isEmpty {
                    if let i = nodes[node].firstIndex(where: { $0.key == head }) { nodes[node][i].content = .figure(index) }
                    else { nodes[node].append(Entry(key: String(head), content: .figure(index))) }
                } else if let i = nodes[node].firstIndex(where: { $0.key == head }), case .object(let child) = nodes[node][i].content {
                    node = child
                } else {
                    nodes.append([])
                    nodes[node].append(Entry(key: String(head), content: .object(nodes.count - 1)))
                    node = nodes.count - 1
                }
            }
        }
    }

    /// The nesting of a path list, built once per distinct list: records of one layout share a handful
    /// of path lists, and nesting ~300 paths costs more than looking the list up.
    static func of(_ paths: [String]) -> FigureNesting {
        let key = PathList(paths: paths)
        if let known = cache.get(key) { return known }
        let nesting = FigureNesting(paths: paths)
        cache.set(key, nesting)
        return nesting
    }

    /// A path list as a cache key: equal when the lists are equal, hashed by its count and a few of its
    /// paths (hashing all ~300 paths of every record cost more than the lookup saves).
    struct PathList: Hashable {
        let paths: [String]
        func hash(into hasher: inout Hasher) {
            hasher.combine(paths.count)
            for path in paths.prefix(2) { hasher.combine(path) }
            if paths.count > 2 { hasher.combine(paths[paths.count / 2]); hasher.combine(paths[paths.count - 1]) }
        }
    }

    private static let cache = BoundedCache<PathList, FigureNesting>(limit: 256)
}

extension CanonicalRecord {
    /// The canonical tree of this record: envelope, figures nested along their paths, provenance, checks,
    /// warnings. Key order is fixed; XML and CSV are written from it, JSON from `write(to:)` directly.
    public func tree() -> TreeValue { TreeValue.built { write(to: &$0) } }

    /// The record as events, in canonical key order (the one description of the record's structure).
    public func write<S: TreeSink>(to sink: inout S) {
        sink.beginObject()
        sink.key("schemaVersion"); sink.string(schemaVersion)
        sink.key("source"); sink.beginObject()
        sink.key("name"); sink.string(source.name)
        if let path = source.path { sink.key("path"); sink.string(path) }
        sink.key("sha256"); sink.string(source.sha256)
        sink.key("mediaType"); sink.string(source.mediaType)
        sink.key("encoding"); sink.string(source.encoding)
        sink.key("byteCount"); sink.integer(source.byteCount)
        sink.endObject()
        sink.key("detection"); sink.beginObject()
        sink.key("adapter"); sink.string(detection.adapter)
        sink.key("confidence"); sink.number(Self.twoDecimals(detection.confidence))
        sink.key("evidence"); sink.strings(detection.evidence)
        sink.key("candidates"); sink.beginArray()
        for candidate in detection.candidates {
            sink.beginObject()
            sink.key("adapter"); sink.string(candidate.adapter)
            sink.key("confidence"); sink.number(Self.twoDecimals(candidate.confidence))
            sink.endObject()
        }
        sink.endArray()
        sink.endObject()
        sink.key("report"); sink.beginObject()
        sink.key("title"); sink.string(report.title)
        sink.key("agency"); sink.string(report.agency)
        sink.key("region"); sink.string(report.region)
        sink.key("year"); sink.integer(report.year)
        sink.key("layout"); sink.string(report.layout.rawValue)
        sink.key("script"); sink.string(report.script.rawValue)
        sink.endObject()
        let paths = orderedPaths
        let ordered = paths.map { figures[$0]! }
        let nesting = FigureNesting.of(paths)
        func writeNode(_ node: Int) {
            for entry in nesting.nodes[node] {
                sink.key(entry.key)
                switch entry.content {
                case .figure(let index): sink.number(ordered[index].value)
                case .object(let child): sink.beginObject(); writeNode(child); sink.endObject()
                }
            }
        }
        writeNode(0)
        sink.key("provenance"); sink.beginObject()
        for (path, figure) in zip(paths, ordered) { sink.key(path); figure.provenance.write(to: &sink) }
        sink.endObject()
        sink.key("checks"); sink.beginArray()
        for check in checks { check.write(to: &sink) }
        sink.endArray()
        sink.key("warnings"); sink.beginArray()
        for warning in warnings { warning.write(to: &sink) }
        sink.endArray()
        sink.endObject()
    }

    /// A confidence as printed: two decimals. Confidences are a few sums of layout weights, so each
    /// distinct value is formatted once (formatting and parsing cost more than the rest of the header).
    static func twoDecimals(_ value: Double) -> Decimal {
        if let known = twoDecimalsCache.get(value.bitPattern) { return known }
        let rounded = Decimal(string: String(format: "%.2f", value)) ?? 0
        twoDecimalsCache.set(value.bitPattern, rounded)
        return rounded
    }
    private static let twoDecimalsCache = BoundedCache<UInt64, Decimal>(limit: 4_096)
}

extension SourceLocation {
    func tree() -> TreeValue { TreeValue.built { sink in sink.beginObject(); writeFields(to: &sink); sink.endObject() } }

    /// The location's fields, in canonical order, into the object being written.
    func writeFields<S: TreeSink>(to sink: inout S) {
        if let table { sink.key("table"); sink.string(table) }
        if let row { sink.key("row"); sink.string(row) }
        if let column { sink.key("column"); sink.string(column) }
        if let sentence { sink.key("sentence"); sink.string(sentence) }
        if let line { sink.key("line"); sink.integer(line) }
        if let offset { sink.key("offset"); sink.integer(offset) }
        if let page { sink.key("page"); sink.integer(page) }
        if let tableIndex { sink.key("tableIndex"); sink.integer(tableIndex) }
        if let rowIndex { sink.key("rowIndex"); sink.integer(rowIndex) }
        if let columnIndex { sink.key("columnIndex"); sink.integer(columnIndex) }
        if let box {
            let points = PageBox.points
            sink.key("box"); sink.beginObject()
            sink.key("xMin"); sink.number(points(box.xMin)); sink.key("yMin"); sink.number(points(box.yMin))
            sink.key("xMax"); sink.number(points(box.xMax)); sink.key("yMax"); sink.number(points(box.yMax))
            sink.endObject()
        }
    }

    var isEmpty: Bool {
        table == nil && row == nil && column == nil && sentence == nil && line == nil && offset == nil && page == nil
            && tableIndex == nil && rowIndex == nil && columnIndex == nil && box == nil
    }
}

extension Provenance {
    func tree() -> TreeValue { TreeValue.built { write(to: &$0) } }

    func write<S: TreeSink>(to sink: inout S) {
        sink.beginObject()
        sink.key("how"); sink.string(how.rawValue)
        sink.key("raw"); sink.string(raw)
        location.writeFields(to: &sink)
        if !derivedFrom.isEmpty { sink.key("derivedFrom"); sink.strings(derivedFrom) }
        sink.endObject()
    }
}

extension CheckResult {
    /// The check as it appears in the record's `checks`.
    public func tree() -> TreeValue { TreeValue.built { write(to: &$0) } }

    public func write<S: TreeSink>(to sink: inout S) {
        sink.beginObject()
        sink.key("rule"); sink.string(rule)
        sink.key("description"); sink.string(description)
        sink.key("status"); sink.string(status.rawValue)
        sink.key("expected"); sink.number(expected)
        sink.key("found"); sink.number(found)
        sink.key("totalPaths"); sink.strings(totalPaths)
        sink.key("partPaths"); sink.strings(partPaths)
        sink.endObject()
    }
}

extension ReportWarning {
    /// The warning as it appears in the record's `warnings`.
    public func tree() -> TreeValue { TreeValue.built { write(to: &$0) } }

    public func write<S: TreeSink>(to sink: inout S) {
        sink.beginObject()
        sink.key("code"); sink.string(code)
        sink.key("message"); sink.string(message)
        if let path { sink.key("path"); sink.string(path) }
        if let location, !location.isEmpty {
            sink.key("location"); sink.beginObject(); location.writeFields(to: &sink); sink.endObject()
        }
        sink.endObject()
    }
}
