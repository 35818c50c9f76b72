import Foundation
import GirconvCore
import Plot

/// The index of a batch of proof sheets (`girconv view … --out-dir`): one row per report — agency, year,
/// layout, checks failed, warnings, a link to its page — and one per input that could not be read, with
/// why. The table is complete as written; a small inline script only sorts it when a column's heading is
/// clicked.
public enum ReportIndex {
    /// One report of the index.
    public struct Entry: Sendable, Equatable {
        public var source: String
        public var agency: String?
        public var year: Int?
        public var layout: String
        public var checksFailed: Int
        public var warnings: Int
        /// The page's path relative to the index.
        public var link: String

        public init(record: CanonicalRecord, link: String) {
            source = record.source.path ?? record.source.name
            agency = record.report.agency
            year = record.report.year
            layout = record.report.layout.rawValue
            checksFailed = record.checks.filter { $0.status == .fail }.count
            warnings = record.warnings.count
            self.link = link
        }
    }

    /// An input that gave no page, and why.
    public struct Failure: Sendable, Equatable {
        public var source: String
        public var error: String
        public init(source: String, error: String) { self.source = source; self.error = error }
    }

    public static func page(entries: [Entry], failures: [Failure] = []) -> String {
        let headings = ["机关 agency", "年度 year", "layout", "checks failed", "warnings", "report"]
        var body: [Node<HTML.BodyContext>] = [
            .p(.class("summary"), PageShell.text("\(entries.count) reports\(failures.isEmpty ? "" : ", \(failures.count) inputs not read"). Click a heading to sort.")),
            .element(named: "table", nodes: [
                .id("reports"), .class("sortable"),
                .element(named: "thead", nodes: [.element(named: "tr", nodes: headings.enumerated().map { index, heading in
                    .element(named: "th", nodes: [PageShell.attribute("data-column", String(index)), PageShell.attribute("tabindex", "0"),
                                                  PageShell.text(heading)])
                })]),
                .element(named: "tbody", nodes: entries.map(row)),
            ]),
        ]
        if !failures.isEmpty {
            body.append(.h2(PageShell.text("Not read")))
            body.append(.element(named: "table", nodes: [.class("failures"), .element(named: "tbody", nodes: failures.map { failure in
                .element(named: "tr", nodes: [.element(named: "td", nodes: [PageShell.text(failure.source)]),
                                              .element(named: "td", nodes: [.class("warning"), PageShell.text(failure.error)])])
            })]))
        }
        body.append(.element(named: "script", nodes: [.raw(sortScript)]))
        return PageShell.document(title: "girconv: reports", subtitle: "Proof sheets of \(entries.count) reports",
                                  pageStyle: style, bodyNodes: body)
    }

    static func row(_ entry: Entry) -> Node<HTML.BodyContext> {
        func cell(_ text: String, sort: String, numeric: Bool = false, failing: Bool = false) -> Node<HTML.BodyContext> {
            .element(named: "td", nodes: [.class([numeric ? "num" : "", failing ? "fail-count" : ""].filter { !$0.isEmpty }.joined(separator: " ")),
                                          PageShell.attribute("data-sort", sort), PageShell.text(text)])
        }
        return .element(named: "tr", nodes: [
            cell(entry.agency ?? "—", sort: entry.agency ?? ""),
            cell(entry.year.map(String.init) ?? "—", sort: entry.year.map(String.init) ?? "", numeric: true),
            cell(entry.layout, sort: entry.layout),
            cell(String(entry.checksFailed), sort: String(entry.checksFailed), numeric: true, failing: entry.checksFailed > 0),
            cell(String(entry.warnings), sort: String(entry.warnings), numeric: true),
            .element(named: "td", nodes: [PageShell.attribute("data-sort", entry.source),
                                          .a(PageShell.attribute("href", entry.link), PageShell.text(entry.source))]),
        ])
    }

    static let style = """
    table.sortable th{cursor:pointer;user-select:none}
    table.sortable th[aria-sort=ascending]::after{content:" ▲"}
    table.sortable th[aria-sort=descending]::after{content:" ▼"}
    td.fail-count{color:var(--fail);font-weight:600}
    .summary{color:var(--muted)}

    """

    /// Sorts the table by the clicked column (numbers as numbers), ascending then descending. Only sorts:
    /// the table is whole without it.
    static let sortScript = """
    (function(){var t=document.getElementById("reports");if(!t)return;var hs=t.tHead.rows[0].cells;
    function sort(h){var i=+h.getAttribute("data-column"),up=h.getAttribute("aria-sort")!=="ascending";
    for(var k=0;k!==hs.length;k++)hs[k].removeAttribute("aria-sort");h.setAttribute("aria-sort",up?"ascending":"descending");
    var b=t.tBodies[0],rows=Array.prototype.slice.call(b.rows);rows.sort(function(x,y){
    var a=x.cells[i].getAttribute("data-sort"),c=y.cells[i].getAttribute("data-sort"),n=parseFloat(a),m=parseFloat(c);
    var r=(isNaN(n)||isNaN(m))?a.localeCompare(c,"zh"):n-m;return up?r:-r});
    rows.forEach(function(r){b.appendChild(r)})}
    for(var k=0;k!==hs.length;k++){hs[k].addEventListener("click",function(){sort(this)});
    hs[k].addEventListener("keydown",function(e){if(e.key==="Enter")sort(this)})}})();
    """
}
