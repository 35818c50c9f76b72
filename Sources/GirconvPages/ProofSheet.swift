import Foundation
import GirconvCore
import GirconvLayouts
import Plot

/// A report's proof sheet (`girconv view`): one self-contained page showing the record's figures laid out
/// as the report prints them — its tables (二/三/四, or the 附表) as grids of the row and column labels the
/// report printed, its sentences with the numbers read from them — each figure coloured by the way it was
/// read, the cells of failing identities outlined with the expected and the found value, the warnings, and
/// for each figure its provenance (a `title` for hovering, a `<details>` panel opened by a click or the
/// keyboard; no script).
///
/// The record is the only input: the page never reads the report again. The layout file the record was read
/// with (when given) places the figures girconv could not read at all, so that their empty cells show too.
public enum ProofSheet {
    /// The whole page.
    public static func page(for record: CanonicalRecord, layout: LayoutSpec? = nil) -> String {
        let sheet = Sheet(record: record, layout: layout)
        var body: [Node<HTML.BodyContext>] = [summary(record), PageShell.legend()]
        body += sheet.tables.map { table($0, sheet: sheet) }
        if !sheet.sentences.isEmpty { body.append(sentences(sheet.sentences, sheet: sheet)) }
        body.append(checks(record))
        body.append(warnings(record))
        return PageShell.document(title: title(of: record), subtitle: subtitle(of: record), pageStyle: style, bodyNodes: body)
    }

    /// The page's title: the report's own, else its agency and year, else the source's name.
    public static func title(of record: CanonicalRecord) -> String {
        if let title = record.report.title, !title.isEmpty { return title }
        let parts = [record.report.agency, record.report.year.map { "\($0) 年" }].compactMap { $0 }
        return parts.isEmpty ? record.source.name : parts.joined(separator: " ")
    }

    static func subtitle(of record: CanonicalRecord) -> String {
        [record.report.agency ?? "机关不详", record.report.year.map(String.init) ?? "年度不详",
         "layout \(record.report.layout.rawValue)", "read with \(record.detection.adapter)", record.source.name]
            .joined(separator: " · ")
    }

    /// How a value is shown: the number as the record has it (no grouping, no rounding).
    static func shown(_ value: Decimal?) -> String { value.map { "\($0)" } ?? "null" }

    /// The id of a figure's cell, for links from the checks and warnings.
    static func cellID(_ path: String) -> String { "cell-" + path }

    // MARK: Layout of the figures

    /// A table as the page draws it: columns and rows in printed order, each cell a figure path.
    struct Table {
        var name: String
        var columns: [String] = []
        var rows: [Row] = []
        var order: (Int, Int) = (Int.max, Int.max)
    }

    struct Row {
        var label: String
        var cells: [String: String] = [:]
    }

    /// A sentence and the figures read from it.
    struct Sentence {
        var text: String
        var page: Int?
        var line: Int?
        var paths: [String]
    }

    /// The record arranged for the page.
    struct Sheet {
        let record: CanonicalRecord
        var tables: [Table] = []
        var sentences: [Sentence] = []
        /// Figure paths in no table nor sentence of the record but placed by the layout (read not at all).
        var placedOnly: Set<String> = []
        /// Per path: the identities with a failure that involve it (as total or as part).
        var failing: [String: [CheckResult]] = [:]

