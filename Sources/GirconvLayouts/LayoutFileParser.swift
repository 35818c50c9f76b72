import Foundation
import GirconvCore
import GirconvLayoutNodes
import GirconvText
import Yams

/// A problem in a layout file, with the file, line and column it is at.
public struct LayoutFileProblem: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file; self.line = line; self.column = column; self.message = message
    }
    /// "file:line:column: message", the form editors and compilers use.
    public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// A layout file that cannot be used: every problem found in it.
public struct LayoutFileError: Error, Sendable, CustomStringConvertible {
    public var problems: [LayoutFileProblem]
    public init(problems: [LayoutFileProblem]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Reads layout files (YAML; JSON is YAML too) into `LayoutSpec`s. Unknown keys, wrong types, unknown
/// figure paths, undefined sections and bad regular expressions are errors naming the file, line and
/// column; all problems of a file are reported at once.
public struct LayoutFileParser {
    /// The format version this parser reads (`girconv-layout: 1`).
    public static let formatVersion = 1

    public init() {}

    /// The scalar types a layout file uses (`LayoutNodes.resolver`: booleans, whole and decimal numbers, null).
    static let resolver = LayoutNodes.resolver

    /// Parses the text of one layout file; `file` names it in errors.
    public func parse(_ text: String, file: String) throws -> LayoutSpec {
        let reader = NodeReader(file: file)
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text, Self.resolver) else {
                throw LayoutFileError(problems: [LayoutFileProblem(file: file, line: 1, column: 1, message: "the file is empty")])
            }
            root = node
        } catch let error as LayoutFileError {
            throw error
        } catch let error as YamlError {
            throw LayoutFileError(problems: [reader.problem(from: error)])
        }
        return try read(root, with: reader)
    }

    /// Reads a layout file's node tree in the compact form the EmbedLayouts plugin makes at build time
    /// (`LayoutNodes`: the nodes `Yams.compose` gives for its text, read by the same reader); the text is
    /// parsed when the form cannot be decoded.
    public func parse(nodes form: String, text: String, file: String) throws -> LayoutSpec {
        guard let root = LayoutNodes.decode(form) else { return try parse(text, file: file) }
        return try read(root, with: NodeReader(file: file))
    }

    private func read(_ root: Node, with reader: NodeReader) throws -> LayoutSpec {
        let spec = reader.layout(root)
        guard reader.problems.isEmpty, let spec else {
            throw LayoutFileError(problems: reader.problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
        }
        return spec
    }

    /// Parses a layout file on disk.
    public func parse(contentsOf url: URL) throws -> LayoutSpec {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw LayoutFileError(problems: [LayoutFileProblem(file: url.path, line: 1, column: 1, message: "cannot read the file: \(error.localizedDescription)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LayoutFileError(problems: [LayoutFileProblem(file: url.path, line: 1, column: 1, message: "the file is not UTF-8 text")])
        }
        return try parse(text, file: url.path)
    }
}

/// Walks a YAML node tree, collecting problems instead of stopping at the first.
final class NodeReader {
    let file: String
    private(set) var problems: [LayoutFileProblem] = []

    init(file: String) { self.file = file }

    func fail(_ node: Node?, _ message: String) {
        let mark = node?.mark
        problems.append(LayoutFileProblem(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message))
    }

    func problem(from error: YamlError) -> LayoutFileProblem {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return LayoutFileProblem(file: file, line: mark.line, column: mark.column, message: "not valid YAML: \(what)")
        default:
            return LayoutFileProblem(file: file, line: 1, column: 1, message: "not valid YAML: \(error)")
        }
    }

    // MARK: Primitive readers

    /// The pairs of a mapping, checking that every key is one of `allowed`.
    func mapping(_ node: Node, _ what: String, allowed: [String], required: [String] = []) -> [String: Node]? {
        guard case .mapping(let mapping) = node else { fail(node, "\(what) must be a mapping (key: value)"); return nil }
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string, case .scalar = key else { fail(key, "\(what): keys must be plain words"); continue }
            guard allowed.contains(name) else {
                let suggestion = EditDistance.nearest(to: name, among: allowed)
                let hint = suggestion.map { $0.distance <= 3 ? " (did you mean \"\($0.candidate)\"?)" : "" } ?? ""
                fail(key, "\(what): unknown key \"\(name)\"\(hint); allowed: \(allowed.joined(separator: ", "))")
                continue
            }
            result[name] = value
        }
        for name in required where result[name] == nil { fail(node, "\(what): \"\(name)\" is required") }
        return result
    }

    func string(_ node: Node?, _ what: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node else { fail(node, "\(what) must be a text"); return nil }
        return scalar.string
    }

    /// A text or a list of texts.
    func strings(_ node: Node?, _ what: String) -> [String]? {
        guard let node else { return nil }
        switch node {
        case .scalar(let scalar): return [scalar.string]
        case .sequence(let sequence):
            return sequence.compactMap { string($0, "each of \(what)") }
        default:
            fail(node, "\(what) must be a text or a list of texts"); return nil
        }
    }

    func list(_ node: Node?, _ what: String) -> [Node] {
        guard let node else { return [] }
        guard case .sequence(let sequence) = node else { fail(node, "\(what) must be a list"); return [] }
        return Array(sequence)
    }

    func number(_ node: Node?, _ what: String) -> Double? {
        guard let node else { return nil }
        guard let value = node.float, case .scalar = node else { fail(node, "\(what) must be a number"); return nil }
        return value
    }

    func integer(_ node: Node?, _ what: String) -> Int? {
        guard let node else { return nil }
        guard let value = node.int else { fail(node, "\(what) must be a whole number"); return nil }
        return value
    }

    func bool(_ node: Node?, _ what: String) -> Bool? {
        guard let node else { return nil }
        guard let value = node.bool else { fail(node, "\(what) must be true or false"); return nil }
        return value
    }

    func choice<T: RawRepresentable & CaseIterable>(_ node: Node?, _ what: String, _ type: T.Type) -> T? where T.RawValue == String {
        guard let text = string(node, what) else { return nil }
        guard let value = T(rawValue: text) else {
            fail(node, "\(what): \"\(text)\" is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))"); return nil
        }
        return value
    }

    func labels(_ labels: Node?, match: Node?, _ what: String) -> Labels? {
        guard let texts = strings(labels, "\(what) labels") else { return nil }
        let texts2 = texts.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        guard !texts2.isEmpty else { fail(labels, "\(what): labels must not be empty"); return nil }
        let mode = choice(match, "\(what) match", MatchMode.self) ?? .contains
        return Labels(texts2, mode: mode == .equals ? .equals : .contains)
    }

    /// A list whose items are a label (matched by containment) or `{labels: …, match: equals}`.
    func labelList(_ node: Node?, _ what: String) -> [Labels] {
        guard let node else { return [] }
        if case .scalar = node { return labels(node, match: nil, what).map { [$0] } ?? [] }
        return list(node, what).compactMap { item in
            if case .scalar = item { return labels(item, match: nil, what) }
            guard let fields = mapping(item, what, allowed: ["labels", "match"], required: ["labels"]) else { return nil }
            return labels(fields["labels"], match: fields["match"], what)
        }
    }

    enum MatchMode: String, CaseIterable { case contains, equals }
}
