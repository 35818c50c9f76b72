import Foundation

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

extension CanonicalRecord {
    /// The canonical tree of this record: envelope, figures nested along their paths, provenance, checks,
    /// warnings. Key order is fixed; JSON, XML and CSV are all written from it.
    public func tree() -> TreeValue {
        func opt(_ s: String?) -> TreeValue { s.map(TreeValue.string) ?? .null }
        func optInt(_ i: Int?) -> TreeValue { i.map(TreeValue.integer) ?? .null }
        var pairs: [(String, TreeValue)] = [("schemaVersion", .string(schemaVersion))]
        pairs.append(("source", .object([
            ("name", .string(source.name)), ("sha256", .string(source.sha256)),
            ("mediaType", .string(source.mediaType)), ("encoding", .string(source.encoding)),
            ("byteCount", .integer(source.byteCount)),
        ])))
        pairs.append(("detection", .object([
            ("adapter", .string(detection.adapter)),
            ("confidence", .number(Decimal(string: String(format: "%.2f", detection.confidence)) ?? 0)),
            ("evidence", .array(detection.evidence.map(TreeValue.string))),
            ("candidates", .array(detection.candidates.map {
                .object([("adapter", .string($0.adapter)), ("confidence", .number(Decimal(string: String(format: "%.2f", $0.confidence)) ?? 0))])
            })),
        ])))
        pairs.append(("report", .object([
            ("title", opt(report.title)), ("agency", opt(report.agency)), ("region", opt(report.region)),
            ("year", optInt(report.year)), ("layout", .string(report.layout.rawValue)), ("script", .string(report.script.rawValue)),
        ])))
        var figureTree = TreeBuilder()
        var provenance: [(String, TreeValue)] = []
        for path in orderedPaths {
            let figure = figures[path]!
            figureTree.set(path.split(separator: ".").map(String.init), figure.value.map(TreeValue.number) ?? .null)
            provenance.append((path, figure.provenance.tree()))
        }
        pairs += figureTree.root
        pairs.append(("provenance", .object(provenance)))
        pairs.append(("checks", .array(checks.map { $0.tree() })))
        pairs.append(("warnings", .array(warnings.map { $0.tree() })))
        return .object(pairs)
    }
}

extension SourceLocation {
    func tree() -> TreeValue {
        var pairs: [(String, TreeValue)] = []
        appendPairs(to: &pairs)
        return .object(pairs)
    }

    /// The location's fields, in canonical order, appended to an object being built.
    func appendPairs(to pairs: inout [(String, TreeValue)]) {
        if let table { pairs.append(("table", .string(table))) }
        if let row { pairs.append(("row", .string(row))) }
        if let column { pairs.append(("column", .string(column))) }
        if let sentence { pairs.append(("sentence", .string(sentence))) }
        if let line { pairs.append(("line", .integer(line))) }
        if let offset { pairs.append(("offset", .integer(offset))) }
        if let page { pairs.append(("page", .integer(page))) }
        if let tableIndex { pairs.append(("tableIndex", .integer(tableIndex))) }
        if let rowIndex { pairs.append(("rowIndex", .integer(rowIndex))) }
        if let columnIndex { pairs.append(("columnIndex", .integer(columnIndex))) }
    }
}

extension Provenance {
    func tree() -> TreeValue {
        var pairs: [(String, TreeValue)] = [("how", .string(how.rawValue)), ("raw", .string(raw))]
        pairs.reserveCapacity(10)
        location.appendPairs(to: &pairs)
        if !derivedFrom.isEmpty { pairs.append(("derivedFrom", .array(derivedFrom.map(TreeValue.string)))) }
        return .object(pairs)
    }
}

extension CheckResult {
    /// The check as it appears in the record's `checks`.
    public func tree() -> TreeValue {
        .object([
            ("rule", .string(rule)), ("description", .string(description)), ("status", .string(status.rawValue)),
            ("expected", expected.map(TreeValue.number) ?? .null), ("found", found.map(TreeValue.number) ?? .null),
            ("totalPaths", .array(totalPaths.map(TreeValue.string))), ("partPaths", .array(partPaths.map(TreeValue.string))),
        ])
    }
}

extension ReportWarning {
    /// The warning as it appears in the record's `warnings`.
    public func tree() -> TreeValue {
        var pairs: [(String, TreeValue)] = [("code", .string(code)), ("message", .string(message))]
        if let path { pairs.append(("path", .string(path))) }
        if let location, case .object(let loc) = location.tree(), !loc.isEmpty { pairs.append(("location", .object(loc))) }
        return .object(pairs)
    }
}
