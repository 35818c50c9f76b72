import Foundation

/// How a figure's value was obtained from its source text.
public enum ReadingRule: String, Sendable, Codable, CaseIterable {
    /// A number printed in the report.
    case printed
    /// An empty cell inside a filled table, read as zero.
    case blankAsZero = "blank read as 0"
    /// A dash ("—", "-") in a table cell, the statistical convention for "none": read as zero.
    case dashAsZero = "dash read as 0"
    /// The word 无 ("none") in a table cell: read as zero.
    case noneWordAsZero = "无 read as 0"
    /// "/" or 不适用: the row does not apply; the figure is absent (null).
    case notApplicable = "not applicable"
    /// A cell or phrase that could not be read as a number: the figure is null, with a warning.
    case unreadable
    /// A sentence that states there were none ("全年未收到…"): zero.
    case statedZero = "stated as none"
    /// Computed from other printed figures (never printed itself).
    case derived
    /// A cell of a row whose cells were printed run together ("640020470"): the only split of its digits
    /// into the row's columns that the report's own identities and statements allow (1.3). `derivedFrom`
    /// names what decided it: identity rules, `text.<path>` statements, or `digits` (one split only).
    case recovered
    /// A cell of a value row printed without its label (damaged text: PDF-to-text, OCR), placed at the row
    /// of the layout whose label is missing where it stands: the labels present are in the form's order and
    /// the unlabelled rows fill exactly the gaps between them (1.4). Every identity naming the row's cells
    /// holds with it (`derivedFrom` names them), but identities cannot prove an order: rows of one group
    /// may be swapped without changing a sum.
    case byPosition = "by-position"
}

/// Where on a PDF page something is printed: a box in points from the page's top-left corner, the
/// coordinates poppler's `pdftotext -bbox` gives the words (1.5).
public struct PageBox: Sendable, Equatable, Codable {
    public var xMin: Double, yMin: Double, xMax: Double, yMax: Double
    public init(xMin: Double, yMin: Double, xMax: Double, yMax: Double) {
        self.xMin = xMin; self.yMin = yMin; self.xMax = xMax; self.yMax = yMax
    }

    /// A coordinate as the record gives it: points to two decimals (poppler prints six, finer than any print).
    public static func points(_ value: Double) -> Decimal {
        // Hundredths, their trailing zeros dropped, as significand and exponent: no Decimal division (slow)
        // for every coordinate written.
        var hundredths = Int((value * 100).rounded()), exponent = -2
        while exponent < 0, hundredths != 0, hundredths % 10 == 0 { hundredths /= 10; exponent += 1 }
        if hundredths == 0 { return 0 }
        return Decimal(sign: hundredths < 0 ? .minus : .plus, exponent: exponent, significand: Decimal(hundredths.magnitude))
    }

    /// "xMin yMin xMax yMax", each to two decimals: the box in one text field (the long CSV).
    public var text: String { [xMin, yMin, xMax, yMax].map { "\(Self.points($0))" }.joined(separator: " ") }

    /// The smallest box holding both.
    public func union(_ other: PageBox) -> PageBox {
        PageBox(xMin: min(xMin, other.xMin), yMin: min(yMin, other.yMin), xMax: max(xMax, other.xMax), yMax: max(yMax, other.yMax))
    }
}

/// Where in the source a figure (or a warning) comes from.
///
/// Table figures name the table, row and column labels as printed; sentence figures quote the sentence.
/// `line` is 1-based in the decoded text; `offset` counts characters (Unicode scalars) from its start.
public struct SourceLocation: Sendable, Equatable, Codable {
    public var table: String?
    public var row: String?
    public var column: String?
    public var sentence: String?
    public var line: Int?
    public var offset: Int?
    /// For PDF input: the 1-based page.
    public var page: Int?
    /// For HTML input: the 1-based table number in the page and the grid slot.
    public var tableIndex: Int?
    public var rowIndex: Int?
    public var columnIndex: Int?
    /// For PDF input: where on `page` the cell, or the run of words holding the number, is printed (1.5).
    public var box: PageBox?

    public init(table: String? = nil, row: String? = nil, column: String? = nil, sentence: String? = nil,
                line: Int? = nil, offset: Int? = nil, page: Int? = nil,
                tableIndex: Int? = nil, rowIndex: Int? = nil, columnIndex: Int? = nil, box: PageBox? = nil) {
        self.table = table; self.row = row; self.column = column; self.sentence = sentence
        self.line = line; self.offset = offset; self.page = page
        self.tableIndex = tableIndex; self.rowIndex = rowIndex; self.columnIndex = columnIndex
        self.box = box
    }
}

/// The full account of one figure: where it was read, the raw text there, and the rule that read it.
public struct Provenance: Sendable, Equatable {
    public var how: ReadingRule
    public var raw: String
    public var location: SourceLocation
    /// For derived figures: the paths they were computed from; for recovered ones, the constraints
    /// (identity rules, `text.<path>`, `digits`) that decided the split; for figures placed by position,
    /// the identity rules that hold with them.
    public var derivedFrom: [String]

    public init(how: ReadingRule, raw: String, location: SourceLocation, derivedFrom: [String] = []) {
        self.how = how; self.raw = raw; self.location = location; self.derivedFrom = derivedFrom
    }
}
