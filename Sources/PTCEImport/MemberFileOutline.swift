import Foundation
import PTCEModel

/// What a quick pass over the year column of `members.csv` finds before the folder is read:
/// how many rows give each year, and where the rows of each year lie in the file. Enough for a
/// caller to start on the report year while the folder is read: knowing its row count, and
/// reading its members itself (``members(in:)``) rather than waiting for the reading to reach
/// them — a national file sorted by year has the latest year last.
///
/// A guess, never a reading: nothing is reported, a row counted may still be left out by the
/// reading, and a file the reading refuses past its first lines may still give counts
/// (``CSVReader/readStructure(_:file:headLength:)``). Whoever uses it compares with what the
/// reading gives.
///
/// Holds the file's bytes until it is let go: a caller lets go of it once it has the members it
/// wants (``members(in:)`` keeps only their lines).
public struct MemberFileOutline {
    /// How many rows give each year; empty when the folder has no `members.csv`, also has
    /// `members.xlsx` (a workbook's sheet would be parsed whole, not one column), or the file
    /// cannot be opened.
    public let rowsByYear: [Int: Int]
    /// What reading the members of a year again needs; `nil` when the file holds more runs
    /// than ``maximumRuns``.
    private let layout: Layout?

    /// Beyond this many runs of one year (a file not sorted by year), the rows' places are not kept.
    static let maximumRuns = 4096

    /// Consecutive records giving one year (`nil`: a year the quick pass could not read).
    struct Run {
        var year: Int?
        var records: RecordRun
        /// Where the text after its last record starts.
        var end = 0
    }

    /// The file's text from its start (ready to read its header), the end of the header, the runs.
    private struct Layout {
        let text: CSVReader.Parser
        let dataStart: Int
        let runs: [Run]
        let schema: TableSchema
        let folder: FolderConventions
        let figures: [MemberFigure]
    }

    /// The outline of `members.csv` in the folder at `url`, read by `reader`'s schemas.
    init(folder url: URL, reader: PoleFolderReader) {
        let schema = reader.schemas[0]
        let present = [schema.file, schema.workbookFile].filter { file in
            if case .absent = TextFile.status(at: url.appendingPathComponent(file).path) { return false }
            return true
        }
        guard present == [schema.file], case .bytes(let bytes) = TextFile.contents(at: url.appendingPathComponent(schema.file).path)
        else {
            self.init()
            return
        }
        self.init(bytes: bytes, folder: url, reader: reader)
    }

    /// The outline of no file: no row, no place.
    private init() {
        (rowsByYear, layout) = ([:], nil)
    }

    /// The outline of `bytes`, the `members.csv` of the folder at `url` (whose other files settle
    /// an ambiguous number), read by `reader`'s schemas.
    init(bytes: [UInt8], folder url: URL, reader: PoleFolderReader) {
        let schema = reader.schemas[0]
        var dropped = Findings()
        // The year column is ASCII: the file's structure is enough, without decoding or checking every byte.
        let document = CSVReader.readStructure(bytes, file: schema.file).map(TableDocument.init) ?? TableDocument.open(bytes, file: schema.file)
        // An ambiguous number of the members read again (``members(in:)``) is settled as the reading settles it.
        let folder = FolderConventions(schemas: reader.schemas) { name in
            guard case .bytes(let bytes) = TextFile.contents(at: url.appendingPathComponent(name).path) else { return nil }
            return bytes
        }
        guard case .text(let text)? = document.records,
              let table = Table(schema: schema, document: document, folder: folder, findings: &dropped),
              let position = table.position(of: StandardFields.year.name), let dataStart = table.data.textPlace?.position
        else {
            (rowsByYear, layout) = ([:], nil)
            return
        }
        var counts: [Int: Int] = [:]
        var runs: [Run]? = []
        var records = table.data
        var record = RawRecord()
        while let start = records.textPlace, records.next(into: &record) {
            // Four digits, as nearly every year is written, are read on the spot; any other form as the reading reads it.
            let cell = record.field(position)
            var year: Int?
            if cell.count == 4, cell.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
               case let digits = cell.reduce(0, { $0 * 10 + Int($1 - 0x30) }), FieldType.years.contains(digits) {
                year = digits
            } else {
                year = CellReader(table: table, record: record).year(&dropped)
                dropped = Findings()
            }
            if let year { counts[year, default: 0] += 1 }
            if let last = runs?.last, last.year == year {
                runs![runs!.count - 1].records.count += 1
            } else if let count = runs?.count, count < Self.maximumRuns {
                if count > 0 { runs![count - 1].end = start.position }
                runs!.append(Run(year: year, records: RecordRun(start: start, count: 1)))
            } else {
                runs = nil
            }
        }
        if let count = runs?.count, count > 0, let end = records.textPlace?.position { runs![count - 1].end = end }
        rowsByYear = counts
        layout = runs.map { Layout(text: text, dataStart: dataStart, runs: $0, schema: schema, folder: folder, figures: reader.catalogue.memberFigures) }
    }

