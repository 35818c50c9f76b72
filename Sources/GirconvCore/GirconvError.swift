/// Every way a conversion can fail, each with a stable exit code and a one-line message.
///
/// Exit codes (also in README and `girconv --help`):
/// 0 success · 64 usage error · 65 no known layout · 66 input unreadable or undecodable ·
/// 73 output could not be written · 78 a layout file has errors · 70 internal error.
public enum GirconvError: Error, Sendable, Equatable, CustomStringConvertible {
    case usage(String)
    case inputUnreadable(path: String, reason: String)
    case emptyInput(path: String)
    case binaryInput(path: String, reason: String)
    case undecodable(path: String, reason: String)
    case inputTooLarge(path: String, bytes: Int, limit: Int)
    case unsupportedMediaType(path: String, mediaType: String)
    /// A PDF without a text layer (a scan): nothing can be read without OCR.
    case noTextLayer(path: String)
    case noLayoutRecognised(path: String, seen: String)
    case outputUnwritable(path: String, reason: String)
    /// A layout file (or layout directory) that cannot be used: every problem, "file:line:column: message".
    case layoutFile(String)
    case internalError(String)
    /// An encrypted (password-protected) input or part, `what` naming it ("word/document.xml"): without the
    /// password nothing in it can be read, which is worth saying rather than calling the file damaged.
    case encrypted(path: String, what: String)

    /// The process exit code for this error.
    public var exitCode: Int32 {
        switch self {
        case .usage: return 64
        case .noLayoutRecognised, .unsupportedMediaType: return 65
        case .inputUnreadable, .emptyInput, .binaryInput, .undecodable, .inputTooLarge, .noTextLayer, .encrypted: return 66
        case .outputUnwritable: return 73
        case .layoutFile: return 78
        case .internalError: return 70
        }
    }

    /// A short class name, stable for machine consumption (error reports, JSON Lines).
    public var kind: String {
        switch self {
        case .usage: return "usage"
        case .inputUnreadable: return "input-unreadable"
        case .emptyInput: return "input-empty"
        case .binaryInput: return "input-binary"
        case .undecodable: return "input-undecodable"
        case .inputTooLarge: return "input-too-large"
        case .unsupportedMediaType: return "unsupported-media-type"
        case .noTextLayer: return "pdf-no-text-layer"
        case .noLayoutRecognised: return "no-layout"
        case .outputUnwritable: return "output-unwritable"
        case .layoutFile: return "layout-file"
        case .internalError: return "internal"
        case .encrypted: return "input-encrypted"
        }
    }

    public var description: String {
        switch self {
        case .usage(let message): return message
        case let .inputUnreadable(path, reason): return "\(path): cannot read input: \(reason)"
        case .emptyInput(let path): return "\(path): input is empty (0 bytes of text)"
        case let .binaryInput(path, reason): return "\(path): input is binary, not a text or HTML report (\(reason))"
        case let .undecodable(path, reason): return "\(path): cannot decode text: \(reason)"
        case let .inputTooLarge(path, bytes, limit):
            return "\(path): input is \(bytes) bytes, over the limit of \(limit) bytes (raise it with --max-bytes)"
        case let .unsupportedMediaType(path, mediaType):
            return "\(path): no reader for \(mediaType) input in this build"
        case let .noLayoutRecognised(path, seen): return "\(path): no known layout: \(seen)"
        case .noTextLayer(let path):
            return "\(path): a PDF with no text layer (a scanned document?): no figures can be read without OCR, which girconv does not do"
        case let .outputUnwritable(path, reason): return "\(path): cannot write output: \(reason)"
        case .layoutFile(let problems): return "layout file error:\n\(problems)"
        case .internalError(let message): return "internal error: \(message)"
        case let .encrypted(path, what):
            return "\(path): \(what) is encrypted (password-protected): girconv cannot read it; save an unprotected copy"
        }
    }
}
