import Foundation
import PackagePlugin

/// Compiles the built-in layout files (`Sources/GirconvAdapters/Layouts/*.yaml`) into the GirconvAdapters
/// module: at build time `girconv-embed-layouts` writes them, byte for byte, as string literals into
/// `EmbeddedLayouts.swift`. The girconv executable is then one file — no resource bundle to copy beside it —
/// and a changed layout file rebuilds only this source.
@main
struct EmbedLayouts: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let layouts = context.package.directoryURL.appending(path: "Sources/\(target.name)/Layouts")
        let files = try FileManager.default.contentsOfDirectory(at: layouts, includingPropertiesForKeys: nil)
            .filter { ["yaml", "yml", "json"].contains($0.pathExtension.lowercased()) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLayouts.swift")
        return [.buildCommand(
            displayName: "Embedding \(files.count) built-in layout files",
            executable: try context.tool(named: "girconv-embed-layouts").url,
            arguments: [output.path] + files.map(\.path),
            inputFiles: files,
            outputFiles: [output])]
    }
}
