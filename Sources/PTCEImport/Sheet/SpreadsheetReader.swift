import Foundation
import PTCEModel
import ZIPFoundation

/// How a cell of a spreadsheet stored its value, which decides how a column reads it: a number
/// column takes a stored number as it is, never through the forms of typed text.
enum CellKind: UInt8, Sendable {
    /// Text (shared or inline strings, a formula's text result), or any cell of a CSV file.
    case text
    /// A number as the workbook stores it (a decimal point, no format): written out as `12.5`.
    case number
    /// A number shown as a date by its format, written out as `2024-03-15`.
    case date
    /// TRUE or FALSE, written out as `true` or `false`.
    case boolean
}

/// Reads the first sheet of an `.xlsx` workbook as a table (README, "Spreadsheets in"): shared and
/// inline strings, numbers, booleans, dates (1900 and 1904 systems, the cell's number format
/// telling a date from a number), the cached results of formulas, error values and empty cells,
/// as Excel, LibreOffice, Google Sheets and openpyxl write them. The sheet is inflated and
/// scanned piece by piece, row by row, into compact records; it is never held whole.
///
/// A file that is not a workbook, an encrypted one, an old `.xls`, a damaged zip or a sheet cut
/// short give findings, never a crash.
enum SpreadsheetReader {
    /// Opens the workbook `bytes` of the file named `file` (for findings) and reads its first sheet.
    static func read(_ bytes: [UInt8], file: String, limits: WorkbookArchive.Limits = .standard) -> TableDocument {
        var findings = Findings()
        var records: SheetRecords?
        if let archive = WorkbookArchive(bytes, file: file, limits: limits, findings: &findings) {
            if let first = archive.sheets.first {
                records = archive.records(of: first, findings: &findings)
            } else {
                findings.error(ImportMessage.workbookWithoutSheet, at: SourceLocation(file: file))
            }
        }
        return TableDocument(records: records.map { .sheet(SheetCursor(records: $0)) }, findings: findings, encoding: "xlsx", delimiter: "")
    }
}

/// An `.xlsx` workbook opened for reading: what its small parts say (its sheets, in order, with
/// their parts; its workbook-level defined names; its date system), and each sheet's rows read on
/// demand. Parts are inflated with their size checked against limits and their checksum compared.
final class WorkbookArchive {
    /// The most a sheet and the shared strings may inflate to: beyond, the file is refused (a zip
    /// bomb, or a table no pole holds).
    struct Limits {
        var sheetBytes: UInt64
        var sharedStringBytes: UInt64

        /// 4 GB of sheet XML (some ten million rows), 512 MB of shared strings.
        static let standard = Limits(sheetBytes: 4 << 30, sharedStringBytes: 512 << 20)
    }

    /// A sheet of the workbook: its name as its tab shows it, and its part in the zip.
    struct Sheet {
        let name: String
        let part: String
    }

    let file: String
    let limits: Limits
    /// The sheets, in the workbook's order.
    let sheets: [Sheet]
    /// The workbook-level defined names (`fte` → `'Vos chiffres'!$D$14`), as written; a name
    /// scoped to one sheet is left out.
    let definedNames: [String: String]
    private let archive: Archive
    /// The workbook's copy the archive reads, removed with the archive.
    private let copy: URL
    private let date1904: Bool
    /// Read when the first sheet is: `nil` until then.
    private var styles: (dates: Set<Int>, strings: SharedStrings)?

