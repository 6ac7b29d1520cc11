import PTCEModel

/// A collection form as a member returned it (`ptce collect`, spec §8), read back by its defined
/// names (``FormInterface``) whatever its layout: its cells gathered as the rows of the pole's
/// tables, each cell remembering where it is in the form, so that the same checks as for a table
/// file name the form, the sheet, the row, the field and the cell.
struct ReturnedForm {
    /// The form's path as given, which findings name.
    let file: String
    let kind: FormInterface.Kind
    /// The member's identity and figures: the header, then one record (member forms).
    var member: GatheredTable?
    /// The cooperations declared, a record per row filled in (member forms); `member_b` holds the
    /// partner's id when its label is one of the form's list.
    var cooperations: GatheredTable?
    /// The answers, a record per question (questionnaires).
    var answers: GatheredTable?
    /// Whether anything was filled in: a figure (or, in a new member's form, its identity), a
    /// cooperation's amount, an answer or a comment. A form sent back untouched is not imported.
    var isFilledIn: Bool
    /// Where the form's `year`, `member_id` (or `respondent`) cells are, for findings about them.
    var yearPlace: SourceLocation
    var idPlace: SourceLocation

    /// Reads the workbook `bytes` of `file`; `nil` when it is not a collection form that can be
    /// read (the findings say why). `catalogue` gives the members' columns looked up by name.
    static func read(_ bytes: [UInt8], file: String, catalogue: FieldCatalogue, findings: inout Findings) -> ReturnedForm? {
        var local = Findings()
        defer { findings.append(contentsOf: local) }
        guard let archive = WorkbookArchive(bytes, file: file, findings: &local) else { return nil }
        guard let kindFormula = archive.definedNames[FormInterface.kindName],
              let kind = FormInterface.Kind(rawValue: kindFormula.trimmingCharacters(in: ["=", "\"", " "]))
        else {
            local.error(ImportMessage.notACollectionForm, at: SourceLocation(file: file))
            return nil
        }
        var cells = FormCells(archive: archive)
        switch kind {
        case .member, .newMember:
            return cells.memberForm(kind: kind, catalogue: catalogue, findings: &local)
        case .questionnaire:
            return cells.questionnaire(findings: &local)
        }
    }
}

/// The cells of a form's named ranges, each sheet read once when first needed.
private struct FormCells {
    let archive: WorkbookArchive
    private var grids: [String: SheetGrid] = [:]

    init(archive: WorkbookArchive) {
        self.archive = archive
    }

    var file: String { archive.file }

    /// The range a defined name refers to, `nil` when the form has no such name; a name that no
    /// longer refers to cells of one of the form's sheets (`#REF!` after a deletion) is an error.
    func range(_ name: String, findings: inout Findings) -> NamedRange? {
        guard let formula = archive.definedNames[name] else { return nil }
        guard let range = NamedRange(formula), archive.sheets.contains(where: { $0.name == range.sheet }) else {
            findings.error(ImportMessage.brokenFormName(name, formula), at: SourceLocation(file: file, column: name))
            return nil
        }
        return range
    }

    /// The ranges of `names`, which must cover the same rows of one sheet (a form's columns read
    /// row by row); `nil` when one is missing or they do not line up, the latter an error.
    func alignedRanges(_ names: [String], findings: inout Findings) -> [NamedRange]? {
        let ranges = names.compactMap { range($0, findings: &findings) }
        guard ranges.count == names.count else { return nil }
        guard ranges.allSatisfy({ ($0.sheet, $0.firstRow, $0.lastRow) == (ranges[0].sheet, ranges[0].firstRow, ranges[0].lastRow) }) else {
            findings.error(ImportMessage.formRangesMisaligned(names), at: SourceLocation(file: file))
            return nil
        }
        return ranges
    }

    /// The cell at `row` (1-based) and `column` (0-based) of `sheet`, `nil` when empty.
    mutating func cell(sheet: String, row: Int, column: Int, findings: inout Findings) -> (text: String, kind: CellKind)? {
        if grids[sheet] == nil {
            let records = archive.sheets.first { $0.name == sheet }.flatMap { archive.records(of: $0, findings: &findings) }
            grids[sheet] = SheetGrid(records)
        }
        return grids[sheet]!.cell(row: row, column: column)
    }

