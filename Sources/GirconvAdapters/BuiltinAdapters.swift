import GirconvCore
import GirconvHTML
import GirconvPDF
import GirconvDOCX

/// The adapters and readers that ship with girconv.
public enum BuiltinAdapters {
    /// Every built-in adapter, in registration order.
    public static let all: [any ReportAdapter] = [
        StandardTablesAdapter.trial2019,
        StandardTablesAdapter.revised2021,
        AppendixAdapter(),
        NarrativeAdapter(),
        // new-adapter: registrations above this line (the new-adapter plugin inserts here)
    ]

    /// Every built-in document reader: HTML (libxml2), PDF (pdftotext), Word .docx and plain text.
    public static let readers: [any DocumentReader] = [HTMLReportReader(), PDFReportReader(), DOCXReportReader(), PlainTextReader()]

    /// A registry holding the built-in adapters and readers.
    public static func registry() -> AdapterRegistry {
        AdapterRegistry(adapters: all, readers: readers)
    }
}
