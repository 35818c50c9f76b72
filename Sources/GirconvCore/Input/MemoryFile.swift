import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes in an anonymous in-memory file (Linux `memfd_create`): a descriptor another program can read as its
/// standard input, with no directory made, nothing written to disk and nothing left behind if the run is
/// killed. Readers that hand bytes to a program (pdftotext) use it where the system has it and fall back to a
/// `ScratchFile` elsewhere (`make` returns nil).
package struct MemoryFile: ~Copyable {
    /// Readable from offset 0; close-on-exec (a child gets it only through an explicit `dup2`).
    package let descriptor: Int32

    private typealias Create = @convention(c) (UnsafePointer<CChar>, UInt32) -> Int32
    /// `memfd_create`, looked up at run time: glibc has it since 2.27 but the Swift Glibc module does not
    /// declare it, and other systems lack it.
    private static let create: Create? = {
        #if os(Linux)
        guard let symbol = dlsym(nil, "memfd_create") else { return nil }
        return unsafeBitCast(symbol, to: Create.self)
        #else
        return nil
        #endif
    }()
    /// MFD_CLOEXEC.
    private static let closeOnExec: UInt32 = 1

    /// Holds `bytes` in a new memory file; nil when the system has no memory files or one cannot be made or
    /// filled (the caller falls back to a scratch file).
    package init?(_ bytes: [UInt8], name: String) {
        guard let create = Self.create else { return nil }
        let fd = name.withCString { create($0, Self.closeOnExec) }
        guard fd >= 0 else { return nil }
        var written = 0
        let complete = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let count = write(fd, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += count
            }
            return true
        }
        guard complete, lseek(fd, 0, SEEK_SET) == 0 else {
            close(fd)
            return nil
        }
        descriptor = fd
    }

    deinit { close(descriptor) }
}
