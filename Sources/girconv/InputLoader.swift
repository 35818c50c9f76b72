import Foundation
import GirconvCore

/// Reads a named file or standard input into memory, with the size limit applied before reading all.
enum InputLoader {
    static func load(_ path: String, maxBytes: Int) throws -> RawInput {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return RawInput(name: "<stdin>", bytes: [UInt8](data))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw GirconvError.inputUnreadable(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw GirconvError.inputUnreadable(path: path, reason: "is a directory") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        if let size, size > maxBytes { throw GirconvError.inputTooLarge(path: path, bytes: size, limit: maxBytes) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw GirconvError.inputUnreadable(path: path, reason: "permission denied or unreadable")
        }
        defer { try? handle.close() }
        do {
            let data = try handle.readToEnd() ?? Data()
            return RawInput(name: (path as NSString).lastPathComponent, bytes: [UInt8](data))
        } catch {
            throw GirconvError.inputUnreadable(path: path, reason: error.localizedDescription)
        }
    }
}

/// Writes one output whole, atomically for files (through `StreamingOutput`: a temporary file beside the
/// target, renamed over it), so a failed or killed run never leaves a half-written file.
enum OutputWriter {
    static func write(_ text: String, to path: String?) throws {
        try write(Array(text.utf8), to: path)
    }

    static func write(_ bytes: [UInt8], to path: String?) throws {
        let output = try StreamingOutput(path: path)
        output.write(bytes)
        try output.commit()
    }
}

/// Reports an error as one line on stderr and exits with its code.
enum Failure {
    static func exit(_ error: Error) -> Never {
        let girconvError = (error as? GirconvError) ?? .internalError(String(describing: error))
        FileHandle.standardError.write(Data("girconv: error: \(girconvError)\n".utf8))
        Foundation.exit(girconvError.exitCode)
    }
}