    /// Opens the workbook `bytes` of the file named `file` (for findings); `nil` when it is not
    /// one that can be read (an encrypted workbook, an old `.xls`, a damaged zip), the findings
    /// then saying why.
    init?(_ bytes: [UInt8], file: String, limits: Limits = .standard, findings: inout Findings) {
        let place = SourceLocation(file: file)
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            // An OLE compound file: an encrypted workbook (its parts are in an "EncryptedPackage"
            // stream, named in UTF-16 in the directory) or an old .xls.
            let encrypted: [UInt8] = "EncryptedPackage".utf16.flatMap { [UInt8(truncatingIfNeeded: $0), 0] }
            findings.error(Self.containsSequence(bytes, encrypted) ? ImportMessage.encryptedWorkbook : ImportMessage.oldExcelWorkbook, at: place)
            return nil
        }
        guard bytes.starts(with: [0x50, 0x4B]) else {
            findings.error(ImportMessage.notAWorkbook, at: place)
            return nil
        }
        // Read from a file of its own: ZIPFoundation's in-memory archives trap on offsets past
        // the end that a damaged zip declares, its file archives report them.
        copy = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-\(UUID().uuidString).xlsx")
        do {
            try Data(bytes).write(to: copy)
            archive = try Archive(url: copy, accessMode: .read)
        } catch {
            try? FileManager.default.removeItem(at: copy)
            findings.error(ImportMessage.damagedWorkbook, at: place)
            return nil
        }
        (self.file, self.limits) = (file, limits)
        let errorsBefore = findings.count(of: .error)
        guard let workbook = Self.part("xl/workbook.xml", of: archive, file: file, findings: &findings) else {
            if findings.count(of: .error) == errorsBefore {
                findings.error(archive["content.xml"] != nil ? ImportMessage.openDocumentSpreadsheet : ImportMessage.notAWorkbook, at: place)
            }
            try? FileManager.default.removeItem(at: copy)
            return nil
        }
        let parts = WorkbookParts.workbook(workbook)
        let relationships = Self.part("xl/_rels/workbook.xml.rels", of: archive, file: file, findings: &findings)
        sheets = parts.sheets.enumerated().map { index, sheet in
            // Without relationships, the sheets are where every writer puts them.
            Sheet(name: sheet.name, part: relationships.flatMap { WorkbookParts.target(of: sheet.relationship, in: $0) }
                  ?? "xl/worksheets/sheet\(index + 1).xml")
        }
        definedNames = parts.definedNames
        date1904 = parts.date1904
    }

    deinit {
        try? FileManager.default.removeItem(at: copy)
    }

    /// The rows of `sheet`, read piece by piece; `nil` when the sheet is missing, too large or
    /// damaged before its first row (the findings say which). A sheet damaged further on keeps
    /// the rows read before the damage.
    func records(of sheet: Sheet, findings: inout Findings) -> SheetRecords? {
        guard let entry = archive[sheet.part] else {
            findings.error(ImportMessage.workbookWithoutSheet, at: SourceLocation(file: file))
            return nil
        }
        if styles == nil {
            let dates = Self.part("xl/styles.xml", of: archive, file: file, findings: &findings).map(WorkbookParts.dateStyles) ?? []
            var strings = SharedStrings()
            if let entry = archive["xl/sharedStrings.xml"] {
                guard let text = Self.part(entry.path, of: archive, file: file, limit: limits.sharedStringBytes, findings: &findings)
                else { return nil }
                strings = SharedStrings(text)
            }
            styles = (dates, strings)
        }
        var builder = SheetBuilder(
            file: file, strings: styles!.strings, dateStyles: styles!.dates, date1904: date1904,
            expectedBytes: Int(min(entry.uncompressedSize, limits.sheetBytes)))
        var pending: [UInt8] = []
        // Whole rows are read as they arrive; the rest waits for the next piece. A damaged sheet
        // keeps the rows read before the damage.
        let read = Self.inflate(entry, of: archive, file: file, limit: limits.sheetBytes, bufferSize: 1 << 18, findings: &findings) { data in
            pending.append(contentsOf: data)
            pending.removeFirst(builder.read(pending, isLast: false))
        }
        guard read != nil else { return nil }
        _ = builder.read(pending, isLast: true)
        findings.append(contentsOf: builder.findings)
        return builder.records
    }

    /// Inflates `entry` piece by piece into `consume`, its size checked against `limit` (declared,
    /// then as it comes: a zip may lie) and its checksum at the end (ZIPFoundation's is a byte at
    /// a time, and only returned). Returns `true` when read whole; `false` when damaged and `nil`
    /// when too large, both reported.
    private static func inflate(
        _ entry: Entry, of archive: Archive, file: String, limit: UInt64, bufferSize: Int = defaultReadChunkSize,
        findings: inout Findings, _ consume: (Data) -> Void
    ) -> Bool? {
        var inflated: UInt64 = 0
        do {
            guard entry.uncompressedSize <= limit else { throw PartTooLarge() }
            var checksum = ZipChecksum()
            _ = try archive.extract(entry, bufferSize: bufferSize, skipCRC32: true) { data in
                inflated += UInt64(data.count)
                if inflated > limit { throw PartTooLarge() }
                data.withUnsafeBytes { checksum.update($0) }
                consume(data)
            }
            guard checksum.value == entry.checksum else { throw ChecksumMismatch() }
            return true
        } catch is PartTooLarge {
            let megabytes = Int(max(inflated, entry.uncompressedSize) >> 20)
            findings.error(ImportMessage.workbookPartTooLarge(entry.path, megabytes: megabytes), at: SourceLocation(file: file))
            return nil
        } catch {
            findings.error(ImportMessage.damagedWorkbookPart(entry.path), at: SourceLocation(file: file))
            return false
        }
    }

    /// The bytes of a part, inflated whole (the small parts: workbook, relationships, styles);
    /// `nil` when absent, damaged or too large (the last two reported).
    private static func part(_ path: String, of archive: Archive, file: String, limit: UInt64 = 64 << 20, findings: inout Findings) -> [UInt8]? {
        guard let entry = archive[path] else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(Int(min(entry.uncompressedSize, limit)))
        return inflate(entry, of: archive, file: file, limit: limit, findings: &findings) { output.append(contentsOf: $0) } == true ? output : nil
    }

    private struct PartTooLarge: Error {}

    /// The inflated part is not what the zip's checksum says it was: the file was damaged.
    private struct ChecksumMismatch: Error {}

    private static func containsSequence(_ bytes: [UInt8], _ sequence: [UInt8]) -> Bool {
        guard let first = sequence.first, bytes.count >= sequence.count else { return false }
        for start in 0...(bytes.count - sequence.count) where bytes[start] == first {
            if bytes[start..<(start + sequence.count)].elementsEqual(sequence) { return true }
        }
        return false
    }
}

