/// The closed lists a column may take its values from.
public enum ChoiceList: String, Sendable, Hashable, CaseIterable {
    /// The values of ``ActorType``, ``CooperationKind``, ``FundingKind``, ``ProjectStage`` and ``RespondentRole``.
    case actorType, cooperationKind, fundingKind, projectStage, respondentRole
}

/// How a column's cells are read and checked.
public enum FieldType: Sendable, Hashable {
    /// Free text, kept as written.
    case text
    /// An identifier: text that must not have been turned into `3,56E+13` by Excel.
    case identifier
    /// A whole number ≥ 0.
    case count
    /// A decimal number ≥ 0 (FTE, tonnes).
    case quantity
    /// An amount of money in euros, with `€`, `k€`, `M€` allowed.
    case money
    /// Yes or no: `oui`/`non`, `yes`/`no`, `vrai`/`faux`, `true`/`false`, `1`/`0`, or `x` and empty in a column that
    /// marks with `x`.
    case boolean
    /// A year in ``years``.
    case year
    /// An INSEE commune code: five characters, `2A`/`2B` for Corsica.
    case communeCode
    /// One of a closed list, named by its canonical value or a French alias.
    case choice(ChoiceList)
    /// Member ids separated by `|`.
    case memberList
    /// A survey answer, read according to the question's kind.
    case answer
    /// An objective's number in its indicator's unit: `45 %` (a share, read 0.45), `0,45`, `20`,
    /// `250 000 €`; the indicator, which the table does not know, says which forms fit.
    case target

    /// The years a `year` cell may hold: 1990 to 2100.
    public static let years = 1990...2100

    /// Whether cells are numbers: counts, quantities, money and years.
    public var isNumeric: Bool {
        switch self {
        case .count, .quantity, .money, .year: true
        default: false
        }
    }

    /// The bound no real value of this type reaches (exclusive): 10^12 € for money, 10^7 for
    /// counts and quantities (people, FTE). A figure above it is a typing or export accident, and
    /// refusing it keeps every sum finite and exact enough. Years have their own range.
    public var upperBound: Double? {
        switch self {
        case .count, .quantity: 1e7
        case .money: 1e12
        default: nil
        }
    }
}

/// Which rows a figure concerns.
public enum Applicability: Sendable, Hashable {
    /// Every row: an empty cell is not reported.
    case everyRow
    /// Members that are insertion structures (SIAE): for a member whose `insertion_structure` is
    /// no, an empty cell means none (0, not applicable), while `NC` still means not reported.
    case insertionStructuresOnly
}

/// A rule between two figures of one row, checked as the row is read.
public enum FieldRule: Sendable, Hashable {
    /// The figure is part of `whole` and cannot exceed it: an error, and the figure is then not
    /// reported (so that a total stays right), and its later rules not checked. `because` ends
    /// the message, in both languages.
    case partOf(whole: String, because: LocalizedText)
    /// The figure should not exceed `factor` × `other`: a warning, the figure kept.
    case atMostTimes(other: String, factor: Double, because: LocalizedText)
}

/// How a figure is shown in a spreadsheet cell.
public enum FigureFormat: Sendable, Hashable {
    /// Whole: `1 234`.
    case count
    /// One decimal: `143,2` (FTE).
    case tenths
    /// Euros: `1 380 000 €`.
    case money
    /// Up to two decimals: `12,5` (tonnes).
    case decimal
}

/// One column of a dataset file, declared once: everything the engine knows about it, from which
/// the reader, the formulas, the data sheets, the coverage tables and the templates derive.
public struct FieldDeclaration: Sendable, Hashable {
    /// The canonical name, as in headers, formulas and JSON: `fte`.
    public var name: String
    /// The other headers that designate the column, French first: `ETP`, `équivalents temps plein`.
    public var aliases: [String]
    /// How its cells are read and checked.
    public var type: FieldType
    /// Whether every row must fill it: a row whose required cell is missing or invalid is left out, with a warning.
    public var isRequired: Bool
    /// For numbers: the value no real figure of the column reaches (exclusive).
    public var upperBound: Double?
    /// For numbers: the base symbol of their quantity, as the indicator library's `units.toml`
    /// writes quantities (`fte`, `eur`, `count`, `tonnes`, `year`): what formulas check against.
    public var unit: String?
    /// Which rows it concerns, and so what an empty cell means.
    public var applicability: Applicability
    /// Its rules against other figures of the row, checked in order.
    public var rules: [FieldRule]
    /// The column's header in reports, in both languages.
    public var label: LocalizedText
    /// How the figure is shown in a spreadsheet.
    public var format: FigureFormat?
    /// What the column holds, in a sentence for whoever fills it in (the templates' help and input
    /// messages); `nil` for derived columns, which no one fills in.
    public var help: LocalizedText?

