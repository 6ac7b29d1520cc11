import PTCEModel

/// The rows of a sheet as records: every cell's text side by side in one buffer, with where each
/// field ends, its kind, and each record's sheet row. Built once, read by as many passes as the
/// table needs, each through its own ``SheetCursor``.
final class SheetRecords: Sendable {
    let bytes: [UInt8]
    /// Where each field ends in ``bytes``, all records one after the other.
    let fieldEnds: [Int]
    /// The kind of each field, in the order of ``fieldEnds``.
    let kinds: [CellKind]
    /// Where each record's fields start in ``fieldEnds``; one more entry than records.
    let recordStarts: [Int]
    /// The sheet row of each record.
    let lines: [Int]

    init(bytes: [UInt8], fieldEnds: [Int], kinds: [CellKind], recordStarts: [Int], lines: [Int]) {
        (self.bytes, self.fieldEnds, self.kinds, self.recordStarts, self.lines) = (bytes, fieldEnds, kinds, recordStarts, lines)
    }

    var count: Int { lines.count }
}

/// Reads the records of a sheet one after the other, as ``CSVReader/Parser`` reads a CSV file's.
struct SheetCursor: Sendable {
    let records: SheetRecords
    private var index = 0

    init(records: SheetRecords) {
        self.records = records
    }

    /// Copies the next record into `record`; false after the last one.
    mutating func next(into record: inout RawRecord) -> Bool {
        guard index < records.count else { return false }
        let first = records.recordStarts[index], end = records.recordStarts[index + 1]
        let start = first == 0 ? 0 : records.fieldEnds[first - 1]
        let offset = start
        record.line = records.lines[index]
        record.bytes.removeAll(keepingCapacity: true)
        record.ends.removeAll(keepingCapacity: true)
        record.kinds.removeAll(keepingCapacity: true)
        if first < end {
            record.bytes.append(contentsOf: records.bytes[start..<records.fieldEnds[end - 1]])
            for field in first..<end { record.ends.append(records.fieldEnds[field] - offset) }
            record.kinds.append(contentsOf: records.kinds[first..<end])
        }
        index += 1
        return true
    }

    /// The records left.
    var remainingCount: Int { records.count - index }
}

/// Turns the XML of a sheet, given piece by piece, into ``SheetRecords``: a row is kept when it
/// is whole, so that a piece may end anywhere.
struct SheetBuilder {
    let file: String
    let strings: SharedStrings
    /// The cell formats that show dates.
    let dateStyles: Set<Int>
    /// Whether dates count from 1904 (old Mac workbooks) rather than 1900.
    let date1904: Bool
    private(set) var findings = Findings()

    private var bytes: [UInt8] = [], fieldEnds: [Int] = [], kinds: [CellKind] = [], recordStarts: [Int] = [0], lines: [Int] = []
    /// The sheet row of the last row read (rows without `r` follow it).
    private var lastRow = 0
    private var inSheetData = false, sheetDataEnded = false

    init(file: String, strings: SharedStrings, dateStyles: Set<Int>, date1904: Bool, expectedBytes: Int) {
        (self.file, self.strings, self.dateStyles, self.date1904) = (file, strings, dateStyles, date1904)
        // About a tenth of the XML is cell text.
        bytes.reserveCapacity(min(expectedBytes / 10, 1 << 28))
    }

    /// The records read.
    var records: SheetRecords {
        SheetRecords(bytes: bytes, fieldEnds: fieldEnds, kinds: kinds, recordStarts: recordStarts, lines: lines)
    }

    /// One cell being read; its value's text is gathered in ``value``.
    private struct Cell {
        var column = 0, style = 0
        var type: UInt8 = 0
        var hasFormula = false, hasValue = false
    }

    // Buffers reused from cell to cell and row to row: reading a large sheet allocates nothing per cell.
    /// The text of the cell being read (`<v>`, or the `<t>` runs of an inline string).
    private var value: [UInt8] = []
    /// The row being read: its cells' text side by side, and each cell's column, end and kind.
    private var rowBytes: [UInt8] = []
    private var rowCells: [(column: Int, end: Int, kind: CellKind)] = []

