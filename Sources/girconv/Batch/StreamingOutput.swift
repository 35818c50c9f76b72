import Foundation
import GirconvCore
import GirconvExport

/// Writes a stream of records to stdout or to one file, atomically for files: everything goes to a
/// temporary file beside the target, renamed over it when the run completes (a killed run leaves no
/// half-written output).
final class StreamingOutput {
    private let handle: FileHandle
    private let temporary: URL?
    private let target: String?

    init(path: String?) throws {
        guard let path, path != "-" else {
            handle = FileHandle.standardOutput
            temporary = nil
            target = nil
            return
        }
        let url = URL(fileURLWithPath: path)
        let temp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).girconv-\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temp.path, contents: nil), let handle = FileHandle(forWritingAtPath: temp.path) else {
            throw GirconvError.outputUnwritable(path: path, reason: "cannot create a file in \(url.deletingLastPathComponent().path)")
        }
        self.handle = handle
        temporary = temp
        target = path
    }

    func write(_ text: String) {
        handle.write(Data(text.utf8))
    }

    /// UTF-8 bytes as they are (JSON Lines are made as bytes: no String to validate and copy).
    func write(_ bytes: [UInt8]) {
        handle.write(Data(bytes))
    }

    /// Moves the finished file into place.
    func commit() throws {
        guard let temporary, let target else { return }
        try handle.close()
        guard rename(temporary.path, target) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw GirconvError.outputUnwritable(path: target, reason: reason)
        }
    }

    /// Removes the temporary file of an abandoned run.
    func abandon() {
        guard let temporary else { return }
        try? handle.close()
        try? FileManager.default.removeItem(at: temporary)
    }
}