    /// Creates a declaration; `upperBound` defaults to the type's (``FieldType/upperBound``), the other options to
    /// none.
    public init(
        _ name: String, _ type: FieldType, required: Bool = false, upperBound: Double? = nil, unit: String? = nil,
        applicability: Applicability = .everyRow, rules: [FieldRule] = [], label: LocalizedText, format: FigureFormat? = nil,
        help: LocalizedText? = nil, aliases: [String]
    ) {
        self.name = name
        self.aliases = aliases
        self.type = type
        self.isRequired = required
        self.upperBound = upperBound ?? type.upperBound
        self.unit = unit
        self.applicability = applicability
        self.rules = rules
        self.label = label
        self.format = format
        self.help = help
    }

    /// The header `ptce init` writes in new templates: the first French alias, capitalised.
    public var frenchHeader: String {
        aliases.first.map(\.capitalisingFirstLetter) ?? name
    }

    /// The upper bound as messages write it, its thousands apart and `€` after money: `10 000 000`,
    /// `1 000 000 000 000 €`; `nil` without a bound.
    public var writtenUpperBound: String? {
        upperBound.map { bound in
            let digits = Array(bound.rounded() == bound && bound < 1e15 ? String(Int(bound)) : String(bound))
            let grouped = String(digits.enumerated().flatMap { index, digit in
                index > 0 && (digits.count - index) % 3 == 0 ? [" ", digit] : [digit]
            })
            return grouped + (type == .money ? " €" : "")
        }
    }

    /// Whether the column is one of a member's optional figures (numbers other than the year).
    public var isFigure: Bool { type.isNumeric && type != .year && !isRequired }
}

/// The columns of one dataset file, in the order of its template.
public struct TableDeclaration: Sendable, Hashable {
    /// The file name in a pole folder, e.g. `members.csv`.
    public var file: String
    /// Whether a pole folder must hold the file (only `members.csv` does).
    public var isRequired: Bool
    /// Its name in sheets and help, in both languages: "Membres".
    public var label: LocalizedText
    /// What one of its rows is: "une structure membre dans une année".
    public var row: LocalizedText
    /// Its columns, in the order of its template.
    public var fields: [FieldDeclaration]

    /// Creates a table declaration.
    public init(file: String, isRequired: Bool, label: LocalizedText, row: LocalizedText, fields: [FieldDeclaration]) {
        self.file = file
        self.isRequired = isRequired
        self.label = label
        self.row = row
        self.fields = fields
    }

    /// The name formulas give the table: the file's name without `.csv` (`members`).
    public var formulaName: String {
        file.hasSuffix(".csv") ? String(file.dropLast(4)) : file
    }

    /// The name of the table given as a workbook: `members.xlsx`.
    public var workbookFile: String { formulaName + ".xlsx" }

    /// The declaration of the column named `name` (canonical name).
    public subscript(name: String) -> FieldDeclaration? {
        fields.first { $0.name == name }
    }
}

/// The columns of the five files: ``standard`` is the public contract; a network may extend it
/// with member figures of its own (``addingMemberFigure(_:)``), which are then read, checked,
/// offered to formulas and written in the members data sheet like the standard ones.
public struct FieldCatalogue: Sendable, Hashable {
    /// The five files, members first, in reading order.
    public private(set) var tables: [TableDeclaration]
    /// A member's optional figures, in storage order.
    public private(set) var memberFigures: [MemberFigure]

    /// The columns of the public contract (``StandardFields``), with no figure of a network's own.
    public static let standard = FieldCatalogue(tables: StandardFields.tables)

    private init(tables: [TableDeclaration]) {
        self.tables = tables
        memberFigures = tables[0].fields.filter(\.isFigure).enumerated().map { MemberFigure(index: $0, field: $1) }
    }

    /// The declaration of `members.csv`, the first table.
    public var members: TableDeclaration { tables[0] }

    /// The catalogue with `field`, a number that is not required, as one more member figure,
    /// stored after the others. `nil` when it is not a figure or its name is taken.
    public func addingMemberFigure(_ field: FieldDeclaration) -> FieldCatalogue? {
        guard field.isFigure, tables[0][field.name] == nil else { return nil }
        var tables = tables
        tables[0].fields.append(field)
        return FieldCatalogue(tables: tables)
    }

    /// The member figure of the column named `name` (`fte`), if it is one.
    public func memberFigure(named name: String) -> MemberFigure? {
        memberFigures.first { $0.field.name == name }
    }
}

extension String {
    /// The text with its first letter in capitals: `Collectivité` for `collectivité`.
    public var capitalisingFirstLetter: String {
        prefix(1).uppercased() + dropFirst()
    }
}
