/// How serious a finding is.
///
/// An `error` makes the data unusable as it stands (`ptce validate` exits 1);
/// a `warning` is accepted but worth a look; a `note` only informs.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    /// Only informs (an optional file with a header and no data).
    case note
    /// Accepted, but worth a look.
    case warning
    /// The data cannot be used as it stands.
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs.rank < rhs.rank
    }

    /// The word shown in reports.
    public var label: LocalizedText {
        switch self {
        case .note: LocalizedText(fr: "note", en: "note")
        case .warning: LocalizedText(fr: "avertissement", en: "warning")
        case .error: LocalizedText(fr: "erreur", en: "error")
        }
    }

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }
}

/// Where in a dataset a finding points: a file, and when known a line and a column.
public struct SourceLocation: Sendable, Hashable, Codable {
    /// The file name relative to the pole folder, e.g. `members.csv`.
    public var file: String
    /// The 1-based physical line the record starts on, if the finding concerns a line.
    public var line: Int?
    /// The column header exactly as written in the file (e.g. `ETP`), if the finding concerns a cell.
    public var column: String?
    /// The 1-based position of that column, so a spreadsheet user can find it by letter.
    public var columnIndex: Int?
    /// Whether the line is a workbook sheet's row, so that a finding names its cell (`F12`).
    public var namesCell: Bool
    /// The sheet the cell is on, when the workbook has several that matter (a returned form's
    /// `Coopérations`); `nil` for a table's first sheet.
    public var sheet: String?

    /// Creates a location in `file`, at a 1-based line and a column (its header as written, its 1-based position)
    /// when known; `namesCell` when the file is a workbook whose findings name the cell, on `sheet` when given.
    public init(file: String, line: Int? = nil, column: String? = nil, columnIndex: Int? = nil, namesCell: Bool = false, sheet: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.columnIndex = columnIndex
        self.namesCell = namesCell
        self.sheet = sheet
    }

    /// The sheet cell, `F12`, when the location is a workbook's cell.
    public var cell: String? {
        guard namesCell, let line, let letter = columnLetter else { return nil }
        return letter + String(line)
    }

    /// The spreadsheet letter of the column (`1` → `A`, `27` → `AA`), if the column is known.
    public var columnLetter: String? {
        guard var index = columnIndex, index > 0 else { return nil }
        var letters: [Character] = []
        while index > 0 {
            let remainder = (index - 1) % 26
            letters.insert(Character(UnicodeScalar(UInt8(65 + remainder))), at: 0)
            index = (index - 1) / 26
        }
        return String(letters)
    }
}

/// One problem or remark about the data, with the place it concerns.
///
/// Findings are collected, never thrown one at a time: a coordinator fixes a file
/// in one pass when every problem is listed.
public struct Finding: Sendable, Hashable, Codable {
    /// How serious it is.
    public var severity: Severity
    /// The file, and when known the line and column, it concerns.
    public var location: SourceLocation
    /// A sentence that says the value found and what was expected, in French and in English.
    /// The texts come from each module's message catalogue (`ImportMessage`, `IndicatorMessage`…).
    public var message: LocalizedText

    /// Creates a finding of `severity` about `location`; a workbook cell's message starts with
    /// the cell ("cellule F12 : …"), and its sheet when the location names one ("feuille
    /// « Coopérations », cellule B7 : …").
    public init(_ severity: Severity, _ message: LocalizedText, at location: SourceLocation) {
        self.severity = severity
        self.message = switch (location.cell, location.sheet) {
        case (nil, _): message
        case (let cell?, nil): LocalizedText(fr: "cellule \(cell) : \(message.fr)", en: "cell \(cell): \(message.en)")
        case (let cell?, let sheet?):
            LocalizedText(fr: "feuille « \(sheet) », cellule \(cell) : \(message.fr)", en: "sheet \"\(sheet)\", cell \(cell): \(message.en)")
        }
        self.location = location
    }

    /// `file:line:column: severity: message`, the form compilers and editors understand, with the
    /// message in `language`. The severity stays the machine word (`error`, `warning`, `note`) in
    /// both languages, as compilers print it, so that editors parse the line either way. Always
    /// one line, since characters that would break or reorder it (line ends, other control
    /// characters, bidirectional overrides) are shown escaped, as `\n` or `\u{202E}`.
    public func formatted(_ language: Language) -> String {
        var place = Self.oneLine(location.file)
        if let line = location.line { place += ":\(line)" }
        if let column = location.column { place += ":" + Self.oneLine(column) }
        return "\(place): \(severity.rawValue): \(Self.oneLine(message[language]))"
    }

    /// `text` with the characters that could break a line or disguise what follows escaped.
    static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isEscapedInLines) else { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case _ where isEscapedInLines(scalar): escaped += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// `0xE9, 0xE8` in a message: the first ten items, then how many more ("… and 3 more",
    /// "… et 3 autres"). The items are shown as given, in both languages.
    public static func listed(_ items: [String]) -> LocalizedText {
        let shown = items.prefix(listedAtMost).joined(separator: ", ")
        guard items.count > listedAtMost else { return LocalizedText(fr: shown, en: shown) }
        let more = items.count - listedAtMost
        return LocalizedText(fr: shown + " et \(more) autres", en: shown + " and \(more) more")
    }

    /// How many items ``listed(_:)`` names before it counts the rest.
    public static let listedAtMost = 10

    /// Control characters (C0, DEL, C1), the Unicode line and paragraph separators, the
    /// bidirectional embeddings, overrides and isolates, and invisible format characters.
    private static func isEscapedInLines(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        // Invisible format characters: zero widths, marks, joiners, the BOM.
        case 0x061C, 0x200B...0x200F, 0x2060...0x2064, 0xFEFF: true
        default: false
        }
    }
}

/// An ordered collection of findings, as gathered while reading a dataset.
public struct Findings: Sendable, Hashable {
    /// The findings in the order they were added.
    public private(set) var all: [Finding] = []

    /// Creates a collection holding `findings` (by default none), in their order.
    public init(_ findings: [Finding] = []) {
        all = findings
    }

    /// Adds `finding` at the end.
    public mutating func append(_ finding: Finding) {
        all.append(finding)
    }

    /// Keeps the first `count` findings only: what a reader found before it read a record again.
    package mutating func keepFirst(_ count: Int) {
        all.removeLast(all.count - count)
    }

    /// Adds the findings of `other` at the end, in their order.
    public mutating func append(contentsOf other: Findings) {
        all.append(contentsOf: other.all)
    }

    /// Adds an error saying `message` about `location`.
    public mutating func error(_ message: LocalizedText, at location: SourceLocation) {
        all.append(Finding(.error, message, at: location))
    }

    /// Adds a warning saying `message` about `location`.
    public mutating func warning(_ message: LocalizedText, at location: SourceLocation) {
        all.append(Finding(.warning, message, at: location))
    }

    /// Adds a note saying `message` about `location`.
    public mutating func note(_ message: LocalizedText, at location: SourceLocation) {
        all.append(Finding(.note, message, at: location))
    }

    /// Whether any finding is an error: the data cannot be used as it stands.
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// How many findings have `severity`.
    public func count(of severity: Severity) -> Int {
        all.lazy.filter { $0.severity == severity }.count
    }

    /// The findings in reading order: by file, then line, then column position.
    public var sorted: [Finding] {
        all.enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element.location, rhs.element.location)
            if a.file != b.file { return a.file < b.file }
            if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
            // Cell findings first, then what concerns the whole line.
            let (columnA, columnB) = (a.columnIndex ?? .max, b.columnIndex ?? .max)
            if columnA != columnB { return columnA < columnB }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