    /// Reads the rows of `xml` that are whole; returns how many bytes were used (the start of a
    /// row cut by the end of the piece, to be given again with what follows). With `isLast`, a
    /// row left unfinished is reported.
    mutating func read(_ xml: [UInt8], isLast: Bool) -> Int {
        xml.withUnsafeBufferPointer { buffer in
            var scanner = XMLScanner(buffer)
            var text = 0..<0
            var consumed = 0
            var rowStart: Int?
            var rowNumber = 0
            // The column of the last cell met in the row, empty ones included: a cell without `r` follows it.
            var lastColumn = -1
            var cell: Cell?
            var inValue = false, inInlineText = false
            while let tag = scanner.nextTag(textBefore: &text) {
                if inValue || inInlineText { scanner.appendDecoded(text, to: &value) }
                guard inSheetData || scanner.tag(tag, is: "sheetData") else {
                    consumed = scanner.position
                    continue
                }
                if scanner.tag(tag, is: "sheetData") {
                    inSheetData = !tag.isEnd && !tag.isSelfClosing
                    if tag.isEnd || tag.isSelfClosing { sheetDataEnded = true }
                    consumed = scanner.position
                } else if scanner.tag(tag, is: "row") {
                    if tag.isEnd || tag.isSelfClosing {
                        // An end without a start (a damaged file) closes nothing.
                        guard rowStart != nil || tag.isSelfClosing else { continue }
                        // `<row r="3"/>`, an empty row, holds no record.
                        if tag.isSelfClosing { _ = rowNumberOf(tag, scanner) } else { storeRow(line: rowNumber) }
                        rowStart = nil
                        consumed = scanner.position
                    } else {
                        rowStart = consumed
                        rowNumber = rowNumberOf(tag, scanner)
                        rowBytes.removeAll(keepingCapacity: true)
                        rowCells.removeAll(keepingCapacity: true)
                        lastColumn = -1
                    }
                } else if rowStart == nil {
                    // Outside a row (a damaged file): nothing is a cell.
                    continue
                } else if scanner.tag(tag, is: "c") {
                    if tag.isEnd {
                        if let finished = cell { appendField(finished, row: rowNumber) }
                        cell = nil
                    } else {
                        var started = Cell()
                        value.removeAll(keepingCapacity: true)
                        // The reference, style and type in one pass over the attributes (the first of each counts).
                        var reference: Range<Int>?, style: Range<Int>?, type: Range<Int>?
                        scanner.forEachAttribute(of: tag) { name, value in
                            if reference == nil, scanner.bytes(name, are: "r") {
                                reference = value
                            } else if style == nil, scanner.bytes(name, are: "s") {
                                style = value
                            } else if type == nil, scanner.bytes(name, are: "t") {
                                type = value
                            }
                            return true
                        }
                        started.column = reference.flatMap { Self.column(of: $0, scanner) }
                            ?? min(lastColumn + 1, Self.columnLimit - 1)
                        lastColumn = started.column
                        started.style = style.flatMap(scanner.integer) ?? 0
                        started.type = type.map { $0.isEmpty ? 0 : buffer[$0.lowerBound] } ?? 0
                        // `t="inlineStr"` and `t="str"` both start with `i`/`s`: told apart by length.
                        if let type, type.count == 3, started.type == UInt8(ascii: "s") {
                            started.type = UInt8(ascii: "S")  // "str": a formula's text result
                        }
                        if !tag.isSelfClosing { cell = started }
                    }
                } else if cell != nil, scanner.tag(tag, is: "v") {
                    inValue = !tag.isEnd && !tag.isSelfClosing
                    if !tag.isEnd { cell!.hasValue = true }
                } else if cell != nil, scanner.tag(tag, is: "f") {
                    cell!.hasFormula = true
                } else if cell != nil, scanner.tag(tag, is: "t") {
                    inInlineText = !tag.isEnd && !tag.isSelfClosing
                    if !tag.isEnd { cell!.hasValue = true }
                }
            }
            if scanner.isTruncated || rowStart != nil {
                if isLast {
                    // Rows read so far are kept; the one cut short is reported, not guessed.
                    findings.error(ImportMessage.sheetCutShort(row: rowNumber), at: SourceLocation(file: file, line: rowNumber))
                    return buffer.count
                }
                return rowStart ?? consumed
            }
            if isLast, !sheetDataEnded {
                findings.error(ImportMessage.sheetCutShort(row: lastRow + 1), at: SourceLocation(file: file, line: lastRow + 1))
            }
            return isLast ? buffer.count : consumed
        }
    }

    private mutating func rowNumberOf(_ tag: XMLScanner.Tag, _ scanner: XMLScanner) -> Int {
        // A row number out of a sheet's range (a damaged file) is taken as the next row.
        let written = scanner.attribute("r", of: tag).flatMap(scanner.integer)
        let number = written.flatMap { (1...Self.rowLimit).contains($0) ? $0 : nil } ?? min(lastRow + 1, Self.rowLimit)
        lastRow = number
        return number
    }

