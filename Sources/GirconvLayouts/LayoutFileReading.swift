import Foundation
import GirconvCore
import Yams
import GirconvText

/// The sections of a layout file, read into the model (see `LayoutSpec` for what each means).
extension NodeReader {
    static let topKeys = ["girconv-layout", "id", "layout", "name", "description", "detect", "tables", "narrative", "patterns",
                          "expected", "figures", "identities"]

    func layout(_ root: Node) -> LayoutSpec? {
        guard let top = mapping(root, "the layout file", allowed: Self.topKeys, required: ["girconv-layout", "id", "name"]) else {
            return nil
        }
        if let version = integer(top["girconv-layout"], "girconv-layout"), version != LayoutFileParser.formatVersion {
            fail(top["girconv-layout"], "girconv-layout: this girconv reads format \(LayoutFileParser.formatVersion), not \(version)")
        }
        let id = string(top["id"], "id") ?? ""
        if !id.isEmpty, id.range(of: "^[a-z0-9][a-z0-9._-]*$", options: .regularExpression) == nil {
            fail(top["id"], "id: \"\(id)\" must be lower-case letters, digits, '.', '_' or '-' (it names the adapter)")
        }
        let family = layoutFamily(top["layout"], in: root)
        let figures = list(top["figures"], "figures").compactMap(extraFigure)
        let known = KnownPaths(extras: figures)
        // An identity may name a skipped column's cells (历年累计) as a row's path plus the column's key.
        var identityPaths = known
        identityPaths.columnKeys = Self.skippedColumnKeys(top["tables"])
        let identities = ownIdentities(top["identities"], family: family, known: identityPaths)
        let tables = list(top["tables"], "tables").compactMap { table($0, known: known) }
        let patterns = top["patterns"].flatMap { patternSet($0, owner: id, known: known) }
        let narrative = top["narrative"].flatMap { narrativeUse($0, known: known) }
        let expected = list(top["expected"], "expected").compactMap { node -> ExpectedFigure? in
            guard let fields = mapping(node, "an expected figure", allowed: ["path", "label"], required: ["path", "label"]),
                  let path = string(fields["path"], "path"), let label = string(fields["label"], "label") else { return nil }
            known.check(path, at: fields["path"], in: self)
            return ExpectedFigure(path: path, label: label)
        }
        if narrative != nil && narrative?.patternsFrom == nil && patterns == nil {
            fail(top["narrative"], "narrative: this file defines no patterns; name the file whose patterns to use with \"patterns: <layout id>\"")
        }
        let detection = top["detect"].flatMap(detection) ?? DetectionSpec(required: [], evidence: [], against: [], tableRows: nil,
                                                                          narrativeFigures: nil, yearsBefore: nil, reportEvidence: nil)
        if top["detect"] == nil { fail(root, "\"detect\" is required: without it the layout is never chosen") }
        if detection.narrativeFigures != nil && narrative == nil {
            fail(top["detect"], "detect.narrativeFigures needs \"narrative\" (which patterns to read sentences with)")
        }
        if tables.isEmpty && narrative == nil { fail(root, "the layout reads nothing: give \"tables\" or \"narrative\"") }
        guard let family else { return nil }
        return LayoutSpec(id: id, layout: family, name: string(top["name"], "name") ?? id, description: string(top["description"], "description"),
                          detection: detection, tables: tables, narrative: narrative, patterns: patterns, expected: expected, figures: figures,
                          identities: identities)
    }

