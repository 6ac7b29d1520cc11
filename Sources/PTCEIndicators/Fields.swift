import PTCEImport
import PTCEModel

/// The tables a formula aggregates over: one per dataset file.
enum DataTable: String, Sendable, Hashable, CaseIterable {
    case members, cooperations, finances, projects, survey

    /// The declaration of the table's file and columns.
    var declaration: TableDeclaration {
        switch self {
        case .members: StandardFields.Members.table
        case .cooperations: StandardFields.Cooperations.table
        case .finances: StandardFields.Finances.table
        case .projects: StandardFields.Projects.table
        case .survey: StandardFields.Survey.table
        }
    }
}

/// What a field or an expression holds, for checking formulas before any data is read.
enum ValueType: Sendable, Hashable {
    case number(Quantity)
    case bool
    case text
    case list

    /// The type as the messages about formulas name it: `a number in eur`, `yes/no`.
    var described: LocalizedText {
        switch self {
        case .number(let quantity): IndicatorMessage.number(in: quantity.described)
        case .bool: IndicatorMessage.condition
        case .text: IndicatorMessage.text
        case .list: IndicatorMessage.list
        }
    }
}

/// One cell value while evaluating a row; `missing` when not reported.
enum FieldValue: Sendable, Hashable {
    case number(Double)
    case bool(Bool)
    case text(String)
    case list([String])
    case missing
    /// 0 because the member is not concerned by the field (e.g. insertion FTE of a member that
    /// is not an insertion structure): counted as 0, shown apart in the coverage.
    case notApplicable
}

/// The rows of one year of a table, without copying them: positions into the whole table.
/// Every position is one of the base's indices.
public struct YearSlice<Element: Sendable>: RandomAccessCollection, Sendable {
    private let base: [Element]
    /// In 4 bytes each: every year of a national series has 200,000 members and as many answers.
    private let positions: [UInt32]

    /// The elements of `base` whose year (`yearOf`) is `year`, in their order; only their positions are stored.
    public init(_ base: [Element], year: Int, yearOf: (borrowing Element) -> Int) {
        self.base = base
        // No table holds 2^32 rows: 4 billion members would take 900 GB.
        positions = base.withUnsafeBufferPointer { base in base.indices.compactMap { yearOf(base[$0]) == year ? UInt32($0) : nil } }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { positions.count }
    public subscript(position: Int) -> Element { base[Int(positions[position])] }

    /// What `body` reads of the element at `position`, through its address, valid only during
    /// `body`: for reading one field of a large element (a member is 216 bytes) on every row.
    /// Passing the element itself, even borrowed, copied it at every call (perf, Swift 6.3).
    public func withUnsafeElement<Value>(at position: Int, _ body: (UnsafePointer<Element>) -> Value) -> Value {
        base.withUnsafeBufferPointer { base in body(base.baseAddress.unsafelyUnwrapped + Int(positions[position])) }
    }

    /// Calls `body` with each element in order, lent in place rather than copied: for reading a
    /// few fields of large elements (a member is 216 bytes).
    public func forEachInPlace(_ body: (borrowing Element) -> Void) {
        base.withUnsafeBufferPointer { base in
            for position in positions { body(base[Int(position)]) }
        }
    }
}

extension PoleDataset {
    /// The members of `year`, in file order, without copying them.
    public func members(in year: Int) -> YearSlice<Member> { YearSlice(members, year: year) { $0.year } }
    /// The cooperations of `year`, in file order, without copying them.
    public func cooperations(in year: Int) -> YearSlice<Cooperation> { YearSlice(cooperations, year: year) { $0.year } }
    /// The budget lines of `year`, in file order, without copying them.
    public func finances(in year: Int) -> YearSlice<FinanceLine> { YearSlice(finances, year: year) { $0.year } }
    /// The projects of `year`, in file order, without copying them.
    public func projects(in year: Int) -> YearSlice<Project> { YearSlice(projects, year: year) { $0.year } }
    /// The survey answers of `year`, in file order, without copying them.
    public func survey(in year: Int) -> YearSlice<SurveyAnswer> { YearSlice(survey, year: year) { $0.year } }
}

/// The rows of one year that formulas see, with the derived fields computed once.
struct YearRows: Sendable {
    let year: Int
    let members: YearSlice<Member>
    let cooperations: YearSlice<Cooperation>
    let finances: YearSlice<FinanceLine>
    let projects: YearSlice<Project>
    let survey: YearSlice<SurveyAnswer>
    /// The row of each member of the year, by id.
    let memberRows: RowsByMemberID
    /// The rows of the members that take part in at least one cooperation this year.
    let cooperatingMembers: RowSet
    let territory: Set<String>
    let bank: QuestionBank
    /// Distinct survey respondents of the year (what survey coverage counts out of).
    let respondentCount: Int
    /// The fields of the dataset's catalogue.
    let fields: Fields

