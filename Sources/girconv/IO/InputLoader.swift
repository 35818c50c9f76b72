import Foundation
import GirconvCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one input — a regular file, standard input, a pipe, a FIFO or a device — into memory, never more
/// than `maxBytes + 1` bytes of it (so `/dev/zero` or `yes |` are refused, not swallowed), and never
/// waiting for a stream's next bytes longer than `waitSeconds` (so a FIFO with no writer is refused, not
/// waited on for ever).
enum InputLoader {
    /// Largest read at a time from a stream.
    static let chunkSize = 64 * 1024

    /// `recordPath` is what the record's `source.path` says (the path as typed when nil).
    static func load(_ path: String, recordPath: String? = nil, maxBytes: Int, waitSeconds: Double) throws -> RawInput {
        if path == "-" {
            let bytes = try read(STDIN_FILENO, shownAs: "<stdin>", maxBytes: maxBytes, waitSeconds: waitSeconds)
            return RawInput(name: "<stdin>", path: "-", bytes: bytes)
        }
        // Non-blocking open: opening a FIFO with no writer would otherwise block here, before any time limit.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw unreadable(path, errno) }
        defer { close(descriptor) }
        let bytes = try read(descriptor, shownAs: path, maxBytes: maxBytes, waitSeconds: waitSeconds)
        return RawInput(name: (path as NSString).lastPathComponent, path: recordPath ?? path, bytes: bytes)
    }

    /// Everything readable from an open descriptor, within the limits.
    static func read(_ descriptor: Int32, shownAs path: String, maxBytes: Int, waitSeconds: Double) throws -> [UInt8] {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw unreadable(path, errno) }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            throw GirconvError.inputUnreadable(path: path, reason: "is a directory")
        case S_IFREG:
            // A regular file's size is known: refuse before reading (from the current offset, for stdin).
            let offset = max(0, Int(lseek(descriptor, 0, SEEK_CUR)))
            let size = max(0, Int(info.st_size) - offset)
            if size > maxBytes { throw GirconvError.inputTooLarge(path: path, bytes: size, limit: maxBytes) }
            setBlocking(descriptor)
            // One read into an array of the file's size; a file that grows meanwhile is read on in chunks.
            var bytes = try [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
                count = 0
                while count < buffer.count {
                    let got = Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                    if got < 0 { if errno == EINTR { continue }; throw unreadable(path, errno) }
                    if got == 0 { break }
                    count += got
                }
            }
            if bytes.count > maxBytes { throw GirconvError.inputTooLarge(path: path, bytes: nil, limit: maxBytes) }
            if bytes.count > size { try readStream(descriptor, into: &bytes, shownAs: path, maxBytes: maxBytes, waitSeconds: nil) }
            return bytes
        default:
            // Pipes, FIFOs, character devices, sockets: read as the bytes come, each wait bounded.
            var bytes: [UInt8] = []
            try readStream(descriptor, into: &bytes, shownAs: path, maxBytes: maxBytes, waitSeconds: waitSeconds)
            return bytes
        }
    }

    /// Reads until end of input, refusing more than `maxBytes` bytes in all; `waitSeconds` bounds each wait
    /// for more (nil: the descriptor is a regular file and never makes one wait).
    static func readStream(_ descriptor: Int32, into bytes: inout [UInt8], shownAs path: String,
                           maxBytes: Int, waitSeconds: Double?) throws {
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            if let waitSeconds { try waitForData(descriptor, shownAs: path, seconds: waitSeconds) }
            let wanted = min(chunkSize, maxBytes + 1 - bytes.count)
            let got = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, wanted) }
            if got < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw unreadable(path, errno)
            }
            if got == 0 { return }
            bytes.append(contentsOf: chunk[0..<got])
            if bytes.count > maxBytes { throw GirconvError.inputTooLarge(path: path, bytes: nil, limit: maxBytes) }
        }
    }

    /// Waits until the descriptor has bytes (or its end) to read, at most `seconds`.
    static func waitForData(_ descriptor: Int32, shownAs path: String, seconds: Double) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { break }
            let ready = poll(&request, 1, Int32(min(left * 1000, Double(Int32.max)).rounded(.up)))
            if ready > 0 { return }
            if ready < 0 && errno != EINTR { throw unreadable(path, errno) }
        }
        throw GirconvError.inputUnreadable(
            path: path, reason: "no data came for \(formatSeconds(seconds)) s (a pipe or FIFO with no writer?); raise the wait with --input-timeout")
    }

    static func setBlocking(_ descriptor: Int32) {
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
    }

    static func unreadable(_ path: String, _ code: Int32) -> GirconvError {
        switch code {
        case ENOENT: return .inputUnreadable(path: path, reason: "no such file")
        case EACCES, EPERM: return .inputUnreadable(path: path, reason: "permission denied")
        case EISDIR: return .inputUnreadable(path: path, reason: "is a directory")
        default: return .inputUnreadable(path: path, reason: String(cString: strerror(code)))
        }
    }

    static func formatSeconds(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
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
        do {
            try output.write(bytes)
            try output.commit()
        } catch {
            output.abandon()
            throw error
        }
    }
}

/// Reports an error as one line on stderr and exits with its code.
enum Failure {
    static func exit(_ error: Error) -> Never {
        let girconvError = (error as? GirconvError) ?? .internalError(String(describing: error))
        TemporaryResources.removeAll()
        StandardError.write("girconv: error: \(girconvError)\n")
        Foundation.exit(girconvError.exitCode)
    }
}

/// Lines on stderr, written with write(2): a closed or full stderr loses the line but never stops the run
/// (FileHandle's write traps on an error).
enum StandardError {
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { _ = StreamingOutput.writeAll(UnsafeRawBufferPointer($0), to: STDERR_FILENO) }
    }
}
