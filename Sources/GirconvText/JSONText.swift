/// JSON text at the byte level: strings escaped eight bytes at a time, integers spelled in place. What the
/// JSON writer's hot path is made of.
package enum JSONText {
    static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `s` as a JSON string: quotes, backslashes and control characters escaped, and U+2028/U+2029
    /// (valid JSON, but line breaks to JavaScript) written as \\u2028/\\u2029. Runs of plain bytes are copied
    /// at once.
    package static func appendQuoted(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        // Native strings are read in place; others (bridged) through a copy.
        if s.utf8.withContiguousStorageIfAvailable({ append(escaping: $0, into: &out) }) == nil {
            var s = s
            s.withUTF8 { append(escaping: $0, into: &out) }
        }
        out.append(0x22)
    }

    /// The escaped bytes of a string, without its quotes.
    @inline(__always)
    private static func append(escaping bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let count = bytes.count
        guard bytes.baseAddress != nil else { return }
        var runStart = 0
        var i = 0
        func flush(_ end: Int) {
            if end > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end])) }
        }
        while i < count {
            // Eight bytes at a time while none of them needs a look (the common case by far).
            if i + 8 <= count, isPlain(FastText.Word.load(bytes, at: i)) { i += 8; continue }
            let byte = bytes[i]
            if byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0xE2 { i += 1; continue }
            if byte == 0xE2 {
                guard i + 2 < count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 else { i += 1; continue }
                flush(i)
                out.append(contentsOf: [0x5C, 0x75, 0x32, 0x30, 0x32, bytes[i + 2] == 0xA8 ? 0x38 : 0x39])
                i += 3
                runStart = i
                continue
            }
            flush(i)
            switch byte {
            case 0x22: out.append(0x5C); out.append(0x22)
            case 0x5C: out.append(0x5C); out.append(0x5C)
            case 0x0A: out.append(0x5C); out.append(0x6E)
            case 0x0D: out.append(0x5C); out.append(0x72)
            case 0x09: out.append(0x5C); out.append(0x74)
            default: out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            }
            i += 1
            runStart = i
        }
        flush(count)
    }

    /// True when none of the eight bytes of `word` is a control character, `"`, `\\` or 0xE2 (the lead byte
    /// of U+2028/U+2029) (`FastText.Word`).
    @inline(__always)
    static func isPlain(_ word: UInt64) -> Bool {
        !FastText.Word.hasByte(below: 0x20, in: word) && !FastText.Word.hasByte(0x22, in: word)
            && !FastText.Word.hasByte(0x5C, in: word) && !FastText.Word.hasByte(0xE2, in: word)
    }

    /// Appends an integer's decimal digits (as `String(value)` spells them), written in place.
    package static func appendInteger(_ value: Int, into out: inout [UInt8]) {
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            repeat {
                start -= 1
                digits[start] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 { out.append(0x2D) }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start..<20]))
        }
    }
}
