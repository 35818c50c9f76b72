import Foundation
import GirconvCore
import GirconvLayouts
import GirconvHTML
import GirconvPDF
import GirconvDOCX

/// The layouts and readers that ship with girconv. The built-in layouts are layout files
/// (`Sources/GirconvAdapters/Layouts/*.yaml`, package resources) read by the same engine as users' layout
/// files; adapters written in Swift are registered in `swiftAdapters`.
public enum BuiltinAdapters {
    /// The directory of the built-in layout files, if the resource bundle is installed.
    public static var layoutsDirectory: URL? {
        Bundle.module.url(forResource: "Layouts", withExtension: nil)
    }

    /// The built-in layouts, origin "built-in".
    public static func layoutLibrary() throws -> LayoutLibrary {
        guard let directory = layoutsDirectory else {
            throw LayoutFileError(problems: [LayoutFileProblem(file: "built-in layouts", line: 1, column: 1,
                                                               message: "the resource bundle with the built-in layout files is missing")])
        }
        var library = LayoutLibrary()
        try library.load(directory: directory) { _ in "built-in" }
        return library
    }

    /// Adapters written in Swift, for layouts that data cannot describe (registered after the layout files).
    public static let swiftAdapters: [any ReportAdapter] = [
        // new-adapter: registrations above this line (the new-adapter plugin inserts here)
    ]

    private static let builtinLayoutAdapters: Result<[LayoutAdapter], Error> = Result { try layoutLibrary().adapters() }

    /// Every built-in adapter, in registration order (empty if the built-in layout files cannot be read;
    /// `registry(layoutDirectories:)` reports why).
    public static var all: [any ReportAdapter] {
        ((try? builtinLayoutAdapters.get()) ?? []) + swiftAdapters
    }

    /// Every built-in document reader: HTML (libxml2), PDF (pdftotext), Word .docx and plain text.
    public static let readers: [any DocumentReader] = [HTMLReportReader(), PDFReportReader(), DOCXReportReader(), PlainTextReader()]

    /// A registry holding the built-in adapters and readers.
    public static func registry() -> AdapterRegistry {
        AdapterRegistry(adapters: all, readers: readers)
    }

    /// The layouts in use: built-in, then the per-user directory (when asked and present), then each of
    /// `layoutDirectories`; a later layout with an id already loaded replaces it.
    public static func library(layoutDirectories: [URL], userDirectory: URL? = nil) throws -> LayoutLibrary {
        var library = try layoutLibrary()
        if let userDirectory, FileManager.default.fileExists(atPath: userDirectory.path) {
            try library.load(directory: userDirectory)
        }
        for directory in layoutDirectories { try library.load(directory: directory) }
        return library
    }

    /// A registry with the built-in readers, the layouts of `library` and the Swift adapters.
    public static func registry(library: LayoutLibrary) throws -> AdapterRegistry {
        var registry = AdapterRegistry(adapters: try library.adapters(), readers: readers)
        for adapter in swiftAdapters { registry.register(adapter) }
        return registry
    }
}