    /// The members of `year` read from the file as the reading reads them — every cell checked,
    /// the same ids left out — in the file's order, each row parsed when the sequence reaches it;
    /// `nil` when the outline did not keep where the rows lie. Only the header and the lines of
    /// `year` are kept (a copy), so that the outline can be let go. What is wrong with a row is
    /// not reported (the reading reports it).
    ///
    /// The members are the reading's own unless the reading repairs the file's text (a character
    /// XML forbids, a byte that is not UTF-8 past the first lines), reads it in another encoding
    /// (a Windows-1252 file whose first 64 KB are ASCII is read here as UTF-8), or settles a
    /// cell from lines of other years or from the folder's workbook files (an ambiguous number,
    /// a yes/no column marked with `x`): a caller compares them with the dataset read.
    public func members(in year: Int) -> (some Sequence<Member>)? {
        guard let layout else { return YearMembers?.none }
        let runs = layout.runs.filter { $0.year == year }
        let (text, starts) = layout.text.copy(upTo: layout.dataStart, keeping: runs.map { $0.records.start.position..<$0.end })
        var dropped = Findings()
        let document = TableDocument(records: .text(text), findings: Findings(), encoding: "", delimiter: "")
        guard let table = Table(schema: layout.schema, document: document, folder: layout.folder, findings: &dropped) else { return YearMembers?.none }
        let moved = zip(runs, starts).map { run, start in RecordRun(start: (start, run.records.start.line), count: run.records.count) }
        return YearMembers(table: table, runs: moved, figures: layout.figures)
    }
}

/// Consecutive records of a CSV text: where the first starts (or the blank lines before it), on
/// which line, and how many there are.
struct RecordRun {
    var start: (position: Int, line: Int)
    var count: Int
}

/// The members of one year, read run by run.
private struct YearMembers: Sequence, IteratorProtocol {
    private var runs: ArraySlice<RecordRun>
    private let table: Table
    private var builder: MemberRowBuilder
    private var cursor: RecordCursor
    private var leftInRun = 0
    private var record = RawRecord()

    init(table: Table, runs: [RecordRun], figures: [MemberFigure]) {
        self.runs = ArraySlice(runs)
        self.table = table
        // One year's members, each written and let go: their names do not repeat, nothing to share.
        builder = MemberRowBuilder(table, figures: figures, expectedRows: runs.reduce(0) { $0 + $1.count }, sharesTexts: false)
        cursor = table.data
    }

    mutating func next() -> Member? {
        while true {
            if leftInRun == 0 {
                guard let run = runs.popFirst() else { return nil }
                cursor.textPlace = run.start
                leftInRun = run.count
            }
            guard cursor.next(into: &record) else { return nil }
            leftInRun -= 1
            var dropped = Findings()
            if let member = builder.member(from: CellReader(table: table, record: record), &dropped) { return member }
        }
    }
}

extension PoleFolderReader {
    /// The outline of the folder's `members.csv` (``MemberFileOutline``): a quick pass over its
    /// year column, for a caller that starts on the report year while the folder is read.
    public func memberFileOutline(folder url: URL) -> MemberFileOutline {
        MemberFileOutline(folder: url, reader: self)
    }

    /// The outline of `bytes`, the `members.csv` of the folder at `url` already read (as a
    /// ``MemberListener`` is given it): the file is not read again, and the outline shares the
    /// bytes' storage rather than copying it.
    public func memberFileOutline(of bytes: [UInt8], folder url: URL) -> MemberFileOutline {
        MemberFileOutline(bytes: bytes, folder: url, reader: self)
    }
}
