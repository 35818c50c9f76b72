import Dispatch
import Foundation
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
/// (`readDataToEndOfFile`) have no bound. Here one thread spawns the child (`posix_spawn`), reads its output
/// with `poll` against a deadline, kills it if need be, and reaps it; the pid is never signalled after it
/// has been reaped, and the child is always waited for, so no zombie is left.
struct BoundedProcess {
    /// The program, as a path (`posix_spawn` does not search PATH).
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

    /// The shell every POSIX system has: it sets the address-space limit, then `exec`s the program in its own
    /// place. Because of `exec` the pid we track is the program itself (killing it kills the program), and no
    /// process is left between us and it that could keep the output pipe open after a kill.
    static let shell = "/bin/sh"

    /// The exit status of the shell when it could not bound the program's address space (the program was
    /// not run).
    static let limitNotSet: Int32 = 125

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

    /// The argument vector actually run: the program itself, or the shell that limits then becomes it.
    var commandLine: [String] {
        guard let limit = addressSpaceLimit else { return [executable] + arguments }
        // `ulimit -v` counts KiB. It fails when the hard limit is already lower: then the program runs
        // within that one. It is never run with no limit at all: exit `limitNotSet` instead.
        // "$0" "$@" are the program and its arguments, passed as words, never parsed by the shell.
        let script = "ulimit -v \(max(limit / 1024, 1)) || [ \"$(ulimit -v)\" != unlimited ] || exit \(Self.limitNotSet); "
            + "exec \"$0\" \"$@\""
        return [Self.shell, "-c", script, executable] + arguments
    }

    private func spawn(stdout: Int32) throws -> pid_t {
        var actions = SpawnFileActions()
        defer { actions.destroy() }
        // Its input (or nothing to read), our pipe to write, and its complaints (it prints syntax errors of broken PDFs) to
        // nowhere, so that a PDF with millions of errors cannot fill a pipe nobody reads.
        if let standardInput { try actions.duplicate(standardInput, as: 0) } else { try actions.open(0, "/dev/null", O_RDONLY) }
        try actions.duplicate(stdout, as: 1)
        try actions.open(2, "/dev/null", O_WRONLY)
        var attributes = SpawnAttributes()
        defer { attributes.destroy() }
        try attributes.resetSignals()

        let command = commandLine
        let argv = command.map { strdup($0) }
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") }
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let result = actions.withPointer { actionsPointer in
            attributes.withPointer { attributesPointer in
                posix_spawn(&pid, command[0], actionsPointer, attributesPointer, argv + [nil], envp + [nil])
            }
        }
        guard result == 0 else {
            throw LaunchFailure(description: "could not start \(command[0]) (\(String(cString: strerror(result))))")
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

/// `posix_spawn_file_actions_t`, whose Swift type differs between Glibc (a struct) and Darwin (a pointer).
private struct SpawnFileActions {
    #if canImport(Darwin)
    private var actions: posix_spawn_file_actions_t? = nil
    #else
    private var actions = posix_spawn_file_actions_t()
    #endif

    init() { posix_spawn_file_actions_init(&actions) }
    mutating func destroy() { posix_spawn_file_actions_destroy(&actions) }

    mutating func open(_ fd: Int32, _ path: String, _ flags: Int32) throws {
        try check(posix_spawn_file_actions_addopen(&actions, fd, path, flags, 0))
    }

    mutating func duplicate(_ fd: Int32, as target: Int32) throws {
        try check(posix_spawn_file_actions_adddup2(&actions, fd, target))
    }

    #if canImport(Darwin)
    mutating func withPointer<T>(_ body: (UnsafePointer<posix_spawn_file_actions_t?>) -> T) -> T { body(&actions) }
    #else
    mutating func withPointer<T>(_ body: (UnsafePointer<posix_spawn_file_actions_t>) -> T) -> T { body(&actions) }
    #endif
}

/// `posix_spawnattr_t`, likewise.
private struct SpawnAttributes {
    #if canImport(Darwin)
    private var attributes: posix_spawnattr_t? = nil
    #else
    private var attributes = posix_spawnattr_t()
    #endif

    init() { posix_spawnattr_init(&attributes) }
    mutating func destroy() { posix_spawnattr_destroy(&attributes) }

    /// Every signal back to its default action and none blocked in the child. A child inherits ignored
    /// signals and the signal mask across exec: if girconv ignores SIGPIPE or blocks SIGINT (to handle it on
    /// a queue), pdftotext must not, or a Ctrl-C of the terminal would not stop it.
    mutating func resetSignals() throws {
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        try check(posix_spawnattr_setsigdefault(&attributes, &defaults))
        try check(posix_spawnattr_setsigmask(&attributes, &unblocked))
        try check(posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)))
    }

    #if canImport(Darwin)
    mutating func withPointer<T>(_ body: (UnsafePointer<posix_spawnattr_t?>) -> T) -> T { body(&attributes) }
    #else
    mutating func withPointer<T>(_ body: (UnsafePointer<posix_spawnattr_t>) -> T) -> T { body(&attributes) }
    #endif
}

/// Throws for a non-zero result of a `posix_spawn…` setup call (they return the error number).
private func check(_ result: Int32) throws {
    guard result == 0 else {
        throw BoundedProcess.LaunchFailure(description: "could not prepare to start a process (\(String(cString: strerror(result))))")
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
