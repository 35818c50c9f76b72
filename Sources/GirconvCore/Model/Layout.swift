/// The families of report layouts (`report.layout`; see `docs/formats.md`): the national templates and
/// the pre-2019 kinds. Every layout file declares one; it decides the family's identities
/// (`IdentityCatalog`), which are checked besides those the file declares itself.
public enum Layout: String, Sendable, CaseIterable, Codable {
    /// Reports for 2019 and 2020 (国办公开办函〔2019〕60号).
    case trial2019 = "2019-trial"
    /// Reports from 2021 on (国办公开办函〔2021〕30号).
    case revised2021 = "2021-revised"
    /// 2008–2018 reports with appended statistics tables (附表).
    case pre2019Appendix = "pre2019-appendix"
    /// 2008–2018 reports whose figures sit in sentences.
    case pre2019Narrative = "pre2019-narrative"
}

/// The script a report is written in.
public enum Script: String, Sendable, Codable {
    case simplified = "hans"
    case traditional = "hant"
}