    init(dataset: PoleDataset, year: Int, bank: QuestionBank) {
        self.year = year
        members = dataset.members(in: year)
        cooperations = dataset.cooperations(in: year)
        finances = dataset.finances(in: year)
        projects = dataset.projects(in: year)
        survey = dataset.survey(in: year)
        let memberRows = RowsByMemberID(members)
        var cooperatingMembers = RowSet(rowCount: members.count)
        for link in cooperations {
            if let row = memberRows[link.memberA] { cooperatingMembers.insert(row) }
            if let row = memberRows[link.memberB] { cooperatingMembers.insert(row) }
        }
        (self.memberRows, self.cooperatingMembers) = (memberRows, cooperatingMembers)
        territory = Set(dataset.profile.communes)
        self.bank = bank
        respondentCount = Set(survey.lazy.map(\.respondent)).count
        fields = dataset.catalogue == .standard ? .standard : Fields(catalogue: dataset.catalogue)
    }

    func count(of table: DataTable) -> Int {
        switch table {
        case .members: members.count
        case .cooperations: cooperations.count
        case .finances: finances.count
        case .projects: projects.count
        case .survey: survey.count
        }
    }
}

/// The row of each member of a year by id (the first, should an id repeat), found through
/// ``PTCEImport/HashSlots``: 8 to 16 bytes a member, where a dictionary sized for a national
/// year's 200,000 members took 12 MB, and every year of the series has one.
package struct RowsByMemberID: Sendable {
    private let members: YearSlice<Member>
    private let slots: HashSlots

    package init(_ members: YearSlice<Member>) {
        var slots = HashSlots(expected: members.count)
        for row in members.indices {
            slots.append(hash: members.withUnsafeElement(at: row) { $0.pointee.id.hashValue }) { row in
                members.withUnsafeElement(at: row) { $0.pointee.id.hashValue }
            }
        }
        (self.members, self.slots) = (members, slots)
    }

    /// The row of the member `id`, `nil` when no member of the year has it.
    package subscript(id: String) -> Int? {
        slots.position(hash: id.hashValue) { row in members.withUnsafeElement(at: row) { $0.pointee.id == id } }
    }
}

/// A field of a table: its type, and how to read it from a row.
struct Field: Sendable {
    let type: ValueType
    /// Whether every row has it (required columns), so it does not count against coverage.
    let alwaysReported: Bool
    let read: @Sendable (Int, YearRows) -> FieldValue

    init(_ type: ValueType, alwaysReported: Bool = false, _ read: @escaping @Sendable (Int, YearRows) -> FieldValue) {
        self.type = type
        self.alwaysReported = alwaysReported
        self.read = read
    }
}

private func number(_ value: Double?) -> FieldValue { value.map(FieldValue.number) ?? .missing }
private func number(_ value: Int?) -> FieldValue { value.map { FieldValue.number(Double($0)) } ?? .missing }
private func text(_ value: String?) -> FieldValue { value.map(FieldValue.text) ?? .missing }

private let eur = Quantity(exponents: ["eur": 1])
private let count = Quantity(exponents: ["count": 1])
private let score = Quantity(exponents: ["score": 1])
private let year = Quantity(exponents: ["year": 1])

/// The fields formulas can read, by table: the columns of a ``FieldCatalogue`` plus a few
/// derived ones.
struct Fields: Sendable {
    private let all: [DataTable: [String: Field]]

    /// The fields of the standard columns.
    static let standard = Fields(catalogue: .standard)

    /// The fields of `catalogue`'s columns: its member figures are numbers in their unit's quantity.
    init(catalogue: FieldCatalogue) {
        var all = Self.declared
        for figure in catalogue.memberFigures {
            let quantity = Quantity(exponents: [figure.field.unit ?? "count": 1])
            let storage = figure.index  // an Int passed on every row, not the figure's declaration
            all[.members]?[figure.field.name] = Field(.number(quantity)) { index, rows in
                rows.members.withUnsafeElement(at: index) { member in
                    guard let value = member.pointee[figureAt: storage] else { return .missing }
                    return member.pointee.isNotApplicable(figureAt: storage) ? .notApplicable : .number(value)
                }
            }
        }
        self.all = all
    }

    func field(_ name: String, of table: DataTable) -> Field? {
        all[table]?[name]
    }

    func names(of table: DataTable) -> [String] {
        (all[table] ?? [:]).keys.sorted()
    }

    /// The fields other than a member's figures, which come from the catalogue.
    private typealias M = StandardFields.Members
    private typealias C = StandardFields.Cooperations
    private typealias F = StandardFields.Finances
    private typealias P = StandardFields.Projects
    private typealias S = StandardFields.Survey