        init(record: CanonicalRecord, layout: LayoutSpec?) {
            self.record = record
            for check in record.checks where check.status == .fail {
                for path in check.totalPaths + check.partPaths { failing[path, default: []].append(check) }
            }
            let paths = record.orderedPaths
            let rank = Dictionary(uniqueKeysWithValues: paths.enumerated().map { ($1, $0) })
            // Tables and rows keyed by the labels the report printed; ordered by where they were printed
            // (page, line, grid slot), then by the catalog's order.
            struct Placed { var table: String; var row: String; var column: String; var key: (Int, Int, Int, Int, Int) }
            var placed: [String: Placed] = [:]
            var bySentence: [String: Int] = [:]
            for path in paths {
                guard let figure = record.figures[path] else { continue }
                let location = figure.provenance.location
                if let sentence = location.sentence, !sentence.isEmpty {
                    let key = "\(location.line ?? 0)\u{1F}\(sentence)"
                    if let index = bySentence[key] {
                        sentences[index].paths.append(path)
                    } else {
                        bySentence[key] = sentences.count
                        sentences.append(Sentence(text: sentence, page: location.page, line: location.line, paths: [path]))
                    }
                    continue
                }
                // A figure girconv computed was printed nowhere: its row is named by the catalog (不予公开（合计）).
                let name = FigureCatalog.spec(for: path)?.name ?? path
                let group = name.split(separator: "·").dropLast().joined(separator: "·")
                let row = figure.provenance.how == .derived && location.column != nil && !group.isEmpty ? group : location.row
                placed[path] = Placed(table: location.table ?? "其他数字", row: row ?? name, column: location.column ?? "",
                                      key: (location.page ?? Int.max, location.line ?? Int.max, location.tableIndex ?? Int.max,
                                            location.rowIndex ?? Int.max, rank[path] ?? Int.max))
            }
            var tableIndex: [String: Int] = [:]
            var columnOrder: [String: [(String, (Int, Int))]] = [:]
            for path in paths {
                guard let place = placed[path] else { continue }
                if tableIndex[place.table] == nil {
                    tableIndex[place.table] = tables.count
                    tables.append(Table(name: place.table))
                }
                let index = tableIndex[place.table]!
                let order = (place.key.0, place.key.1)
                if order < tables[index].order { tables[index].order = order }
                let column = record.figures[path]?.provenance.location.columnIndex ?? Int.max
                if !(columnOrder[place.table] ?? []).contains(where: { $0.0 == place.column }) {
                    columnOrder[place.table, default: []].append((place.column, (column, rank[path] ?? Int.max)))
                }
            }
            // Rows: in the order of their first figure's place; a label printed twice in a table (a numbered
            // row repeated in another section) makes a second row where its cell is taken.
            var rowsOrdered: [String: [(label: String, key: (Int, Int, Int, Int, Int), cells: [String: String])]] = [:]
            for path in paths {
                guard let place = placed[path] else { continue }
                var rows = rowsOrdered[place.table] ?? []
                if let index = rows.lastIndex(where: { $0.label == place.row && $0.cells[place.column] == nil }) {
                    rows[index].cells[place.column] = path
                    if place.key < rows[index].key { rows[index].key = place.key }
                } else {
                    rows.append((place.row, place.key, [place.column: path]))
                }
                rowsOrdered[place.table] = rows
            }
            for index in tables.indices {
                let name = tables[index].name
                tables[index].columns = (columnOrder[name] ?? []).sorted { $0.1 < $1.1 }.map(\.0)
                tables[index].rows = (rowsOrdered[name] ?? []).sorted { $0.key < $1.key }.map { Row(label: $0.label, cells: $0.cells) }
            }
            tables.sort { $0.order < $1.order }
            sentences.sort { ($0.page ?? 0, $0.line ?? 0) < ($1.page ?? 0, $1.line ?? 0) }
            if let layout { placeUnread(layout: layout) }
        }

        /// Paths the record's warnings name but the record has no figure for (a row not found): each gets its
        /// empty cell where the layout prints it — in the row that holds its sibling figures when there is
        /// one, else in a row of the layout's label.
        mutating func placeUnread(layout: LayoutSpec) {
            let missing = Set(record.warnings.compactMap(\.path).filter { record.figures[$0] == nil })
            guard !missing.isEmpty else { return }
            for (path, printing) in DataDictionary.printings(of: layout) where missing.contains(path) && !placedOnly.contains(path) {
                guard let tableIndex = tables.firstIndex(where: { $0.name == printing.table }) else { continue }
                let prefix = Self.parent(path), key = Self.last(path)
                var table = tables[tableIndex]
                let column = table.rows.lazy.flatMap(\.cells).first { Self.last($0.value) == key }?.key
                    ?? (printing.column.isEmpty ? "" : printing.column)
                if !table.columns.contains(column) { table.columns.append(column) }
                if let row = table.rows.firstIndex(where: { $0.cells.values.contains { Self.parent($0) == prefix } && $0.cells[column] == nil }) {
                    table.rows[row].cells[column] = path
                } else {
                    table.rows.append(Row(label: printing.row, cells: [column: path]))
                }
                tables[tableIndex] = table
                placedOnly.insert(path)
            }
        }

