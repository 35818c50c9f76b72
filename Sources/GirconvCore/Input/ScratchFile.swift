import Foundation

/// Runs work on a copy of some bytes in a private temporary directory, removed afterwards (readers that
/// hand a file to another program: pdftotext). The directory is
/// registered with `TemporaryResources`, so a run stopped mid-way removes it too.
package enum ScratchFile {
    package static func with<T>(_ bytes: [UInt8], named name: String, _ body: (URL) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("girconv-\(UUID().uuidString)")
        let token = TemporaryResources.track(path: directory.path)
        defer {
            try? FileManager.default.removeItem(at: directory)
            TemporaryResources.untrack(token)
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return try body(file)
    }
}
