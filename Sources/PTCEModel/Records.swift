import Foundation

/// The file and line a record was read from, so later findings can point back to it.
///
/// Eight bytes: the file is held as its number among the file names met by the process
/// (``FileNames``), as a national dataset has millions of records and a handful of files.
public struct RecordOrigin: Sendable, Hashable, Codable {
    private var fileNumber: UInt32
    private var storedLine: Int32

    /// The file name relative to the pole folder, e.g. `members.csv`.
    public var file: String {
        get { FileNames.shared.name(fileNumber) }
        set { fileNumber = FileNames.shared.number(of: newValue) }
    }

    /// The 1-based physical line the record starts on (a quoted cell may span several lines).
    /// A file of at most 2 GB has fewer than 2³¹ lines.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    /// Creates the origin of a record starting on `line` (1-based) of `file`.
    public init(file: String, line: Int) {
        fileNumber = FileNames.shared.number(of: file)
        storedLine = Int32(clamping: line)
    }

    private enum CodingKeys: String, CodingKey { case file, line }

    /// Decodes `{"file": …, "line": …}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(file: try container.decode(String.self, forKey: .file), line: try container.decode(Int.self, forKey: .line))
    }

    /// Encodes `{"file": …, "line": …}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
    }

    /// The record's line as the location of a finding (no column).
    public var location: SourceLocation { SourceLocation(file: file, line: line) }
}

/// The names of the files records come from, each numbered once for the life of the process
/// (a pole folder has a handful; a run over many folders or returned forms, a few thousand).
private final class FileNames: @unchecked Sendable {
    static let shared = FileNames()
    private let lock = NSLock()
    private var names: [String] = []
    private var numbers: [String: UInt32] = [:]

    func number(of name: String) -> UInt32 {
        lock.withLock {
            if let number = numbers[name] { return number }
            let number = UInt32(names.count)
            names.append(name)
            numbers[name] = number
            return number
        }
    }

    func name(_ number: UInt32) -> String {
        lock.withLock { names[Int(number)] }
    }
}

/// A cell of a column the engine does not know, kept as written.
public struct ExtraValue: Sendable, Hashable, Codable {
    /// The header as written in the file; `column N` (N the 1-based position) for a column with values but no header.
    public var column: String
    /// The cell's text as written; never empty, since empty cells are not kept.
    public var value: String

    /// Creates an extra cell.
    public init(column: String, value: String) {
        self.column = column
        self.value = value
    }
}

/// One member structure in one year, as it reported itself.
///
/// Every optional figure is `nil` when the member did not report it: never 0.
public struct Member: Sendable, Hashable {
    /// Where the member's row is in `members.csv`.
    public var origin: RecordOrigin
    /// The year the row reports on (1990–2100).
    public var year: Int {
        @inlinable get { Int(storedYear) }
        set { storedYear = Int32(clamping: newValue) }
    }
    /// The `member_id` as written (a SIRET or any other code), unique within a year: what cooperations and
    /// projects refer to.
    public var id: String
    /// The member's name, as written.
    public var name: String
    /// The legal form as written (`Association`, `SCIC`); `nil` when not given.
    public var legalForm: String?
    /// The INSEE code of the member's commune, five characters.
    public var commune: String?
    /// The non-empty cells of columns the engine does not know, in column order.
    public var extras: [ExtraValue]
    /// The figures (``FieldCatalogue/memberFigures``), packed: a national dataset holds
    /// a million members.
    @usableFromInline private(set) var figures = MemberFigures()
    /// `nil` only when the cell was invalid and the report was made anyway (`--keep-going`):
    /// the member counts, but in no actor type.
    public var actorType: ActorType?
    /// Whether the member is an insertion structure (SIAE); `nil` when not reported. When `false`, its empty
    /// insertion cells are not applicable (0), not missing.
    public var insertionStructure: Bool?
    /// ``year``, stored last, beside the two one-byte properties: a national dataset holds a
    /// million members, and a year in its own place took 8 bytes more each.
    @usableFromInline private(set) var storedYear: Int32

