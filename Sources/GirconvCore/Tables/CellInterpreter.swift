import Foundation

/// Turns one table cell into a figure for a path, applying the cell conventions of `docs/formats.md`:
///
/// | cell | value | rule |
/// |---|---|---|
/// | a number ("12", "1,234", "+5", "251000元", "25.1万元") | the number, unit converted for the path | printed |
/// | a negative number on a path that cannot be negative | the number, as printed | printed + warning |
/// | a number of more than `NumberReader.maximumSignificantDigits` (15) significant digits | null + warning | unreadable |
/// | blank / spaces / NBSP | 0 | blank read as 0 (a blank *total* with non-zero parts is later set null) |
/// | "—", "-", "－" | 0 | dash read as 0 |
/// | 无 | 0 | 无 read as 0 |
/// | "/", 不适用 | null | not applicable |
/// | anything else | null + warning | unreadable |
package enum CellInterpreter {
    /// `headerUnit` is a unit the column header states ("采购总金额（万元）"); it applies to cells printed
    /// without a unit of their own.
    /// `kind` defaults to the catalog's kind of the path.
    package static func figure(for path: String, cell: GridCell, location: SourceLocation,
                              headerUnit: PrintedUnit? = nil, kind: FigureKind? = nil) -> (Figure, ReportWarning?) {
        let kind = kind ?? FigureCatalog.spec(for: path)?.kind ?? .count
        let raw = cell.text
        func make(_ value: Decimal?, _ how: ReadingRule) -> Figure {
            Figure(value: value, provenance: Provenance(how: how, raw: raw, location: location))
        }
        switch NumberReader.read(raw) {
        case let .number(value, printedUnit):
            let unit = printedUnit ?? headerUnit
            guard let converted = NumberReader.convert(value, unit: unit, to: kind) else {
                return (make(nil, .unreadable), ReportWarning(code: "unit-mismatch",
                        message: "\(path): \"\(raw)\" has a unit that does not fit a \(kind.rawValue)", path: path, location: location))
            }
            if kind == .count || kind == .signedCount, let problem = pointInCount(raw, value: converted) {
                return (make(nil, .unreadable), ReportWarning(code: "cell-unreadable",
                        message: "\(path): \"\(raw)\" \(problem)", path: path, location: location))
            }
            return (make(converted, .printed), negativeValueWarning(converted, raw: raw, path: path, kind: kind, location: location))
        case .blank: return (make(0, .blankAsZero), nil)
        case .dash: return (make(0, .dashAsZero), nil)
        case .noneWord: return (make(0, .noneWordAsZero), nil)
        case .notApplicable: return (make(nil, .notApplicable), nil)
        case .percent:
            return (make(nil, .unreadable), ReportWarning(code: "cell-percentage",
                    message: "\(path): \"\(raw)\" is a percentage, not a \(kind.rawValue) (is a 占比 column read instead of a count column?)",
                    path: path, location: location))
        case let .overlongNumber(significantDigits):
            return (make(nil, .unreadable), overlongNumberWarning(raw: raw, significantDigits: significantDigits, path: path, location: location))
        case .text:
            return (make(nil, .unreadable), ReportWarning(code: "cell-unreadable",
                    message: "\(path): cannot read \"\(raw)\" as a number", path: path, location: location))
        }
    }

    /// Why a count printed with a point is not read, or nil when it has none. Counts are whole: "12.5" is
    /// no count, and "1.000" or "12.00" may be a thousand and twelve thousand with a dot as the thousands
    /// separator (as some templates and European-set fonts print them), or one and twelve: either reading
    /// could be wrong, so neither is taken. Decimals are read only where the unit allows them (元, 万元).
    package static func pointInCount(_ raw: String, value: Decimal) -> String? {
        guard raw.utf8.contains(0x2E) || raw.unicodeScalars.contains("\u{FF0E}") else { return nil }
        if value != value.rounded() { return "is not a whole number, so not a count" }
        return "has a point in a count: a thousands separator or a decimal point, which cannot be told apart; not read"
    }

    /// The `cell-unreadable` warning for a number too long to be a figure (`NumberReader.maximumSignificantDigits`),
    /// in a cell or in a sentence; it states the limit, so that a reader knows why the figure is null.
    package static func overlongNumberWarning(raw: String, significantDigits: Int, path: String, location: SourceLocation) -> ReportWarning {
        ReportWarning(code: "cell-unreadable",
                      message: "\(path): \"\(raw)\" has \(significantDigits) significant digits, more than any figure has "
                          + "(at most \(NumberReader.maximumSignificantDigits)); not read, and not rounded", path: path, location: location)
    }

    /// A `value-negative` warning when a number below zero is printed for a path that cannot be negative
    /// (every count and amount but a change, `FigureKind.mayBeNegative`), in a cell or in a sentence.
    /// The value is kept as printed: a printed figure is never changed, only flagged as doubtful.
    package static func negativeValueWarning(_ value: Decimal, raw: String, path: String, kind: FigureKind,
                                            location: SourceLocation) -> ReportWarning? {
        guard value < 0, !kind.mayBeNegative else { return nil }
        let what = kind == .count ? "a count" : "an amount of money"
        return ReportWarning(code: "value-negative",
                             message: "\(path): \"\(raw)\" is negative, which \(what) cannot be; kept as printed",
                             path: path, location: location)
    }
}

extension Decimal {
    /// The value rounded to a whole number.
    func rounded() -> Decimal {
        var input = self, output = Decimal()
        NSDecimalRound(&output, &input, 0, .plain)
        return output
    }
}