        static func parent(_ path: String) -> String { path.lastIndex(of: ".").map { String(path[..<$0]) } ?? "" }
        static func last(_ path: String) -> String { path.lastIndex(of: ".").map { String(path[path.index(after: $0)...]) } ?? path }
    }

    // MARK: Parts of the page

    static func summary(_ record: CanonicalRecord) -> Node<HTML.BodyContext> {
        let failed = record.checks.filter { $0.status == .fail }.count
        let passed = record.checks.filter { $0.status == .pass }.count
        let values = record.figures.values.filter { $0.value != nil }.count
        return .p(.class("summary"),
                  PageShell.text("\(values) figures read (\(record.figures.count - values) null) · checks: \(passed) passed, \(failed) failed · \(record.warnings.count) warnings. "),
                  PageShell.text("Hover a figure for where it was read; click it for the whole account."))
    }

    static func table(_ table: Table, sheet: Sheet) -> Node<HTML.BodyContext> {
        .section(.class("sheet-table"),
            .h2(PageShell.text(table.name)),
            .element(named: "table", nodes: [
                .element(named: "thead", nodes: [.element(named: "tr", nodes:
                    [.element(named: "th", nodes: [PageShell.text("")])]
                    + table.columns.map { .element(named: "th", nodes: [PageShell.text($0.isEmpty ? "数值" : $0)]) })]),
                .element(named: "tbody", nodes: table.rows.map { row in
                    .element(named: "tr", nodes: [.element(named: "th", nodes: [PageShell.text(row.label)])] + table.columns.map { column in
                        row.cells[column].map { cell($0, sheet: sheet) } ?? .element(named: "td", nodes: [.class("empty")])
                    })
                }),
            ]))
    }

    /// One figure's cell: its value coloured by its reading rule, outlined when an identity involving it
    /// fails (with expected vs found on the total), its provenance as a title and in a panel.
    static func cell(_ path: String, sheet: Sheet) -> Node<HTML.BodyContext> {
        let figure = sheet.record.figures[path]
        var classes = ["num"]
        if let figure { classes.append(PageShell.cssClass(for: figure.provenance.how)) } else { classes.append("unread") }
        let failing = sheet.failing[path] ?? []
        let asTotal = failing.filter { $0.totalPaths.contains(path) }
        if !asTotal.isEmpty { classes.append("fail") } else if !failing.isEmpty { classes.append("fail-part") }
        let lines = account(path, sheet: sheet)
        return .element(named: "td", nodes: [
            .class(classes.joined(separator: " ")), PageShell.attribute("id", cellID(path)),
            PageShell.attribute("title", lines.joined(separator: "\n")),
            figureDetails(path, figure: figure, sheet: sheet),
            .forEach(asTotal) { check in
                .div(.class("check-note"), PageShell.text("expected \(shown(check.expected)), found \(shown(check.found))"))
            },
        ])
    }

    /// The value (the summary a click opens) and the panel of its provenance.
    static func figureDetails(_ path: String, figure: Figure?, sheet: Sheet) -> Node<HTML.BodyContext> {
        .element(named: "details", nodes: [
            .element(named: "summary", nodes: [
                .span(.class(figure?.value == nil ? "v null" : "v"), PageShell.attribute("data-path", path), PageShell.text(shown(figure?.value))),
                .if(sheet.record.warnings.contains { $0.path == path }, .span(.class("warning"), PageShell.text(" ⚠"))),
            ]),
            .div(.class("prov"), .forEach(account(path, sheet: sheet, sentenceInline: false)) { .div(PageShell.text($0)) },
                 .unwrap(figure?.provenance.location.sentence) { highlighted($0, raws: [figure?.provenance.raw ?? ""]) }),
        ])
    }