    // The standard figures by name, for code and tests that know them: the storage itself is
    // generic (``subscript(_:)``), so that a figure added to the catalogue needs no property here.
    /// Jobs in full-time equivalents (FTE); `nil` when not reported.
    public var fte: Double? { get { self[.fte] } set { self[.fte] = newValue } }
    /// Employees, in people (not FTE); `nil` when not reported.
    public var headcount: Int? { get { whole(.headcount) } set { self[.headcount] = newValue.map(Double.init) } }
    /// FTE held by people in insertion, part of ``fte``; 0 when not applicable, `nil` when not reported.
    public var insertionFTE: Double? { get { self[.insertionFTE] } set { self[.insertionFTE] = newValue } }
    /// People employed on insertion contracts; 0 when not applicable, `nil` when not reported.
    public var insertionPeople: Int? { get { whole(.insertionPeople) } set { self[.insertionPeople] = newValue.map(Double.init) } }
    /// People who left an insertion job in the year; 0 when not applicable, `nil` when not reported.
    public var insertionExits: Int? { get { whole(.insertionExits) } set { self[.insertionExits] = newValue.map(Double.init) } }
    /// The exits that were dynamic (to durable or transition employment, positive exits), part of ``insertionExits``;
    /// 0 when not applicable, `nil` when not reported.
    public var insertionExitsDynamic: Int? {
        get { whole(.insertionExitsDynamic) }
        set { self[.insertionExitsDynamic] = newValue.map(Double.init) }
    }
    /// The exits to durable employment, part of ``insertionExitsDynamic``; 0 when not applicable, `nil` when not
    /// reported.
    public var insertionExitsDurable: Int? {
        get { whole(.insertionExitsDurable) }
        set { self[.insertionExitsDurable] = newValue.map(Double.init) }
    }
    /// Turnover, in euros; `nil` when not reported.
    public var turnover: Double? { get { self[.turnover] } set { self[.turnover] = newValue } }
    /// Public subsidies received, in euros; `nil` when not reported.
    public var publicFunding: Double? { get { self[.publicFunding] } set { self[.publicFunding] = newValue } }
    /// Volunteers, in people; `nil` when not reported.
    public var volunteers: Int? { get { whole(.volunteers) } set { self[.volunteers] = newValue.map(Double.init) } }
    /// Jobs the member created; `nil` when not reported.
    public var jobsCreated: Int? { get { whole(.jobsCreated) } set { self[.jobsCreated] = newValue.map(Double.init) } }
    /// Purchases, in euros; `nil` when not reported.
    public var purchases: Double? { get { self[.purchases] } set { self[.purchases] = newValue } }
    /// Purchases made locally, in euros, part of ``purchases``; `nil` when not reported.
    public var localPurchases: Double? { get { self[.localPurchases] } set { self[.localPurchases] = newValue } }
    /// People trained; `nil` when not reported.
    public var trainees: Int? { get { whole(.trainees) } set { self[.trainees] = newValue.map(Double.init) } }
    /// Tonnes of goods reused or diverted from waste; `nil` when not reported.
    public var reuseTonnes: Double? { get { self[.reuseTonnes] } set { self[.reuseTonnes] = newValue } }

    /// A count: whole numbers are stored exactly (they are below 2⁵³).
    private func whole(_ figure: MemberFigure) -> Int? {
        self[figure].map { Int($0) }
    }

    /// A figure: a count as a whole `Double`; `nil` when not reported. Setting it makes it an
    /// ordinary reported (or not reported) value.
    public subscript(figure: MemberFigure) -> Double? {
        get { figures[figure.index] }
        set { figures[figure.index] = newValue }
    }

    /// The figure stored at `index` (a ``MemberFigure/index``): for a reader that handles
    /// millions of members and has resolved its figures once.
    package subscript(figureAt index: Int) -> Double? {
        @inlinable get { figures[index] }
        set { figures[index] = newValue }
    }

    /// Whether `figure` is 0 because the member is not concerned by it (spec: an empty insertion
    /// cell of a member that is not an insertion structure means none), rather than reported as 0.
    public func isNotApplicable(_ figure: MemberFigure) -> Bool {
        figures.isNotApplicable(at: figure.index)
    }

    /// ``isNotApplicable(_:)`` for the figure stored at `index`.
    @inlinable package func isNotApplicable(figureAt index: Int) -> Bool {
        figures.isNotApplicable(at: index)
    }

    /// Sets `figure` to 0 because the member is not concerned by it; setting the figure again
    /// makes it an ordinary reported (or not reported) value.
    public mutating func setNotApplicable(_ figure: MemberFigure) {
        figures.setNotApplicable(at: figure.index)
    }

