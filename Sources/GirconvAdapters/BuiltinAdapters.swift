import Foundation
import GirconvCore
import GirconvLayouts
import GirconvHTML
import GirconvPDF
import GirconvDOCX

/// The layouts and readers that ship with girconv. The built-in layouts are layout files
/// (`Sources/GirconvAdapters/Layouts/*.yaml`, package resources) read by the same engine as users' layout
/// files. A program that needs an adapter written in Swift registers it on the converter
/// (`Converter.register(_:)`).
public enum BuiltinAdapters {
    /// The name of the resource bundle SwiftPM builds beside the executable.
    static let resourceBundleName = "girconv_GirconvAdapters.resources"

    /// The directory of the built-in layout files: `$GIRCONV_BUILTIN_LAYOUTS`, else `Layouts` in the
    /// resource bundle beside the executable (where `swift build` puts it, and where an installation
    /// copies it). Looked up by hand rather than through `Bundle.module`, whose accessor stops the
    /// process when the bundle is missing; here a missing bundle is an error message.
    public static var layoutsDirectory: URL? {
        let environment = ProcessInfo.processInfo.environment
        if let override = environment["GIRCONV_BUILTIN_LAYOUTS"], !override.isEmpty {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        var places = [Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL { places.append(executable.resolvingSymlinksInPath().deletingLastPathComponent()) }
        places.append(URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent())
        for place in places {
            let directory = place.appendingPathComponent(resourceBundleName).appendingPathComponent("Layouts")
            if FileManager.default.fileExists(atPath: directory.path) { return directory }
        }
        return nil
    }

    /// The built-in layouts, origin "built-in" (read from their files once per process).
    public static func layoutLibrary() throws -> LayoutLibrary {
        try builtinLibrary.get()
    }

    private static let builtinLibrary: Result<LayoutLibrary, Error> = Result {
        guard let directory = layoutsDirectory else {
            throw LayoutFileError(problems: [LayoutFileProblem(file: "built-in layouts", line: 1, column: 1,
                                                               message: "the built-in layout files are missing: copy \(resourceBundleName) beside the girconv executable, or set GIRCONV_BUILTIN_LAYOUTS to its Layouts directory")])
        }
        var library = LayoutLibrary()
        try library.load(from: directory) { _ in "built-in" }
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
