import Dispatch
import Foundation
import GirconvCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What happens when the run is stopped from outside: on SIGINT, SIGTERM or SIGHUP every temporary output
/// file and scratch folder is removed and every child process (pdftotext) killed, then the process ends as
/// with exit status 128 + the signal's number (130 for SIGINT, 143 for SIGTERM), as a shell reports a
/// process that signal ended. A closed pipe (SIGPIPE) is not
/// fatal: the write reports EPIPE, which is an `outputUnwritable` error (exit 73) like any other.
enum Interruption {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install() {
        signal(SIGPIPE, SIG_IGN)
        for number in [SIGINT, SIGTERM, SIGHUP] {
            // A signal the parent ignores (a background job's SIGINT) stays ignored.
            let previous = signal(number, SIG_IGN)
            if let previous, unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global(qos: .userInteractive))
            source.setEventHandler {
                TemporaryResources.removeAll()
                // The status a shell reports for a process the signal ended (re-raising it from a dispatch
                // thread is unreliable: the signal may be blocked there).
                _exit(128 + number)
            }
            source.resume()
            sources.append(source)
        }
    }
}
