import PTCEModel

/// A table file (CSV, or a workbook's first sheet) matched against its schema: which field holds which column, and the
/// conventions (decimal mark, `x` for true) its cells settle.
final class Table {
    let schema: TableSchema
    let document: TableDocument
    /// The headers as written, by field position.
    let headers: [String]
    /// The number of headers up to the last one that is not empty: a line this long is complete
    /// (the empty headers after it are trailing delimiters).
    let namedHeaderCount: Int
    /// Canonical column name and field position of each column the file has, scanned rather
    /// than hashed: cells are looked up millions of times and a schema has about twenty
    /// columns, whose names mostly differ in length.
    let positions: [(name: String, position: Int)]
    /// The same, by name: a column's position is looked up for every cell.
    private let positionByName: ColumnPositions
    /// Field positions of the columns the schema does not know, kept as extra data, ascending.
    let extraPositions: [Int]
    /// A cursor positioned on the first data record (after the header).
    let data: RecordCursor
    /// At least the number of data records: the lines after the header.
    let expectedRecordCount: Int
    /// Data records read by the main pass, ``rows(_:build:)``.
    var recordCount = 0

    // What the table learns as it is read.
    /// Folded forms of the cells already seen in enumerated and yes/no columns: folding accents
    /// is costly, and a column of actor types holds a handful of values over thousands of rows.
    private var foldedCells: [String: String] = [:]
    /// Decimal conventions settled so far, by column (`.some(nil)`: nothing settles it).
    private var conventions: [String: DecimalConvention?] = [:]
    private var fileEvidence: Set<DecimalConvention>?
    /// The origin of a row of the file (its line set for each row): the file's name looked up once.
    private let fileOrigin: RecordOrigin
    /// What the folder's other files show, asked when the column and the file settle nothing.
    private let folder: FolderConventions
    /// Whether each boolean column met so far marks true with `x`.
    private var crossMarked: [String: Bool] = [:]
    /// Where the records really are when they were gathered from the cells of returned forms;
    /// `nil` for a table file, whose findings point at its own lines and columns.
    private let gathered: GatheredPlaces?

    /// Matches the header against the schema. Returns `nil` (with findings) when the file
    /// cannot be read: empty, or a required column missing. `folder` holds the folder's files.
    ///
    /// `gathered` says where the records of a table gathered from returned forms really are.
    init?(schema: TableSchema, document: TableDocument, folder: FolderConventions, gathered: GatheredPlaces? = nil, findings: inout Findings) {
        let file = schema.file
        self.gathered = gathered
        var parser = document.records
        guard let header = parser?.next(), let data = parser else {
            findings.error(
                ImportMessage.emptyFile(required: schema.columns.filter(\.isRequired).map(\.name)),
                at: SourceLocation(file: file, line: 1))
            return nil
        }
        self.schema = schema
        fileOrigin = RecordOrigin(file: file, line: 0)
        self.document = document
        self.folder = folder
        headers = header.fields.map { String($0.trimmingBlanks) }
        namedHeaderCount = (headers.lastIndex { !$0.isEmpty } ?? -1) + 1
        self.data = data
        expectedRecordCount = data.remainingCount

        var positionByName: [String: Int] = [:]
        var extras: [Int] = []
        let headers = headers
        let filledWithoutHeader = Self.firstFilledLines(of: headers.indices.filter { headers[$0].isEmpty }, in: data)
        for (index, written) in headers.enumerated() {
            let location = SourceLocation(
                file: file, line: header.line, column: written.isEmpty ? nil : written, columnIndex: index + 1, namesCell: data.isSheet)
            if written.isEmpty {
                if let firstFilledLine = filledWithoutHeader[index] {
                    findings.warning(
                        ImportMessage.unnamedColumnWithValues(letter: location.columnLetter ?? "", firstLine: firstFilledLine),
                        at: location)
                    extras.append(index)
                }
                continue
            }
            guard let column = schema.column(forHeader: written) else {
                findings.warning(ImportMessage.unknownColumn(written, nearest: Self.nearestHeader(to: written, in: schema)), at: location)
                extras.append(index)
                continue
            }
            if let earlier = positionByName[column.name] {
                findings.error(ImportMessage.duplicateColumn(headers[earlier], written, column: column.name), at: location)
                continue
            }
            positionByName[column.name] = index
        }
        let missing = schema.columns.filter { $0.isRequired && positionByName[$0.name] == nil }
        for column in missing {
            findings.error(
                ImportMessage.missingRequiredColumn(column.name, aliases: column.aliases),
                at: SourceLocation(file: file, line: header.line))
        }
        guard missing.isEmpty else { return nil }
        positions = schema.columns.compactMap { column in positionByName[column.name].map { (column.name, $0) } }
        self.positionByName = ColumnPositions(positions)
        extraPositions = extras
    }

