import Foundation

/// Runs the independent readers of `Support/`: openpyxl (what Excel stores) and LibreOffice
/// headless (what a spreadsheet recalculates). Tests that need them are skipped, with the reason,
/// when they are not installed (`./setup.sh --tests` installs both).
enum ExternalReaders {
    static let support = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Support")

    static let hasOpenpyxl: Bool = run(["python3", "-c", "import openpyxl"]).status == 0
    static let hasLibreOffice: Bool = hasOpenpyxl && run(["sh", "-c", "command -v soffice"]).status == 0

    /// The workbook as openpyxl reads it (see `Support/inspect_xlsx.py` for the shape).
    static func inspect(_ file: URL) throws -> [String: Any] {
        try json(run(["python3", support.appendingPathComponent("inspect_xlsx.py").path, file.path]))
    }

    /// Every formula's cached result against LibreOffice's recalculation.
    static func recalculate(_ file: URL) throws -> [String: Any] {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-recalc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        return try json(run(["python3", support.appendingPathComponent("recalculate_xlsx.py").path, file.path, work.path]))
    }

    /// The workbook printed to PDF by LibreOffice in the fr-FR locale (`Support/render_xlsx.py`):
    /// its page count and each page's text.
    static func render(_ file: URL) throws -> [String: Any] {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        return try json(run(["python3", support.appendingPathComponent("render_xlsx.py").path, file.path, work.path]))
    }

    /// Sets `cells` (`"H3": "NC"`, `"H2": 12.5`) on the workbook's first sheet with openpyxl and
    /// saves it in place (`Support/fill_xlsx.py`), as a coordinator filling in a template would.
    static func fill(_ file: URL, cells: [String: Any]) throws {
        let text = String(decoding: try JSONSerialization.data(withJSONObject: cells), as: UTF8.self)
        let outcome = run(["python3", support.appendingPathComponent("fill_xlsx.py").path, file.path, text])
        guard outcome.status == 0 else { throw ReaderFailure(message: outcome.errors) }
    }

    /// The workbook as openpyxl reads it after LibreOffice opened it and saved it as .xlsx again
    /// (`Support/resave_xlsx.py`).
    static func inspectResaved(_ file: URL) throws -> [String: Any] {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-resave-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let outcome = run(["python3", support.appendingPathComponent("resave_xlsx.py").path, file.path, work.path])
        guard outcome.status == 0 else { throw ReaderFailure(message: outcome.errors) }
        let saved = String(decoding: outcome.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return try inspect(URL(fileURLWithPath: saved))
    }

    private static func json(_ outcome: (status: Int32, output: Data, errors: String)) throws -> [String: Any] {
        guard outcome.status == 0, let object = try JSONSerialization.jsonObject(with: outcome.output) as? [String: Any] else {
            throw ReaderFailure(message: outcome.errors)
        }
        return object
    }

    struct ReaderFailure: Error, CustomStringConvertible {
        let message: String
        var description: String { "external reader failed: \(message)" }
    }

    @discardableResult
    static func run(_ arguments: [String]) -> (status: Int32, output: Data, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch { return (127, Data(), "\(error)") }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, data, errorText)
    }
}

/// One sheet as openpyxl read it.
struct InspectedSheet {
    let raw: [String: Any]

    var cells: [String: [String: Any]] { raw["cells"] as? [String: [String: Any]] ?? [:] }

    func value(_ cell: String) -> Any? { cells[cell]?["value"] }
    func formula(_ cell: String) -> String? { cells[cell]?["formula"] as? String }
    func format(_ cell: String) -> String? { cells[cell]?["number_format"] as? String }
    func type(_ cell: String) -> String? { cells[cell]?["type"] as? String }
    /// The horizontal alignment (`right`, `left`…), `nil` for the default (text left, numbers right).
    func alignment(_ cell: String) -> String? { cells[cell]?["align"] as? String }
    func wraps(_ cell: String) -> Bool { cells[cell]?["wrap"] as? Bool ?? false }
    func isBold(_ cell: String) -> Bool { cells[cell]?["bold"] as? Bool ?? false }
    /// The height set for a 1-based row, in points; `nil` for the default.
    func height(ofRow row: Int) -> Double? { (raw["row_heights"] as? [String: Any])?[String(row)] as? Double }
    var tables: [[String: Any]] { raw["tables"] as? [[String: Any]] ?? [] }
    /// The frozen panes' top left cell (`A2` below a frozen header), `nil` when nothing is frozen.
    var freeze: String? { raw["freeze"] as? String }
    var autofilter: String? { raw["autofilter"] as? String }
    /// `visible` or `hidden`.
    var state: String? { raw["state"] as? String }
    /// The number format given to a whole column (`H`), `nil` when none is.
    func columnFormat(_ column: String) -> String? {
        ((raw["columns"] as? [String: Any])?[column] as? [String: Any])?["number_format"] as? String
    }
    /// The data validations, each as `Support/inspect_xlsx.py` describes it.
    var validations: [InspectedValidation] {
        (raw["validations"] as? [[String: Any]] ?? []).map(InspectedValidation.init)
    }

    /// The address of the first cell in column `column` whose text is `text`.
    func row(where column: String, is text: String) -> Int? {
        cells.first { key, cell in key.hasPrefix(column) && key.dropFirst(column.count).allSatisfy(\.isNumber) && cell["value"] as? String == text }
            .flatMap { Int($0.key.dropFirst(column.count)) }
    }
}

/// One data validation as openpyxl read it.
struct InspectedValidation {
    let raw: [String: Any]

    /// `list`, `whole`, `decimal`, `textLength`; `nil` for any value (a message only).
    var type: String? { raw["type"] as? String }
    /// `greaterThanOrEqual`, `equal`…; `nil` (or `between`) for between.
    var `operator`: String? { raw["operator"] as? String }
    var formula1: String? { raw["formula1"] as? String }
    var formula2: String? { raw["formula2"] as? String }
    /// The cells it applies to: `H2:H10000`.
    var range: String { raw["sqref"] as? String ?? "" }
    /// `stop` or `warning`.
    var errorStyle: String? { raw["error_style"] as? String }
    var promptTitle: String? { raw["prompt_title"] as? String }
    var prompt: String? { raw["prompt"] as? String }
    var errorTitle: String? { raw["error_title"] as? String }
    var error: String? { raw["error"] as? String }
}

extension Dictionary where Key == String, Value == Any {
    func sheet(_ name: String) -> InspectedSheet? {
        ((self["sheet"] as? [String: Any])?[name] as? [String: Any]).map(InspectedSheet.init)
    }
}
