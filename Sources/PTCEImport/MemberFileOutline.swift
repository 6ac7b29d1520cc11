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
/// (``CSVReader/readStructure(_:file:headLength:partSize:)``). Whoever uses it compares with what the
/// reading gives.
///
/// Holds the file open and only its header's bytes: the quick pass reads the file a part at a
/// time, and the members of a year are read again from it, at most ``pieceRecords`` records at
/// a time (``members(in:)``), so that a year's text is never held whole.
public struct MemberFileOutline {
    /// How many rows give each year; empty when the folder has no `members.csv`, also has
    /// `members.xlsx` (a workbook's sheet would be parsed whole, not one column), or the file
    /// cannot be opened.
    public let rowsByYear: [Int: Int]
    /// What reading the members of a year again needs; `nil` when the file holds more runs
    /// than ``maximumRuns``, or its text is not read as its bytes stand (UTF-16, a character to
    /// repair or a line longer than 64 KB in its first lines): places in the text are then not
    /// places in the file.
    private let layout: Layout?

    /// Beyond this many runs (consecutive rows of one year: a file not sorted by year), the rows'
    /// places are not kept.
    static let maximumRuns = 4096
    /// The most records of a piece, the text read again at once: about half a megabyte.
    static let pieceRecords = 4096

    /// Consecutive records giving one year (`nil`: a year the quick pass could not read), at
    /// most ``pieceRecords``: a run of the year cut into pieces.
    struct Piece {
        var year: Int?
        var records: RecordRun
        /// Where the text after its last record starts.
        var end = 0
    }

    /// The file's header (its text from its start, ready to read it), where the data starts, the
    /// pieces, and where to read them.
    fileprivate struct Layout {
        let header: CSVReader.Parser
        let dataStart: Int
        let pieces: [Piece]
        let file: OpenedFile
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
        guard present == [schema.file], case .file(let file) = TableSource.file(schema.file, in: url) else {
            self.init()
            return
        }
        self.init(file: file, folder: url, reader: reader)
    }

    /// The outline of no file: no row, no place.
    private init() {
        (rowsByYear, layout) = ([:], nil)
    }

    /// The outline of `file`, the `members.csv` of the folder at `url` held open (whose other
    /// files settle an ambiguous number), read by `reader`'s schemas a part at a time.
    init(file: OpenedFile, folder url: URL, reader: PoleFolderReader) {
        let schema = reader.schemas[0]
        var dropped = Findings()
        // The year column is ASCII: the file's structure is enough, without decoding or checking every byte.
        let structure = CSVReader.readStructure(file, file: schema.file)
        let document = structure.map(TableDocument.init) ?? TableDocument.open(.file(file), file: schema.file)
        // An ambiguous number of the members read again (``members(in:)``) is settled as the reading settles it.
        let folder = FolderConventions(schemas: reader.schemas) { TableSource.file($0, in: url) }
        guard case .text(let text)? = document.records,
              let table = Table(schema: schema, document: document, folder: folder, findings: &dropped),
              let position = table.position(of: StandardFields.year.name), let dataStart = table.data.textPlace?.position
        else {
            (rowsByYear, layout) = ([:], nil)
            return
        }
        var counts: [Int: Int] = [:]
        // Places are kept only where the text is the file's bytes as they stand.
        var pieces: [Piece]? = structure == nil ? nil : []
        var runCount = 0
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
            guard let last = pieces?.last else {
                if pieces != nil {
                    runCount = 1
                    pieces = [Piece(year: year, records: RecordRun(start: start, count: 1))]
                }
                continue
            }
            let continuesRun = last.year == year
            if continuesRun, last.records.count < Self.pieceRecords {
                pieces![pieces!.count - 1].records.count += 1
            } else if continuesRun || runCount < Self.maximumRuns {
                if !continuesRun { runCount += 1 }
                pieces![pieces!.count - 1].end = start.position
                pieces!.append(Piece(year: year, records: RecordRun(start: start, count: 1)))
            } else {
                pieces = nil
            }
        }
        if let count = pieces?.count, count > 0, let end = records.textPlace?.position { pieces![count - 1].end = end }
        rowsByYear = counts
        layout = pieces.flatMap { pieces in
            text.copy(upTo: dataStart, followedBy: []).map { header in
                Layout(header: header, dataStart: dataStart, pieces: pieces, file: file, schema: schema, folder: folder,
                       figures: reader.catalogue.memberFigures)
            }
        }
    }

    /// The members of `year` read from the file as the reading reads them — every cell checked,
    /// a row whose required cell is invalid left out — in the file's order, each row parsed when the sequence reaches it;
    /// `nil` when the outline did not keep where the rows lie. The file is read again a batch at
    /// a time (pieces of the year, at most ``pieceRecords`` records in all): only one batch is
    /// held. What is wrong with a row is not reported (the reading reports it).
    ///
    /// The members are the reading's own unless the reading repairs the file's text (a character
    /// XML forbids, a byte that is not UTF-8 past the first lines), reads it in another encoding
    /// (a Windows-1252 file whose first 64 KB are ASCII is read here as UTF-8), settles a cell
    /// from lines outside the batch or from the folder's workbook files (an ambiguous number, a
    /// yes/no column marked with `x`), leaves out a row whose id repeats one of its year (kept
    /// here: the year's ids are not held to look for it), or the file changed since the quick
    /// pass: a caller compares them with the dataset read.
    public func members(in year: Int) -> (some Sequence<Member>)? {
        guard let layout else { return YearMembers?.none }
        // The year's pieces, short runs of a file not sorted by year gathered up to a piece's size, read at once.
        var batches: [[Piece]] = []
        var records = 0
        for piece in layout.pieces where piece.year == year {
            if batches.isEmpty || records + piece.records.count > Self.pieceRecords {
                batches.append([])
                records = 0
            }
            batches[batches.count - 1].append(piece)
            records += piece.records.count
        }
        return YearMembers(layout: layout, batches: batches)
    }
}

