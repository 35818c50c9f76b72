import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything a run leaves on the machine while it works — scratch folders, temporary output files, child
/// processes (pdftotext) — tracked in one place, so that an interrupted run (SIGINT, SIGTERM) or a failed
/// one removes them all: nothing is left behind.
///
/// Readers and writers register what they create and unregister it when they remove it themselves; the
/// command line calls `removeAll()` when it is stopped.
package enum TemporaryResources {
    /// Identifies one registration.
    package struct Token: Hashable, Sendable { let value: UInt64 }

    private enum Resource { case path(String), process(pid_t) }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var resources: [UInt64: Resource] = [:]
    nonisolated(unsafe) private static var next: UInt64 = 0

    /// Registers a file or folder to remove if the run is stopped before it is removed by its owner.
    package static func track(path: String) -> Token { add(.path(path)) }

    /// Registers a child process to kill if the run is stopped before it ends.
    package static func track(process: pid_t) -> Token { add(.process(process)) }

    /// The resource is gone (removed, or the process has ended): forget it.
    package static func untrack(_ token: Token) {
        lock.lock(); resources[token.value] = nil; lock.unlock()
    }

    /// Kills every tracked process and removes every tracked file and folder (the run is stopping).
    package static func removeAll() {
        lock.lock()
        let all = resources
        resources = [:]
        lock.unlock()
        for case .process(let pid) in all.values { kill(pid, SIGKILL) }
        for case .path(let path) in all.values { try? FileManager.default.removeItem(atPath: path) }
    }

    /// What is tracked now (for tests).
    package static var trackedCount: Int { lock.lock(); defer { lock.unlock() }; return resources.count }

    private static func add(_ resource: Resource) -> Token {
        lock.lock(); defer { lock.unlock() }
        next += 1
        resources[next] = resource
        return Token(value: next)
    }
}