    /// The place of a cell, for findings: the form, the sheet row, the field, the cell.
    func place(_ range: NamedRange, row: Int, field: String) -> SourceLocation {
        SourceLocation(file: file, line: row, column: field, columnIndex: range.firstColumn + 1, namesCell: true, sheet: range.sheet)
    }

    /// The cell at `row` of `range`'s column as a form cell (empty text when empty), with its place.
    mutating func formCell(_ range: NamedRange, row: Int, field: String, findings: inout Findings) -> FormCell {
        let value = cell(sheet: range.sheet, row: row, column: range.firstColumn, findings: &findings)
        return FormCell(text: value?.text ?? "", kind: value?.kind ?? .text, place: place(range, row: row, field: field))
    }

    /// The single cell named `name`; `nil` when the form has no such name (or a broken one).
    mutating func named(_ name: String, findings: inout Findings) -> FormCell? {
        range(name, findings: &findings).map { formCell($0, row: $0.firstRow, field: name, findings: &findings) }
    }

    /// A member's form: the identity and figures named after the columns of `members.csv`, and
    /// the cooperation rows that hold something.
    mutating func memberForm(kind: FormInterface.Kind, catalogue: FieldCatalogue, findings: inout Findings) -> ReturnedForm? {
        typealias M = StandardFields.Members
        var cells: [(field: FieldDeclaration, cell: FormCell)] = []
        for field in catalogue.members.fields {
            if let cell = named(field.name, findings: &findings) { cells.append((field, cell)) }
        }
        let id = cells.first { $0.field.name == M.memberID.name }?.cell, year = cells.first { $0.field.name == StandardFields.year.name }?.cell
        guard let id, let year else {
            let missing = [(StandardFields.year.name, year), (M.memberID.name, id)].filter { $0.1 == nil }.map(\.0)
            findings.error(ImportMessage.formWithoutNames(missing, questionnaire: false), at: SourceLocation(file: file))
            return nil
        }
        var member = GatheredTable(fields: cells.map(\.field.name))
        member.append(record: SourceLocation(file: file, line: id.place.line, sheet: id.place.sheet), cells: cells.map(\.cell))
        let filledBySomeone = cells.contains { field, cell in
            !cell.text.isEmpty && (field.isFigure || (kind == .newMember && field.name != StandardFields.year.name))
        }
        let cooperations = cooperationRows(memberID: id, year: year, findings: &findings)
        return ReturnedForm(
            file: file, kind: kind, member: member, cooperations: cooperations.table, answers: nil,
            isFilledIn: filledBySomeone || cooperations.amountGiven, yearPlace: year.place, idPlace: id.place)
    }

    /// The cooperation rows that hold something, `member_a` the form's member and `year` the
    /// form's; the partner's label read as its id through the form's list.
    private mutating func cooperationRows(memberID: FormCell, year: FormCell, findings: inout Findings) -> (table: GatheredTable?, amountGiven: Bool) {
        typealias C = StandardFields.Cooperations
        let fields = C.table.fields.filter { $0.name != StandardFields.year.name && $0.name != C.memberA.name }
        let present = fields.filter { archive.definedNames[FormInterface.cooperationName($0)] != nil }
        guard let ranges = alignedRanges(present.map(FormInterface.cooperationName), findings: &findings), let first = ranges.first
        else { return (nil, false) }
        let inputs = zip(present, ranges).map { (field: $0, range: $1) }
        let rowCount = first.lastRow - first.firstRow + 1
        let partners = partnerIDs(findings: &findings)
        var table = GatheredTable(fields: [StandardFields.year.name, C.memberA.name] + inputs.map(\.field.name))
        var amountGiven = false
        for offset in 0..<rowCount {
            let values = inputs.map { input in
                var cell = formCell(input.range, row: input.range.firstRow + offset, field: input.field.name, findings: &findings)
                if input.field.name == C.memberB.name, let id = partners[cell.text] { (cell.text, cell.kind) = (id, .text) }
                return cell
            }
            guard let first = values.first(where: { !$0.text.isEmpty }) else { continue }
            if values.contains(where: { $0.place.column == C.amount.name && !$0.text.isEmpty }) { amountGiven = true }
            table.append(record: SourceLocation(file: file, line: first.place.line, sheet: first.place.sheet), cells: [year, memberID] + values)
        }
        return (table, amountGiven)
    }