/// What the workbook's small parts say: which sheet comes first, its date system, which cell
/// styles show dates.
enum WorkbookParts {
    /// What `xl/workbook.xml` says: its sheets in order (name and relationship id), its
    /// workbook-level defined names (those with a `localSheetId` belong to one sheet and are left
    /// out; the first of a name counts), and whether dates count from 1904.
    static func workbook(_ workbook: [UInt8]) -> (sheets: [(name: String, relationship: String)], definedNames: [String: String], date1904: Bool) {
        workbook.withUnsafeBufferPointer { bytes in
            var scanner = XMLScanner(bytes)
            var text = 0..<0
            var sheets: [(name: String, relationship: String)] = []
            var names: [String: String] = [:]
            var date1904 = false
            var openName: String?
            var formula: [UInt8] = []
            while let tag = scanner.nextTag(textBefore: &text) {
                if openName != nil { scanner.appendDecoded(text, to: &formula) }
                if scanner.tag(tag, is: "workbookPr"), let value = scanner.attribute("date1904", of: tag) {
                    date1904 = ["1", "true"].contains(scanner.decoded(value))
                } else if scanner.tag(tag, is: "sheet"), !tag.isEnd, let id = scanner.attribute("id", of: tag) {
                    sheets.append((scanner.attribute("name", of: tag).map(scanner.decoded) ?? "", scanner.decoded(id)))
                } else if scanner.tag(tag, is: "definedName") {
                    if tag.isEnd {
                        if let name = openName, names[name] == nil { names[name] = String(decoding: formula, as: UTF8.self) }
                        openName = nil
                    } else if !tag.isSelfClosing, scanner.attribute("localSheetId", of: tag) == nil,
                              let name = scanner.attribute("name", of: tag) {
                        openName = scanner.decoded(name)
                        formula.removeAll()
                    }
                }
            }
            return (sheets, names, date1904)
        }
    }

    /// The part a relationship of `xl/_rels/workbook.xml.rels` points to, as a path in the zip.
    static func target(of id: String, in relationships: [UInt8]) -> String? {
        relationships.withUnsafeBufferPointer { bytes in
            var scanner = XMLScanner(bytes)
            var text = 0..<0
            while let tag = scanner.nextTag(textBefore: &text) {
                guard scanner.tag(tag, is: "Relationship"), let found = scanner.attribute("Id", of: tag), scanner.decoded(found) == id,
                      let target = scanner.attribute("Target", of: tag)
                else { continue }
                let path = scanner.decoded(target)
                return path.hasPrefix("/") ? String(path.dropFirst()) : "xl/" + path
            }
            return nil
        }
    }

