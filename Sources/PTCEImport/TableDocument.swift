import PTCEModel

/// A table file opened for reading, whatever its format: its records, what the list of sources
/// says of it, and the problems met opening it.
struct TableDocument: Sendable {
    /// The records, header first; `nil` when the file could not be opened (``findings`` says why).
    var records: RecordCursor?
    /// Problems found before any record was read.
    var findings: Findings
    /// `UTF-8`, `Windows-1252`… for CSV, `xlsx` for a workbook.
    var encoding: String
    /// The CSV delimiter; empty for a workbook.
    var delimiter: String

    /// A CSV file as ``CSVReader`` opened it.
    init(_ csv: CSVDocument) {
        self.init(records: csv.start.map(RecordCursor.text), findings: csv.findings, encoding: csv.encoding.rawValue,
                  delimiter: String(csv.delimiter))
    }

    init(records: RecordCursor?, findings: Findings, encoding: String, delimiter: String) {
        (self.records, self.findings, self.encoding, self.delimiter) = (records, findings, encoding, delimiter)
    }

    /// Opens the file named `file` from its bytes: a workbook when its name ends in `.xlsx`, else CSV.
    static func open(_ bytes: [UInt8], file: String) -> TableDocument {
        file.hasSuffix(".xlsx") ? SpreadsheetReader.read(bytes, file: file) : TableDocument(CSVReader.read(bytes, file: file))
    }

    /// Opens the file named `file` from `source`: a CSV file held open is parsed through a
    /// window (``CSVReader/read(_:file:partSize:)``), a workbook read whole.
    static func open(_ source: TableSource, file: String) -> TableDocument {
        switch source {
        case .bytes(let bytes): return open(bytes, file: file)
        case .file(let opened) where !file.hasSuffix(".xlsx"): return TableDocument(CSVReader.read(opened, file: file))
        case .file(let opened):
            switch opened.readOrFail([0..<opened.size]) {
            case .success(let bytes): return open(bytes, file: file)
            case .failure(let failure): return TableDocument(records: nil, findings: failure.findings(file: file), encoding: "xlsx", delimiter: "")
            }
        }
    }

    /// How many records there are, header included, counted without keeping any: a table whose
    /// header the schema refuses may still be a national file.
    var recordCount: Int {
        guard var cursor = records else { return 0 }
        var record = RawRecord(), count = 0
        while cursor.next(into: &record) { count += 1 }
        return count
    }

    /// Every record (header first) with the problems met; for tests and small files.
    func readAll() -> (records: [CSVRecord], findings: Findings) {
        var all = findings
        guard var cursor = records else { return ([], all) }
        var result: [CSVRecord] = []
        while let record = cursor.next() { result.append(record) }
        all.append(contentsOf: cursor.findings)
        return (result, all)
    }
}

/// Where a table's records come from: CSV text parsed as it is read, or the rows of a sheet.
enum RecordCursor: Sendable {
    case text(CSVReader.Parser)
    case sheet(SheetCursor)

    /// Reads the next record that is not blank into `record`; false at the end.
    mutating func next(into record: inout RawRecord) -> Bool {
        switch self {
        case .text(var parser):
            defer { self = .text(parser) }
            return parser.next(into: &record)
        case .sheet(var cursor):
            defer { self = .sheet(cursor) }
            return cursor.next(into: &record)
        }
    }

    /// The next record that is not blank, or `nil` at the end.
    mutating func next() -> CSVRecord? {
        var record = RawRecord()
        guard next(into: &record) else { return nil }
        return CSVRecord(line: record.line, fields: record.strings)
    }

    /// Where the next record of a CSV text starts (its first byte, or the blank lines before it)
    /// and the line it is on, to come back to it; `nil` for a sheet. Setting it to a place a
    /// record of the same text started from reads that record again.
    var textPlace: (position: Int, line: Int)? {
        get {
            guard case .text(let parser) = self else { return nil }
            return parser.place
        }
        set {
            guard case .text(var parser) = self, let newValue else { return }
            parser.place = newValue
            self = .text(parser)
        }
    }

    /// Problems of the text met while reading (quotes of a CSV file).
    var findings: Findings {
        switch self {
        case .text(let parser): parser.findings
        case .sheet: Findings()
        }
    }

    /// At least the number of records left.
    var remainingCount: Int {
        switch self {
        case .text(let parser): parser.remainingLineCount
        case .sheet(let cursor): cursor.remainingCount
        }
    }

    /// Whether the records are a sheet's, whose cells findings name (`F12`).
    var isSheet: Bool {
        if case .sheet = self { return true }
        return false
    }
}