    /// ``setNotApplicable(_:)`` for the figure stored at `index`.
    package mutating func setNotApplicable(figureAt index: Int) {
        figures.setNotApplicable(at: index)
    }

    /// Creates a member; every figure defaults to not reported (none is marked not applicable), the other optional
    /// values to not given, `extras` to none.
    public init(
        origin: RecordOrigin, year: Int, id: String, name: String, actorType: ActorType?,
        legalForm: String? = nil, insertionStructure: Bool? = nil, commune: String? = nil,
        fte: Double? = nil, headcount: Int? = nil, insertionFTE: Double? = nil,
        insertionPeople: Int? = nil, insertionExits: Int? = nil, insertionExitsDynamic: Int? = nil,
        insertionExitsDurable: Int? = nil, turnover: Double? = nil, publicFunding: Double? = nil,
        volunteers: Int? = nil, jobsCreated: Int? = nil, purchases: Double? = nil,
        localPurchases: Double? = nil, trainees: Int? = nil, reuseTonnes: Double? = nil,
        extras: [ExtraValue] = []
    ) {
        self.origin = origin
        storedYear = Int32(clamping: year)
        self.id = id
        self.name = name
        self.actorType = actorType
        self.legalForm = legalForm
        self.insertionStructure = insertionStructure
        self.commune = commune
        self.extras = extras
        self.fte = fte
        self.headcount = headcount
        self.insertionFTE = insertionFTE
        self.insertionPeople = insertionPeople
        self.insertionExits = insertionExits
        self.insertionExitsDynamic = insertionExitsDynamic
        self.insertionExitsDurable = insertionExitsDurable
        self.turnover = turnover
        self.publicFunding = publicFunding
        self.volunteers = volunteers
        self.jobsCreated = jobsCreated
        self.purchases = purchases
        self.localPurchases = localPurchases
        self.trainees = trainees
        self.reuseTonnes = reuseTonnes
    }
}

/// One of a member's optional figures: its declaration and where it is stored
/// (``FieldCatalogue/memberFigures``).
public struct MemberFigure: Sendable, Hashable {
    /// Where the figure is stored.
    public let index: Int
    /// The column's declaration: name, unit, labels, rules.
    public let field: FieldDeclaration

    init(index: Int, field: FieldDeclaration) {
        self.index = index
        self.field = field
    }

    /// The standard figures, in storage order (a catalogue may add others after them).
    public static var all: [MemberFigure] { FieldCatalogue.standard.memberFigures }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.index == rhs.index }
    public func hash(into hasher: inout Hasher) { hasher.combine(index) }

    // The standard figures, for code that names them.
    /// The standard figures `fte`, `headcount` and `insertion_fte` (the ``Member`` properties of the same names).
    public static let fte = standard("fte"), headcount = standard("headcount"), insertionFTE = standard("insertion_fte")
    /// The standard figures `insertion_people` and `insertion_exits`.
    public static let insertionPeople = standard("insertion_people"), insertionExits = standard("insertion_exits")
    /// The standard figure `insertion_exits_dynamic`.
    public static let insertionExitsDynamic = standard("insertion_exits_dynamic")
    /// The standard figure `insertion_exits_durable`.
    public static let insertionExitsDurable = standard("insertion_exits_durable")
    /// The standard figures `turnover` and `public_funding`, in euros.
    public static let turnover = standard("turnover"), publicFunding = standard("public_funding")
    /// The standard figures `volunteers` and `jobs_created`.
    public static let volunteers = standard("volunteers"), jobsCreated = standard("jobs_created")
    /// The standard figures `purchases` and `local_purchases`, in euros.
    public static let purchases = standard("purchases"), localPurchases = standard("local_purchases")
    /// The standard figures `trainees` and `reuse_tonnes`.
    public static let trainees = standard("trainees"), reuseTonnes = standard("reuse_tonnes")

    private static func standard(_ name: String) -> MemberFigure {
        guard let figure = FieldCatalogue.standard.memberFigure(named: name) else {
            preconditionFailure("\(name) is not a declared member figure")
        }
        return figure
    }
}

