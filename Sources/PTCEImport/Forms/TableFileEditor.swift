import PTCEModel

/// A value to write in a table file, typed so that it is written the way the file writes its own:
/// its decimal mark, its language for lists, its words for yes and no.
enum TableValue: Equatable {
    case text(String)
    case number(Double)
    /// A value of a closed list, by its canonical name (`ess`).
    case choice(String)
    case flag(Bool)
    /// `NC`, where an empty cell would read otherwise (an insertion figure of a member that is not
    /// an insertion structure: not applicable).
    case notReported
    /// An empty cell that says the member is not concerned (an insertion figure of a member that
    /// is not an insertion structure): unlike a figure not reported, it needs its column.
    case notApplicable
}

/// A CSV table of a pole folder opened to change some of its rows (`ptce import`): every byte of
/// the rows it keeps stays as it was, and the rows it writes follow the file's own ways — its
/// encoding, delimiter and line ends, its decimal mark, its headers' language for list values,
/// its words for yes and no. A column the new rows need and the file lacks is added at the end.
struct TableFileEditor {
    /// One record of the file: where its bytes are (blank lines before it included, its line end
    /// included), the line it starts on, and its fields as read.
    struct Record {
        let range: Range<Int>
        let line: Int
        let fields: [String]
    }

    let schema: TableSchema
    let encoding: TextEncoding
    /// Whether the folder has no such file yet: it is made.
    let isNew: Bool
    /// The file's text as the parser read it: the file's bytes (UTF-16 transcoded to UTF-8).
    private let text: [UInt8]
    /// Where the text starts (after a byte-order mark kept in ``text``), and where the header ends (its line end included).
    private let textStart: Int, headerEnd: Int
    private let delimiter: UInt8
    private let lineEnd: [UInt8]
    /// The headers as written.
    private(set) var headers: [String]
    /// The field position of each column of the schema the file has.
    private var positions: [String: Int]
    let records: [Record]
    private let decimalComma: Bool
    /// Whether list values are written by their French names (the headers are French).
    private let frenchHeaders: Bool
    /// The words the file uses for yes and no, by column, when its cells show them.
    private let flagWords: [String: (yes: String, no: String)]
    /// The columns whose cells give list values by their canonical names.
    private let canonicalChoices: Set<String>

    /// What changes: the records removed (by index), the rows to write — where a record was, or
    /// at the end — kept as values until the columns are known, the columns added.
    private var removed: Set<Int> = []
    private var pending: [(index: Int?, values: [String: TableValue?], keeping: Int?)] = []
    private(set) var addedColumns: [String] = []

    /// Why a file cannot be changed without changing rows the import must not touch.
    enum Refusal: Error {
        /// Its text had to be repaired or mixes encodings: written back, untouched rows would change.
        case repairedText
        /// Not a table the parser can read (no header).
        case unreadable
    }

