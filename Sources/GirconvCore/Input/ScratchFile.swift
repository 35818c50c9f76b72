import Foundation

/// Runs work on a copy of some bytes in a private temporary directory, removed afterwards (readers that
/// hand a file to another program or library: pdftotext, the .docx archive reader).
public enum ScratchFile {
    public static func with<T>(_ bytes: [UInt8], named name: String, _ body: (URL) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("girconv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return try body(file)
    }
}
