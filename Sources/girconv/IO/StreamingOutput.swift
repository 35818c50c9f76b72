import Foundation
import GirconvCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a run's output goes, and how it gets there without clobbering anything:
///
/// - standard output (no path, `-`, `/dev/stdout`, `/dev/fd/N`): written straight to it;
/// - a new path or an existing regular file (through a symbolic link too): written to a temporary file
///   beside it, renamed over it when the run completes, so a failed or killed run never leaves a
///   half-written file, and a link stays a link;
/// - an existing character device, FIFO or socket (`/dev/null`, a named pipe): written straight to it, never
///   replaced;
/// - a directory: refused.
///
/// Every write error (a full disk, a closed pipe, an I/O error) is an `outputUnwritable` error (exit 73); the
/// temporary file is then removed. Temporary files are registered with `TemporaryResources`, so an
/// interrupted run removes them too.
final class StreamingOutput {
    private var descriptor: Int32
    /// Closed by `commit`/`abandon` (false for stdout and inherited descriptors).
    private let ownsDescriptor: Bool
    /// The temporary file and the file it replaces, when written atomically.
    private let temporary: String?
    private let target: String?
    private var token: TemporaryResources.Token?
    /// How the output is named in messages.
    let shownName: String
    private var buffer: [UInt8] = []
    private static let bufferSize = 64 * 1024
    nonisolated(unsafe) private static var counter = 0
    private static let counterLock = NSLock()

