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

/// Writes output atomically: to a temporary file beside the target, then renamed over it, so a failed
/// or killed run never leaves a half-written file.
enum OutputWriter {
    static func write(_ text: String, to path: String?) throws {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temp = directory.appendingPathComponent(".\(url.lastPathComponent).girconv-\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temp)
            // rename(2) replaces the target atomically (FileManager.replaceItemAt is not reliable on Linux).
            guard rename(temp.path, url.path) == 0 else {
                throw GirconvError.outputUnwritable(path: path, reason: String(cString: strerror(errno)))
            }
        } catch let error as GirconvError {
            try? FileManager.default.removeItem(at: temp)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw GirconvError.outputUnwritable(path: path, reason: (error as NSError).localizedDescription)
        }
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