/// A member's optional figures, eight bytes each: a figure not reported, or not applicable (0
/// because the member is not concerned), is a NaN whose payload says which. No reported figure
/// is NaN (the reader refuses what is not finite).
///
/// The first ``inlineCount`` figures (the standard ones) are stored in the member itself, so
/// that a national dataset's million members need no allocation each for them; the figures a
/// catalogue adds after them are in an array.
///
/// Reading a figure is inlinable, so that a reader in another module (the indicators, over a
/// million members) loads it where the member lies rather than calling with a copy of it.
@usableFromInline
struct MemberFigures: Sendable, Hashable {
    /// How many figures are stored in the member itself: as many as the standard catalogue has,
    /// the elements of ``inline``.
    @inlinable static var inlineCount: Int { 15 }
    @usableFromInline var inline: (Double, Double, Double, Double, Double, Double, Double, Double, Double, Double, Double, Double, Double,
                         Double, Double) = (
        notReported, notReported, notReported, notReported, notReported, notReported, notReported, notReported, notReported,
        notReported, notReported, notReported, notReported, notReported, notReported)
    /// The figures after the first ``inlineCount``, without trailing "not reported" ones (so that
    /// equal figures are equal arrays).
    @usableFromInline var overflow: [Double] = []

    /// `Double(nan: 1, signaling: false)` and `Double(nan: 2, signaling: false)`, as constants.
    @inlinable static var notReported: Double { Double(bitPattern: 0x7FF8_0000_0000_0001) }
    @inlinable static var notApplicable: Double { Double(bitPattern: 0x7FF8_0000_0000_0002) }

    /// The figure stored at `index` (a ``MemberFigure/index``).
    @usableFromInline subscript(index: Int) -> Double? {
        @inlinable get {
            let value = stored(at: index)
            guard value.isNaN else { return value }
            return value.bitPattern == Self.notApplicable.bitPattern ? 0 : nil
        }
        set { store(newValue ?? Self.notReported, at: index) }
    }

    @inlinable func isNotApplicable(at index: Int) -> Bool {
        stored(at: index).bitPattern == Self.notApplicable.bitPattern
    }

    mutating func setNotApplicable(at index: Int) {
        store(Self.notApplicable, at: index)
    }

    @inlinable func stored(at index: Int) -> Double {
        // Element by element: `withUnsafeBytes(of: inline)` would copy the whole tuple on every read.
        switch index {
        case 0: return inline.0
        case 1: return inline.1
        case 2: return inline.2
        case 3: return inline.3
        case 4: return inline.4
        case 5: return inline.5
        case 6: return inline.6
        case 7: return inline.7
        case 8: return inline.8
        case 9: return inline.9
        case 10: return inline.10
        case 11: return inline.11
        case 12: return inline.12
        case 13: return inline.13
        case 14: return inline.14
        default: break
        }
        let position = index - Self.inlineCount
        return position < overflow.count ? overflow[position] : Self.notReported
    }

    private mutating func store(_ value: Double, at index: Int) {
        // A tuple of doubles is laid out as an array of them: the place ``stored(at:)`` reads
        // element by element (in place, the tuple being mutable here, so nothing is copied).
        guard index >= Self.inlineCount else {
            withUnsafeMutableBytes(of: &inline) { $0.storeBytes(of: value, toByteOffset: index * MemoryLayout<Double>.stride, as: Double.self) }
            return
        }
        let position = index - Self.inlineCount
        if position >= overflow.count {
            guard value.bitPattern != Self.notReported.bitPattern else { return }
            overflow.append(contentsOf: repeatElement(Self.notReported, count: position + 1 - overflow.count))
        }
        overflow[position] = value
        while let last = overflow.last, last.bitPattern == Self.notReported.bitPattern { overflow.removeLast() }
    }

    /// Every figure's bits, the stored ones first: what equality and hashing compare.
    private var bitPatterns: [UInt64] {
        (0..<Self.inlineCount + overflow.count).map { stored(at: $0).bitPattern }
    }

    @usableFromInline static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.bitPatterns == rhs.bitPatterns
    }

    @usableFromInline func hash(into hasher: inout Hasher) {
        hasher.combine(bitPatterns)
    }
}

/// One cooperation between two members in one year.
public struct Cooperation: Sendable, Hashable, Codable {
    /// Where the row is in `cooperations.csv`.
    public var origin: RecordOrigin
    /// The year the row reports on.
    public var year: Int {
        get { Int(storedYear) }
        set { storedYear = Int32(clamping: newValue) }
    }
    /// The id of one member, a member of the same year.
    public var memberA: String
    /// The id of the other member, a member of the same year other than ``memberA``.
    public var memberB: String
    /// What the cooperation is, as written; `nil` when not given.
    public var description: String?
    /// The non-empty cells of columns the engine does not know, in column order.
    public var extras: [ExtraValue]
    /// The amount the cooperation involves, in euros; `nil` when not given.
    public var amount: Double?
    /// What the two members do together.
    public var kind: CooperationKind
    /// ``year``, stored last beside ``kind``: a national dataset holds half a million
    /// cooperations, and a year in its own place took 16 bytes more each.
    private var storedYear: Int32

