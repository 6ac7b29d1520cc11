import PTCEModel

/// Reads the typed cells of one record of a ``Table``, appending a located finding for every
/// cell that does not hold what its column expects. A bad cell reads as `nil` (not reported).
struct CellReader {
    let table: Table
    let record: RawRecord

    /// The tokens people type for "not reported" (README, "What the importer accepts"), folded to lowercase.
    private static let notReportedTokens: Set<String> = [
        "", "nc", "n/c", "n.c.", "n.c", "na", "n/a", "nd", "n.d.", "nr", "-", "–", "—", "−", "?",
    ]

    /// Whether a cell says "not reported". A dash beside a currency sign (`-   €`) is not one of
    /// these: it is the zero of an accounting format (``NumberParser``).
    static func isNotReported(_ cell: String) -> Bool {
        // No token is longer than 4 characters or starts with a digit: most cells end here.
        if let first = cell.utf8.first, first >= 0x30, first <= 0x39 { return false }
        if cell.utf8.count > 16 { return false }
        return notReportedTokens.contains(cell.trimmingBlanks.lowercased())
    }

    /// ``isNotReported(_:)-String`` on a trimmed cell's UTF-8 bytes, decoding only the cells
    /// that start as a token can: `n`, `-`, `?`, or the first byte of `–` and `—`.
    static func isNotReported(_ cell: ArraySlice<UInt8>) -> Bool {
        guard let first = cell.first else { return true }
        guard first | 0x20 == UInt8(ascii: "n") || first == UInt8(ascii: "-") || first == UInt8(ascii: "?") || first == 0xE2,
              cell.count <= 16
        else { return false }
        return isNotReported(String(decoding: cell, as: UTF8.self))
    }

    var line: Int { record.line }

    /// Where the cell of `column` is, for a finding about it (the record, with the column's name, when the file has no such column).
    func location(_ column: some CellColumn) -> SourceLocation {
        location(column.declaration, at: column.position(in: table))
    }

    /// Where the cell of `column`, at `position` in the file, is.
    private func location(_ column: FieldDeclaration, at position: Int?) -> SourceLocation {
        guard let position else {
            var place = table.location(line: record.line)
            place.column = column.name
            return place
        }
        return table.location(line: record.line, position: position)
    }

    /// Where the record is, for a finding about it as a whole.
    var recordLocation: SourceLocation { table.location(line: record.line) }

    /// Where the row read from this record comes from.
    var origin: RecordOrigin { table.origin(line: record.line) }

    /// The cell's bytes without surrounding blanks; `nil` if the file has no such column.
    private func trimmedCell(_ column: some CellColumn) -> ArraySlice<UInt8>? {
        trimmedCell(at: column.position(in: table))
    }

    /// The bytes of the cell at `position` without surrounding blanks; `nil` when the file has no such column.
    private func trimmedCell(at position: Int?) -> ArraySlice<UInt8>? {
        position.map { record.field($0).trimmingBlankBytes }
    }

