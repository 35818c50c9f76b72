import Dispatch
import Foundation
import CGirconvSpawn
import GirconvCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs one helper program (pdftotext) with a bound on everything it can take from the machine: wall-clock
/// time, bytes of output, and address space. A hostile PDF can make pdftotext run for minutes and print
/// gigabytes; none of that may reach girconv unbounded.
///
/// Why not Foundation's `Process`: it has no hook to set a resource limit in the child, it reaps children on
/// its own thread (so killing by pid could race with the pid being reused), and its convenient readers
/// (`readDataToEndOfFile`) have no bound. Here one thread spawns the child (`girconv_spawn`, a small C shim: vfork, limit, exec), reads its output
/// with `poll` against a deadline, kills it if need be, and reaps it; the pid is never signalled after it
/// has been reaped, and the child is always waited for, so no zombie is left.
struct BoundedProcess {
    /// The program, as a path (`execve` does not search PATH).
    var executable: String
    var arguments: [String]
    /// The longest the program may run, in seconds; not finite means no limit.
    var timeoutSeconds: Double
    /// The most bytes of standard output accepted; one more and the program is stopped.
    var outputLimit: Int
    /// The program's address-space limit (RLIMIT_AS) in bytes, or nil for none.
    var addressSpaceLimit: Int?
    /// A descriptor the program reads as its standard input (read from where it stands), or nil for
    /// /dev/null.
    var standardInput: Int32? = nil

    /// How a run ended.
    enum Outcome: Equatable {
        /// The program closed its output and exited on its own with this status.
        case exited(status: Int32, output: [UInt8])
        /// The program was ended by this signal (not one of ours): a crash, or the address-space limit hit.
        case signalled(Int32)
        /// The time limit passed; the program was killed.
        case timedOut
        /// More than `outputLimit` bytes came; the program was killed.
        case outputOverLimit
    }

    /// The program could not be run at all (the reason is a short sentence for an error message).
    struct LaunchFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// The exit status of the child when it could not bound the program's address space (the program was
    /// not run).
    static let limitNotSet = Int32(GIRCONV_SPAWN_LIMIT_NOT_SET)

    /// The size of one read from the output pipe.
    static let chunkSize = 64 * 1024

    /// Held from making a pipe until its ends are close-on-exec and the child is started, so that no other
    /// run on another thread starts its child while our pipe's ends are still inheritable.
    private static let spawnLock = NSLock()

    func run() throws -> Outcome {
        Self.spawnLock.lock()
        let pipe: OutputPipe
        do { pipe = try OutputPipe() } catch { Self.spawnLock.unlock(); throw error }
        defer { close(pipe.readEnd) }
        let spawned = Result { try spawn(stdout: pipe.writeEnd) }
        // Our copy of the write end must go, or the pipe never reaches end-of-file.
        close(pipe.writeEnd)
        Self.spawnLock.unlock()
        let pid = try spawned.get()
        let token = TemporaryResources.track(process: pid)
        let deadline = Deadline(seconds: timeoutSeconds)

        var ending = readOutput(from: pipe.readEnd, until: deadline)
        if case .endOfOutput = ending, !Self.waitForExit(pid, until: deadline) {
            // Output closed but the program keeps running: the time limit still holds.
            ending = .timedOut
        }
        if case .endOfOutput = ending {} else { kill(pid, SIGKILL) }
        let status = Self.reap(pid, untracking: token)

        switch ending {
        case .timedOut: return .timedOut
        case .overLimit: return .outputOverLimit
        case .readFailed(let code):
            throw LaunchFailure(description: "reading its output failed (\(String(cString: strerror(code))))")
        case .endOfOutput(let output):
            if status & 0x7F == 0 { return .exited(status: (status >> 8) & 0xFF, output: output) }
            return .signalled(status & 0x7F)
        }
    }

    // MARK: Spawning

    /// Starts the program (the C shim `girconv_spawn`: vfork, then in the child only the signal reset, the
    /// descriptors, `setrlimit(RLIMIT_AS)` and `execve`). Its input (or nothing to read), our pipe to write, and
    /// its complaints (it prints syntax errors of broken PDFs) to nowhere, so that a PDF with millions of
    /// errors cannot fill a pipe nobody reads. Every signal back to its default action and none blocked: if
    /// girconv ignores SIGPIPE or blocks SIGINT (to handle it on a queue), pdftotext must not, or a Ctrl-C of
    /// the terminal would not stop it. The limit is set in the child itself, before `exec`, so there is no
    /// moment when the program runs unbounded (posix_spawn has no resource-limit attribute; setting it from
    /// outside with prlimit after the start would race with the program's first allocations). When `exec`
    /// fails the child exits 127 (not found) or 126, as a shell would.
    private func spawn(stdout: Int32) throws -> pid_t {
        let command = [executable] + arguments
        let argv = command.map { strdup($0) }
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") }
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let limit = addressSpaceLimit.map { Int64(max($0, 1)) } ?? 0
        let result = girconv_spawn(&pid, executable, argv + [nil], envp + [nil], standardInput ?? -1, stdout, limit)
        guard result == 0 else {
            throw LaunchFailure(description: "could not start \(executable) (\(String(cString: strerror(result))))")
        }
        return pid
    }