    private enum CodingKeys: String, CodingKey {
        case origin, storedYear = "year", memberA, memberB, kind, amount, description, extras
    }

    /// Creates a cooperation; the amount and description default to not given, `extras` to none.
    public init(
        origin: RecordOrigin, year: Int, memberA: String, memberB: String, kind: CooperationKind,
        amount: Double? = nil, description: String? = nil, extras: [ExtraValue] = []
    ) {
        self.origin = origin
        storedYear = Int32(clamping: year)
        self.memberA = memberA
        self.memberB = memberB
        self.kind = kind
        self.amount = amount
        self.description = description
        self.extras = extras
    }
}

/// One line of the pole's own coordination budget in one year.
public struct FinanceLine: Sendable, Hashable, Codable {
    /// Where the row is in `finances.csv`.
    public var origin: RecordOrigin
    /// The year the budget line belongs to.
    public var year: Int
    /// Who pays, as written: "État – AMI PTCE", "Région", …
    public var source: String
    /// The kind of funding, which says whether the money is public.
    public var kind: FundingKind
    /// The amount, in euros (required: a line without one is left out).
    public var amount: Double
    /// The amount the budget planned for the line, in euros; `nil` when none was planned.
    public var planned: Double?
    /// The non-empty cells of columns the engine does not know, in column order.
    public var extras: [ExtraValue]

    /// Creates a budget line; `planned` and `extras` default to none.
    public init(
        origin: RecordOrigin, year: Int, source: String, kind: FundingKind, amount: Double, planned: Double? = nil,
        extras: [ExtraValue] = []
    ) {
        self.origin = origin
        self.year = year
        self.source = source
        self.kind = kind
        self.amount = amount
        self.planned = planned
        self.extras = extras
    }
}

/// One objective of the pole (`targets.csv`): a value an indicator should reach over a period.
public struct Target: Sendable, Hashable, Codable {
    /// The unit a number of the file was written with, checked against the indicator's unit.
    public enum WrittenUnit: String, Sendable, Hashable, Codable {
        /// A bare number: `20`, `0,25`.
        case none
        /// A percentage, `25 %`, read as a fraction.
        case percent
        /// An amount of euros: `250 000 €`, `250 k€`.
        case euros
    }

    /// A number of the file, with the unit it was written with.
    public struct Number: Sendable, Hashable, Codable {
        /// The number, a percentage read as a fraction (`45 %` is 0.45).
        public var value: Double
        /// What followed the number: nothing, `%` or `€`.
        public var unit: WrittenUnit

        /// Creates a number; `unit` defaults to none (a bare number).
        public init(_ value: Double, unit: WrittenUnit = .none) {
            self.value = value
            self.unit = unit
        }
    }

    /// Where the row is in `targets.csv`.
    public var origin: RecordOrigin
    /// The id of the indicator the objective is for, as written, an indicator of the library.
    public var indicator: String
    /// The first and last years of the period, `from ≤ to`.
    public var from: Int, to: Int
    /// The value to reach, in the indicator's unit (a share as a fraction).
    public var target: Number
    /// The value the period starts from; `nil`: the indicator's value in `from − 1`, when known.
    public var baseline: Number?
    /// The objective in the pole's words ("convention AMI 2024-2026").
    public var comment: String?

    /// Creates an objective; `baseline` and `comment` default to none.
    public init(
        origin: RecordOrigin, indicator: String, from: Int, to: Int, target: Number, baseline: Number? = nil, comment: String? = nil
    ) {
        (self.origin, self.indicator, self.from, self.to) = (origin, indicator, from, to)
        (self.target, self.baseline, self.comment) = (target, baseline, comment)
    }
}

