import Foundation
import GirconvCore

/// A layout and where it came from.
public struct LoadedLayout: Sendable {
    public let spec: LayoutSpec
    /// "built-in", or the path of the layout file.
    public let origin: String
    /// The origin of the layout with the same id that this one replaced, if any.
    public let replaced: String?
}

/// The layouts in use: the built-in ones, then the per-user directory, then `--layouts` directories.
/// A layout whose id is already loaded replaces it (so a built-in layout can be maintained, or
/// overridden, as a file); two files with the same id in one directory are an error.
public struct LayoutLibrary: Sendable {
    public private(set) var layouts: [LoadedLayout] = []

    public init() {}

    /// The per-user layout directory: `$GIRCONV_LAYOUTS_DIR`, else `$XDG_CONFIG_HOME/girconv/layouts`,
    /// else `~/.config/girconv/layouts`.
    public static func userDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let dir = environment["GIRCONV_LAYOUTS_DIR"], !dir.isEmpty { return URL(fileURLWithPath: dir, isDirectory: true) }
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".config", isDirectory: true)
        return config.appendingPathComponent("girconv/layouts", isDirectory: true)
    }

    /// File names read as layout files.
    public static let extensions: Set<String> = ["yaml", "yml", "json"]

    /// Adds a layout, replacing a loaded one with the same id.
    public mutating func add(_ spec: LayoutSpec, origin: String) {
        if let index = layouts.firstIndex(where: { $0.spec.id == spec.id }) {
            let old = layouts[index]
            layouts[index] = LoadedLayout(spec: spec, origin: origin, replaced: old.origin)
        } else {
            layouts.append(LoadedLayout(spec: spec, origin: origin, replaced: nil))
        }
    }

    /// Loads every layout file (`*.yaml`, `*.yml`, `*.json`) of a directory, in name order, or one layout
    /// file. All problems of all files are reported together; nothing is added when any file has a problem.
    public mutating func load(from directory: URL, origin: ((URL) -> String)? = nil) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) else {
            throw LayoutFileError(problems: [LayoutFileProblem(file: directory.path, line: 1, column: 1,
                                                               message: "no such layout file or directory")])
        }
        let files: [URL]
        if !isDirectory.boolValue {
            files = [directory]
        } else {
            do {
                files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
                    .filter { Self.extensions.contains($0.pathExtension.lowercased()) }
                    .sorted { $0.lastPathComponent < $1.lastPathComponent }
            } catch {
                throw LayoutFileError(problems: [LayoutFileProblem(file: directory.path, line: 1, column: 1,
                                                                   message: "cannot read the layout directory: \(error.localizedDescription)")])
            }
        }
        try load(files.map { file in (name: file.path, parse: { try LayoutFileParser().parse(contentsOf: file) }) },
                 origin: { name in origin?(URL(fileURLWithPath: name)) ?? name })
    }

    /// Loads layout files given as texts (the built-in layouts compiled into the program), each named for
    /// its problems; all of them or none, as `load(from:)`.
    public mutating func load(texts: [(name: String, text: String)], origin: String) throws {
        try load(texts.map { (name: $0.name, text: $0.text, nodes: nil) }, origin: origin)
    }

    /// Loads layout files given as texts and, where the build made it, their node trees in compact form
    /// (`LayoutNodes`), read instead of parsing the text's YAML.
    public mutating func load(_ files: [(name: String, text: String, nodes: String?)], origin: String) throws {
        try load(files.map { file in (name: file.name, parse: {
            if let nodes = file.nodes { return try LayoutFileParser().parse(nodes: nodes, text: file.text, file: file.name) }
            return try LayoutFileParser().parse(file.text, file: file.name)
        }) }, origin: { _ in origin })
    }

    /// Parses every file; an id twice among them, or any problem, adds nothing and reports every problem.
    private mutating func load(_ files: [(name: String, parse: () throws -> LayoutSpec)], origin: (String) -> String) throws {
        var problems: [LayoutFileProblem] = []
        var parsed: [(LayoutSpec, String)] = []
        for file in files {
            do {
                let spec = try file.parse()
                if let other = parsed.first(where: { $0.0.id == spec.id }) {
                    problems.append(LayoutFileProblem(file: file.name, line: 1, column: 1,
                                                      message: "id \"\(spec.id)\" is also the id of \((other.1 as NSString).lastPathComponent) in the same directory"))
                }
                parsed.append((spec, file.name))
            } catch let error as LayoutFileError {
                problems += error.problems
            }
        }
        guard problems.isEmpty else { throw LayoutFileError(problems: problems) }
        for (spec, name) in parsed { add(spec, origin: origin(name)) }
    }

    /// One adapter per layout, with narrative patterns named by id resolved.
    public func adapters() throws -> [LayoutAdapter] {
        var problems: [LayoutFileProblem] = []
        let adapters = layouts.map { loaded -> LayoutAdapter in
            var patterns = loaded.spec.patterns
            if let name = loaded.spec.narrative?.patternsFrom {
                let named = layouts.first { $0.spec.id == name }?.spec.patterns
                // A file's own patterns extend the ones it names (its triggers are tried alongside).
                patterns = named.map { named in patterns.map { $0.extending(named) } ?? named }
                if named == nil {
                    let mark = loaded.spec.narrative!.patternsFromMark
                    let defining = layouts.filter { $0.spec.patterns != nil }.map(\.spec.id)
                    problems.append(LayoutFileProblem(file: loaded.origin, line: mark.line, column: mark.column,
                        message: "narrative patterns: no loaded layout \"\(name)\" defines patterns (layouts that do: \(defining.joined(separator: ", ")))"))
                }
            }
            return LayoutAdapter(spec: loaded.spec, patterns: patterns)
        }
        guard problems.isEmpty else { throw LayoutFileError(problems: problems) }
        return adapters
    }

    /// The `extra.` figures every loaded layout declares, in load order, each once.
    public var extraFigures: [ExtraFigure] {
        var seen = Set<String>()
        return layouts.flatMap(\.spec.figures).filter { seen.insert($0.path).inserted }
    }
}