    init(path: String?) throws {
        buffer.reserveCapacity(Self.bufferSize)
        guard let path, path != "-" else {
            (descriptor, ownsDescriptor, temporary, target, shownName) = (STDOUT_FILENO, false, nil, nil, "<stdout>")
            return
        }
        shownName = path
        if let inherited = Self.inheritedDescriptor(path) {
            (descriptor, ownsDescriptor, temporary, target) = (inherited, false, nil, nil)
            return
        }
        var info = stat()
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                throw GirconvError.outputUnwritable(path: path, reason: "is a directory")
            case S_IFREG:
                break
            default:
                // A device, FIFO or socket: written to as it is (replacing it would break the machine's /dev/null).
                let opened = open(path, O_WRONLY | O_CLOEXEC)
                guard opened >= 0 else { throw GirconvError.outputUnwritable(path: path, reason: String(cString: strerror(errno))) }
                (descriptor, ownsDescriptor, temporary, target) = (opened, true, nil, nil)
                return
            }
        }
        // A regular file or a new one: the real file behind any symbolic link is the one replaced.
        let real = Self.fileBehindLinks(path)
        // Split by hand: NSString's deletingLastPathComponent traps on a one-character name on Linux.
        let slash = real.lastIndex(of: "/")
        let directory = slash.map { String(real[...$0]) } ?? ""
        let name = slash.map { String(real[real.index(after: $0)...]) } ?? real
        // The name shortened (whole characters), so that the temporary name fits where the name itself does.
        var shortName = ""
        for scalar in name.unicodeScalars {
            guard shortName.utf8.count + String(scalar).utf8.count <= 64 else { break }
            shortName.unicodeScalars.append(scalar)
        }
        let temp = directory + ".\(shortName).girconv-\(getpid())-\(Self.nextNumber()).tmp"
        let existing: mode_t? = stat(real, &info) == 0 ? info.st_mode & 0o7777 : nil
        let mode = existing ?? 0o666
        let opened = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard opened >= 0 else {
            throw GirconvError.outputUnwritable(path: path, reason: "cannot create a file in \(directory.isEmpty ? "." : directory): \(String(cString: strerror(errno)))")
        }
        // umask applies at creation; an existing file keeps its own permissions.
        if let existing { _ = fchmod(opened, existing) }
        token = TemporaryResources.track(path: temp)
        (descriptor, ownsDescriptor, temporary, target) = (opened, true, temp, real)
    }

    /// Writes UTF-8 text.
    func write(_ text: String) throws {
        try write(Array(text.utf8))
    }

    /// Writes bytes as they are (JSON Lines are made as bytes: no String to validate and copy).
    func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Writes out what is buffered.
    func flush() throws {
        guard !buffer.isEmpty else { return }
        if let code = buffer.withUnsafeBytes({ Self.writeAll($0, to: descriptor) }) {
            throw GirconvError.outputUnwritable(path: shownName, reason: String(cString: strerror(code)))
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes every byte to a descriptor, through interruptions and short writes; nil, or the error number
    /// of the write that failed.
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
        var done = 0
        while done < bytes.count {
            let wrote = Glibc.write(descriptor, bytes.baseAddress! + done, bytes.count - done)
            if wrote >= 0 { done += wrote; continue }
            switch errno {
            case EINTR: continue
            case EAGAIN:
                // A non-blocking descriptor (a terminal or pipe set so by another program): wait until it takes more.
                var request = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                _ = poll(&request, 1, 1000)
            default:
                return errno
            }
        }
        return nil
    }

    /// Writes out the rest and, for a file written atomically, moves it into place.
    func commit() throws {
        do {
            try flush()
            if ownsDescriptor {
                let closed = close(descriptor)
                descriptor = -1
                // Delayed write errors (a full disk on some file systems) are reported when the file is closed.
                if closed != 0 { throw GirconvError.outputUnwritable(path: shownName, reason: String(cString: strerror(errno))) }
            }
            guard let temporary, let target else { return }
            guard rename(temporary, target) == 0 else {
                throw GirconvError.outputUnwritable(path: shownName, reason: String(cString: strerror(errno)))
            }
            if let token { TemporaryResources.untrack(token) }
            token = nil
        } catch {
            abandon()
            throw error
        }
    }

    /// Removes the temporary file of an abandoned run (what went straight to a stream stays written).
    func abandon() {
        buffer.removeAll()
        if ownsDescriptor && descriptor >= 0 { close(descriptor); descriptor = -1 }
        if let temporary { unlink(temporary) }
        if let token { TemporaryResources.untrack(token) }
        token = nil
    }

    /// The file a path names once every symbolic link is followed, even when the last link dangles (its
    /// target is then the file to make); the path itself when it is no link.
    static func fileBehindLinks(_ path: String) -> String {
        var current = path
        var info = stat()
        for _ in 0..<40 {   // as many links as the kernel follows (ELOOP)
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK,
                  let target = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            if target.hasPrefix("/") {
                current = target
            } else {
                let slash = current.lastIndex(of: "/")
                current = (slash.map { String(current[...$0]) } ?? "") + target
            }
        }
        return current
    }

    /// `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` and `/proc/self/fd/N` name a descriptor this process already
    /// has: it is written to directly (opening or replacing the path would not be the same thing).
    static func inheritedDescriptor(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return STDOUT_FILENO
        case "/dev/stderr": return STDERR_FILENO
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                if let number = Int32(path.dropFirst(prefix.count)), fcntl(number, F_GETFD) >= 0 { return number }
            }
            return nil
        }
    }

    /// Two output paths that name the same file (compared after resolving links), or both standard output.
    static func sameDestination(_ a: String?, _ b: String?) -> Bool {
        func key(_ path: String?) -> String {
            guard let path, path != "-", path != "/dev/stdout" else { return "<stdout>" }
            if let inherited = inheritedDescriptor(path) { return inherited == STDOUT_FILENO ? "<stdout>" : "fd:\(inherited)" }
            let url = URL(fileURLWithPath: path)
            // The directory resolved (it exists), the name as given (the file may not exist yet).
            return url.deletingLastPathComponent().resolvingSymlinksInPath().appendingPathComponent(url.lastPathComponent)
                .resolvingSymlinksInPath().path
        }
        return key(a) == key(b)
    }

    private static func nextNumber() -> Int {
        counterLock.lock(); defer { counterLock.unlock() }
        counter += 1
        return counter
    }
}
