import Foundation
import GirconvCore
import GirconvText

/// A layout as a layout file describes it: how to recognise it, its tables, and its narrative patterns.
/// The built-in layouts and users' layouts are the same kind of value, read by one engine
/// (`LayoutAdapter`). The file format is documented in `docs/adding-a-layout.md` and published as
/// `schema/girconv-layout.schema.json`.
public struct LayoutSpec: Sendable {
    /// The adapter id (`detection.adapter` in records), e.g. "2021-revised", "hubei-2021".
    public var id: String
    /// The family of the records it produces (`report.layout`): decides the family's identities, which
    /// are checked on every record of the layout.
    public var layout: Layout
    /// A human name.
    public var name: String
    public var description: String?
    public var detection: DetectionSpec
    public var tables: [TableSpec]
    public var narrative: NarrativeUse?
    /// The phrase tables this file defines for reading figures from sentences (other files may use them).
    public var patterns: NarrativePatternSet?
    /// Figures the layout normally states; a missing one is a `not-stated` warning.
    public var expected: [ExpectedFigure]
    /// Figures outside the canonical catalog that this layout reads (paths under `extra.`).
    public var figures: [ExtraFigure]
    /// Identities of the layout's own tables, checked besides its family's.
    public var identities: [SumIdentity]
}

extension LayoutSpec {
    /// The kind of a figure path this layout reads: its own `extra.` figures, else the catalog's.
    public func kind(of path: String) -> FigureKind {
        figures.first { $0.path == path }?.kind ?? FigureCatalog.spec(for: path)?.kind ?? .count
    }
}

/// A figure a layout file adds to the record under `extra.` (a row the canonical schema does not have).
public struct ExtraFigure: Sendable, Equatable {
    public var path: String
    public var kind: FigureKind
    public var label: String
}

/// A figure a layout expects to find, and how to name it when it is missing.
public struct ExpectedFigure: Sendable {
    public var path: String
    public var label: String
}

/// Labels as a layout file writes them: synonyms and a match mode, plus the first label as printed (for
/// provenance and messages).
public struct Labels: Sendable {
    public var pattern: LabelPattern
    /// The first label as written in the file.
    public var display: String

    public init(_ labels: [String], mode: LabelPattern.Mode = .contains) {
        pattern = LabelPattern(labels, mode: mode)
        display = labels.first ?? ""
    }

    public func matches(_ key: String) -> Bool { pattern.matches(key: key) }
    /// `matches` for a key whose `LabelPattern.signature` is known.
    public func matches(_ key: String, signature: UInt64) -> Bool { pattern.matches(key: key, signature: signature) }
}

// MARK: Detection

/// How a layout is recognised. The confidence is the sum of the weights of the phrases found, less the
/// weights of the phrases against it, plus the table-row and narrative terms; see `LayoutDetector`.
public struct DetectionSpec: Sendable {
    /// Every one of these must be printed, else the layout does not apply: the phrases that set a variant
    /// apart from the layout it varies (a variant of a built-in layout must not claim ordinary reports).
    public var requireAll: [WeightedPhrase] = []
    /// At least one of these must be printed, else the layout does not apply. Their weights count.
    public var required: [WeightedPhrase]
    /// Phrases that speak for the layout.
    public var evidence: [WeightedPhrase]
    /// Phrases that speak against it (another layout's column labels).
    public var against: [WeightedPhrase]
    /// Each recognised table row adds `weight`, up to `max`; when set, at least one row must be recognised.
    public var tableRows: Increment?
    /// Each figure read from sentences adds `weight` to `base`, up to `max`; when set, at least one is needed.
    public var narrativeFigures: Increment?
    /// A title year at or after this year halves the score (evidence against, never the deciding evidence for).
    public var yearsBefore: Int?
    /// Where only prose speaks for the layout: what makes a document a report at all. Without it the
    /// layout does not apply, and a document no other layout claims is refused as `not-a-report`.
    public var reportEvidence: ReportEvidenceSpec?
}