    /// The cell as written, without surrounding blanks, to quote in a finding; empty when the file has no such column.
    func written(_ column: some CellColumn) -> String {
        trimmedCell(column).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// Whether the file has the column and this record's cell is blank: not reported, unless
    /// the member is not concerned by the column (then it means none).
    func isEmpty(_ column: some CellColumn) -> Bool {
        trimmedCell(column)?.isEmpty == true
    }

    /// Whether a raw cell, before any trimming, is one dash with two or more blanks (space, no-break
    /// or narrow no-break space) before or after it, as in ` -   ` or `  - `: how an accounting
    /// format without a currency sign shows zero. A bare `-`, at most one space either side, is
    /// "not reported".
    static func isAccountingDash(_ raw: ArraySlice<UInt8>) -> Bool {
        raw.withUnsafeBufferPointer { cell in
            var index = 0
            /// Steps over the blanks at `index`; returns how many there were.
            func blanks() -> Int {
                var count = 0
                while index < cell.count, let length = cell.groupingSpaceLength(at: index) {
                    index += length
                    count += 1
                }
                return count
            }
            let before = blanks()
            guard index < cell.count, let dash = cell.dashLength(at: index) else { return false }
            index += dash
            let after = blanks()
            return index == cell.count && max(before, after) >= 2
        }
    }

    /// The trimmed cell's bytes, or `nil` if the column is absent or the cell says "not reported".
    /// A required cell that is not reported is an error. In a numeric column, a dash padded as
    /// accounting formats pad it (``isAccountingDash(_:)``) is reported: its trimmed bytes, one
    /// dash, are the zero that ``number(_:at:_:)`` reads.
    private func reportedBytes(_ column: some CellColumn, _ findings: inout Findings) -> ArraySlice<UInt8>? {
        reportedBytes(column.declaration, at: column.position(in: table), &findings)
    }

    /// ``reportedBytes(_:_:)`` of `column`, at `position` in the file.
    private func reportedBytes(_ column: FieldDeclaration, at position: Int?, _ findings: inout Findings) -> ArraySlice<UInt8>? {
        guard let position else { return nil }
        let raw = record.field(position), cell = raw.trimmingBlankBytes
        if Self.isNotReported(cell), !(column.type.isNumeric && Self.isAccountingDash(raw)) {
            if column.isRequired {
                findings.error(
                    ImportMessage.requiredCell(column.name, cell: String(decoding: cell, as: UTF8.self)), at: location(column, at: position))
            }
            return nil
        }
        return cell
    }

    /// The trimmed cell, or `nil` if the column is absent or the cell says "not reported".
    /// A required cell that is not reported is an error.
    func reported(_ column: some CellColumn, _ findings: inout Findings) -> String? {
        reportedBytes(column, &findings).map { String(decoding: $0, as: UTF8.self) }
    }

    func text(_ column: some CellColumn, _ findings: inout Findings) -> String? {
        reported(column, &findings)
    }

    /// Like ``text(_:_:)``, but a text already met in `texts` is the `String` made at its first
    /// appearance, sharing its storage: for columns whose texts repeat over a large table (a
    /// member's name, every year).
    func text(_ column: some CellColumn, sharing texts: inout SharedTexts, _ findings: inout Findings) -> String? {
        reportedBytes(column, &findings).map { texts.text($0) }
    }

    /// An identifier; one that Excel turned into scientific notation has lost digits and is an error.
    func identifier(_ column: some CellColumn, _ findings: inout Findings) -> String? {
        guard let bytes = reportedBytes(column, &findings) else { return nil }
        let cell = String(decoding: bytes, as: UTF8.self)
        if bytes.contains(where: { $0 | 0x20 == UInt8(ascii: "e") }), Self.looksScientific(cell) {
            findings.error(ImportMessage.identifierInScientificNotation(cell), at: location(column))
            return nil
        }
        return cell
    }

    private static func looksScientific(_ cell: String) -> Bool {
        guard let e = cell.firstIndex(where: { $0 == "E" || $0 == "e" }) else { return false }
        let mantissa = cell[..<e], power = cell[cell.index(after: e)...]
        return !mantissa.isEmpty && mantissa.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "," || $0 == ".") }
            && mantissa.first!.isNumber
            && !power.isEmpty && power.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "+" || $0 == "-") }
    }

    /// A number of a count, quantity, money or year column, checked against its type and bound:
    /// whole for counts and years, `€` only for money, `%` never.
    func figure(_ column: some CellColumn, _ findings: inout Findings) -> Double? {
        number(column.declaration, at: column.position(in: table), &findings)?.value
    }

    /// An objective's number (``FieldType/target``): `€` and `%` allowed, a percentage read as a
    /// fraction and marked, for the library to check against the indicator's unit.
    func target(_ column: some CellColumn, _ findings: inout Findings) -> Target.Number? {
        number(column.declaration, at: column.position(in: table), &findings).map { number in
            let unit: Target.WrittenUnit = switch number.suffix {
            case .none: .none
            case .percent: .percent
            case .currency: .euros
            }
            return Target.Number(number.value, unit: unit)
        }
    }

    /// The number in the cell of `column`, at `position` in the file, with the suffix it was written with.
    private func number(
        _ column: FieldDeclaration, at position: Int?, _ findings: inout Findings
    ) -> (value: Double, suffix: TypedNumber.Suffix)? {
        guard let bytes = reportedBytes(column, at: position, &findings) else { return nil }
        var location: SourceLocation { self.location(column, at: position) }
        var cell: String { String(decoding: bytes, as: UTF8.self) }
        let expected = ImportMessage.expectedFigure(column.type)
        let number: TypedNumber
        switch position.map(record.kind) ?? .text {
        case .number:
            // Stored by a spreadsheet with a decimal point: read as it is, never as typed text.
            number = TypedNumber.stored(Double(cell) ?? 0)
        case .date:
            findings.error(ImportMessage.dateInFigureColumn(cell, expected: expected), at: location)
            return nil
        case .text, .boolean:
            switch NumberParser.parse(bytes) {
            case .success(let parsed): number = parsed
            case .failure(let problem):
                findings.error(ImportMessage.notANumber(cell, reason: problem.reason, expected: expected), at: location)
                return nil
            }
        }
        if number.suffix == .currency, column.type != .money, column.type != .target {
            findings.error(ImportMessage.moneyNotExpected(cell, expected: expected), at: location)
            return nil
        }
        if number.suffix == .percent, column.type != .target {
            findings.error(ImportMessage.percentageNotExpected(cell, expected: expected), at: location)
            return nil
        }
        // Only an ambiguous `1.234` asks what its column, file or folder settles (a scan, done once).
        guard let value = number.isAmbiguous ? number.resolved(table.convention(for: column.name)) : number.value else {
            let place = location
            findings.error(
                ImportMessage.ambiguousNumber(
                    cell, decimal: Self.plain(number.value), grouped: Self.plain(number.groupingReading ?? 0),
                    unsettled: table.unsettledReason(column: place.column ?? column.name, mark: cell.contains(".") ? "." : ",")),
                at: place)
            return nil
        }
        if value < 0 {
            findings.error(ImportMessage.negative(cell, expected: expected), at: location)
            return nil
        }
        // The bound is written out only for the message: never for a cell within it.
        if let bound = column.upperBound, value >= bound {
            findings.error(ImportMessage.tooLarge(cell, column: column.name, bound: column.writtenUpperBound ?? String(bound)), at: location)
            return nil
        }
        let isWhole = column.type == .count || column.type == .year
        if isWhole, value.rounded() != value {
            findings.error(ImportMessage.notWhole(cell, expected: expected), at: location)
            return nil
        }
        return (value == 0 ? 0 : value, number.suffix)  // -0 typed as `-0` reads as 0
    }

    func count(_ column: some CellColumn, _ findings: inout Findings) -> Int? {
        figure(column, &findings).map { Int($0) }
    }

    /// The row's year, in the `year` column.
    func year(_ findings: inout Findings) -> Int? {
        year(in: StandardFields.year, &findings)
    }

    /// A year in `column`, in ``FieldType/years``.
    func year(in column: some CellColumn, _ findings: inout Findings) -> Int? {
        guard let year = figure(column, &findings) else { return nil }
        guard Double(FieldType.years.lowerBound)...Double(FieldType.years.upperBound) ~= year else {
            // The cell as typed: a number parsed (1e30, 20 240) may print otherwise.
            let cell = reported(column, &findings) ?? Self.plain(year)
            findings.error(ImportMessage.yearOutOfRange(cell, range: FieldType.years), at: location(column))
            return nil
        }
        return Int(year)
    }

    private static let trueWords: Set<String> = ["oui", "yes", "vrai", "true", "1", "x", "o", "y"]
    private static let falseWords: Set<String> = ["non", "no", "faux", "false", "0", "n"]

    /// oui/non, yes/no, vrai/faux, true/false, 1/0; in a column that marks true with `x`, empty is false.
    func boolean(_ column: some CellColumn, _ findings: inout Findings) -> Bool? {
        guard let cell = reported(column, &findings) else {
            return trimmedCell(column)?.isEmpty == true && table.marksTrueWithX(column.declaration.name) ? false : nil
        }
        let word = table.foldedKey(cell)
        if Self.trueWords.contains(word) { return true }
        if Self.falseWords.contains(word) { return false }
        findings.error(ImportMessage.notYesOrNo(cell), at: location(column))
        return nil
    }

    /// Reads a yes/no answer without a column of its own (survey answers).
    static func yesNo(_ cell: String) -> Bool? {
        let word = NameMatching.key(cell)
        if trueWords.contains(word) { return true }
        if falseWords.contains(word) { return false }
        return nil
    }

    /// An INSEE code: five digits, or `2A`/`2B` and three digits. Four digits lost their leading
    /// zero in Excel: accepted with a warning.
    func communeCode(_ column: some CellColumn, _ findings: inout Findings) -> String? {
        guard let bytes = reportedBytes(column, &findings) else { return nil }
        if bytes.count == 5, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return String(decoding: bytes, as: UTF8.self) }
        let cell = String(decoding: bytes, as: UTF8.self)
        let code = cell.uppercased()
        let isDigits = { (text: Substring) in text.allSatisfy { $0.isASCII && $0.isNumber } }
        if code.count == 5, isDigits(Substring(code)) || (["2A", "2B"].contains(code.prefix(2)) && isDigits(code.dropFirst(2))) {
            return code
        }
        if code.count == 4, isDigits(Substring(code)) {
            findings.warning(ImportMessage.communeCodeWithoutLeadingZero(cell, code: code), at: location(column))
            return "0" + code
        }
        findings.error(ImportMessage.notACommuneCode(cell), at: location(column))
        return nil
    }

    /// A value of a closed list, by canonical name or French alias, ignoring case and accents.
    func choice<V: Vocabulary>(_ column: some CellColumn, as type: V.Type, _ findings: inout Findings) -> V? {
        guard let cell = reported(column, &findings), case .choice(let list) = column.declaration.type else { return nil }
        let vocabulary = VocabularyAliases.of(list)
        guard let canonical = vocabulary.canonicalByKey[table.foldedKey(cell)], let value = V(rawValue: canonical) else {
            findings.error(ImportMessage.unknownValue(cell, column: column.declaration.name, accepted: vocabulary.accepted), at: location(column))
            return nil
        }
        return value
    }

    /// Member ids separated by `|`.
    func memberList(_ column: some CellColumn, _ findings: inout Findings) -> [String] {
        guard let cell = reported(column, &findings) else { return [] }
        return cell.split(separator: "|").map { String($0.trimmingBlanks) }.filter { !$0.isEmpty }
    }

    /// The cells of columns the schema does not know, as written; only the positions the record
    /// has are looked at (a header may announce thousands of columns over short lines).
    var extras: [ExtraValue] {
        table.extraPositions.prefix { $0 < record.fieldCount }.compactMap { position in
            guard !record.field(position).isEmpty else { return nil }
            let header = table.headers[position].isEmpty ? "column \(position + 1)" : table.headers[position]
            return ExtraValue(column: header, value: record.string(position))
        }
    }

    /// A figure echoed in a message: whole numbers without a decimal point (`1234`, not `1234.0`).
    static func plain(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// A column whose cells a ``CellReader`` reads: its declaration, and where the table has it.
protocol CellColumn {
    var declaration: FieldDeclaration { get }
    /// The column's position in `table`'s records; `nil` when the file has no such column.
    func position(in table: Table) -> Int?
}

/// A declaration is looked up in the table at each cell read: for a column read now and then.
extension FieldDeclaration: CellColumn {
    var declaration: FieldDeclaration { self }
    func position(in table: Table) -> Int? { table.position(of: name) }
}

/// A column of a table resolved once, for a reader that reads it on every row: its declaration
/// and where its cells are. A class, so that reading a cell copies one reference, not the
/// declaration's names, labels and rules.
final class ResolvedColumn: CellColumn {
    let declaration: FieldDeclaration
    /// The column's position in the file; `nil` when the file has no such column.
    let position: Int?
    /// The table it was resolved in: the only one whose readers may use it.
    private let table: ObjectIdentifier

    /// `declaration` resolved in `table`; valid only for readers of `table`.
    init(_ declaration: FieldDeclaration, in table: Table) {
        self.declaration = declaration
        position = table.position(of: declaration.name)
        self.table = ObjectIdentifier(table)
    }

    func position(in table: Table) -> Int? {
        assert(ObjectIdentifier(table) == self.table, "a column resolved in another table")
        return position
    }
}
