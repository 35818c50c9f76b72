/// Every way a conversion can fail, each with a stable exit code and a one-line message.
///
/// Exit codes (also in README and `girconv --help`):
/// 0 success · 64 usage error · 65 no known layout, or not a report · 66 input unreadable or undecodable ·
/// 73 output could not be written · 78 a layout file has errors · 70 internal error.
public enum GirconvError: Error, Sendable, Equatable, CustomStringConvertible {
    case usage(String)
    case inputUnreadable(path: String, reason: String)
    case emptyInput(path: String)
    case binaryInput(path: String, reason: String)
    case undecodable(path: String, reason: String)
    /// `bytes`: the input's size, when known (a stream is refused once it passes the limit).
    case inputTooLarge(path: String, bytes: Int?, limit: Int)
    /// More lines, markup tags or fields than a report has (`InputStructure`): refused before it is built.
    case inputTooComplex(path: String, reason: String)
    case unsupportedMediaType(path: String, mediaType: String)
    /// A PDF without a text layer (a scan): nothing can be read without OCR.
    case noTextLayer(path: String)
    case noLayoutRecognised(path: String, seen: String)
    /// A document that only a layout needing a report's own evidence (a title or section headings, and a
    /// year) would read, without that evidence: a notice, a README, not an annual report.
    case notAReport(path: String, reason: String)
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
        case .noLayoutRecognised, .notAReport, .unsupportedMediaType: return 65
        case .inputUnreadable, .emptyInput, .binaryInput, .undecodable, .inputTooLarge, .inputTooComplex, .noTextLayer, .encrypted: return 66
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
        case .inputTooComplex: return "input-too-complex"
        case .unsupportedMediaType: return "unsupported-media-type"
        case .noTextLayer: return "pdf-no-text-layer"
        case .noLayoutRecognised: return "no-layout"
        case .notAReport: return "not-a-report"
        case .outputUnwritable: return "output-unwritable"
        case .layoutFile: return "layout-file"
        case .internalError: return "internal"
        case .encrypted: return "input-encrypted"
        }
    }

    public var description: String {
        switch self {
        case .usage(let message): return message
        case let .inputUnreadable(path, reason): return "\(Self.shown(path)): cannot read input: \(reason)"
        case .emptyInput(let path): return "\(Self.shown(path)): input is empty (0 bytes of text)"
        case let .binaryInput(path, reason): return "\(Self.shown(path)): input is binary, not a text or HTML report (\(reason))"
        case let .undecodable(path, reason): return "\(Self.shown(path)): cannot decode text: \(reason)"
        case let .inputTooLarge(path, bytes, limit):
            let size = bytes.map { "\($0) bytes" } ?? "more than \(limit) bytes"
            return "\(Self.shown(path)): input is \(size), over the limit of \(limit) bytes (raise it with --max-bytes)"
        case let .inputTooComplex(path, reason): return "\(Self.shown(path)): input has \(reason); not read"
        case let .unsupportedMediaType(path, mediaType):
            return "\(Self.shown(path)): no reader for \(mediaType) input in this build"
        case let .noLayoutRecognised(path, seen): return "\(Self.shown(path)): no known layout: \(Self.shown(seen))"
        case let .notAReport(path, reason): return "\(Self.shown(path)): not an annual report: \(Self.shown(reason))"
        case .noTextLayer(let path):
            return "\(Self.shown(path)): a PDF with no text layer (a scanned document?): no figures can be read without OCR, which girconv does not do"
        case let .outputUnwritable(path, reason): return "\(Self.shown(path)): cannot write output: \(reason)"
        case .layoutFile(let problems): return "layout file error:\n\(problems)"
        case .internalError(let message): return "internal error: \(message)"
        case let .encrypted(path, what):
            return "\(Self.shown(path)): \(what) is encrypted (password-protected): girconv cannot read it; save an unprotected copy"
        }
    }

    /// A path as shown in a message: control characters (a newline, ESC, DEL, C1 controls, line and paragraph
    /// separators) escaped, so that a file name can neither break the one-line error format nor send escape
    /// sequences to a terminal.
    public static func shown(_ path: String) -> String {
        guard path.unicodeScalars.contains(where: needsEscape) else { return path }
        var out = ""
        for scalar in path.unicodeScalars {
            guard needsEscape(scalar) else { out.unicodeScalars.append(scalar); continue }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\\": out += "\\\\"
            default:
                out += scalar.value < 0x100 ? String(format: "\\x%02x", scalar.value) : String(format: "\\u{%04x}", scalar.value)
            }
        }
        return out
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
            || scalar == "\\"
    }
}
