import ArgumentParser
import Foundation
import GirconvAdapters
import GirconvCore
import GirconvLayouts

/// `girconv layouts`: the layouts girconv knows and where each comes from; checking and showing layout files.
struct Layouts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List, check and show layouts (built-in and user layout files).",
        discussion: "A layout file describes a report layout as data; see docs/adding-a-layout.md.",
        subcommands: [List.self, Check.self, Show.self],
        defaultSubcommand: List.self)

    /// `girconv layouts [list]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every layout and reader, with where each comes from.")

        @OptionGroup var layouts: LayoutOptions

        func run() throws {
            do {
                let library = try layouts.library()
                let registry = try layouts.registry()
                print("layouts (tried in this order; the best score of \(String(format: "%.2f", registry.threshold)) or more wins, a later one on a tie):")
                for loaded in library.layouts {
                    let origin = loaded.origin == "built-in" ? "built-in layout file" : loaded.origin
                    let replaced = loaded.replaced.map { "  (replaces the \($0 == "built-in" ? "built-in layout" : $0))" } ?? ""
                    print("  \(pad(loaded.spec.id, 20)) layout \(pad(loaded.spec.layout.rawValue, 18)) \(origin)\(replaced)")
                }
                let user = LayoutLibrary.userDirectory()
                print("user layout directory: \(user.path)\(FileManager.default.fileExists(atPath: user.path) ? "" : " (absent)")\(layouts.noUserLayouts ? " (not read: --no-user-layouts)" : "")")
                print("readers:")
                for reader in registry.readers {
                    let types = reader.format.mediaType
                    print("  \(pad(types, max(40, types.count + 1))) built in (\(String(describing: type(of: reader))))")
                }
            } catch {
                Failure.exit(error)
            }
        }
    }

    /// `girconv layouts check FILE…`: parses layout files and reports every problem with its line.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check layout files: every problem is printed as file:line:column: message (exit 78 if any).")

        @Argument(help: "Layout files (.yaml, .yml, .json) or directories of them.")
        var files: [String]

        func run() throws {
            var problems: [LayoutFileProblem] = []
            var checked: [LayoutSpec] = []
            for path in files {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                    problems.append(LayoutFileProblem(file: path, line: 1, column: 1, message: "no such file")); continue
                }
                if isDirectory.boolValue {
                    var library = LayoutLibrary()
                    do { try library.load(from: URL(fileURLWithPath: path, isDirectory: true)); checked += library.layouts.map(\.spec) } catch let error as LayoutFileError {
                        problems += error.problems
                    }
                    continue
                }
                do { checked.append(try LayoutFileParser().parse(contentsOf: URL(fileURLWithPath: path))) } catch let error as LayoutFileError {
                    problems += error.problems
                }
            }
            // Narrative patterns named by id must exist among the built-in layouts or the files checked.
            if problems.isEmpty {
                var library = (try? BuiltinAdapters.layoutLibrary()) ?? LayoutLibrary()
                for spec in checked { library.add(spec, origin: "checked") }
                do { _ = try library.adapters() } catch let error as LayoutFileError { problems += error.problems }
            }
            if !problems.isEmpty {
                Failure.exit(GirconvError.layoutFile(problems.map(\.description).joined(separator: "\n")))
            }
            for spec in checked {
                let rows = spec.tables.map { $0.rows.count + ($0.singleRow.map { $0.groups.count } ?? 0) }.reduce(0, +)
                let identities = spec.identities.isEmpty ? "" : ", \(spec.identities.count) identit\(spec.identities.count == 1 ? "y" : "ies") of its own"
                print("ok  \(spec.id): layout \(spec.layout.rawValue), \(spec.tables.count) table(s), \(rows) row(s)\(spec.narrative == nil ? "" : ", narrative"), \(spec.figures.count) extra figure(s)\(identities)")
            }
        }
    }

    /// `girconv layouts show ID`: prints a built-in layout file, to copy and adapt.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the layout file of a layout (e.g. a built-in one, to start a variant from it).")

        @Argument(help: "The layout id (see `girconv layouts`).")
        var id: String

        @OptionGroup var layouts: LayoutOptions

        func run() throws {
            do {
                let library = try layouts.library()
                guard let loaded = library.layouts.first(where: { $0.spec.id == id }) else {
                    throw GirconvError.usage("no layout \"\(id)\"; known: \(library.layouts.map(\.spec.id).joined(separator: ", "))")
                }
                let bytes: [UInt8]
                if loaded.origin == "built-in" {
                    let files: [(name: String, text: String)]
                    if let directory = BuiltinAdapters.layoutsDirectoryOverride {
                        let urls = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
                        files = urls.compactMap { url in (try? String(contentsOf: url, encoding: .utf8)).map { (url.path, $0) } }
                    } else {
                        files = BuiltinAdapters.layoutFiles
                    }
                    guard let file = files.first(where: { (try? LayoutFileParser().parse($0.text, file: $0.name))?.id == id }) else {
                        throw GirconvError.internalError("built-in layout file for \(id) not found")
                    }
                    bytes = Array(file.text.utf8)
                } else {
                    bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: loaded.origin)))
                }
                try OutputWriter.write(bytes, to: nil)
            } catch {
                Failure.exit(error)
            }
        }
    }
}

private func pad(_ text: String, _ width: Int) -> String {
    text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0)
}