    /// The account of one figure, a line each: name and path, value and rule, where printed, page and line,
    /// what it was derived from, the checks involving it, its warnings.
    static func account(_ path: String, sheet: Sheet, sentenceInline: Bool = true) -> [String] {
        let record = sheet.record
        let name = FigureCatalog.spec(for: path)?.name
        var lines = [(name.map { "\($0) · " } ?? "") + path]
        guard let figure = record.figures[path] else {
            lines.append("not read: null")
            lines += record.warnings.filter { $0.path == path }.map { "warning \($0.code): \($0.message)" }
            return lines
        }
        let p = figure.provenance, l = p.location
        lines.append("value \(shown(figure.value)) · read: \(p.how.rawValue) · text \(p.raw.isEmpty ? "(blank)" : "“\(p.raw)”")")
        if let sentence = l.sentence {
            if sentenceInline { lines.append("sentence: \(sentence)") }
        } else if let table = l.table {
            lines.append([table, l.row.map { "row “\($0)”" }, l.column.map { "column “\($0)”" }].compactMap { $0 }.joined(separator: " · "))
        }
        let position = [l.page.map { "page \($0)" }, l.line.map { "line \($0)" }, l.tableIndex.map { "table \($0)" },
                        l.rowIndex.map { "grid row \($0)" }, l.columnIndex.map { "grid column \($0)" }].compactMap { $0 }
        if !position.isEmpty { lines.append(position.joined(separator: ", ")) }
        if !p.derivedFrom.isEmpty { lines.append("from: " + p.derivedFrom.joined(separator: " + ")) }
        for check in record.checks where check.totalPaths.contains(path) || check.partPaths.contains(path) {
            lines.append("check \(check.rule): \(check.status.rawValue) (expected \(shown(check.expected)), found \(shown(check.found)))")
        }
        lines += record.warnings.filter { $0.path == path }.map { "warning \($0.code): \($0.message)" }
        return lines
    }

