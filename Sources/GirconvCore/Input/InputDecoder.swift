import Foundation
import GirconvText

/// Raw input: the bytes of one report, the name it is known by, and the path it was read from.
public struct RawInput: Sendable {
    /// The file's name (its last path component), or "<stdin>".
    public var name: String
    /// The path that tells this input apart from every other of a run (`source.path`): for a file inside a
    /// directory given on the command line, its path relative to that directory prefixed by the directory's
    /// own name (`archive/2021/index.html`); for a file given directly, the path as typed; "-" for standard
    /// input. Nil when the bytes did not come from a path (a library caller's buffer).
    public var path: String?
    public var bytes: [UInt8]
    public init(name: String, path: String? = nil, bytes: [UInt8]) { self.name = name; self.path = path; self.bytes = bytes }
}

/// Decoded input: text plus what was learnt while decoding it. For a PDF, `text` is empty and a reader
/// for `application/pdf` works from `bytes`.
public struct DecodedInput: Sendable {
    public var text: String
    public var bytes: [UInt8] = []
    /// The encoding used, as recorded in `source.encoding`: "UTF-8", "UTF-8 (BOM)", "GB18030", "UTF-16LE" …
    public var encoding: String
    /// The media type of the format it was recognised as ("text/html", "text/plain", "application/pdf" …).
    public var mediaType: String
    /// The bounds the reader works within (a .docx's inflated size, a PDF's extraction time and text).
    public var limits: ReadingLimits = .default

    public init(text: String, bytes: [UInt8] = [], encoding: String, mediaType: String, limits: ReadingLimits = .default) {
        self.text = text; self.bytes = bytes; self.encoding = encoding; self.mediaType = mediaType; self.limits = limits
    }
}

/// Turns bytes into text, refusing what is not text. Encodings: BOM first, then a declared charset (for
/// HTML), then valid UTF-8, else GB18030 (a superset of GBK and GB2312).
public enum InputDecoder {
    /// Default largest input accepted, in bytes (reports are rarely over 2 MB).
    public static let defaultMaxBytes = 64 * 1024 * 1024

    /// GB18030 (a superset of GBK and GB2312) as Foundation names it on Linux.
    public static let gb18030 = String.Encoding(rawValue: 0x8000_0632)
    /// Decodes an input: as the first of `formats` whose binary signature its bytes carry (the bytes kept
    /// for that format's reader), else as text (`text/html` or `text/plain`), checked against the limits.
    public static func decode(_ input: RawInput, limits: ReadingLimits = .default, formats: [InputFormat] = []) throws -> DecodedInput {
        var decoded = try decode(input, maxBytes: limits.maxBytes, formats: formats)
        decoded.limits = limits
        switch decoded.mediaType {
        case "text/html": try InputStructure.checkMarkup(decoded.text, limits: limits, path: input.name)
        case "text/plain": try InputStructure.checkText(decoded.text, limits: limits, path: input.name)
        default: break   // a .docx's XML and a PDF's text are checked by their readers, once they have them
        }
        return decoded
    }

