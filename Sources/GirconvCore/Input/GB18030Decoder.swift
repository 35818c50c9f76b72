#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// GB18030 (a superset of GBK and GB2312) to a Swift string through the C library's iconv, which is an
/// order of magnitude faster than Foundation's `String(data:encoding:)` (that goes through NSString and
/// UTF-16). Falls back to Foundation where iconv has no GB18030 converter.
enum GB18030Decoder {
    /// The text, or nil when the bytes are not valid GB18030.
    static func decode(_ bytes: [UInt8]) -> String? {
        guard !bytes.isEmpty else { return "" }
        switch decodeWithIconv(bytes) {
        case .text(let text): return text
        case .invalid: return nil
        case .unavailable: return String(data: Data(bytes), encoding: String.Encoding(rawValue: 0x8000_0632))
        }
    }

    private enum Outcome { case text(String), invalid, unavailable }

    private static func decodeWithIconv(_ bytes: [UInt8]) -> Outcome {
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else { return .unavailable }
        defer { iconv_close(converter) }
        // GB18030 uses 1, 2 or 4 bytes per character, UTF-8 at most 4 per character: at most 3 bytes of
        // UTF-8 per byte of input (a 1-byte ASCII character stays 1 byte, a 2-byte character becomes 3).
        // iconv writes straight into the string's storage (no zero-filled buffer, no copy afterwards), and
        // reads the input in place (iconv does not write to its input, whatever its signature says).
        var valid = true
        let text = bytes.withUnsafeBufferPointer { inBuffer in
            String(unsafeUninitializedCapacity: inBuffer.count * 3 + 16) { outBuffer -> Int in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: inBuffer.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                guard result != -1, inLeft == 0 else { valid = false; return 0 }
                return outBuffer.count - outLeft
            }
        }
        return valid ? .text(text) : .invalid
    }
}