/// Consecutive records of a CSV text: where the first starts (or the blank lines before it), on
/// which line, and how many there are.
struct RecordRun {
    var start: (position: Int, line: Int)
    var count: Int
}

/// The members of one year, read from the file a batch of pieces at a time.
private struct YearMembers: Sequence, IteratorProtocol {
    private let layout: Layout
    /// The batches not read yet; emptied when the members end early.
    private var batches: ArraySlice<[MemberFileOutline.Piece]>
    /// Made with the first batch's table, its columns resolved again in each next one.
    private var builder: MemberRowBuilder?
    /// The batch being read: its text (the header, then its pieces) as a table, and where its
    /// pieces start in it, those left to read.
    private var batch: (table: Table, pieces: ArraySlice<RecordRun>)?
    /// Where the next record of the batch's text is.
    private var cursor: RecordCursor?
    /// The records of the current piece not read yet.
    private var leftInPiece = 0
    private var record = RawRecord()

    typealias Layout = MemberFileOutline.Layout

    init(layout: Layout, batches: [[MemberFileOutline.Piece]]) {
        self.layout = layout
        self.batches = ArraySlice(batches)
    }

    mutating func next() -> Member? {
        while true {
            while leftInPiece == 0 {
                if let piece = batch?.pieces.popFirst() {
                    cursor?.textPlace = piece.start
                    leftInPiece = piece.count
                    continue
                }
                guard let next = batches.popFirst(), let read = Self.table(of: next, layout) else { return end() }
                batch = (read.table, ArraySlice(read.pieces))
                cursor = read.table.data
                if builder == nil {
                    // One year's members, each written and let go: their names do not repeat,
                    // nothing to share; nor their ids kept to look for a repeat (the reading
                    // leaves it out: a data error).
                    builder = MemberRowBuilder(read.table, figures: layout.figures, texts: SharedTexts(isSharing: false))
                } else {
                    builder?.resolveColumns(in: read.table)
                }
            }
            // A piece with fewer records than the quick pass counted: the file changed, the members end here.
            guard let table = batch?.table, cursor?.next(into: &record) == true else { return end() }
            leftInPiece -= 1
            var dropped = Findings()
            if let member = builder?.member(from: CellReader(table: table, record: record), &dropped) { return member }
        }
    }

    /// No member follows, even when asked again.
    private mutating func end() -> Member? {
        batches = []
        batch = nil
        leftInPiece = 0
        return nil
    }

    /// The header and the lines of `pieces` read from the file, as a table, and where each piece
    /// starts in its text; `nil` when the file can no longer be read there.
    private static func table(of pieces: [MemberFileOutline.Piece], _ layout: Layout) -> (table: Table, pieces: [RecordRun])? {
        let ranges = pieces.map { $0.records.start.position..<$0.end }
        guard let bytes = layout.file.read(ranges), let text = layout.header.copy(upTo: layout.dataStart, followedBy: bytes) else { return nil }
        var dropped = Findings()
        let document = TableDocument(records: .text(text), findings: Findings(), encoding: "", delimiter: "")
        guard let table = Table(schema: layout.schema, document: document, folder: layout.folder, findings: &dropped) else { return nil }
        var start = layout.dataStart
        let moved = zip(pieces, ranges).map { piece, range in
            defer { start += range.count }
            return RecordRun(start: (start, piece.records.start.line), count: piece.records.count)
        }
        return (table, moved)
    }
}

extension PoleFolderReader {
    /// The outline of the folder's `members.csv` (``MemberFileOutline``): a quick pass over its
    /// year column, for a caller that starts on the report year while the folder is read.
    public func memberFileOutline(folder url: URL) -> MemberFileOutline {
        MemberFileOutline(folder: url, reader: self)
    }

    /// The outline of `file`, the `members.csv` of the folder at `url` as the reading holds it
    /// open (as a ``MemberListener`` is given it): the quick pass reads the very file the reading
    /// parses, a part at a time, and the outline keeps only the header's bytes.
    public func memberFileOutline(of file: OpenedFile, folder url: URL) -> MemberFileOutline {
        MemberFileOutline(file: file, folder: url, reader: self)
    }
}
