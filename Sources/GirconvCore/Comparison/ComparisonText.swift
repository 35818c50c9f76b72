import Foundation
import GirconvText

/// How a comparison's numbers are spelled, by every writer of it (text, CSV, JSON, the page).
///
/// Changes are exact (`Decimal`); a percent change is rounded only when written, half away from zero
/// (`NSDecimalRound`, `.plain`): to `displayPlaces` decimal places in the text table and the page, to
/// `dataPlaces` in CSV and JSON. A change from 0 has no percent.
public enum ComparisonText {
    public static let displayPlaces = 1
    public static let dataPlaces = 4

    /// A figure as written ("—" when absent or unreadable).
    public static func value(_ value: Decimal?) -> String { value.map(DecimalText.spelling) ?? "—" }

    /// A difference with its sign: "+74", "-3", "0".
    public static func signed(_ value: Decimal) -> String {
        value > 0 ? "+" + DecimalText.spelling(value) : DecimalText.spelling(value)
    }

    /// A percent change rounded to `places`, with its sign and "%"; "—" when there is none.
    public static func percent(_ change: YearComparison.Change, places: Int = displayPlaces) -> String {
        guard let rounded = change.roundedPercent(places: places) else { return "—" }
        return signed(rounded) + "%"
    }

    /// A change as one cell of the text table and the page: "+74 (+352.4%)", "+50 (—)", or the reason
    /// there is none.
    public static func changeText(_ change: YearComparison.Change) -> String {
        if let gap = change.gap { return "— (\(gap.rawValue))" }
        guard let difference = change.difference else { return "—" }
        return "\(signed(difference)) (\(percent(change)))"
    }

    /// A report's column heading: its year, or its file name when it gives none.
    public static func heading(_ report: YearComparison.Report) -> String { report.year.map(String.init) ?? report.source }

}