    /// The partners' ids by the label the form's dropdown shows.
    private mutating func partnerIDs(findings: inout Findings) -> [String: String] {
        guard let list = range(FormInterface.memberListName, findings: &findings), list.lastColumn > list.firstColumn else { return [:] }
        var ids: [String: String] = [:]
        for row in list.firstRow...list.lastRow {
            guard let label = cell(sheet: list.sheet, row: row, column: list.firstColumn, findings: &findings),
                  let id = cell(sheet: list.sheet, row: row, column: list.firstColumn + 1, findings: &findings)
            else { continue }
            ids[label.text] = ids[label.text] ?? id.text
        }
        return ids
    }

    /// The questionnaire: its respondent, year and role, and a record per question.
    mutating func questionnaire(findings: inout Findings) -> ReturnedForm? {
        typealias S = StandardFields.Survey
        let single = [S.respondent.name, StandardFields.year.name, S.role.name]
        let columns = [S.question.name, S.answer.name, S.comment.name]
        let missing = (single + columns).filter { archive.definedNames[$0] == nil }
        guard missing.isEmpty else {
            findings.error(ImportMessage.formWithoutNames(missing, questionnaire: true), at: SourceLocation(file: file))
            return nil
        }
        guard let respondent = named(S.respondent.name, findings: &findings), let year = named(StandardFields.year.name, findings: &findings),
              let role = named(S.role.name, findings: &findings), let ranges = alignedRanges(columns, findings: &findings)
        else { return nil }
        var table = GatheredTable(fields: [StandardFields.year.name, S.respondent.name, S.role.name] + columns)
        var answered = false
        for offset in 0...(ranges.map { $0.lastRow - $0.firstRow }.min()!) {
            let values = zip(columns, ranges).map { name, range in formCell(range, row: range.firstRow + offset, field: name, findings: &findings) }
            // A row without a question id is no question of the bank.
            guard !values[0].text.isEmpty else { continue }
            if values.dropFirst().contains(where: { !$0.text.isEmpty }) { answered = true }
            table.append(record: SourceLocation(file: file, line: values[0].place.line, sheet: values[0].place.sheet),
                         cells: [year, respondent, role] + values)
        }
        return ReturnedForm(
            file: file, kind: .questionnaire, member: nil, cooperations: nil, answers: table,
            isFilledIn: answered || !role.text.isEmpty, yearPlace: year.place, idPlace: respondent.place)
    }
}

/// A cell of a form: its text, how the workbook stored it, and where it is.
struct FormCell {
    var text: String
    var kind: CellKind
    var place: SourceLocation
}

/// A defined name's reference to cells of one sheet: `'Vos chiffres'!$D$14`, `Coopérations!$B$5:$B$24`.
struct NamedRange: Equatable {
    let sheet: String
    /// 1-based, as the sheet numbers its rows.
    let firstRow: Int, lastRow: Int
    /// 0-based.
    let firstColumn: Int, lastColumn: Int

    /// Reads a reference as Excel and LibreOffice write it (`$` optional, the sheet name quoted
    /// with `'` when it needs it, `''` for a quote in it); `nil` for anything else (a constant, a
    /// formula, several areas).
    init?(_ formula: String) {
        var text = Substring(formula.hasPrefix("=") ? String(formula.dropFirst()) : formula)
        let sheet: String
        if text.hasPrefix("'") {
            var name = "", index = text.index(after: text.startIndex), closed = false
            while index < text.endIndex {
                let character = text[index]
                index = text.index(after: index)
                if character == "'" {
                    if index < text.endIndex, text[index] == "'" {
                        name.append("'")
                        index = text.index(after: index)
                    } else {
                        closed = true
                        break
                    }
                } else {
                    name.append(character)
                }
            }
            guard closed, index < text.endIndex, text[index] == "!" else { return nil }
            sheet = name
            text = text[text.index(after: index)...]
        } else {
            guard let bang = text.firstIndex(of: "!") else { return nil }
            sheet = String(text[..<bang])
            text = text[text.index(after: bang)...]
        }
        let corners = text.split(separator: ":", omittingEmptySubsequences: false)
        guard !sheet.isEmpty, (1...2).contains(corners.count),
              let first = Self.cell(corners[0]), let last = corners.count == 2 ? Self.cell(corners[1]) : first,
              first.row <= last.row, first.column <= last.column
        else { return nil }
        (self.sheet, firstRow, lastRow, firstColumn, lastColumn) = (sheet, first.row, last.row, first.column, last.column)
    }

