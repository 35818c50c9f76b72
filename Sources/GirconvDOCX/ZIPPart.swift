/// One part (member file) of a ZIP archive as its central directory describes it, found and bounds-checked
/// over the archive's bytes in memory: where its stored bytes are, how they are compressed, whether they are
/// encrypted, and the size the archive *declares* for them once inflated.
///
/// girconv reads a .docx's `word/document.xml` through this rather than through ZIPFoundation's `Archive`:
/// - ZIPFoundation hides encrypted entries (its `Entry` initialiser returns nil for them), so an encrypted
///   document looked like "a ZIP without word/document.xml";
/// - its Linux inflater reads on past the entry to the end of the file and, if the deflate stream has not
///   ended there, loops forever at 100 % CPU (a 142-byte .docx hung girconv); the bounded inflate of
///   `BoundedInflater` is given exactly the part's bytes instead;
/// - nothing here traps: every offset read from the archive is checked against the bytes (the reason the
///   archive used to be copied to a scratch file is that ZIPFoundation's in-memory reader traps on some
///   malformed archives).
struct ZIPPart: Equatable {
    /// General purpose bit flags of the central directory record, with bit 0 of the local header's added.
    var flags: UInt16
    /// 0 stored, 8 deflate; anything else is refused by the reader.
    var method: UInt16
    /// The uncompressed size the central directory declares: a claim, never trusted as a bound.
    var declaredSize: UInt64
    /// The part's stored (compressed) bytes within the archive.
    var data: Range<Int>

    /// Bit 0: the part is encrypted (traditional PKWARE or, with method 99, AES).
    var isEncrypted: Bool { flags & 1 != 0 }

    /// Why an archive could not be read (the archive, not the part: a damaged or truncated file).
    struct FormatError: Error, Equatable, CustomStringConvertible {
        var description: String
    }

    /// The part named `name` (bytes compared exactly, as ZIPFoundation's lookup did), the first if the
    /// directory names it more than once; nil when the directory does not name it.
    static func find(_ name: String, in archive: [UInt8]) throws(FormatError) -> ZIPPart? {
        let bytes = ByteView(bytes: archive)
        let directory = try CentralDirectory(in: bytes)
        let wanted = Array(name.utf8)
        var offset = directory.offset
        for _ in 0..<directory.count {
            // Central directory file header: 46 fixed bytes, then name, extra field and comment.
            guard bytes.u32(offset) == 0x0201_4B50 else { throw FormatError(description: "a damaged central directory") }
            guard let flags = bytes.u16(offset + 8), let method = bytes.u16(offset + 10),
                  let compressed32 = bytes.u32(offset + 20), let size32 = bytes.u32(offset + 24),
                  let nameLength = bytes.u16(offset + 28), let extraLength = bytes.u16(offset + 30),
                  let commentLength = bytes.u16(offset + 32), let localOffset32 = bytes.u32(offset + 42) else {
                throw FormatError(description: "a truncated central directory")
            }
            let nameStart = offset + 46, extraStart = nameStart + Int(nameLength)
            let next = extraStart + Int(extraLength) + Int(commentLength)
            guard next <= archive.count else { throw FormatError(description: "a truncated central directory") }
            defer { offset = next }
            guard archive[nameStart..<extraStart].elementsEqual(wanted) else { continue }

            var sizes = Sizes(compressed: UInt64(compressed32), uncompressed: UInt64(size32), localOffset: UInt64(localOffset32))
            sizes.applyZIP64(extra: extraStart..<(extraStart + Int(extraLength)), in: bytes)
            return try located(flags: flags, method: method, sizes: sizes, in: bytes)
        }
        return nil
    }

    /// The part's data, after its local file header (30 fixed bytes, then its own name and extra field,
    /// whose lengths may differ from the central directory's).
    private static func located(flags: UInt16, method: UInt16, sizes: Sizes, in bytes: ByteView) throws(FormatError) -> ZIPPart {
        guard let header = Int(exactly: sizes.localOffset), bytes.u32(header) == 0x0403_4B50,
              let localFlags = bytes.u16(header + 6), let nameLength = bytes.u16(header + 26),
              let extraLength = bytes.u16(header + 28) else {
            throw FormatError(description: "the directory points to a missing local header")
        }
        let start = header + 30 + Int(nameLength) + Int(extraLength)
        guard let length = Int(exactly: sizes.compressed), start <= bytes.count, length <= bytes.count - start else {
            throw FormatError(description: "the part's data runs past the end of the file")
        }
        return ZIPPart(flags: flags | (localFlags & 1), method: method, declaredSize: sizes.uncompressed, data: start..<(start + length))
    }