    /// The line of the first record with a value in each of `columns` (ascending field positions),
    /// for those that have one: one pass over the data whatever the number of columns, looking in
    /// each record only at the positions it has.
    private static func firstFilledLines(of columns: [Int], in data: RecordCursor) -> [Int: Int] {
        guard !columns.isEmpty else { return [:] }
        var found: [Int: Int] = [:]
        var pending = columns
        var scan = data
        var record = RawRecord()
        while !pending.isEmpty, scan.next(into: &record) {
            let present = pending.prefix { $0 < record.fieldCount }
            guard present.contains(where: { !record.field($0).trimmingBlankBytes.isEmpty }) else { continue }
            for index in present where !record.field(index).trimmingBlankBytes.isEmpty { found[index] = record.line }
            pending.removeAll { found[$0] != nil }
        }
        return found
    }

    /// The nearest name of a column (at most two edits away), as written, and its column: a hint
    /// after an unknown header.
    private static func nearestHeader(to header: String, in schema: TableSchema) -> (header: String, column: String)? {
        let key = NameMatching.key(header), length = key.count
        let nearest = schema.names
            .filter { abs($0.key.count - length) <= 2 }  // farther lengths are more than two edits apart
            .map { (name: $0, distance: NameMatching.distance(key, $0.key)) }
            .min { $0.distance < $1.distance }
        guard let nearest, nearest.distance <= 2 else { return nil }
        return (nearest.name.written, nearest.name.column.name)
    }

    /// Reads the data records again from the start (the text is parsed, not stored as records),
    /// until `body` returns false. Problems met are reported by the main pass, ``rows(_:build:)``.
    func forEachRecord(_ body: (RawRecord) -> Bool) {
        var parser = data
        var record = RawRecord()
        while parser.next(into: &record), body(record) {}
    }

    /// The field position of a column, if the file has it.
    func position(of column: String) -> Int? {
        positionByName.position(of: column)
    }

    /// Whether the file has no data record.
    var isEmpty: Bool {
        var parser = data
        var record = RawRecord()
        return !parser.next(into: &record)
    }

    /// Whether a boolean column marks true with `x` (an empty cell then means no). Worked out
    /// on the first empty cell of the column only.
    func marksTrueWithX(_ column: String) -> Bool {
        if let known = crossMarked[column] { return known }
        var marksWithX = false
        if let position = position(of: column) {
            forEachRecord { record in
                let cell = record.field(position).trimmingBlankBytes
                marksWithX = cell.count == 1 && cell.first! | 0x20 == UInt8(ascii: "x")
                return !marksWithX
            }
        }
        crossMarked[column] = marksWithX
        return marksWithX
    }

    /// The convention that settles an ambiguous number of a column: the one its unambiguous cells
    /// show, else the one the file's numeric cells show, else the one the folder's other files
    /// show. Worked out on the first ambiguous cell only, so files without any pay nothing.
    func convention(for column: String) -> DecimalConvention? {
        if let known = conventions[column] { return known }
        let settled = evidence(in: [column]).settled ?? fileConventions.settled ?? folder.convention(besides: schema.file)
        conventions[column] = .some(settled)
        return settled
    }

    /// The decimal conventions the unambiguous cells of the file's numeric columns show; worked
    /// out once, and told to the folder so that its other files need not read this one again.
    var fileConventions: Set<DecimalConvention> {
        if let fileEvidence { return fileEvidence }
        let found = evidence(in: schema.columns.filter { $0.type.isNumeric }.map(\.name))
        fileEvidence = found
        folder.record(found, of: schema.file)
        return found
    }