    /// Opens the CSV `bytes` of the table `schema`; `nil` bytes: the file does not exist yet, and
    /// is made like `like` (another table of the folder: its encoding, delimiter and line ends),
    /// with French headers. `folderConvention`: the decimal mark the folder's other files settle,
    /// which new numbers take when the file's own numbers settle none, as the reader does.
    init(bytes: [UInt8]?, schema: TableSchema, like: TableFileEditor?, folderConvention: DecimalConvention? = nil) throws(Refusal) {
        self.schema = schema
        isNew = bytes == nil
        guard let bytes else {
            let encoding = like?.encoding ?? .utf8WithBOM, delimiter = like?.delimiter ?? UInt8(ascii: ";")
            let lineEnd = like?.lineEnd ?? [0x0D, 0x0A], headers = schema.columns.map(\.frenchHeader)
            (self.encoding, self.delimiter, self.lineEnd, self.headers) = (encoding, delimiter, lineEnd, headers)
            decimalComma = folderConvention.map { $0 == .comma } ?? like?.decimalComma ?? true
            var header = [UInt8]()
            if encoding == .utf8WithBOM { header = [0xEF, 0xBB, 0xBF] }
            textStart = header.count
            header += Self.joined(headers.map { Self.encodedText(Array($0.utf8), in: encoding) }, delimiter: delimiter) + lineEnd
            text = header
            headerEnd = text.count
            positions = Dictionary(uniqueKeysWithValues: schema.columns.enumerated().map { ($1.name, $0) })
            records = []
            frenchHeaders = true
            flagWords = [:]
            canonicalChoices = []
            return
        }
        let decoded: DecodedText
        do { decoded = try TextDecoder.decode(bytes) } catch { throw .unreadable }
        guard decoded.repairs.isEmpty, decoded.encoding != .utf8WithWindows1252Bytes else { throw .repairedText }
        var parser = CSVReader.Parser(text: decoded, file: schema.file)
        parser.settleDelimiter()
        var record = RawRecord()
        guard parser.next(into: &record) else { throw .unreadable }
        (text, textStart, delimiter) = (decoded.bytes, decoded.start, parser.delimiter)
        // ASCII alone with `;`: French Excel's "CSV (séparateur : point-virgule)", Windows-1252,
        // which Excel opens as such; new accented letters are written so.
        let asciiOnly = decoded.encoding == .utf8 && !decoded.bytes.contains { $0 >= 0x80 }
        encoding = asciiOnly && parser.delimiter == UInt8(ascii: ";") ? .windows1252 : decoded.encoding
        headerEnd = parser.position
        headers = record.strings.map { String($0.trimmingBlanks) }
        var positions: [String: Int] = [:]
        for (index, header) in headers.enumerated() {
            if let column = schema.column(forHeader: header), positions[column.name] == nil { positions[column.name] = index }
        }
        self.positions = positions
        var records: [Record] = []
        var start = parser.position
        while parser.next(into: &record) {
            records.append(Record(range: start..<parser.position, line: record.line, fields: record.strings))
            start = parser.position
        }
        self.records = records
        lineEnd = Self.lineEnd(in: decoded.bytes)
        let columns = schema.columns
        let headers = headers
        frenchHeaders = columns.contains { column in positions[column.name].map { headers[$0] != column.name } ?? false }
        // The file's numbers say its decimal mark, else the folder's, else a comma unless commas delimit.
        var evidence: Set<DecimalConvention> = []
        var flagWords: [String: (yes: String, no: String)] = [:]
        var canonicalChoices: Set<String> = []
        for column in columns {
            guard let position = positions[column.name] else { continue }
            for record in records where position < record.fields.count {
                let cell = record.fields[position].trimmingBlanks
                guard !cell.isEmpty else { continue }
                switch column.type {
                case _ where column.type.isNumeric:
                    if case .success(let number) = NumberParser.parse(String(cell)), let proof = number.evidence { evidence.insert(proof) }
                case .boolean:
                    if flagWords[column.name] == nil, let words = Self.flagWords(for: String(cell)) { flagWords[column.name] = words }
                case .choice(let list):
                    // `ess` is canonical, `ESS` French: only a value written as its canonical name alone tells.
                    if let index = list.values.firstIndex(of: String(cell)), list.frenchNames[index] != list.values[index] {
                        canonicalChoices.insert(column.name)
                    }
                default:
                    break
                }
            }
        }
        decimalComma = (evidence.settled ?? folderConvention).map { $0 == .comma } ?? (delimiter != UInt8(ascii: ","))
        self.flagWords = flagWords
        self.canonicalChoices = canonicalChoices
    }

    /// The trimmed cell of `column` in `record`; empty when the file has no such column.
    func cell(_ column: String, of record: Record) -> String {
        guard let position = positions[column], position < record.fields.count else { return "" }
        return String(record.fields[position].trimmingBlanks)
    }

    /// The year of a record, when its `year` cell is a whole number.
    func year(of record: Record) -> Int? {
        let cell = cell(StandardFields.year.name, of: record)
        return Int(cell) ?? Double(cell.replacingOccurrences(of: ",", with: ".")).flatMap { $0.rounded() == $0 && abs($0) < 10_000 ? Int($0) : nil }
    }

    /// Replaces record `index` with `values` (by canonical column name; `nil`: an empty cell). The
    /// columns `values` does not name keep the record's cells (a column of the pole's own, say).
    mutating func replace(_ index: Int, with values: [String: TableValue?]) {
        removed.insert(index)
        pending.append((index, values, index))
    }

    /// Removes record `index`.
    mutating func remove(_ index: Int) {
        removed.insert(index)
    }

    /// Adds a row where record `index` is (before it, after the rows already put there), or at
    /// the end when `index` is `nil`.
    mutating func insert(_ values: [String: TableValue?], at index: Int?) {
        pending.append((index, values, nil))
    }

    /// Whether anything changes.
    var changesSomething: Bool { !removed.isEmpty || !pending.isEmpty }