    /// A directory record's sizes and local header offset, which ZIP64 moves to an extra field when they
    /// do not fit 32 bits (some writers use ZIP64 for every part).
    private struct Sizes {
        var compressed: UInt64
        var uncompressed: UInt64
        var localOffset: UInt64

        /// Reads the ZIP64 extended information field (tag 1): the 8-byte values, in this order, of the
        /// fields that are 0xFFFFFFFF in the record, and only those.
        mutating func applyZIP64(extra: Range<Int>, in bytes: ByteView) {
            var field = extra.lowerBound
            while field + 4 <= extra.upperBound, let tag = bytes.u16(field), let length = bytes.u16(field + 2) {
                let end = field + 4 + Int(length)
                guard end <= extra.upperBound else { return }
                if tag == 1 {
                    var value = field + 4
                    func next(_ current: UInt64) -> UInt64 {
                        guard current == 0xFFFF_FFFF, value + 8 <= end, let wide = bytes.u64(value) else { return current }
                        value += 8
                        return wide
                    }
                    uncompressed = next(uncompressed)
                    compressed = next(compressed)
                    localOffset = next(localOffset)
                    return
                }
                field = end
            }
        }
    }

    /// Where the central directory is and how many records it has, from the end of central directory record
    /// (the last one in the file, found in the final 64 KiB + 22 bytes as the format allows) or, when that
    /// says so, from the ZIP64 end record its locator points to.
    private struct CentralDirectory {
        var offset: Int
        var count: Int

        init(in bytes: ByteView) throws(FormatError) {
            let lowest = max(0, bytes.count - 22 - 0xFFFF)
            var end = bytes.count - 22
            while end >= lowest, bytes.u32(end) != 0x0605_4B50 { end -= 1 }
            guard end >= lowest, let count16 = bytes.u16(end + 10), let offset32 = bytes.u32(end + 16) else {
                throw FormatError(description: "no ZIP central directory (a truncated download?)")
            }
            var count = UInt64(count16), offset = UInt64(offset32)
            if count16 == 0xFFFF || offset32 == 0xFFFF_FFFF {
                // ZIP64 end of central directory locator (20 bytes, just before), then the record it names.
                guard bytes.u32(end - 20) == 0x0706_4B50, let recordOffset = bytes.u64(end - 12),
                      let record = Int(exactly: recordOffset), bytes.u32(record) == 0x0606_4B50,
                      let count64 = bytes.u64(record + 32), let offset64 = bytes.u64(record + 48) else {
                    throw FormatError(description: "a damaged ZIP64 central directory")
                }
                count = count64
                offset = offset64
            }
            // Each record takes 46 bytes at least, which bounds a lying count.
            guard let start = Int(exactly: offset), start <= bytes.count, count <= UInt64((bytes.count - start) / 46) else {
                throw FormatError(description: "a central directory outside the file")
            }
            self.offset = start
            self.count = Int(count)
        }
    }
}

/// Little-endian reads at any offset, nil when out of bounds (offsets come from the archive itself).
struct ByteView {
    let bytes: [UInt8]
    var count: Int { bytes.count }

    func u16(_ at: Int) -> UInt16? { value(at, width: 2).map { UInt16(truncatingIfNeeded: $0) } }
    func u32(_ at: Int) -> UInt32? { value(at, width: 4).map { UInt32(truncatingIfNeeded: $0) } }
    func u64(_ at: Int) -> UInt64? { value(at, width: 8) }

    private func value(_ at: Int, width: Int) -> UInt64? {
        guard at >= 0, width <= bytes.count, at <= bytes.count - width else { return nil }
        var result: UInt64 = 0
        for index in (at..<(at + width)).reversed() { result = result << 8 | UInt64(bytes[index]) }
        return result
    }
}
