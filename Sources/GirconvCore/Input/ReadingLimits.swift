/// The bounds one input is read within, so that no input, however hostile, takes unbounded memory or time.
/// Every reader gets them with its `DecodedInput`; the command line sets them from `--max-bytes`,
/// `--pdf-timeout` and `--pdf-text-limit`.
public struct ReadingLimits: Sendable, Equatable {
    /// The largest input accepted, in bytes; also the most bytes a .docx's `word/document.xml` may inflate to.
    public var maxBytes: Int
    /// The longest a PDF's text extraction (pdftotext) may run, in seconds, before it is stopped.
    public var pdfTimeoutSeconds: Double
    /// The most bytes of text a PDF's extraction may produce before it is stopped.
    public var pdfTextBytes: Int
    /// The most lines an input may have (`InputStructure`).
    public var maxLines: Int = ReadingLimits.defaultMaxLines
    /// The most markup tags (HTML, word/document.xml) or text fields an input may have (`InputStructure`).
    public var maxParts: Int = ReadingLimits.defaultMaxParts
    /// The most attributes one markup tag may have (`InputStructure`).
    public var maxAttributesPerTag: Int = ReadingLimits.defaultMaxAttributesPerTag

    /// Default largest input, in bytes.
    public static let defaultMaxBytes = InputDecoder.defaultMaxBytes
    /// Default time limit of a PDF's text extraction, in seconds.
    public static let defaultPDFTimeoutSeconds = 30.0
    /// Default most bytes of text from one PDF (a 300-page report has about 1 MB of text).
    public static let defaultPDFTextBytes = 16 * 1024 * 1024
    /// Default most lines: a 300-page PDF report has about 15,000.
    public static let defaultMaxLines = 200_000
    /// Default most tags or fields: a report page exported from Word has some 20,000 tags.
    public static let defaultMaxParts = 500_000
    /// Default most attributes of one tag: Word's exports write a few per tag.
    public static let defaultMaxAttributesPerTag = 1_000

    public init(maxBytes: Int = ReadingLimits.defaultMaxBytes,
                pdfTimeoutSeconds: Double = ReadingLimits.defaultPDFTimeoutSeconds,
                pdfTextBytes: Int = ReadingLimits.defaultPDFTextBytes) {
        self.maxBytes = maxBytes
        self.pdfTimeoutSeconds = pdfTimeoutSeconds
        self.pdfTextBytes = pdfTextBytes
    }

    public static let `default` = ReadingLimits()
}