/// A report's own evidence (`detect.reportEvidence`): a heading or title naming the report, or enough of the
/// report's section headings; and a year stated anywhere.
public struct ReportEvidenceSpec: @unchecked Sendable {
    /// A heading or title is a short line printing one of `headingWords` and one of `headingSubjects`
    /// (normalised keys).
    public var headingWords: [String]
    public var headingSubjects: [String]
    /// Section headings: regular expressions run on the document's normalised text (simplified script,
    /// half-width punctuation, no whitespace).
    public var sections: [(pattern: String, expression: NSRegularExpression)]
    /// How many different section headings stand for a heading.
    public var sectionsNeeded: Int
}

/// A phrase (or any of several phrases) that adds a weight when the document prints it.
public struct WeightedPhrase: Sendable {
    /// The phrases as written; any one counts.
    public var phrases: [String]
    /// Normalised for matching.
    public var keys: [String]
    public var weight: Double
    /// How the evidence names it (default: the first phrase).
    public var name: String
}

/// A score term that grows with a count: `base + weight × count`, at most `max`.
public struct Increment: Sendable {
    public var base: Double
    public var weight: Double
    public var max: Double
    /// A count of 0 rules the layout out (the default); when false, the term is then only `base`: for a layout
    /// whose phrases are evidence enough, and whose rows, where they can be read, add to it.
    public var needed: Bool = true
}

// MARK: Tables

/// One table of a layout: where it starts, its columns, sections and rows.
public struct TableSpec: Sendable {
    /// The table's name in provenance and messages ("表三", "附表").
    public var name: String
    /// The table starts at the first row whose label contains one of these (searching on from the previous
    /// table's start); it ends where the next table starts.
    public var starts: [Labels]
    /// A start row must not contain these.
    public var startsUnless: [Labels]
    /// What to read when no start row is found.
    public var withoutStart: WithoutStart
    /// The value columns in printed order (a header row naming them may reorder them).
    public var columns: [ColumnSpec]
    /// A header row starts at a row with this label; the column labels follow in the same row or in the
    /// rows below (flattened text), and apply to the section's rows.
    public var headerMarker: Labels?
    public var sections: [SectionSpec]
    public var rows: [RowSpec]
    /// A table printed as one row of numbers (table 四): the groups × columns in order.
    public var singleRow: SingleRowSpec?
    /// Row labels recognised and passed over silently (rows the canonical record does not carry).
    public var ignore: [Labels]
    /// A label cell that is a unit word ("件", "万元") is a 单位 column: it is not the row label, and a
    /// money unit applies to the row's cells.
    public var unitColumn: Bool
    /// The words the 单位 column prints (`unitColumn: [条, 件, 元]`), when the layout names them: in a line
    /// holding the whole table, such a word between a row's label and its figures is a cell of its own.
    public var unitWords: [String] = []
    /// Name rows "section › row" in provenance.
    public var sectionInRowName: Bool
    /// Warn about rows of the table that gave no figure.
    public var reportMissingRows: Bool
    /// Repeated labels in numbered rows resolved by their number.
    public var numberedRows: NumberedRows?
    /// The rows are listed in the order the form prints them (after the start, sections where they
    /// stand): a line holding the whole table, cells run together, is cut into rows at their labels
    /// (`FusedLineCutter`). Layouts listing rows in priority order leave it false.
    public var printedOrder: Bool = false
    /// The order the form prints its rows in, when `rows` are listed in priority order
    /// (`printedOrder: [path, …]`): each entry the indices of the rows of one printed row (every row with
    /// the path named). Nil: `rows` themselves are in printed order.
    public var printedRows: [[Int]]? = nil

    /// The rows in printed order, each entry the rows one printed row may be.
    public var printedSequence: [[Int]] { printedRows ?? rows.indices.map { [$0] } }