    /// `$D$14` → row 14, column 3.
    private static func cell(_ text: Substring) -> (row: Int, column: Int)? {
        let letters = text.filter { $0 != "$" }.prefix { $0.isASCII && $0.isLetter }
        let digits = text.filter { $0 != "$" }.dropFirst(letters.count)
        guard (1...3).contains(letters.count), (1...7).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let row = Int(digits), (1...1_048_576).contains(row)
        else { return nil }
        let column = letters.uppercased().unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 }
        guard column <= 16_384 else { return nil }
        return (row, column - 1)
    }
}

/// A sheet's records looked up by row and column.
private struct SheetGrid {
    let records: SheetRecords?
    /// The record of each sheet row that holds something.
    private let recordByRow: [Int: Int]

    init(_ records: SheetRecords?) {
        self.records = records
        var byRow: [Int: Int] = [:]
        for (index, line) in (records?.lines ?? []).enumerated() where byRow[line] == nil { byRow[line] = index }
        recordByRow = byRow
    }

    /// The text and kind of the cell, `nil` when empty (or only blanks).
    func cell(row: Int, column: Int) -> (text: String, kind: CellKind)? {
        guard let records, let index = recordByRow[row] else { return nil }
        let first = records.recordStarts[index], end = records.recordStarts[index + 1]
        guard column < end - first else { return nil }
        let field = first + column
        let start = field == 0 ? 0 : records.fieldEnds[field - 1]
        let bytes = records.bytes[start..<records.fieldEnds[field]]
        guard !bytes.trimmingBlankBytes.isEmpty else { return nil }
        return (String(decoding: bytes, as: UTF8.self), records.kinds[field])
    }
}

/// Cells of returned forms gathered as the rows of one of the pole's tables: a header of the
/// fields' canonical names, then the records, each cell's place in its form remembered; read by
/// ``Table`` as a sheet, so that every check of a table file applies.
struct GatheredTable {
    let fields: [String]
    private var bytes: [UInt8] = [], fieldEnds: [Int] = [], kinds: [CellKind] = [], recordStarts = [0], lines: [Int] = []
    private(set) var places = GatheredPlaces()

    init(fields: [String]) {
        self.fields = fields
        for field in fields { add(field, .text) }
        endRecord()
    }

    /// Where the cell of `field` is in the record found at `origin` (its form's sheet row), for a
    /// finding about a row read from it; the row's own place when the cell is not known.
    func place(of field: String, inRecordAt origin: RecordOrigin) -> SourceLocation {
        let record = places.records.values.first { $0.record.file == origin.file && $0.record.line == origin.line }
        return record.flatMap { $0.cells.values.first { $0.column == field } } ?? origin.location
    }

    /// Whether no record was added.
    var isEmpty: Bool { lines.count == 1 }

    /// Adds a record whose whole is at `record`, its cells in the order of ``fields``.
    mutating func append(record: SourceLocation, cells: [FormCell]) {
        var placed: [Int: SourceLocation] = [:]
        for (position, cell) in cells.enumerated() {
            add(cell.text, cell.kind)
            placed[position] = cell.place
        }
        endRecord()
        places.records[lines.last!] = (record, placed)
    }

    private mutating func add(_ text: String, _ kind: CellKind) {
        bytes.append(contentsOf: text.utf8)
        fieldEnds.append(bytes.count)
        kinds.append(kind)
    }

    private mutating func endRecord() {
        recordStarts.append(fieldEnds.count)
        lines.append(lines.count + 1)
    }

    /// The records as a sheet table to read.
    var document: TableDocument {
        let records = SheetRecords(bytes: bytes, fieldEnds: fieldEnds, kinds: kinds, recordStarts: recordStarts, lines: lines)
        return TableDocument(records: .sheet(SheetCursor(records: records)), findings: Findings(), encoding: "xlsx", delimiter: "")
    }
}