    /// The indices of the cell formats (`cellXfs`) of `xl/styles.xml` whose number format shows a date or a time.
    static func dateStyles(_ styles: [UInt8]) -> Set<Int> {
        styles.withUnsafeBufferPointer { bytes in
            var scanner = XMLScanner(bytes)
            var text = 0..<0
            var customDates: Set<Int> = []
            var dates: Set<Int> = []
            var inCellFormats = false, index = 0
            while let tag = scanner.nextTag(textBefore: &text) {
                if scanner.tag(tag, is: "numFmt"), !tag.isEnd, let id = scanner.attribute("numFmtId", of: tag).flatMap(scanner.integer),
                   let code = scanner.attribute("formatCode", of: tag), isDateFormat(scanner.decoded(code)) {
                    customDates.insert(id)
                } else if scanner.tag(tag, is: "cellXfs") {
                    inCellFormats = !tag.isEnd && !tag.isSelfClosing
                } else if inCellFormats, scanner.tag(tag, is: "xf"), !tag.isEnd {
                    let format = scanner.attribute("numFmtId", of: tag).flatMap(scanner.integer) ?? 0
                    if builtInDateFormats.contains(format) || customDates.contains(format) { dates.insert(index) }
                    index += 1
                }
            }
            return dates
        }
    }

    /// Excel's built-in formats that show dates or times (14–22, 45–47, and those of East Asian locales).
    static let builtInDateFormats: Set<Int> = Set(14...22).union(45...47).union(27...36).union(50...58)

    /// Whether a format code shows a date or a time: a `d`, `m`, `y`, `h` or `s` outside quoted
    /// text, escaped characters and brackets (colours, locales; `[h]` elapsed hours count).
    static func isDateFormat(_ code: String) -> Bool {
        var inQuotes = false, inBrackets = false, escaped = false
        var bracket = ""
        // Only the first section (positive numbers) decides.
        for character in code.lowercased() {
            if escaped { escaped = false; continue }
            if inQuotes { if character == "\"" { inQuotes = false }; continue }
            if inBrackets {
                if character == "]" {
                    inBrackets = false
                    if ["h", "hh", "m", "mm", "s", "ss"].contains(bracket) { return true }
                } else {
                    bracket.append(character)
                }
                continue
            }
            switch character {
            case "\"": inQuotes = true
            case "\\", "_", "*": escaped = true
            case "[": inBrackets = true; bracket = ""
            case ";": return false
            case "d", "m", "y", "h", "s", "e", "g", "b": if "dmyhs".contains(character) { return true }
            default: break
            }
        }
        return false
    }
}

/// The shared strings of a workbook (`xl/sharedStrings.xml`), stored side by side in one buffer.
struct SharedStrings {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    init() {}

    /// Reads the part: each `<si>` is a string, its `<t>` runs joined (phonetic runs left out).
    init(_ part: [UInt8]) {
        part.withUnsafeBufferPointer { buffer in
            var scanner = XMLScanner(buffer)
            var text = 0..<0
            var inText = false, inPhonetic = false, inItem = false
            while let tag = scanner.nextTag(textBefore: &text) {
                if inText, !inPhonetic { scanner.appendDecoded(text, to: &bytes) }
                if scanner.tag(tag, is: "t") {
                    inText = !tag.isEnd && !tag.isSelfClosing
                } else if scanner.tag(tag, is: "rPh") {
                    inPhonetic = !tag.isEnd && !tag.isSelfClosing
                } else if scanner.tag(tag, is: "si") {
                    if tag.isEnd || tag.isSelfClosing { ends.append(bytes.count) }
                    inItem = !tag.isEnd && !tag.isSelfClosing
                    inText = false
                }
            }
            if inItem { ends.append(bytes.count) }
        }
    }

    var count: Int { ends.count }

    /// The UTF-8 bytes of string `index`, `nil` when out of range.
    func string(_ index: Int) -> ArraySlice<UInt8>? {
        guard index >= 0, index < ends.count else { return nil }
        return bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }
}