    /// The `layout` key: the family of the records, never assumed.
    func layoutFamily(_ node: Node?, in root: Node) -> Layout? {
        guard let node else {
            fail(root, "\"layout\" is required: the family of the records (report.layout), which decides the identities checked; one of \(Layout.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return choice(node, "layout", Layout.self)
    }

    // MARK: Identities

    /// The keys of the skipped columns (`skip: true` with a key) of the tables, read before the tables are.
    static func skippedColumnKeys(_ tables: Node?) -> Set<String> {
        guard case .sequence(let tables)? = tables else { return [] }
        var keys: Set<String> = []
        func add(_ columns: Node?) {
            guard case .sequence(let columns)? = columns else { return }
            for column in columns where column["skip"]?.bool == true {
                if let key = column["key"]?.string, !key.isEmpty { keys.insert(key) }
            }
        }
        for table in tables {
            add(table["columns"])
            if case .sequence(let sections)? = table["sections"] { for section in sections { add(section["columns"]) } }
        }
        return keys
    }

    /// The `identities` list: sums of the layout's own figures, checked besides the family's identities.
    func ownIdentities(_ node: Node?, family: Layout?, known: KnownPaths) -> [SumIdentity] {
        let reserved = family.map(IdentityCatalog.rules(of:)) ?? []
        var rules: Set<String> = []
        return list(node, "identities").compactMap { item in
            guard let fields = mapping(item, "an identity", allowed: ["rule", "description", "totals", "parts", "relation"],
                                       required: ["rule", "description", "totals", "parts"]),
                  let rule = string(fields["rule"], "identity rule") else { return nil }
            let what = "identity \(rule)"
            if rule.range(of: "^[A-Za-z0-9][A-Za-z0-9._-]*$", options: .regularExpression) == nil {
                fail(fields["rule"], "\(what): a rule is letters, digits, '.', '_' or '-'")
            } else if reserved.contains(rule) || rule.hasPrefix("share.") || rule.hasPrefix("text.") {
                fail(fields["rule"], "\(what): the rule is one of girconv's own checks; give the identity a rule of its own")
            } else if !rules.insert(rule).inserted {
                fail(fields["rule"], "\(what): another identity of the file has this rule")
            }
            let totals = checkedPaths(fields["totals"], "\(what) totals", known: known)
            let parts = checkedPaths(fields["parts"], "\(what) parts", known: known)
            guard let description = string(fields["description"], "\(what) description"), !totals.isEmpty, !parts.isEmpty else { return nil }
            let relation: SumIdentity.Relation? = fields["relation"] == nil ? .equal : choice(fields["relation"], "\(what) relation", SumIdentity.Relation.self)
            return relation.map { SumIdentity(rule: rule, description: description, totals: totals, parts: parts, relation: $0) }
        }
    }

    /// A text or a list of figure paths, each checked where it is written.
    func checkedPaths(_ node: Node?, _ what: String, known: KnownPaths) -> [String] {
        guard let node else { return [] }
        let items: [Node]
        if case .sequence(let sequence) = node { items = Array(sequence) } else { items = [node] }
        if items.isEmpty { fail(node, "\(what): give at least one figure path") }
        return items.compactMap { item in
            guard let path = string(item, "each of \(what)") else { return nil }
            known.check(path, at: item, in: self, what: what)
            return path
        }
    }

    // MARK: Figures

    func extraFigure(_ node: Node) -> ExtraFigure? {
        guard let fields = mapping(node, "a figure", allowed: ["path", "kind", "label"], required: ["path", "label"]),
              let path = string(fields["path"], "path") else { return nil }
        guard path.hasPrefix("extra."), path.split(separator: ".").count >= 2, !path.hasSuffix(".") else {
            fail(fields["path"], "figures: \"\(path)\" must start with \"extra.\" (the canonical paths are fixed; see schema.md)")
            return nil
        }
        let kind = fields["kind"].flatMap { node -> FigureKind? in
            guard let text = string(node, "kind") else { return nil }
            guard let kind = FigureKind(rawValue: text) else {
                fail(node, "kind: \"\(text)\" is not one of count, signedCount, amountYuan, amountWanYuan"); return nil
            }
            return kind
        } ?? .count
        return ExtraFigure(path: path, kind: kind, label: string(fields["label"], "label") ?? path)
    }

    // MARK: Detection

    func detection(_ node: Node) -> DetectionSpec? {
        guard let fields = mapping(node, "detect", allowed: ["requireAll", "required", "evidence", "against", "tableRows", "narrativeFigures", "yearsBefore",
                                                             "reportEvidence"])
        else { return nil }
        var spec = DetectionSpec(
            required: list(fields["required"], "detect.required").compactMap { weighted($0, "detect.required") },
            evidence: list(fields["evidence"], "detect.evidence").compactMap { weighted($0, "detect.evidence") },
            against: list(fields["against"], "detect.against").compactMap { weighted($0, "detect.against") },
            tableRows: fields["tableRows"].flatMap { increment($0, "detect.tableRows") },
            narrativeFigures: fields["narrativeFigures"].flatMap { increment($0, "detect.narrativeFigures") },
            yearsBefore: integer(fields["yearsBefore"], "detect.yearsBefore"))
        spec.requireAll = (strings(fields["requireAll"], "detect.requireAll") ?? []).map {
            WeightedPhrase(phrases: [$0], keys: [TextNormalizer.matchKey($0)], weight: 0, name: $0)
        }
        spec.reportEvidence = fields["reportEvidence"].flatMap(reportEvidence)
        if spec.required.isEmpty && spec.evidence.isEmpty && spec.tableRows == nil && spec.narrativeFigures == nil {
            fail(node, "detect: give at least one of required, evidence, tableRows, narrativeFigures")
        }
        return spec
    }

    func reportEvidence(_ node: Node) -> ReportEvidenceSpec? {
        let what = "detect.reportEvidence"
        guard let fields = mapping(node, what, allowed: ["headingWords", "headingSubjects", "sections", "sectionsNeeded"],
                                   required: ["headingWords", "headingSubjects"]) else { return nil }
        let words = strings(fields["headingWords"], "\(what).headingWords") ?? []
        let subjects = strings(fields["headingSubjects"], "\(what).headingSubjects") ?? []
        let sections: [(pattern: String, expression: NSRegularExpression)] = (strings(fields["sections"], "\(what).sections") ?? []).compactMap { pattern in
            do { return (pattern, try NSRegularExpression(pattern: pattern)) } catch {
                fail(fields["sections"], "\(what).sections: \"\(pattern)\" is not a valid regular expression"); return nil
            }
        }
        let needed = integer(fields["sectionsNeeded"], "\(what).sectionsNeeded") ?? 2
        if !sections.isEmpty && (needed < 1 || needed > sections.count) {
            fail(fields["sectionsNeeded"] ?? node, "\(what).sectionsNeeded must be between 1 and the number of sections (\(sections.count))")
        }
        return ReportEvidenceSpec(headingWords: words.map { TextNormalizer.matchKey($0) }, headingSubjects: subjects.map { TextNormalizer.matchKey($0) },
                                  sections: sections, sectionsNeeded: needed)
    }

    func weighted(_ node: Node, _ what: String) -> WeightedPhrase? {
        guard let fields = mapping(node, what, allowed: ["phrase", "phrases", "weight", "name"], required: ["weight"]) else { return nil }
        let phrases = strings(fields["phrase"] ?? fields["phrases"], "\(what) phrase") ?? []
        if fields["phrase"] == nil && fields["phrases"] == nil { fail(node, "\(what): give \"phrase\" or \"phrases\"") }
        guard !phrases.isEmpty, let weight = number(fields["weight"], "\(what) weight") else { return nil }
        if weight < 0 || weight > 1 { fail(fields["weight"], "\(what) weight must be between 0 and 1") }
        return WeightedPhrase(phrases: phrases, keys: phrases.map { TextNormalizer.matchKey($0) }, weight: weight,
                              name: string(fields["name"], "\(what) name") ?? phrases[0])
    }

    func increment(_ node: Node, _ what: String) -> Increment? {
        guard let fields = mapping(node, what, allowed: ["base", "weight", "max", "needed"], required: ["weight", "max"]) else { return nil }
        return Increment(base: number(fields["base"], "\(what).base") ?? 0, weight: number(fields["weight"], "\(what).weight") ?? 0,
                         max: number(fields["max"], "\(what).max") ?? 1, needed: bool(fields["needed"], "\(what).needed") ?? true)
    }

    // MARK: Tables

    static let tableKeys = ["name", "starts", "startsUnless", "withoutStart", "columns", "headerMarker", "sections", "rows", "singleRow",
                            "ignore", "unitColumn", "sectionInRowName", "reportMissingRows", "numberedRows",
                            "printedOrder"]

    func table(_ node: Node, known: KnownPaths) -> TableSpec? {
        guard let fields = mapping(node, "a table", allowed: Self.tableKeys, required: ["name"]) else { return nil }
        let name = string(fields["name"], "table name") ?? "?"
        let what = "table \(name)"
        let columns = list(fields["columns"], "\(what) columns").compactMap { column($0, what) }
        // Each read item with the node it came from (for the line of later problems).
        let sectionNodes = list(fields["sections"], "\(what) sections").compactMap { node in section(node, what).map { ($0, node) } }
        let rowNodes = list(fields["rows"], "\(what) rows").compactMap { node in row(node, what).map { ($0, node) } }
        let sections = sectionNodes.map(\.0), rows = rowNodes.map(\.0)
        let singleRow = fields["singleRow"].flatMap { singleRowSpec($0, what) }
        var spec = TableSpec(
            name: name, starts: labelList(fields["starts"], "\(what) starts"), startsUnless: labelList(fields["startsUnless"], "\(what) startsUnless"),
            withoutStart: choice(fields["withoutStart"], "\(what) withoutStart", TableSpec.WithoutStart.self) ?? .skip,
            columns: columns, headerMarker: labelList(fields["headerMarker"], "\(what) headerMarker").first, sections: sections, rows: rows,
            singleRow: singleRow, ignore: labelList(fields["ignore"], "\(what) ignore"),
            unitColumn: false,
            sectionInRowName: bool(fields["sectionInRowName"], "\(what) sectionInRowName") ?? false,
            reportMissingRows: bool(fields["reportMissingRows"], "\(what) reportMissingRows") ?? false,
            numberedRows: nil)
        if rows.isEmpty && singleRow == nil { fail(node, "\(what): give \"rows\" or \"singleRow\"") }
        if !rows.isEmpty && columns.isEmpty && sections.allSatisfy({ $0.columns == nil }) {
            fail(node, "\(what): give \"columns\" (the value columns in printed order; a single column may have key \"\")")
        }
        if let numbered = fields["numberedRows"] { spec.numberedRows = numberedRows(numbered, what) }
        // unitColumn: true, or the unit words the column prints.
        if case .sequence? = fields["unitColumn"] {
            spec.unitWords = strings(fields["unitColumn"], "\(what) unitColumn") ?? []
            spec.unitColumn = true
            for word in spec.unitWords where !PrintedUnit.columnWords.contains(word) {
                fail(fields["unitColumn"], "\(what) unitColumn: \"\(word)\" is not a unit girconv knows (\(PrintedUnit.columnWords.sorted().joined(separator: " ")))")
            }
        } else {
            spec.unitColumn = bool(fields["unitColumn"], "\(what) unitColumn") ?? false
        }
        // printedOrder: true (rows listed in printed order), or the rows' paths in printed order.
        if case .sequence? = fields["printedOrder"] {
            spec.printedOrder = true
            var listed: Set<String> = []
            spec.printedRows = (strings(fields["printedOrder"], "\(what) printedOrder") ?? []).compactMap { path in
                let indices = rows.indices.filter { rows[$0].path == path }
                if indices.isEmpty { fail(fields["printedOrder"], "\(what) printedOrder: \"\(path)\" is not the path of a row of the table") }
                if !listed.insert(path).inserted { fail(fields["printedOrder"], "\(what) printedOrder: \"\(path)\" is listed twice") }
                return indices.isEmpty ? nil : indices
            }
        } else {
            spec.printedOrder = bool(fields["printedOrder"], "\(what) printedOrder") ?? false
        }
        for column in spec.columns + spec.sections.flatMap({ $0.columns ?? [] }) {
            guard let other = column.atLeast else { continue }
            let set = spec.sections.first { $0.columns?.contains { $0.key == column.key } == true }?.columns ?? spec.columns
            if other == column.key || !set.contains(where: { $0.key == other }) {
                fail(fields["columns"], "\(what) column \(column.key) atLeast: \"\(other)\" is not the key of another column of the table")
            }
        }
        checkReferences(spec, rows: rowNodes, sections: sectionNodes, fields: fields, known: known)
        return spec
    }

    func column(_ node: Node, _ what: String) -> ColumnSpec? {
        guard let fields = mapping(node, "\(what) column", allowed: ["key", "labels", "match", "skip", "unit", "atLeast"], required: ["labels"]) else { return nil }
        let key = string(fields["key"], "column key") ?? ""
        let skip = bool(fields["skip"], "column skip") ?? false
        if fields["key"] == nil && !skip { fail(node, "\(what) column: give \"key\" (\"\" for the row's own path) or \"skip: true\"") }
        let unit = fields["unit"].flatMap { node -> PrintedUnit? in
            guard let text = string(node, "column unit") else { return nil }
            switch text {
            case "元", "yuan": return .yuan
            case "万元", "wanYuan": return .wanYuan
            default: fail(node, "column unit: \"\(text)\" is not 元 or 万元"); return nil
            }
        }
        guard let labels = labels(fields["labels"], match: fields["match"], "\(what) column") else { return nil }
        return ColumnSpec(key: key, labels: labels, skip: skip, unit: unit, atLeast: string(fields["atLeast"], "column atLeast"))
    }

    func section(_ node: Node, _ what: String) -> SectionSpec? {
        guard let fields = mapping(node, "\(what) section", allowed: ["id", "labels", "match", "path", "columns"], required: ["id"]),
              let id = string(fields["id"], "section id") else { return nil }
        let sectionLabels: Labels? = fields["labels"].flatMap { self.labels($0, match: fields["match"], "\(what) section \(id)") }
        let columns: [ColumnSpec]? = fields["columns"].map { node in self.list(node, "section columns").compactMap { self.column($0, "\(what) section \(id)") } }
        return SectionSpec(id: id, labels: sectionLabels, path: string(fields["path"], "section path"), columns: columns)
    }

    func row(_ node: Node, _ what: String) -> RowSpec? {
        guard let fields = mapping(node, "\(what) row", allowed: ["path", "labels", "match", "within", "section", "opens"], required: ["path", "labels"]),
              let path = string(fields["path"], "row path"), let labels = labels(fields["labels"], match: fields["match"], "\(what) row \(path)")
        else { return nil }
        return RowSpec(path: path, labels: labels, within: strings(fields["within"], "row within") ?? [],
                       section: string(fields["section"], "row section"), opens: string(fields["opens"], "row opens"))
    }

    func singleRowSpec(_ node: Node, _ what: String) -> SingleRowSpec? {
        guard let fields = mapping(node, "\(what) singleRow", allowed: ["groups", "columns"], required: ["groups", "columns"]) else { return nil }
        func parts(_ node: Node?, _ name: String) -> [SingleRowSpec.Part] {
            list(node, "\(what) singleRow \(name)").compactMap { item in
                guard let f = mapping(item, "\(what) singleRow \(name) item", allowed: ["key", "label"], required: ["key", "label"]),
                      let key = string(f["key"], "key"), let label = string(f["label"], "label") else { return nil }
                return SingleRowSpec.Part(key: key, label: label)
            }
        }
        return SingleRowSpec(groups: parts(fields["groups"], "groups"), columns: parts(fields["columns"], "columns"))
    }

    func numberedRows(_ node: Node, _ what: String) -> NumberedRows? {
        guard let fields = mapping(node, "\(what) numberedRows", allowed: ["sections", "paths"], required: ["sections", "paths"]),
              case .mapping(let pathNodes)? = fields["paths"] else {
            fail(node, "\(what) numberedRows: \"paths\" must map numbers to paths"); return nil
        }
        var paths: [Int: String] = [:]
        for (key, value) in pathNodes {
            guard let number = key.int, let path = string(value, "numbered path") else { fail(key, "\(what) numberedRows: keys must be numbers"); continue }
            paths[number] = path
        }
        if paths[1] == nil { fail(node, "\(what) numberedRows: number 1 is required (it tells the numbering scheme)") }
        return NumberedRows(sections: strings(fields["sections"], "numberedRows sections") ?? [], paths: paths)
    }

    /// Sections named by rows exist; every figure path a row can produce is known.
    func checkReferences(_ spec: TableSpec, rows: [(RowSpec, Node)], sections: [(SectionSpec, Node)], fields: [String: Node],
                         known: KnownPaths) {
        let sectionIDs = Set(spec.sections.map(\.id))
        for (row, node) in rows {
            for name in row.within + [row.section, row.opens].compactMap({ $0 }) where !sectionIDs.contains(name) {
                fail(node, "table \(spec.name) row \(row.path): section \"\(name)\" is not defined in the table's sections")
            }
            let columns = row.section.flatMap { s in spec.sections.first { $0.id == s }?.columns } ?? spec.columns
            let substitutions = row.path.contains("{section}") ? (row.within.isEmpty ? Array(sectionIDs) : row.within) : [""]
            for substitution in substitutions {
                let base = row.path.replacingOccurrences(of: "{section}", with: substitution)
                for column in columns where !column.skip {
                    known.check(column.key.isEmpty ? base : "\(base).\(column.key)", at: node, in: self)
                }
            }
        }
        for (section, node) in sections {
            guard let path = section.path else { continue }
            for column in (section.columns ?? spec.columns) where !column.skip {
                known.check(column.key.isEmpty ? path : "\(path).\(column.key)", at: node, in: self)
            }
        }
        if let single = spec.singleRow {
            for group in single.groups { for column in single.columns { known.check("\(group.key).\(column.key)", at: fields["singleRow"], in: self) } }
        }
        if let numbered = spec.numberedRows {
            for name in numbered.sections where !sectionIDs.contains(name) {
                fail(fields["numberedRows"], "table \(spec.name) numberedRows: section \"\(name)\" is not defined")
            }
            for path in numbered.paths.values { known.check(path, at: fields["numberedRows"], in: self) }
        }
    }

    // MARK: Narrative

    func narrativeUse(_ node: Node, known: KnownPaths) -> NarrativeUse? {
        guard let fields = mapping(node, "narrative", allowed: ["patterns", "use"]) else { return nil }
        var paths: [String]? = nil
        if let use = fields["use"] {
            if use.string == "all" { paths = nil } else {
                paths = strings(use, "narrative use") ?? []
                for path in paths ?? [] { known.check(path, at: use, in: self) }
            }
        }
        var use = NarrativeUse(patternsFrom: string(fields["patterns"], "narrative patterns"), paths: paths)
        if let mark = fields["patterns"]?.mark { use.patternsFromMark = (mark.line, mark.column) }
        return use
    }

    func patternSet(_ node: Node, owner: String, known: KnownPaths) -> NarrativePatternSet? {
        guard let fields = mapping(node, "patterns", allowed: ["triggers", "scopes", "connectives", "zeroStatements", "shares", "subjects"],
                                 required: ["triggers"])
        else { return nil }
        let scopes: [NarrativePatternSet.Scope] = list(fields["scopes"], "patterns.scopes").compactMap { item in
            guard let f = mapping(item, "a scope", allowed: ["phrase", "scope"], required: ["phrase", "scope"]),
                  let phrase = string(f["phrase"], "scope phrase"), let scope = string(f["scope"], "scope") else { return nil }
            return NarrativePatternSet.Scope(phrase: TextNormalizer.foldWidthAndPunctuation(phrase), scope: scope)
        }
        let scopeNames = Array(Set(scopes.map(\.scope)))
        let triggers: [NarrativePatternSet.Trigger] = list(fields["triggers"], "patterns.triggers").compactMap { item in
            guard let f = mapping(item, "a trigger", allowed: ["path", "phrases"], required: ["path", "phrases"]),
                  let path = string(f["path"], "trigger path"), let phrases = strings(f["phrases"], "trigger phrases"), !phrases.isEmpty else { return nil }
            let scoped = path.contains("{scope}")
            if scoped && scopeNames.isEmpty { fail(f["path"], "trigger \(path): {scope} needs \"scopes\"") }
            for name in scoped ? scopeNames : [""] { known.check(path.replacingOccurrences(of: "{scope}", with: name), at: f["path"], in: self) }
            return NarrativePatternSet.Trigger(path: path, phrases: phrases.map(TextNormalizer.foldWidthAndPunctuation), scoped: scoped)
        }
        let zeros: [NarrativePatternSet.ZeroStatement] = list(fields["zeroStatements"], "patterns.zeroStatements").compactMap { item in
            guard let f = mapping(item, "a zero statement", allowed: ["pattern", "paths"], required: ["pattern", "paths"]),
                  let pattern = string(f["pattern"], "pattern"), let paths = strings(f["paths"], "paths") else { return nil }
            for path in paths { known.check(path, at: f["paths"], in: self) }
            do {
                return NarrativePatternSet.ZeroStatement(pattern: pattern, expression: try NSRegularExpression(pattern: pattern), paths: paths)
            } catch {
                fail(f["pattern"], "zero statement: \"\(pattern)\" is not a valid regular expression"); return nil
            }
        }
        let shares: [NarrativePatternSet.Share] = list(fields["shares"], "patterns.shares").compactMap { item in
            guard let f = mapping(item, "a share", allowed: ["match", "whole"], required: ["match", "whole"]),
                  let match = string(f["match"], "match"), let whole = string(f["whole"], "whole") else { return nil }
            known.check(whole, at: f["whole"], in: self)
            return NarrativePatternSet.Share(match: match, whole: whole)
        }
        let connectives = string(fields["connectives"], "connectives") ?? NarrativePatternSet.defaultConnectives
        var set = NarrativePatternSet(owner: owner, triggers: triggers, scopes: scopes, connectives: Set(connectives.unicodeScalars),
                                      zeroStatements: zeros, shares: shares)
        set.extraKinds = known.kinds
        set.subjects = list(fields["subjects"], "patterns.subjects").compactMap { item in
            guard let f = mapping(item, "a subject", allowed: ["phrases", "excludes", "scope"], required: ["phrases", "excludes"]),
                  let phrases = strings(f["phrases"], "subject phrases"), let excludes = strings(f["excludes"], "subject excludes"),
                  !phrases.isEmpty, !excludes.isEmpty else { return nil }
            for pattern in excludes where !pattern.hasSuffix(".*") { known.check(pattern, at: f["excludes"], in: self) }
            let scope = choice(f["scope"], "subject scope", NarrativePatternSet.Subject.Reach.self) ?? .sentence
            return NarrativePatternSet.Subject(phrases: phrases.map(TextNormalizer.foldWidthAndPunctuation), excludes: excludes,
                                               reach: scope)
        }
        return set
    }
}

/// The figure paths a layout file may name: the canonical catalog and the file's own `extra.` figures.
struct KnownPaths {
    let kinds: [String: FigureKind]
    /// Keys of skipped columns: a known path plus ".key" names such a column's cell (identities only).
    var columnKeys: Set<String> = []
    init(extras: [ExtraFigure]) { kinds = Dictionary(extras.map { ($0.path, $0.kind) }, uniquingKeysWith: { a, _ in a }) }

    func isKnown(_ path: String) -> Bool {
        if FigureCatalog.spec(for: path) != nil || kinds[path] != nil { return true }
        guard let dot = path.lastIndex(of: "."), columnKeys.contains(String(path[path.index(after: dot)...])) else { return false }
        let row = String(path[..<dot])
        return FigureCatalog.spec(for: row) != nil || kinds[row] != nil
    }

    /// `what` (the key the path is written under) starts the message when given.
    func check(_ path: String, at node: Node?, in reader: NodeReader, what: String? = nil) {
        if isKnown(path) { return }
        let key = what.map { "\($0): " } ?? ""
        if path.hasPrefix("extra.") {
            reader.fail(node, key + "\"\(path)\" is not declared: add it under \"figures\" with its kind and label")
        } else {
            reader.fail(node, key + "\"\(path)\" is not a canonical figure path (see `girconv schema` or docs/schema.md); a figure the schema does not have goes under \"extra.\" and is declared under \"figures\"")
        }
    }
}