    /// The occurrences of `raw` in a sentence that stand alone (not part of a longer number), marked.
    static func segments(of sentence: String, marking raw: String) -> [(text: String, marked: Bool)] {
        let characters = Array(sentence), target = Array(raw)
        guard !target.isEmpty, target.count <= characters.count else { return [(sentence, false)] }
        func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber || c == "." }
        var parts: [(String, Bool)] = []
        var plain = "", index = 0
        while index < characters.count {
            let end = index + target.count
            if end <= characters.count, Array(characters[index..<end]) == target,
               index == 0 || !isDigit(characters[index - 1]), end == characters.count || !isDigit(characters[end]) {
                if !plain.isEmpty { parts.append((plain, false)); plain = "" }
                parts.append((raw, true))
                index = end
            } else {
                plain.append(characters[index])
                index += 1
            }
        }
        if !plain.isEmpty { parts.append((plain, false)) }
        return parts
    }

    static func sentences(_ sentences: [Sentence], sheet: Sheet) -> Node<HTML.BodyContext> {
        .section(.class("sentences"),
            .h2(PageShell.text("正文")),
            .forEach(sentences) { sentence in
                .div(.class("sentence-block"),
                     .p(.class("where"), PageShell.text([sentence.page.map { "page \($0)" }, sentence.line.map { "line \($0)" }]
                        .compactMap { $0 }.joined(separator: ", "))),
                     highlighted(sentence.text, raws: sentence.paths.compactMap { sheet.record.figures[$0]?.provenance.raw }),
                     .element(named: "table", nodes: [.class("sentence-figures"), .element(named: "tbody", nodes: sentence.paths.map { path in
                        .element(named: "tr", nodes: [
                            .element(named: "th", nodes: [PageShell.text(FigureCatalog.spec(for: path)?.name ?? path)]),
                            cell(path, sheet: sheet),
                        ])
                     })]))
            })
    }

    /// A sentence with the numbers of all its figures marked.
    static func highlighted(_ sentence: String, raws: [String]) -> Node<HTML.BodyContext> {
        var parts: [(text: String, marked: Bool)] = [(sentence, false)]
        for raw in Set(raws).sorted(by: { $0.count > $1.count }) where !raw.isEmpty {
            parts = parts.flatMap { $0.marked ? [$0] : segments(of: $0.text, marking: raw) }
        }
        return .p(.class("sentence"), .group(parts.map { part in
            part.marked ? .element(named: "mark", nodes: [PageShell.text(part.text)]) : PageShell.text(part.text)
        }))
    }

    static func checks(_ record: CanonicalRecord) -> Node<HTML.BodyContext> {
        let failed = record.checks.filter { $0.status == .fail }
        let counts = [CheckStatus.pass, .fail, .notAssessable, .usedForRecovery].map { status in
            "\(record.checks.filter { $0.status == status }.count) \(status.rawValue)"
        }
        return .section(.class("checks"),
            .h2(PageShell.text("Checks (勾稽关系)")),
            .p(PageShell.text(counts.joined(separator: " · "))),
            .if(!failed.isEmpty, .ul(.class("failed-checks"), .forEach(failed) { check in
                .li(.class("fail-item"),
                    .strong(PageShell.text(check.rule)), PageShell.text(" — \(check.description): expected \(shown(check.expected)), found \(shown(check.found)). "),
                    .group(check.totalPaths.map { path in
                        .a(PageShell.attribute("href", "#" + cellID(path)), PageShell.text(path))
                    }))
            })))
    }

    static func warnings(_ record: CanonicalRecord) -> Node<HTML.BodyContext> {
        .section(.class("warnings"),
            .h2(PageShell.text("Warnings (\(record.warnings.count))")),
            .if(!record.warnings.isEmpty, .ul(.forEach(record.warnings) { warning in
                .li(.class("warning"),
                    .code(PageShell.text(warning.code)), PageShell.text(" " + warning.message),
                    .unwrap(warning.path) { path in
                        .group([PageShell.text(" "), .a(PageShell.attribute("href", "#" + cellID(path)), PageShell.text(path))])
                    })
            })))
    }

    /// The proof sheet's own rules: the provenance panel floats over the table when opened.
    static let style = """
    td.num{position:relative;min-width:3.2em}
    td.empty{background:#f7f8f9}
    td.fail-part{outline:2px dashed var(--fail);outline-offset:-2px}
    td.unread{background:#ffd6d6}
    td:target{box-shadow:0 0 0 3px #1a5fb4 inset}
    details>summary{list-style:none;cursor:pointer}
    details>summary::-webkit-details-marker{display:none}
    details>summary:focus-visible{outline:2px solid #1a5fb4}
    .v.null{color:var(--muted);font-style:italic}
    .check-note{color:var(--fail);font-size:.78rem;font-weight:600;white-space:nowrap}
    .prov{position:absolute;z-index:5;left:0;top:100%;min-width:22rem;max-width:34rem;white-space:normal;text-align:left;\
    background:#fff;border:1px solid var(--line);box-shadow:0 4px 14px rgba(0,0,0,.15);padding:.5rem .7rem;font-size:.82rem}
    .sentence{margin:.3rem 0;max-width:60rem}
    mark{background:#ffe066;padding:0 .1em}
    .sentence-block{margin:0 0 1rem;padding:.4rem .8rem;background:#fff;border:1px solid var(--line)}
    .sentence-block .where,.summary{color:var(--muted);font-size:.85rem;margin:.1rem 0}
    ul.failed-checks li{margin:.2rem 0}
    .fail-item{color:var(--fail)}
    .fail-item a{margin-right:.5em}
    tbody th{font-weight:normal;max-width:28rem}

    """
}