    private static let declared: [DataTable: [String: Field]] = [
        .members: [
            StandardFields.year.name: Field(.number(year), alwaysReported: true) { index, rows in
                rows.members.withUnsafeElement(at: index) { .number(Double($0.pointee.year)) }
            },
            M.memberID.name: Field(.text, alwaysReported: true) { index, rows in rows.members.withUnsafeElement(at: index) { .text($0.pointee.id) } },
            M.name.name: Field(.text, alwaysReported: true) { index, rows in rows.members.withUnsafeElement(at: index) { .text($0.pointee.name) } },
            M.actorType.name: Field(.text) { index, rows in rows.members.withUnsafeElement(at: index) { text($0.pointee.actorType?.rawValue) } },
            M.legalForm.name: Field(.text) { index, rows in rows.members.withUnsafeElement(at: index) { text($0.pointee.legalForm) } },
            M.insertionStructure.name: Field(.bool) { index, rows in
                rows.members.withUnsafeElement(at: index) { $0.pointee.insertionStructure.map(FieldValue.bool) ?? .missing }
            },
            M.commune.name: Field(.text) { index, rows in rows.members.withUnsafeElement(at: index) { text($0.pointee.commune) } },
            M.inTerritory.name: Field(.bool) { index, rows in
                rows.members.withUnsafeElement(at: index) { $0.pointee.commune }.map { .bool(rows.territory.contains($0)) } ?? .missing
            },
            // Not reported when the year has no cooperation at all (no file, or no row for the year).
            M.cooperates.name: Field(.bool) { index, rows in
                rows.cooperations.isEmpty ? .missing : .bool(rows.cooperatingMembers.contains(index))
            },
        ],
        .cooperations: [
            StandardFields.year.name: Field(.number(year), alwaysReported: true) { .number(Double($1.cooperations[$0].year)) },
            C.memberA.name: Field(.text, alwaysReported: true) { .text($1.cooperations[$0].memberA) },
            C.memberB.name: Field(.text, alwaysReported: true) { .text($1.cooperations[$0].memberB) },
            C.kind.name: Field(.text, alwaysReported: true) { .text($1.cooperations[$0].kind.rawValue) },
            C.amount.name: Field(.number(eur)) { number($1.cooperations[$0].amount) },
            C.description.name: Field(.text) { text($1.cooperations[$0].description) },
            C.pair.name: Field(.text, alwaysReported: true) { index, rows in
                let (a, b) = (rows.cooperations[index].memberA, rows.cooperations[index].memberB)
                return .text(a <= b ? a + "\u{1F}" + b : b + "\u{1F}" + a)
            },
            C.crossesTypes.name: Field(.bool) { index, rows in
                let link = rows.cooperations[index]
                guard let a = rows.memberRows[link.memberA].flatMap({ rows.members.withUnsafeElement(at: $0) { $0.pointee.actorType } }),
                      let b = rows.memberRows[link.memberB].flatMap({ rows.members.withUnsafeElement(at: $0) { $0.pointee.actorType } })
                else {
                    return .missing
                }
                return .bool(a != b)
            },
        ],
        .finances: [
            StandardFields.year.name: Field(.number(year), alwaysReported: true) { .number(Double($1.finances[$0].year)) },
            F.source.name: Field(.text, alwaysReported: true) { .text($1.finances[$0].source) },
            F.kind.name: Field(.text, alwaysReported: true) { .text($1.finances[$0].kind.rawValue) },
            F.amount.name: Field(.number(eur), alwaysReported: true) { .number($1.finances[$0].amount) },
            F.planned.name: Field(.number(eur)) { number($1.finances[$0].planned) },
            F.isPublic.name: Field(.bool, alwaysReported: true) { .bool($1.finances[$0].kind.isPublic) },
        ],
        .projects: [
            StandardFields.year.name: Field(.number(year), alwaysReported: true) { .number(Double($1.projects[$0].year)) },
            P.projectID.name: Field(.text, alwaysReported: true) { .text($1.projects[$0].id) },
            P.name.name: Field(.text, alwaysReported: true) { .text($1.projects[$0].name) },
            P.stage.name: Field(.text, alwaysReported: true) { .text($1.projects[$0].stage.rawValue) },
            P.sector.name: Field(.text) { text($1.projects[$0].sector) },
            P.members.name: Field(.list, alwaysReported: true) { .list($1.projects[$0].members) },
            P.jobsCreated.name: Field(.number(count)) { number($1.projects[$0].jobsCreated) },
            P.budget.name: Field(.number(eur)) { number($1.projects[$0].budget) },
        ],
        .survey: [
            StandardFields.year.name: Field(.number(year), alwaysReported: true) { .number(Double($1.survey[$0].year)) },
            S.respondent.name: Field(.text, alwaysReported: true) { .text($1.survey[$0].respondent) },
            S.role.name: Field(.text, alwaysReported: true) { .text($1.survey[$0].role.rawValue) },
            S.question.name: Field(.text, alwaysReported: true) { .text($1.survey[$0].questionID) },
            S.dimension.name: Field(.text, alwaysReported: true) { index, rows in
                .text(SurveyQuestion.dimension(of: rows.survey[index].questionID))
            },
            S.score.name: Field(.number(score)) { index, rows in
                if case .scale(let value) = rows.survey[index].answer { return .number(Double(value)) }
                return .missing
            },
            S.yes.name: Field(.bool) { index, rows in
                if case .yesNo(let value) = rows.survey[index].answer { return .bool(value) }
                return .missing
            },
        ],
    ]
}