    public enum WithoutStart: String, Sendable, CaseIterable {
        /// Read nothing.
        case skip
        /// Read from the top of the document.
        case top
        /// Read the document's real tables (HTML, Word), not flattened text.
        case realTables = "real-tables"
    }
}

/// A value column: its key below the row's path ("" or omitted: the row's path itself), its labels, and
/// whether it is read at all.
public struct ColumnSpec: Sendable {
    public var key: String
    public var labels: Labels
    /// Printed but not read (a 代码 column, a cumulative column).
    public var skip: Bool
    /// The unit of the column's cells when they print none.
    public var unit: PrintedUnit?
    /// The key of another column of the same row this column's figure is never below (历年累计, the
    /// cumulative figure, ≥ the year's): a condition on the splits of a row whose cells ran together.
    public var atLeast: String? = nil
}

/// A section of a table: a group of rows under a label ("（三）不予公开", "第二十条第（五）项", "依申请公开").
public struct SectionSpec: Sendable {
    public var id: String
    /// The labels that open the section (nil: only rows' `opens` open it).
    public var labels: Labels?
    /// When a row with figures prints the section's label, its figures go here.
    public var path: String?
    /// Columns of the rows belonging to this section (default: the table's).
    public var columns: [ColumnSpec]?
}

/// A row: its labels, the path its figures go to, and the section rules.
public struct RowSpec: Sendable {
    public var path: String
    public var labels: Labels
    /// The row matches only inside these sections (empty: anywhere).
    public var within: [String]
    /// The section the row belongs to (its columns; its name in provenance).
    public var section: String?
    /// Rows after this one belong to this section.
    public var opens: String?
}

/// A table printed as a single row of numbers: groups × columns, in order.
public struct SingleRowSpec: Sendable {
    public struct Part: Sendable { public var key: String; public var label: String }
    public var groups: [Part]
    public var columns: [Part]
}

/// Numbered rows ("3.同意公开") whose number decides what a repeated label means.
public struct NumberedRows: Sendable {
    /// Sections in which the numbering applies.
    public var sections: [String]
    /// Number → path, in the table's own numbering. Applies only when row 1 is `paths[1]`.
    public var paths: [Int: String]
}

// MARK: Narrative

/// How a layout uses figures stated in sentences.
public struct NarrativeUse: Sendable {
    /// The layout file whose phrase tables are used (default: this file's own).
    public var patternsFrom: String?
    /// Where `patternsFrom` is written (line, column), for errors.
    public var patternsFromMark: (line: Int, column: Int) = (1, 1)
    /// Which figures sentences may give: nil = all of them; else only these paths, when no table gives them.
    /// Either way, sentences stating a figure a table gives are checked against it.
    public var paths: [String]?
}

/// Phrase tables for reading figures from sentences: "共收到政府信息公开申请3467宗" → requests.newReceived.total.
public struct NarrativePatternSet: Sendable {
    /// A phrase after which a figure's number follows closely.
    public struct Trigger: Sendable {
        public var path: String
        public var phrases: [String]
        /// The path contains `{scope}`.
        public var scoped: Bool
    }
    /// A word that opens a scope (行政复议 → review), substituted for `{scope}` in trigger paths.
    public struct Scope: Sendable { public var phrase: String; public var scope: String }
    /// A regular expression stating "there were none": its paths are 0 unless a number was printed.
    public struct ZeroStatement: @unchecked Sendable {
        public var pattern: String
        public var expression: NSRegularExpression
        public var paths: [String]
        /// Literal runs every match contains: a line without one of them is not searched (`RegexLiterals`).
        package var requiredLiterals: [String]

