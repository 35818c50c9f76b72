import GirconvText

/// One kind of input girconv reads (Tika's media type registry, pandoc's reader table): its media type, how
/// its bytes are recognised, and the file extensions a directory walk takes it from. Each `DocumentReader`
/// declares its format; the converter's list of readers is the one table of what girconv reads.
public struct InputFormat: Sendable {
    /// How an input is recognised as this format.
    public enum Signature: Sendable, Equatable {
        /// Bytes that start with these (a PDF: `%PDF-`). Checked before any text decoding.
        case prefix([UInt8])
        /// A ZIP archive (bytes `PK\3\4`) whose directory names this member, whose name is stored
        /// uncompressed (a Word document: `word/document.xml`). Checked before any text decoding.
        case zipMember(String)
        /// Text, decoded by `InputDecoder` (byte-order mark, declared charset, UTF-8 or GB18030), which
        /// tells markup (`text/html`) from plain text (`text/plain`) by its first bytes.
        case text
    }

    /// The media type recorded in `source.mediaType`, e.g. `application/pdf`.
    public var mediaType: String
    public var signature: Signature
    /// Extensions (lower case, no dot) of files a directory walk reads as reports of this format. Files
    /// named on the command line are read whatever their extension; the format comes from their bytes.
    public var extensions: [String]

    public init(mediaType: String, signature: Signature, extensions: [String]) {
        self.mediaType = mediaType
        self.signature = signature
        self.extensions = extensions
    }

    /// True when `bytes` carry this format's binary signature (never for `.text`).
    public func recognises(_ bytes: [UInt8]) -> Bool {
        switch signature {
        case .prefix(let prefix): return bytes.starts(with: prefix)
        case .zipMember(let member): return bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) && FastText.contains(bytes, member)
        case .text: return false
        }
    }

    /// Plain text: a report saved or flattened to text.
    public static let plainText = InputFormat(mediaType: "text/plain", signature: .text, extensions: ["txt", "text"])
}
