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
/// Holds the file's bytes until it is let go; for one thread.
public struct MemberFileOutline {
    /// How many rows give each year; empty when the folder has no `members.csv`, also has
    /// `members.xlsx` (a workbook's sheet would be parsed whole, not one column), or the file
    /// cannot be opened.
    public let rowsByYear: [Int: Int]
    /// The table the quick pass read, and the runs of consecutive records of one year in file
    /// order; `nil` when the file holds more runs than ``maximumRuns``.
    private let layout: (table: Table, runs: [Run], figures: [MemberFigure])?

    /// Beyond this many runs of one year (a file not sorted by year), the rows' places are not kept.
    static let maximumRuns = 4096

    /// Consecutive records giving one year (`nil`: a year the quick pass could not read).
    struct Run {
        var year: Int?
        /// Where its first record starts, and on which line.
        var start: (position: Int, line: Int)
        var count: Int
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
            (rowsByYear, layout) = ([:], nil)
            return
        }
        var dropped = Findings()
        // The year column is ASCII: the file's structure is enough, without decoding or checking every byte.
        let document = CSVReader.readStructure(bytes, file: schema.file).map(TableDocument.init) ?? TableDocument.open(bytes, file: schema.file)
        // An ambiguous number of the members' own reading (``members(in:)``) is settled as the reading settles it.
        let folder = FolderConventions(schemas: reader.schemas) { name in
            guard case .bytes(let bytes) = TextFile.contents(at: url.appendingPathComponent(name).path) else { return nil }
            return bytes
        }
        guard let table = Table(schema: schema, document: document, folder: folder, findings: &dropped),
              let position = table.position(of: StandardFields.year.name)
        else {
            (rowsByYear, layout) = ([:], nil)
            return
        }
        var counts: [Int: Int] = [:]
        var runs: [Run]? = []
        var records = table.data
        var record = RawRecord()
        while true {
            let start = records.textPlace
            guard records.next(into: &record) else { break }
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
                runs![runs!.count - 1].count += 1
            } else if let start, (runs?.count ?? .max) < Self.maximumRuns {
                runs!.append(Run(year: year, start: start, count: 1))
            } else {
                runs = nil
            }
        }
        rowsByYear = counts
        layout = runs.map { (table, $0, reader.catalogue.memberFigures) }
    }

    /// The members of `year` read from the file as the reading reads them — every cell checked,
    /// the same ids left out — in the file's order, each row parsed when the sequence reaches it;
    /// `nil` when the outline did not keep where the rows lie. What is wrong with a row is not
    /// reported (the reading reports it). The members are the reading's own unless the reading
    /// repairs the file's text (a character XML forbids, a byte that is not UTF-8 past the first
    /// lines): a caller compares them with the dataset read.
    public func members(in year: Int) -> (some Sequence<Member>)? {
        layout.map { YearMembers(year: year, table: $0.table, runs: $0.runs, figures: $0.figures) }
    }
}

/// The members of one year, read run by run from the places the quick pass kept.
private struct YearMembers: Sequence, IteratorProtocol {
    private var runs: ArraySlice<MemberFileOutline.Run>
    private let table: Table
    private var builder: MemberRowBuilder
    private var cursor: RecordCursor
    private var left = 0
    private var record = RawRecord()

    init(year: Int, table: Table, runs: [MemberFileOutline.Run], figures: [MemberFigure]) {
        self.runs = ArraySlice(runs.filter { $0.year == year })
        self.table = table
        builder = MemberRowBuilder(table, figures: figures, expectedRows: self.runs.reduce(0) { $0 + $1.count })
        cursor = table.data
    }

    mutating func next() -> Member? {
        while true {
            if left == 0 {
                guard let run = runs.popFirst() else { return nil }
                cursor.textPlace = run.start
                left = run.count
            }
            guard cursor.next(into: &record) else { return nil }
            left -= 1
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
}