        public init(pattern: String, expression: NSRegularExpression, paths: [String]) {
            self.pattern = pattern; self.expression = expression; self.paths = paths
            requiredLiterals = RegexLiterals.required(in: pattern)
        }
    }
    /// A printed percentage of a figure matching `match` ("requests.channels.*") is a share of `whole`.
    public struct Share: Sendable { public var match: String; public var whole: String }
    /// A phrase that makes the rest of its sentence about another subject (the information items an agency
    /// made, not requests): after it, up to the sentence's end, no figure is taken for a path matching one
    /// of `excludes` ("requests.*" or a path). With reach `clause`, only up to its clause's end (a comma or
    /// 、): a part of the reporting body ("区直各部门…1509条，各乡镇…613条") speaks for its own clause.
    public struct Subject: Sendable {
        public enum Reach: String, Sendable, CaseIterable { case sentence, clause }
        public var phrases: [String]
        public var excludes: [String]
        public var reach: Reach
        public init(phrases: [String], excludes: [String], reach: Reach = .sentence) {
            self.phrases = phrases; self.excludes = excludes; self.reach = reach
        }
        public func excludes(_ path: String) -> Bool { excludes.contains { NarrativePatternSet.path(path, matches: $0) } }
    }

    /// The id of the layout file that defines the set (its cache key).
    public var owner: String
    /// Kinds of the owner file's `extra.` figures.
    public var extraKinds: [String: FigureKind] = [:]
    // The lookup tables the narrative reader finds these phrases with are compiled from them apart
    // (`NarrativeIndex`, GirconvLayouts/Engine).
    public var triggers: [Trigger]
    public var scopes: [Scope]
    /// The only characters that may stand between a trigger and its number.
    public var connectives: Set<Unicode.Scalar>
    public var zeroStatements: [ZeroStatement]
    public var shares: [Share]
    public var subjects: [Subject] = []
    /// The kind of a figure path (count, amount …).
    public func kind(of path: String) -> FigureKind {
        extraKinds[path] ?? FigureCatalog.spec(for: path)?.kind ?? .count
    }

    /// What a printed percentage of `path` is a share of: the first share whose `match` is the path, or
    /// ends in ".*" and prefixes it; a whole is never a share of itself.
    public func wholeOf(_ path: String) -> String? {
        shares.first { $0.whole != path && Self.path(path, matches: $0.match) }?.whole
    }

    /// True when `path` is the whole of some share ("proactive.total" for "proactive.categories.*"): a
    /// figure others are parts of.
    public func isWhole(_ path: String) -> Bool { shares.contains { $0.whole == path } }

    /// A path matches a pattern that is the path itself, or ends in ".*" and prefixes it.
    public static func path(_ path: String, matches pattern: String) -> Bool {
        pattern.hasSuffix(".*") ? path.hasPrefix(pattern.dropLast()) : pattern == path
    }
}

extension NarrativePatternSet {
    /// These patterns and `base`'s together: triggers, scopes, zero statements and shares of both (this
    /// set's first), this set's connectives if it gives any. Cached under both owners' ids.
    public func extending(_ base: NarrativePatternSet) -> NarrativePatternSet {
        var merged = NarrativePatternSet(owner: "\(owner)+\(base.owner)", triggers: triggers + base.triggers,
                                         scopes: scopes + base.scopes.filter { s in !scopes.contains { $0.phrase == s.phrase } },
                                         connectives: connectives.union(base.connectives),
                                         zeroStatements: zeroStatements + base.zeroStatements, shares: shares + base.shares)
        merged.extraKinds = base.extraKinds.merging(extraKinds) { $1 }
        merged.subjects = subjects + base.subjects
        return merged
    }

    /// 共计、总计、合计、为、达、了、的、是、有、案、数量、累计、政府信息、金额: words that may stand between a
    /// trigger and its number ("共收到政府信息公开申请共计12件"). Anything else means the number belongs to
    /// something else ("主动公开政府信息包括通知公告10条").
    public static let defaultConnectives = "共计总合为达了的是有案数量累政府信息额金"

    public init(owner: String, triggers: [Trigger], scopes: [Scope], connectives: Set<Unicode.Scalar>,
                zeroStatements: [ZeroStatement], shares: [Share]) {
        self.owner = owner; self.triggers = triggers; self.scopes = scopes; self.connectives = connectives
        self.zeroStatements = zeroStatements; self.shares = shares
    }
}
