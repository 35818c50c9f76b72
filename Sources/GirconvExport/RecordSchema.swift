import Foundation
import GirconvCore

/// The JSON Schema (draft 2020-12) of the canonical record, generated from the figure catalog so the two
/// never drift. Published as `schema/girconv-record.schema.json` and by `girconv schema`.
public enum RecordSchema {
    public static let id = "https://girconv.org/schema/record-\(CanonicalRecord.currentSchemaVersion).json"

    public static func tree() -> TreeValue {
        func obj(_ pairs: [(String, TreeValue)]) -> TreeValue { .object(pairs) }
        func type(_ names: String...) -> TreeValue { names.count == 1 ? .string(names[0]) : .array(names.map(TreeValue.string)) }
        func strings(_ values: [String]) -> TreeValue { .array(values.map(TreeValue.string)) }
        func object(_ properties: [(String, TreeValue)], required: [String] = [], closed: Bool = true) -> TreeValue {
            var pairs: [(String, TreeValue)] = [("type", .string("object")), ("properties", .object(properties))]
            if !required.isEmpty { pairs.append(("required", strings(required))) }
            if closed { pairs.append(("additionalProperties", .bool(false))) }
            return .object(pairs)
        }
        let string = obj([("type", type("string"))])
        let nullableString = obj([("type", type("string", "null"))])
        let integer = obj([("type", type("integer"))])
        let number = obj([("type", type("number"))])
        let box = object([("xMin", number), ("yMin", number), ("xMax", number), ("yMax", number)], required: ["xMin", "yMin", "xMax", "yMax"])
        let location: [(String, TreeValue)] = [
            ("table", string), ("row", string), ("column", string), ("sentence", string),
            ("line", integer), ("offset", integer), ("page", integer), ("tableIndex", integer), ("rowIndex", integer), ("columnIndex", integer),
            ("box", box),
        ]
        let provenanceEntry = object([
            ("how", obj([("enum", strings(ReadingRule.allCases.map(\.rawValue)))])), ("raw", string),
        ] + location + [("derivedFrom", obj([("type", type("array")), ("items", string)]))], required: ["how", "raw"])

        // Figure trees from the catalog.
        var figures = TreeBuilder()
        for spec in FigureCatalog.all {
            let leaf: TreeValue
            switch spec.kind {
            case .count, .signedCount: leaf = obj([("type", type("integer", "null")), ("description", .string(spec.label))])
            case .amountYuan, .amountWanYuan: leaf = obj([("type", type("number", "null")), ("description", .string(spec.label))])
            }
            figures.set(spec.path.split(separator: ".").map(String.init), leaf)
        }
        let figureProperties = figures.root.map { ($0.0, closeObjects($0.1)) }

        let properties: [(String, TreeValue)] = [
            ("schemaVersion", obj([("type", type("string")), ("pattern", .string("^1\\.[0-9]+$"))])),
            ("source", object([
                ("name", string), ("path", string), ("sha256", obj([("type", type("string")), ("pattern", .string("^[0-9a-f]{64}$"))])),
                ("mediaType", obj([("enum", strings(["text/plain", "text/html", "application/pdf",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"]))])),
                ("encoding", string), ("byteCount", integer),
            ], required: ["name", "sha256", "mediaType", "encoding"])),
            ("detection", object([
                ("adapter", string),
                ("confidence", obj([("type", type("number")), ("minimum", .number(0)), ("maximum", .number(1))])),
                ("evidence", obj([("type", type("array")), ("items", string)])),
                ("candidates", obj([("type", type("array")), ("items", object([
                    ("adapter", string), ("confidence", obj([("type", type("number"))])),
                ], required: ["adapter", "confidence"]))])),
            ], required: ["adapter", "confidence", "evidence", "candidates"])),
            ("report", object([
                ("title", nullableString), ("agency", nullableString), ("region", nullableString),
                ("year", obj([("type", type("integer", "null")), ("minimum", .number(1990)), ("maximum", .number(2100))])),
                ("layout", obj([("enum", strings(Layout.allCases.map(\.rawValue)))])),
                ("script", obj([("enum", strings(["hans", "hant"]))])),
            ], required: ["title", "agency", "year", "layout", "script"])),
        ] + figureProperties + [
            ("extra", obj([("type", type("object")),
                           ("description", .string("Figures outside the canonical catalog, read by user layouts that declare them (layout files, `figures:`); nested along their paths like the canonical figures."))])),
            ("provenance", obj([("type", type("object")), ("additionalProperties", provenanceEntry)])),
            ("checks", obj([("type", type("array")), ("items", object([
                ("rule", string), ("description", string),
                ("status", obj([("enum", strings(["pass", "fail", "not assessable", "used for recovery"]))])),
                ("expected", obj([("type", type("number", "null"))])), ("found", obj([("type", type("number", "null"))])),
                ("totalPaths", obj([("type", type("array")), ("items", string)])),
                ("partPaths", obj([("type", type("array")), ("items", string)])),
            ], required: ["rule", "status", "expected", "found", "totalPaths", "partPaths"]))])),
            ("warnings", obj([("type", type("array")), ("items", object([
                ("code", string), ("message", string), ("path", string), ("location", object(location)),
            ], required: ["code", "message"]))])),
        ]
        return .object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string(id)),
            ("title", .string("girconv canonical record \(CanonicalRecord.currentSchemaVersion)")),
            ("description", .string("One government information-disclosure annual report (政府信息公开工作年度报告) as read by girconv. Figures nest along their dotted paths; a figure the report does not give is absent; null means printed but unreadable or not applicable (see provenance).")),
            ("type", .string("object")),
            ("properties", .object(properties)),
            ("required", strings(["schemaVersion", "source", "detection", "report", "provenance", "checks", "warnings"])),
            ("additionalProperties", .bool(false)),
        ])
    }

    /// Turns the nested leaf map into closed JSON Schema objects.
    private static func closeObjects(_ value: TreeValue) -> TreeValue {
        guard case .object(let pairs) = value, pairs.first?.0 != "type" else { return value }
        return .object([
            ("type", .string("object")),
            ("properties", .object(pairs.map { ($0.0, closeObjects($0.1)) })),
            ("additionalProperties", .bool(false)),
        ])
    }

    /// The schema as pretty JSON text.
    public static func text() -> String {
        JSONRecordWriter().serialize(tree(), pretty: true) + "\n"
    }
}