    /// Why ``convention(for:)`` settles nothing for a column (`header`, as written) whose cell
    /// uses `mark`: every place it looked, and which of the folder's other files shows which
    /// convention when they disagree.
    func unsettledReason(column header: String, mark: Character) -> LocalizedText {
        let others = folder.others(than: schema.file)
        let showing = { (convention: DecimalConvention) in
            others.filter { $0.conventions.contains(convention) }.map(\.file)
        }
        let point = showing(.point), comma = showing(.comma)
        let folderMarks: ImportMessage.FolderDecimalMarks =
            others.isEmpty ? .noOtherFile
            : point.isEmpty || comma.isEmpty ? .silent(others.map(\.file))
            : .disagreeing(point: point, comma: comma)
        return ImportMessage.decimalMarkUnsettled(column: header, file: schema.file, mark: mark, folder: folderMarks)
    }

    /// The decimal conventions the unambiguous cells of `columns` prove.
    private func evidence(in columns: [String]) -> Set<DecimalConvention> {
        var found: Set<DecimalConvention> = []
        for name in columns {
            guard let position = position(of: name) else { continue }
            forEachRecord { record in
                // A number a spreadsheet stored proves nothing of how the folder's text writes decimals.
                guard record.kind(position) == .text else { return true }
                let cell = record.field(position).trimmingBlankBytes
                if !CellReader.isNotReported(cell), case .success(let number) = NumberParser.parse(cell), let proof = number.evidence {
                    found.insert(proof)
                }
                return found.count < 2
            }
            if found.count == 2 { return found }
        }
        return found
    }

    /// Whether the records are a workbook sheet's: findings then name the cell (`F12`).
    var isSheet: Bool { data.isSheet }

    /// Where the record read on `line` is, for a finding about the whole record.
    func location(line: Int) -> SourceLocation {
        gathered?.records[line]?.record ?? SourceLocation(file: schema.file, line: line)
    }

    /// Where the cell of the record read on `line` at field `position` is, for a finding about it.
    func location(line: Int, position: Int) -> SourceLocation {
        gathered?.records[line]?.cells[position]
            ?? SourceLocation(file: schema.file, line: line, column: headers[position], columnIndex: position + 1, namesCell: isSheet)
    }

    /// The origin a row read on `line` keeps, so that later findings point back to it.
    func origin(line: Int) -> RecordOrigin {
        guard let place = gathered?.records[line]?.record else {
            var origin = fileOrigin
            origin.line = line
            return origin
        }
        return RecordOrigin(file: place.file, line: place.line ?? line)
    }

    /// The folded form of a cell (``NameMatching/key(_:)``), remembered for the next ones.
    func foldedKey(_ cell: String) -> String {
        if let known = foldedCells[cell] { return known }
        let key = NameMatching.key(cell)
        if foldedCells.count < 10_000 { foldedCells[cell] = key }
        return key
    }
}

/// Where the records of a table gathered from returned forms really are (each form puts its
/// cells where its layout wants them): by the record's line, the record's place (the form, the
/// sheet row) and each field position's cell.
struct GatheredPlaces: Sendable {
    var records: [Int: (record: SourceLocation, cells: [Int: SourceLocation])] = [:]
}

/// Columns' positions by name, for a lookup per cell that costs less than the cell: a name's
/// slot comes from its length and first and last bytes rather than from hashing all of it
/// (column names are short and mostly differ there), and is confirmed by comparing the name.
private struct ColumnPositions {
    private var slots: [(name: String, position: Int)?]
    private let mask: Int

    init(_ positions: [(name: String, position: Int)]) {
        var size = 16
        while size < positions.count * 4 { size *= 2 }
        mask = size - 1
        slots = Array(repeating: nil, count: size)
        for entry in positions {
            var slot = Self.key(entry.name) & mask
            while slots[slot] != nil { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }

    private static func key(_ name: String) -> Int {
        let bytes = name.utf8
        return bytes.count &* 31 &+ Int(bytes.first ?? 0) &* 7 &+ Int(bytes.last ?? 0)
    }

    func position(of name: String) -> Int? {
        var slot = Self.key(name) & mask
        while let entry = slots[slot] {
            if entry.name == name { return entry.position }
            slot = (slot + 1) & mask
        }
        return nil
    }
}