/// What an objective of `targets.csv` must fit, for one indicator of the library: the unit its
/// numbers are in, and whether an objective on it can be followed at all.
public struct IndicatorTraits: Sendable, Hashable {
    /// Values are fractions shown as percentages: a target is written `25 %` or `0,25`.
    public var isShare: Bool
    /// Values are amounts of euros: a target may be written with `€`.
    public var isMoney: Bool
    /// Values are yes (1) or no (0): a target is 1 or 0.
    public var isFlag: Bool
    /// An amount produced during the year, which adds up over a period (else a stock).
    public var isFlow: Bool
    /// A fall is good news (`direction = "lower"`).
    public var lowerIsBetter: Bool

    /// Creates the traits of an indicator.
    public init(isShare: Bool, isMoney: Bool, isFlag: Bool, isFlow: Bool, lowerIsBetter: Bool) {
        (self.isShare, self.isMoney, self.isFlag, self.isFlow, self.lowerIsBetter) = (isShare, isMoney, isFlag, isFlow, lowerIsBetter)
    }
}

/// One collective project of the pole in one year.
public struct Project: Sendable, Hashable, Codable {
    /// Where the row is in `projects.csv`.
    public var origin: RecordOrigin
    /// The year the row reports on.
    public var year: Int
    /// The `project_id` as written, unique within a year.
    public var id: String
    /// The project's name, as written.
    public var name: String
    /// How far the project has gone in the year.
    public var stage: ProjectStage
    /// The sector (filière) as written, e.g. `réemploi`; `nil` when not given.
    public var sector: String?
    /// The member ids that carry the project.
    public var members: [String]
    /// Jobs the project created; `nil` when not reported.
    public var jobsCreated: Int?
    /// The project's budget, in euros; `nil` when not reported.
    public var budget: Double?
    /// The non-empty cells of columns the engine does not know, in column order.
    public var extras: [ExtraValue]

    /// Creates a project; the sector defaults to not given, the figures to not reported, `members` and `extras` to
    /// none.
    public init(
        origin: RecordOrigin, year: Int, id: String, name: String, stage: ProjectStage,
        sector: String? = nil, members: [String] = [], jobsCreated: Int? = nil, budget: Double? = nil,
        extras: [ExtraValue] = []
    ) {
        self.origin = origin
        self.year = year
        self.id = id
        self.name = name
        self.stage = stage
        self.sector = sector
        self.members = members
        self.jobsCreated = jobsCreated
        self.budget = budget
        self.extras = extras
    }
}

/// The answer given to one survey question, typed by the question's kind.
public enum SurveyAnswerValue: Sendable, Hashable, Codable {
    /// 1 (strongly disagree) to 5 (strongly agree).
    case scale(Int)
    /// A yes/no answer: `true` for yes.
    case yesNo(Bool)
    /// Free text; may be empty when the text is in the comment.
    case text(String)
    /// The respondent left the question unanswered.
    case notAnswered
}

/// One answer of one respondent to one question in one year.
public struct SurveyAnswer: Sendable, Hashable, Codable {
    /// Where the row is in `survey.csv`.
    public var origin: RecordOrigin
    /// The year of the survey.
    public var year: Int {
        get { Int(storedYear) }
        set { storedYear = Int32(clamping: newValue) }
    }
    /// The respondent's identifier as written; a respondent answers each question at most once a year.
    public var respondent: String
    /// The id of a question of the bank, e.g. `cooperation.pooling`.
    public var questionID: String
    /// The respondent's comment, kept as a quotation; `nil` when none.
    public var comment: String?
    /// The non-empty cells of columns the engine does not know, in column order.
    public var extras: [ExtraValue]
    /// The answer, typed by the question's kind; ``SurveyAnswerValue/notAnswered`` when the question was skipped.
    public var answer: SurveyAnswerValue
    /// The respondent's role (member, partner, funder…).
    public var role: RespondentRole
    /// ``year``, stored last beside ``role``: a national survey holds half a million answers,
    /// and a year in its own place took 16 bytes more each.
    private var storedYear: Int32

    private enum CodingKeys: String, CodingKey {
        case origin, storedYear = "year", respondent, role, questionID, answer, comment, extras
    }

    /// Creates an answer; `comment` defaults to none, `extras` to none.
    public init(
        origin: RecordOrigin, year: Int, respondent: String, role: RespondentRole, questionID: String,
        answer: SurveyAnswerValue, comment: String? = nil, extras: [ExtraValue] = []
    ) {
        self.origin = origin
        storedYear = Int32(clamping: year)
        self.respondent = respondent
        self.role = role
        self.questionID = questionID
        self.answer = answer
        self.comment = comment
        self.extras = extras
    }
}