    /// The file's new bytes, in its encoding; throws the first character Windows-1252 cannot hold.
    mutating func bytes() throws(UnwritableCharacter) -> [UInt8] {
        if encoding == .windows1252 {
            for row in pending {
                for case .text(let text)?? in row.values.values {
                    if let scalar = text.unicodeScalars.first(where: { Windows1252.byte(for: $0) == nil }) {
                        throw UnwritableCharacter(character: String(scalar), text: text)
                    }
                }
            }
        }
        // Columns the rows need and the file lacks go at the end, in the schema's order (`NC`
        // alone needs none: a column the file lacks is not reported).
        for column in schema.columns where positions[column.name] == nil {
            guard pending.contains(where: { row in row.values[column.name].map { $0 != nil && $0 != .notReported } ?? false }) else { continue }
            positions[column.name] = headers.count
            headers.append(frenchHeaders ? column.frenchHeader : column.name)
            addedColumns.append(headers.last!)
        }
        var placed: [Int: [UInt8]] = [:], appended: [UInt8] = []
        for row in pending {
            let record = row.keeping.map { records[$0] }
            var fields = (0..<headers.count).map { position in
                record.map { position < $0.fields.count ? $0.fields[position] : "" } ?? ""
            }
            for (name, value) in row.values {
                guard let position = positions[name] else { continue }
                fields[position] = value.map { written($0, column: name) } ?? emptyCell(column: name)
            }
            let line = Self.joined(fields.map(quoted), delimiter: delimiter) + lineEnd
            if let index = row.index { placed[index, default: []] += line } else { appended += line }
        }
        var output = Array(text[..<textStart])
        var header = Array(text[textStart..<headerEnd])
        if !addedColumns.isEmpty {
            header = Self.insertingBeforeLineEnd(addedColumns.flatMap { [delimiter] + quoted($0) }, into: header[...])
        }
        output += header
        // The rows kept get an empty cell in each column added, read as the absent column was
        // (not reported): `NC` where an empty insertion figure would read as not applicable, in
        // the row of a member that is not an insertion structure.
        let added = schema.columns.filter { addedColumns.contains(frenchHeaders ? $0.frenchHeader : $0.name) }
        func padding(_ record: Record) -> [UInt8] {
            let notConcerned = isInsertionStructure(record) == false
            return added.flatMap { column in
                [delimiter] + (notConcerned && column.applicability == .insertionStructuresOnly ? Array("NC".utf8) : [])
            }
        }
        for (index, record) in records.enumerated() {
            output += placed[index] ?? []
            guard !removed.contains(index) else { continue }
            output += added.isEmpty ? Array(text[record.range]) : Self.insertingBeforeLineEnd(padding(record), into: text[record.range])
        }
        let tail = records.last.map { text[$0.range.upperBound...] } ?? text[headerEnd...]
        output += tail
        if !appended.isEmpty, let last = output.last, last != 0x0A, last != 0x0D { output += lineEnd }
        output += appended
        return try encoded(output)
    }

    /// Whether the member of a `members.csv` record is an insertion structure, as its cell reads
    /// (an empty cell is "no" where the column marks yes with `x`); `nil` when it does not say.
    private func isInsertionStructure(_ record: Record) -> Bool? {
        let name = StandardFields.Members.insertionStructure.name
        guard positions[name] != nil else { return nil }
        let cell = cell(name, of: record)
        if cell.isEmpty { return flagWords[name]?.no == "" ? false : nil }
        return CellReader.yesNo(cell)
    }

    /// What an empty value is written as in `column`: nothing, except in a yes/no column that
    /// marks yes with `x`, where an empty cell says no: there, `NC`.
    private func emptyCell(column: String) -> String {
        flagWords[column]?.no == "" ? "NC" : ""
    }

    /// A character of a new row that the file's encoding cannot hold.
    struct UnwritableCharacter: Error {
        let character: String
        /// The text that holds it.
        let text: String
    }

    /// `text` (UTF-8, or Windows-1252 as the file has it) in the file's encoding.
    private func encoded(_ output: [UInt8]) throws(UnwritableCharacter) -> [UInt8] {
        switch encoding {
        case .utf8, .utf8WithBOM, .windows1252, .utf8WithWindows1252Bytes:
            return output
        case .utf16LittleEndian, .utf16BigEndian:
            let bigEndian = encoding == .utf16BigEndian
            var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
            for unit in String(decoding: output, as: UTF8.self).utf16 {
                let (high, low) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
                bytes += bigEndian ? [high, low] : [low, high]
            }
            return bytes
        }
    }

