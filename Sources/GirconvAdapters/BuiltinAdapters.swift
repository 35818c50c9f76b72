import Foundation
import GirconvCore
import GirconvLayouts
import GirconvHTML
import GirconvPDF
import GirconvDOCX

/// The layouts and readers that ship with girconv. The built-in layouts are layout files
/// (`Sources/GirconvAdapters/Layouts/*.yaml`, compiled in) read by the same engine as users' layout
/// files. A program that needs an adapter written in Swift registers it on the converter
/// (`Converter.register(_:)`).
public enum BuiltinAdapters {
    /// The built-in layout files, compiled into the program (the EmbedLayouts build plugin writes
    /// `Sources/GirconvAdapters/Layouts/*.yaml` into it as text): name and text, in name order. The girconv
    /// executable is one file; nothing needs to be copied beside it.
    public static var layoutFiles: [(name: String, text: String)] { EmbeddedLayouts.files }

    /// The built-in layout files with their YAML node trees in the compact form the EmbedLayouts plugin
    /// makes at build time (`LayoutNodes`; nil for a file whose YAML did not compose: parsed at run time).
    package static var builtinFiles: [(name: String, text: String, nodes: String?)] {
        zip(EmbeddedLayouts.files, EmbeddedLayouts.nodes).map { (name: $0.name, text: $0.text, nodes: $1) }
    }

    /// `$GIRCONV_BUILTIN_LAYOUTS`: a directory read instead of the compiled-in layout files (to try changes to
    /// the built-in layouts without rebuilding).
    public static var layoutsDirectoryOverride: URL? {
        guard let override = ProcessInfo.processInfo.environment["GIRCONV_BUILTIN_LAYOUTS"], !override.isEmpty else { return nil }
        return URL(fileURLWithPath: override, isDirectory: true)
    }

    /// The built-in layouts, origin "built-in" (parsed once per process).
    public static func layoutLibrary() throws -> LayoutLibrary {
        try builtinLibrary.get()
    }

    private static let builtinLibrary: Result<LayoutLibrary, Error> = Result {
        var library = LayoutLibrary()
        if let directory = layoutsDirectoryOverride {
            try library.load(from: directory) { _ in "built-in" }
        } else {
            // Their node trees decoded from the compact form made at build time: no YAML parsed at start.
            try library.load(builtinFiles, origin: "built-in")
        }
        return library
    }

    private static let builtinLayoutAdapters: Result<[LayoutAdapter], Error> = Result { try builtinLibrary.get().adapters() }

    /// Every built-in adapter, in registration order (empty if the built-in layout files cannot be read;
    /// `registry(library:)` reports why).
    public static var all: [any ReportAdapter] {
        (try? builtinLayoutAdapters.get()) ?? []
    }

    /// Every built-in document reader: HTML (libxml2), PDF (pdftotext), Word .docx and plain text.
    public static let readers: [any DocumentReader] = [HTMLReportReader(), PDFReportReader(), DOCXReportReader(), PlainTextReader()]

    /// A registry holding the built-in adapters and readers.
    public static func registry() -> Converter {
        Converter(adapters: all, readers: readers)
    }

    /// The layouts in use: built-in, then the per-user directory (when asked and present), then each of
    /// `layoutDirectories`; a later layout with an id already loaded replaces it.
    public static func library(layoutDirectories: [URL], userDirectory: URL? = nil) throws -> LayoutLibrary {
        var library = try layoutLibrary()
        if let userDirectory, FileManager.default.fileExists(atPath: userDirectory.path) {
            try library.load(from: userDirectory)
        }
        for directory in layoutDirectories { try library.load(from: directory) }
        return library
    }

    /// A registry with the built-in readers and the layouts of `library`.
    public static func registry(library: LayoutLibrary) throws -> Converter {
        Converter(adapters: try library.adapters(), readers: readers)
    }
}
