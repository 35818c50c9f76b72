import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory refresh-goldens`
///
/// Converts every sample in Samples/ with the freshly built `girconv` and rewrites its golden file:
/// `Samples/expected/<name>.json` for a report it reads, `Samples/expected/<name>.error` (the error kind)
/// for one it must refuse. Review `git diff Samples/expected` before committing.
@main
struct RefreshGoldens: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let girconv = try context.tool(named: "girconv").url
        let samples = context.package.directoryURL.appending(path: "Samples")
        let expected = samples.appending(path: "expected")
        let files = try FileManager.default.contentsOfDirectory(at: samples, includingPropertiesForKeys: nil)
            .filter { ["txt", "html", "htm", "pdf", "docx"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        var changed = 0
        for file in files {
            let name = file.deletingPathExtension().lastPathComponent
            // Run from the package root with the path as a user types it: the record's source.path is "Samples/<file>".
            // Only the built-in layouts.
            let arguments = ["--no-user-layouts", "Samples/" + file.lastPathComponent]
            let (status, stdout, stderr) = try run(girconv, arguments, in: context.package.directoryURL)
            let json = expected.appending(path: name + ".json"), error = expected.appending(path: name + ".error")
            if status == 0 {
                changed += try write(stdout, to: json)
                try? FileManager.default.removeItem(at: error)
            } else {
                // The error kind is what the golden test compares; girconv prints the message on stderr.
                // Its kind, from girconv's own error list (exit 65 is `no-layout` or `not-a-report`).
                let errors = context.pluginWorkDirectoryURL.appending(path: "errors.jsonl")
                try? FileManager.default.removeItem(at: errors)
                _ = try run(girconv, arguments + ["--errors", errors.path], in: context.package.directoryURL)
                let kind = Self.errorKind(in: errors) ?? "exit-\(status)"
                changed += try write(Data(kind.utf8), to: error)
                try? FileManager.default.removeItem(at: json)
                print("\(name): \(String(decoding: stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))")
            }
        }
        print("refresh-goldens: \(files.count) samples, \(changed) golden files changed")
    }

    func run(_ tool: URL, _ arguments: [String], in directory: URL) throws -> (Int32, Data, Data) {
        let process = Process()
        process.executableURL = tool
        process.currentDirectoryURL = directory
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, stdout, stderr)
    }

    /// The `kind` of the one failure in a `--errors` file (JSON Lines), if there is one.
    static func errorKind(in file: URL) -> String? {
        guard let data = try? Data(contentsOf: file),
              let line = String(decoding: data, as: UTF8.self).split(separator: "\n").first,
              let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
        return object["kind"] as? String
    }

    /// Writes the file if its content differs; returns 1 when it changed.
    func write(_ data: Data, to url: URL) throws -> Int {
        if let current = try? Data(contentsOf: url), current == data { return 0 }
        try data.write(to: url, options: .atomic)
        return 1
    }
}
