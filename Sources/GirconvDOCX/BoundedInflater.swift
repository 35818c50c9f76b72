// zlib comes through ZIPFoundation's CZlib module on Linux (ZIPFoundation depends on it there). Apple
// platforms use ZIPFoundation's inflater instead; elsewhere, rather than fall back to ZIPFoundation's Linux
// inflater (see `stream`), the build stops.
#if canImport(CZlib)
import CZlib
#elseif canImport(Darwin)
import Foundation
import ZIPFoundation
#else
#error("BoundedInflater needs zlib: ZIPFoundation's CZlib module was not found")
#endif

/// Inflates a raw deflate stream (a ZIP part's data) and stops as soon as the output passes a limit: the
/// bytes actually produced are counted while streaming, whatever size the archive declares. A 1 MB zip bomb
/// whose directory claims 40 KB is stopped after `limit` bytes, not after its 1 GB.
enum BoundedInflater {
    enum Failure: Error, Equatable {
        /// The output passed `limit` bytes (inflating stopped there).
        case tooLarge
        /// The part's bytes ended before the deflate stream did.
        case truncated
        /// The stream is not valid deflate data (zlib's message).
        case damaged(String)
    }

    /// Output is produced in chunks of this size; the limit is checked after each.
    static let chunkSize = 64 * 1024

    /// The inflated bytes of `input`, at most `limit` of them. `expectedSize` (the declared size) only
    /// sizes the first allocation, capped by `limit`.
    static func inflate(_ input: ArraySlice<UInt8>, limit: Int, expectedSize: UInt64) throws(Failure) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(Int(min(expectedSize, UInt64(max(limit, 0)), 64 * 1024 * 1024)))
        try stream(input) { (chunk: UnsafeBufferPointer<UInt8>) throws(Failure) in
            guard chunk.count <= limit - output.count else { throw .tooLarge }
            output.append(contentsOf: chunk)
        }
        return output
    }

    #if canImport(CZlib)
    /// zlib directly: `inflate` is given exactly the part's bytes, so a stream that does not end within them
    /// is reported as truncated (ZIPFoundation's Linux inflater reads on to the end of the file and then
    /// loops forever).
    private static func stream(_ input: ArraySlice<UInt8>,
                               _ consume: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Void) throws(Failure) {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .damaged("zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        var remaining = input
        var result = Z_OK
        while result != Z_STREAM_END {
            // avail_in is 32 bits: the input goes in in slices of at most 1 GiB.
            let slice = remaining.prefix(1 << 30)
            let (status, used) = slice.withUnsafeBufferPointer { source -> (Int32, Int) in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = UInt32(source.count)
                let status = buffer.withUnsafeMutableBufferPointer { target -> Int32 in
                    stream.next_out = target.baseAddress
                    stream.avail_out = UInt32(target.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                return (status, source.count - Int(stream.avail_in))
            }
            stream.next_in = nil
            remaining = remaining.dropFirst(used)
            let produced = chunkSize - Int(stream.avail_out)
            try buffer.withUnsafeBufferPointer { (all) throws(Failure) in
                try consume(UnsafeBufferPointer(rebasing: all.prefix(produced)))
            }
            switch status {
            case Z_OK, Z_STREAM_END: result = status
            case Z_BUF_ERROR:
                // No progress was possible: with room for output, that means the input ran out.
                guard remaining.isEmpty else { throw .damaged("zlib made no progress") }
                throw .truncated
            default:
                throw .damaged(stream.msg.map { String(cString: $0) } ?? "zlib error \(status)")
            }
            if result == Z_OK, remaining.isEmpty, produced < chunkSize { throw .truncated }
        }
    }
    #else
    /// Apple platforms: ZIPFoundation's inflater (the Compression framework), which is given the part's size
    /// and asks for bytes within it only. Once the input is used up, a finished stream ends the loop at the
    /// next call; a second call that brings no output means the stream did not end within the part.
    private static func stream(_ input: ArraySlice<UInt8>,
                               _ consume: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Void) throws(Failure) {
        var exhausted = false, idleCalls = 0
        do {
            _ = try Data.decompress(size: Int64(input.count), bufferSize: chunkSize, skipCRC32: true, provider: { position, size in
                let start = min(input.startIndex + Int(position), input.endIndex)
                if start == input.endIndex { exhausted = true }
                return Data(input[start..<min(start + size, input.endIndex)])
            }, consumer: { data in
                if data.isEmpty, exhausted {
                    idleCalls += 1
                    if idleCalls > 1 { throw Failure.truncated }
                }
                try data.withUnsafeBytes { raw in try consume(raw.bindMemory(to: UInt8.self)) }
            })
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .damaged("\(error)")
        }
    }
    #endif
}