    /// `F12` → 5 (column F, 0-based).
    private static func column(of reference: Range<Int>, _ scanner: XMLScanner) -> Int? {
        var column = 0, letters = 0
        for position in reference {
            let byte = scanner.bytes[position] | 0x20
            guard byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "z") else { break }
            column = column * 26 + Int(byte - UInt8(ascii: "a") + 1)
            letters += 1
        }
        return letters == 0 || letters > 3 || column > columnLimit ? nil : column - 1
    }

    /// The rows and columns a sheet can have (Excel's limits).
    private static let rowLimit = 1_048_576, columnLimit = 16_384

    /// Appends a finished cell to the row, unless it holds nothing (an error value is reported).
    private mutating func appendField(_ cell: Cell, row: Int) {
        // Made only for a finding: most cells have none.
        var place: SourceLocation { SourceLocation(file: file, line: row, columnIndex: cell.column + 1, namesCell: true) }
        func append<Text: Sequence<UInt8>>(_ text: Text, _ kind: CellKind) {
            rowBytes.append(contentsOf: text)
            rowCells.append((cell.column, rowBytes.count, kind))
        }
        switch cell.type {
        case UInt8(ascii: "s"):
            guard let index = Self.integer(value) else { return }
            guard let text = strings.string(index) else {
                findings.error(ImportMessage.sharedStringOutOfRange(index, count: strings.count), at: place)
                return
            }
            if !text.isEmpty { append(text, .text) }
        case UInt8(ascii: "i"), UInt8(ascii: "S"):
            if !value.isEmpty { append(value, .text) }
        case UInt8(ascii: "b"):
            if cell.hasValue { append((value == [UInt8(ascii: "1")] ? "true" : "false").utf8, .boolean) }
        case UInt8(ascii: "e"):
            findings.warning(ImportMessage.formulaError(String(decoding: value, as: UTF8.self)), at: place)
        case UInt8(ascii: "d"):
            // An ISO 8601 date (`2024-03-15T00:00:00`), as some writers store dates.
            let text = String(decoding: value, as: UTF8.self)
            let date = text.hasSuffix("T00:00:00") ? String(text.dropLast(9)) : text
            if !date.isEmpty { append(date.utf8, .date) }
        default:
            guard cell.hasValue, !value.isEmpty else {
                if cell.hasFormula { findings.warning(ImportMessage.formulaWithoutResult, at: place) }
                return
            }
            // A whole number stored plainly (`2024`, `618280`) is already written as it reads.
            if Self.isPlainWholeNumber(value), !dateStyles.contains(cell.style) { return append(value, .number) }
            let text = String(decoding: value, as: UTF8.self)
            guard let number = Double(text), number.isFinite else {
                findings.error(ImportMessage.unreadableStoredNumber(text), at: place)
                return
            }
            if dateStyles.contains(cell.style) {
                append(SerialDate.text(number, date1904: date1904).utf8, .date)
            } else {
                append(CellReader.plain(number == 0 ? 0 : number).utf8, .number)
            }
        }
    }

    /// Appends the row read as a record when a field holds something, its cells at their columns.
    private mutating func storeRow(line: Int) {
        var start = 0
        let holdsSomething = rowCells.contains { cell in
            defer { start = cell.end }
            return !rowBytes[start..<cell.end].trimmingBlankBytes.isEmpty
        }
        guard holdsSomething else { return }
        var column = 0
        start = 0
        for cell in rowCells {
            defer { start = cell.end }
            // A cell written twice, or out of order, keeps its first place.
            guard cell.column >= column else { continue }
            while column < cell.column {
                fieldEnds.append(bytes.count)
                kinds.append(.text)
                column += 1
            }
            bytes.append(contentsOf: rowBytes[start..<cell.end])
            fieldEnds.append(bytes.count)
            kinds.append(cell.kind)
            column += 1
        }
        recordStarts.append(fieldEnds.count)
        lines.append(line)
    }

    /// The whole number a value holds, spaces around it left out: a shared string's index.
    private static func integer(_ bytes: [UInt8]) -> Int? {
        // Digits alone, as every writer stores an index, are read on the bytes.
        if !bytes.isEmpty, bytes.count < 19, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            return bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        return Int(String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces))
    }

    /// Whether a stored number is written as ``CellReader/plain(_:)`` writes it back: digits
    /// without a leading zero, fewer than 16 (`2024`, `0`; not `007`, `12.5`, `-3` or `1E+20`).
    private static func isPlainWholeNumber(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first, bytes.count < 16, first != 0x30 || bytes.count == 1 else { return false }
        return bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}

/// A spreadsheet's date serial number as text: `2024-03-15`, with the time when it has one
/// (`2024-03-15 14:30`).
enum SerialDate {
    static func text(_ serial: Double, date1904: Bool) -> String {
        let whole = serial.rounded(.down)
        guard abs(whole) < 3_000_000 else { return CellReader.plain(serial) }
        var days = Int(whole)
        // The 1900 system counts a 29 February 1900 that never was (serial 60), as Lotus 1-2-3 did.
        if date1904 {
            days += 1462
        } else if days == 60 {
            return "1900-02-29"
        } else if days < 60 {
            days += 1
        }
        // Days since 1899-12-30 → civil date (Howard Hinnant's algorithm, from 1970-01-01).
        let (year, month, day) = civil(fromDaysSinceEpoch: days - 25569)
        var text = String(format: "%04d-%02d-%02d", year, month, day)
        let minutes = Int(((serial - whole) * 1440).rounded())
        if minutes > 0, minutes < 1440 { text += String(format: " %02d:%02d", minutes / 60, minutes % 60) }
        return text
    }

    private static func civil(fromDaysSinceEpoch days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