    // MARK: Reading

    private enum Ending {
        case endOfOutput([UInt8])
        case timedOut
        case overLimit
        case readFailed(Int32)
    }

    /// Reads the pipe in chunks until end-of-file, the deadline, or one byte over the limit: memory held is
    /// never more than the limit plus one chunk.
    private func readOutput(from fd: Int32, until deadline: Deadline) -> Ending {
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: Self.chunkSize)
        while true {
            guard let wait = deadline.pollMilliseconds() else { return .timedOut }
            var request = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&request, 1, wait)
            if ready < 0 {
                if errno == EINTR { continue }
                return .readFailed(errno)
            }
            if ready == 0 { continue }   // the deadline is checked again at the top
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .readFailed(errno)
            }
            if count == 0 { return .endOfOutput(output) }
            if count > outputLimit - output.count { return .overLimit }
            output.append(contentsOf: chunk[0..<count])
        }
    }

    // MARK: Waiting

    /// Waits (without reaping) until the program has exited or the deadline has passed; true if it exited.
    /// A program normally exits the moment it closes its output, so this rarely waits more than a tick.
    private static func waitForExit(_ pid: pid_t, until deadline: Deadline) -> Bool {
        var pause: useconds_t = 1_000
        while true {
            if hasExited(pid) { return true }
            if deadline.hasPassed { return false }
            usleep(pause)
            pause = min(pause * 2, 20_000)
        }
    }

    /// Whether the program has exited (it stays a zombie: `WNOWAIT`, so its pid cannot be reused yet).
    private static func hasExited(_ pid: pid_t) -> Bool {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT | WNOHANG) != 0 {
            // EINTR: ask again. Anything else (ECHILD) means there is nothing left to wait for.
            if errno != EINTR { return true }
        }
        return info.childPID != 0
    }

    /// Waits for the program to end and reaps it, returning its wait status. It is untracked only once it is
    /// a zombie and before it is reaped: until it is reaped its pid cannot be reused, so an interrupted run
    /// that kills every tracked pid can never hit an unrelated process. Should something else in the process
    /// have reaped it already (ECHILD), its status is unknown and 0 is returned: its output was read to the
    /// end, so it is taken as it is.
    private static func reap(_ pid: pid_t, untracking token: TemporaryResources.Token) -> Int32 {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) != 0, errno == EINTR {}
        TemporaryResources.untrack(token)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return 0 }
        }
        return status
    }
}

/// A point in monotonic time after which a run is stopped.
struct Deadline {
    /// Nanoseconds on the monotonic clock, or nil for no deadline.
    private let end: UInt64?

    /// `seconds` from now; not finite or beyond any real run (a century) means no deadline, zero or less
    /// means already passed.
    init(seconds: Double) {
        let now = DispatchTime.now().uptimeNanoseconds
        if !seconds.isFinite || seconds > 3_153_600_000 { end = nil }
        else if seconds <= 0 { end = now }
        else { end = now + UInt64(seconds * 1e9) }
    }

    var hasPassed: Bool {
        guard let end else { return false }
        return DispatchTime.now().uptimeNanoseconds >= end
    }

    /// The time left as a `poll` timeout in milliseconds (rounded up; -1: wait without limit), or nil once
    /// the deadline has passed.
    func pollMilliseconds() -> Int32? {
        guard let end else { return -1 }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now < end else { return nil }
        let milliseconds = (end - now + 999_999) / 1_000_000
        return Int32(min(milliseconds, UInt64(Int32.max)))
    }
}

/// A pipe whose ends are both close-on-exec, so that no other child girconv starts (another conversion's
/// pdftotext on another thread) inherits our write end and keeps the pipe open after our program is gone.
/// The child gets its write end as standard output through `dup2`, which clears close-on-exec on the copy.
private struct OutputPipe {
    let readEnd: Int32
    let writeEnd: Int32

    init() throws {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else {
            throw BoundedProcess.LaunchFailure(description: "could not make a pipe (\(String(cString: strerror(errno))))")
        }
        // `pipe2(O_CLOEXEC)` would set it atomically but is not in Swift's Glibc module; the window between
        // `pipe` and `fcntl` is closed by `spawnLock`, which every spawn here holds.
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        readEnd = fds[0]
        writeEnd = fds[1]
    }
}

private extension siginfo_t {
    /// The pid `waitid` filled in (zero when, under `WNOHANG`, no child had changed state).
    var childPID: pid_t {
        #if canImport(Glibc)
        return _sifields._kill.si_pid
        #else
        return si_pid
        #endif
    }
}