    public static func decode(_ input: RawInput, maxBytes: Int, formats: [InputFormat] = []) throws -> DecodedInput {
        let bytes = input.bytes
        guard bytes.count <= maxBytes else {
            throw GirconvError.inputTooLarge(path: input.name, bytes: bytes.count, limit: maxBytes)
        }
        guard !bytes.isEmpty else { throw GirconvError.emptyInput(path: input.name) }
        if let format = formats.first(where: { $0.recognises(bytes) }) {
            return DecodedInput(text: "", bytes: bytes, encoding: "binary", mediaType: format.mediaType)
        }

        // Byte-order marks.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try finish(input, text: decodeUTF8(Array(bytes.dropFirst(3)), name: input.name), encoding: "UTF-8 (BOM)")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            guard let text = String(data: Data(bytes.dropFirst(2)), encoding: little ? .utf16LittleEndian : .utf16BigEndian) else {
                throw GirconvError.undecodable(path: input.name, reason: "invalid UTF-16 after its byte-order mark")
            }
            return try finish(input, text: text, encoding: little ? "UTF-16LE" : "UTF-16BE")
        }
        try rejectBinary(bytes, name: input.name)

        let looksHTML = sniffHTML(bytes)
        if looksHTML, let declared = declaredCharset(bytes) {
            switch declared {
            case .utf8:
                if let text = String(validating: bytes, as: UTF8.self) { return try finish(input, text: text, encoding: "UTF-8", html: looksHTML) }
                // The declaration lies: fall through to sniffing.
            case .gb:
                if String(validating: bytes, as: UTF8.self) != nil, bytes.contains(where: { $0 >= 0x80 }) {
                    // Declared GB but valid UTF-8 with non-ASCII content: the declaration lies.
                    return try finish(input, text: String(decoding: bytes, as: UTF8.self), encoding: "UTF-8", html: looksHTML)
                }
                return try finish(input, text: decodeGB18030(bytes, name: input.name), encoding: "GB18030", html: looksHTML)
            }
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return try finish(input, text: text, encoding: "UTF-8", html: looksHTML)
        }
        return try finish(input, text: decodeGB18030(bytes, name: input.name), encoding: "GB18030", html: looksHTML)
    }

    /// `html`: `sniffHTML(input.bytes)`, when the caller has it already.
    private static func finish(_ input: RawInput, text: String, encoding: String, html: Bool? = nil) throws -> DecodedInput {
        if text.unicodeScalars.allSatisfy({ TextNormalizer.isWhitespace($0) || $0 == "\u{FEFF}" }) {
            throw GirconvError.emptyInput(path: input.name)
        }
        return DecodedInput(text: text, encoding: encoding, mediaType: (html ?? sniffHTML(input.bytes)) ? "text/html" : "text/plain")
    }

    private static func decodeUTF8(_ bytes: [UInt8], name: String) throws -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw GirconvError.undecodable(path: name, reason: "a UTF-8 byte-order mark, but invalid UTF-8 after it")
        }
        return text
    }

    private static func decodeGB18030(_ bytes: [UInt8], name: String) throws -> String {
        guard let text = GB18030Decoder.decode(bytes) else {
            throw GirconvError.undecodable(path: name, reason: "neither valid UTF-8 nor GB18030/GBK")
        }
        // A GB18030 decode of non-Chinese junk produces a text with few CJK characters and many odd
        // symbols; such input is not a report in any known encoding.
        let (cjk, other) = cjkAndOtherCounts(text)
        if other > 16 && other > cjk {
            throw GirconvError.undecodable(path: name, reason: "neither valid UTF-8 nor plausible GB18030 text")
        }
        return text
    }

    /// Non-ASCII scalars of a text in the CJK ranges (ideographs, CJK punctuation, full-width forms) and
    /// elsewhere. Counted on the UTF-8 bytes (ASCII skipped, other scalars decoded in place).
    static func cjkAndOtherCounts(_ text: String) -> (cjk: Int, other: Int) {
        var cjk = 0, other = 0
        var scanned = text
        scanned.withUTF8 { bytes in
            var i = 0
            let count = bytes.count
            while i < count {
                // Runs of ASCII (most of a page's markup) eight bytes at a time.
                if i + 8 <= count, FastText.Word.isASCII(FastText.Word.load(bytes, at: i)) { i += 8; continue }
                if bytes[i] < 0x80 { i += 1; continue }
                guard let (value, length) = FastText.scalar(at: i, in: bytes) else { break }
                if (0x4E00...0x9FFF).contains(value) || (0x3000...0x303F).contains(value) || (0xFF00...0xFFEF).contains(value) {
                    cjk += 1
                } else {
                    other += 1
                }
                i += length
            }
        }
        return (cjk, other)
    }

    /// NUL bytes or a high share of control bytes mean binary data (images, PDFs, archives).
    static func rejectBinary(_ bytes: [UInt8], name: String) throws {
        let sample = bytes.prefix(65_536)
        if sample.starts(with: Array("%PDF".utf8)) { throw GirconvError.binaryInput(path: name, reason: "a damaged PDF file") }
        if sample.starts(with: [0x50, 0x4B, 0x03, 0x04]) { throw GirconvError.binaryInput(path: name, reason: "a ZIP/Office file") }
        if sample.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            // A password-protected .docx/.xlsx/.pptx is an OLE file holding an "EncryptedPackage" stream
            // (MS-OFFCRYPTO); its name is stored in UTF-16LE ("E\0n\0c\0…", searched without the last NUL).
            if FastText.contains(bytes, "EncryptedPackage".map(String.init).joined(separator: "\u{0}")) {
                throw GirconvError.encrypted(path: name, what: "this Office document")
            }
            throw GirconvError.binaryInput(path: name, reason: "an OLE/legacy Office file")
        }
        var controls = 0
        var nul = false
        sample.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            if memchr(base, 0, buffer.count) != nil { nul = true; return }
            // Eight bytes at a time where none is below 0x20; the words with one (line breaks, tabs) are
            // looked at byte by byte.
            var i = 0
            while i < buffer.count {
                if i + 8 <= buffer.count, !FastText.Word.hasByte(below: 0x20, in: FastText.Word.load(buffer, at: i)) { i += 8; continue }
                let end = min(i + 8, buffer.count)
                for b in buffer[i..<end] where b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C { controls += 1 }
                i = end
            }
        }
        if nul { throw GirconvError.binaryInput(path: name, reason: "contains NUL bytes") }
        if controls * 100 > sample.count { throw GirconvError.binaryInput(path: name, reason: "\(controls) control bytes") }
    }

    /// ASCII-lowercased copy of the first bytes (non-ASCII bytes kept), for sniffing markup.
    static func lowercasedPrefix(_ bytes: [UInt8], _ count: Int) -> [UInt8] {
        bytes.prefix(count).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
    }

    /// True when the bytes look like an HTML page.
    public static func sniffHTML(_ bytes: [UInt8]) -> Bool {
        let head = lowercasedPrefix(bytes, 2048)
        // Skip a BOM and leading whitespace.
        var start = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < head.count, [0x20, 0x09, 0x0A, 0x0D, 0x0C].contains(head[start]) { start += 1 }
        let trimmed = Array(head[start...])
        for prefix in ["<!doctype html", "<html"] where trimmed.starts(with: Array(prefix.utf8)) { return true }
        if trimmed.starts(with: Array("<?xml".utf8)) && FastText.contains(head, "<html") { return true }
        guard trimmed.first == 0x3C else { return false }
        return ["<body", "<head", "<table", "<meta", "<div"].contains { FastText.contains(head, $0) }
    }

    enum DeclaredCharset { case utf8, gb }

    /// The charset an HTML page declares in its first 8 KB (`<meta charset>` or `http-equiv`).
    static func declaredCharset(_ bytes: [UInt8]) -> DeclaredCharset? {
        // The first 8 KB, ASCII letters compared lowercased (read in place, not copied).
        let end = min(bytes.count, 8192)
        @inline(__always) func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
        let marker: [UInt8] = Array("charset".utf8)
        guard end >= marker.count else { return nil }
        var found: Int? = nil
        var at = 0
        while at <= end - marker.count {
            if lower(bytes[at]) == 0x63 {
                var k = 1
                while k < marker.count, lower(bytes[at + k]) == marker[k] { k += 1 }
                if k == marker.count { found = at; break }
            }
            at += 1
        }
        guard let start = found else { return nil }
        var i = start + marker.count
        while i < end, [0x20, 0x3D, 0x22, 0x27].contains(lower(bytes[i])) { i += 1 }
        var name = ""
        while i < end, case let c = lower(bytes[i]), (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x5F {
            name.unicodeScalars.append(Unicode.Scalar(c))
            i += 1
        }
        switch name {
        case "utf-8", "utf8": return .utf8
        case "gb2312", "gbk", "gb18030", "x-gbk", "euc-cn", "cp936", "windows-936", "gb_2312-80", "x-euc-cn": return .gb
        default: return nil
        }
    }
}