    /// `value` as the file writes it in `column`.
    private func written(_ value: TableValue, column: String) -> String {
        switch value {
        case .text(let text):
            // A text a spreadsheet would take for a formula when the file is opened gets a space
            // before it, which the engine does not read.
            return text.first.map { "=+-@".contains($0) } == true ? " " + text : text
        case .number(let number):
            return Self.plain(number, decimalComma: decimalComma)
        case .choice(let canonical):
            guard frenchHeaders, !canonicalChoices.contains(column), case .choice(let list)? = schema.columns.first(where: { $0.name == column })?.type,
                  let index = list.values.firstIndex(of: canonical)
            else { return canonical }
            return list.frenchNames[index]
        case .flag(let flag):
            let words = flagWords[column] ?? (frenchHeaders ? ("oui", "non") : ("yes", "no"))
            return flag ? words.yes : words.no
        case .notReported:
            return "NC"
        case .notApplicable:
            return ""
        }
    }

    /// A number without grouping, with `,` or `.` as its decimal mark, never read otherwise: a
    /// fraction of exactly three digits after at most three (`12,125`, which could be twelve
    /// thousand) gets a fourth, `12,1250`.
    static func plain(_ number: Double, decimalComma: Bool) -> String {
        if number.rounded() == number, abs(number) < 1e15 { return String(Int(number)) }
        var text = "\(number)"
        if text.contains("e") { text = String(format: "%.6f", number) }
        while text.contains("."), text.hasSuffix("0") || text.hasSuffix(".") { text.removeLast() }
        if let point = text.firstIndex(of: "."), text.distance(from: point, to: text.endIndex) == 4,
           text[..<point].filter(\.isNumber).count <= 3, text[..<point] != "0" {
            text += "0"
        }
        return decimalComma ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// The words a yes/no cell uses, with their pair: `Oui` → (`Oui`, `Non`).
    private static func flagWords(for cell: String) -> (yes: String, no: String)? {
        let pairs = [("oui", "non"), ("yes", "no"), ("vrai", "faux"), ("true", "false"), ("1", "0"), ("x", "")]
        let lower = cell.lowercased()
        guard let pair = pairs.first(where: { $0.0 == lower || ($0.1 == lower && !$0.1.isEmpty) }) else { return nil }
        let capital = cell.first.map { $0.isUppercase } ?? false
        return capital ? (pair.0.capitalized, pair.1.capitalized) : pair
    }

    /// A field as written in the file: between quotes when it holds the delimiter, a quote, a
    /// line end or blanks at either end, its quotes doubled.
    private func quoted(_ field: String) -> [UInt8] {
        let bytes = Array(field.utf8)
        let needsQuotes = bytes.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || bytes.first == 0x20 || bytes.last == 0x20 || bytes.first == 0x09 || bytes.last == 0x09
        let body = Self.encodedText(bytes, in: encoding)
        guard needsQuotes else { return body }
        return [0x22] + body.flatMap { $0 == 0x22 ? [0x22, 0x22] : [$0] } + [0x22]
    }

    /// UTF-8 text as the file's text holds it: Windows-1252 for such a file (a character it
    /// cannot hold is caught when the file is encoded).
    private static func encodedText(_ bytes: [UInt8], in encoding: TextEncoding) -> [UInt8] {
        guard encoding == .windows1252 else { return bytes }
        return String(decoding: bytes, as: UTF8.self).unicodeScalars.flatMap { scalar -> [UInt8] in
            Windows1252.byte(for: scalar).map { [$0] } ?? [UInt8(ascii: "?")]
        }
    }

    private static func joined(_ fields: [[UInt8]], delimiter: UInt8) -> [UInt8] {
        var line: [UInt8] = []
        for (index, field) in fields.enumerated() {
            if index > 0 { line.append(delimiter) }
            line += field
        }
        return line
    }

    /// `bytes` inserted in `record` before its line end (at its end when it has none).
    private static func insertingBeforeLineEnd(_ bytes: [UInt8], into record: ArraySlice<UInt8>) -> [UInt8] {
        var end = record.endIndex
        while end > record.startIndex, record[end - 1] == 0x0A || record[end - 1] == 0x0D { end -= 1 }
        return Array(record[..<end]) + bytes + Array(record[end...])
    }

    /// The file's line end: that of its first line, CRLF when it has none.
    private static func lineEnd(in text: [UInt8]) -> [UInt8] {
        guard let first = text.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { return [0x0D, 0x0A] }
        if text[first] == 0x0D { return first + 1 < text.count && text[first + 1] == 0x0A ? [0x0D, 0x0A] : [0x0D] }
        return [0x0A]
    }
}
