/// The file and line a record was read from, so later findings can point back to it.
public struct RecordOrigin: Sendable, Hashable, Codable {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var location: SourceLocation { SourceLocation(file: file, line: line) }
}

/// A cell of a column the engine does not know, kept as written.
public struct ExtraValue: Sendable, Hashable, Codable {
    /// The header as written in the file.
    public var column: String
    public var value: String

    public init(column: String, value: String) {
        self.column = column
        self.value = value
    }
}

/// One member structure in one year, as it reported itself.
///
/// Every optional figure is `nil` when the member did not report it: never 0.
public struct Member: Sendable, Hashable, Codable {
    // Stored in this order so that the one-byte properties fill the end of the figures, whose
    // size is not a multiple of eight: a member takes 232 bytes, not 248.
    public var origin: RecordOrigin
    public var year: Int
    public var id: String
    public var name: String
    public var legalForm: String?
    /// The INSEE code of the member's commune, five characters.
    public var commune: String?
    public var extras: [ExtraValue]
    /// The figures, packed: a national dataset holds hundreds of thousands of members.
    private var figures = MemberFigures()
    /// `nil` only when the cell was invalid and the report was made anyway (`--keep-going`):
    /// the member counts, but in no actor type.
    public var actorType: ActorType?
    public var insertionStructure: Bool?

    public var fte: Double? { get { figures[.fte] } set { figures[.fte] = newValue } }
    public var headcount: Int? { get { figures.whole(.headcount) } set { figures[.headcount] = newValue.map(Double.init) } }
    public var insertionFTE: Double? { get { figures[.insertionFTE] } set { figures[.insertionFTE] = newValue } }
    public var insertionPeople: Int? { get { figures.whole(.insertionPeople) } set { figures[.insertionPeople] = newValue.map(Double.init) } }
    public var insertionExits: Int? { get { figures.whole(.insertionExits) } set { figures[.insertionExits] = newValue.map(Double.init) } }
    public var insertionExitsDynamic: Int? {
        get { figures.whole(.insertionExitsDynamic) }
        set { figures[.insertionExitsDynamic] = newValue.map(Double.init) }
    }
    public var insertionExitsDurable: Int? {
        get { figures.whole(.insertionExitsDurable) }
        set { figures[.insertionExitsDurable] = newValue.map(Double.init) }
    }
    public var turnover: Double? { get { figures[.turnover] } set { figures[.turnover] = newValue } }
    public var publicFunding: Double? { get { figures[.publicFunding] } set { figures[.publicFunding] = newValue } }
    public var volunteers: Int? { get { figures.whole(.volunteers) } set { figures[.volunteers] = newValue.map(Double.init) } }
    public var jobsCreated: Int? { get { figures.whole(.jobsCreated) } set { figures[.jobsCreated] = newValue.map(Double.init) } }
    public var purchases: Double? { get { figures[.purchases] } set { figures[.purchases] = newValue } }
    public var localPurchases: Double? { get { figures[.localPurchases] } set { figures[.localPurchases] = newValue } }
    public var trainees: Int? { get { figures.whole(.trainees) } set { figures[.trainees] = newValue.map(Double.init) } }
    public var reuseTonnes: Double? { get { figures[.reuseTonnes] } set { figures[.reuseTonnes] = newValue } }

    /// A figure by name: a count as a whole `Double`; `nil` when not reported.
    public subscript(figure: MemberFigure) -> Double? { figures[figure] }

    /// Whether `figure` is 0 because the member is not concerned by it (spec: an empty insertion
    /// cell of a member that is not an insertion structure means none), rather than reported as 0.
    public func isNotApplicable(_ figure: MemberFigure) -> Bool {
        figures.isNotApplicable(figure)
    }

    /// Sets `figure` to 0 because the member is not concerned by it; setting the figure again
    /// makes it an ordinary reported (or not reported) value.
    public mutating func setNotApplicable(_ figure: MemberFigure) {
        figures.setNotApplicable(figure)
    }

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
        self.year = year
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

    // Coded as if every figure were a property of its own.
    private enum CodingKeys: String, CodingKey {
        case origin, year, id, name, actorType, legalForm, insertionStructure, commune, extras, notApplicable
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        origin = try container.decode(RecordOrigin.self, forKey: .origin)
        year = try container.decode(Int.self, forKey: .year)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        actorType = try container.decodeIfPresent(ActorType.self, forKey: .actorType)
        legalForm = try container.decodeIfPresent(String.self, forKey: .legalForm)
        insertionStructure = try container.decodeIfPresent(Bool.self, forKey: .insertionStructure)
        commune = try container.decodeIfPresent(String.self, forKey: .commune)
        extras = try container.decode([ExtraValue].self, forKey: .extras)
        let numbers = try decoder.container(keyedBy: MemberFigure.self)
        for figure in MemberFigure.allCases {
            figures[figure] = try numbers.decodeIfPresent(Double.self, forKey: figure)
        }
        for name in try container.decodeIfPresent([String].self, forKey: .notApplicable) ?? [] {
            guard let figure = MemberFigure(stringValue: name) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .notApplicable, in: container, debugDescription: "\(name) is not a member figure")
            }
            figures.setNotApplicable(figure)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(origin, forKey: .origin)
        try container.encode(year, forKey: .year)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(actorType, forKey: .actorType)
        try container.encodeIfPresent(legalForm, forKey: .legalForm)
        try container.encodeIfPresent(insertionStructure, forKey: .insertionStructure)
        try container.encodeIfPresent(commune, forKey: .commune)
        try container.encode(extras, forKey: .extras)
        let notApplicable = MemberFigure.allCases.filter(figures.isNotApplicable)
        if !notApplicable.isEmpty { try container.encode(notApplicable.map(\.stringValue), forKey: .notApplicable) }
        var numbers = encoder.container(keyedBy: MemberFigure.self)
        for figure in MemberFigure.allCases {
            try numbers.encodeIfPresent(figures[figure], forKey: figure)
        }
    }
}

/// The optional figures of a member, by the name of their property.
public enum MemberFigure: Int, CaseIterable, CodingKey, Sendable {
    case fte, headcount, insertionFTE, insertionPeople, insertionExits, insertionExitsDynamic, insertionExitsDurable,
         turnover, publicFunding, volunteers, jobsCreated, purchases, localPurchases, trainees, reuseTonnes
}

/// A member's optional figures, eight bytes each and one bit for "reported" (and one for "not
/// applicable"): as separate optionals they would take twice the room, padding each presence
/// flag to eight bytes.
struct MemberFigures: Sendable, Hashable {
    /// Not-reported figures are kept at 0, so that equal figures are equal values.
    private var values = InlineArray<15, Double>(repeating: 0)
    private var reported: UInt16 = 0
    /// Figures that are 0 because the member is not concerned (always reported too).
    private var notApplicable: UInt16 = 0

    subscript(figure: MemberFigure) -> Double? {
        get { reported & (1 << figure.rawValue) == 0 ? nil : values[figure.rawValue] }
        set {
            values[figure.rawValue] = newValue ?? 0
            if newValue == nil { reported &= ~(1 << figure.rawValue) } else { reported |= 1 << figure.rawValue }
            notApplicable &= ~(1 << figure.rawValue)
        }
    }

    func isNotApplicable(_ figure: MemberFigure) -> Bool {
        notApplicable & (1 << figure.rawValue) != 0
    }

    mutating func setNotApplicable(_ figure: MemberFigure) {
        self[figure] = 0
        notApplicable |= 1 << figure.rawValue
    }

    /// A count: whole numbers are stored exactly (they are below 2⁵³).
    func whole(_ figure: MemberFigure) -> Int? {
        self[figure].map { Int($0) }
    }

    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.reported == rhs.reported && lhs.notApplicable == rhs.notApplicable
            && lhs.values.indices.allSatisfy { lhs.values[$0] == rhs.values[$0] }
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(reported)
        hasher.combine(notApplicable)
        for index in values.indices { hasher.combine(values[index]) }
    }
}

/// One cooperation between two members in one year.
public struct Cooperation: Sendable, Hashable, Codable {
    public var origin: RecordOrigin
    public var year: Int
    public var memberA: String
    public var memberB: String
    public var kind: CooperationKind
    public var amount: Double?
    public var description: String?
    public var extras: [ExtraValue]

    public init(
        origin: RecordOrigin, year: Int, memberA: String, memberB: String, kind: CooperationKind,
        amount: Double? = nil, description: String? = nil, extras: [ExtraValue] = []
    ) {
        self.origin = origin
        self.year = year
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
    public var origin: RecordOrigin
    public var year: Int
    /// Who pays, as written: "État – AMI PTCE", "Région", …
    public var source: String
    public var kind: FundingKind
    public var amount: Double
    public var extras: [ExtraValue]

    public init(
        origin: RecordOrigin, year: Int, source: String, kind: FundingKind, amount: Double,
        extras: [ExtraValue] = []
    ) {
        self.origin = origin
        self.year = year
        self.source = source
        self.kind = kind
        self.amount = amount
        self.extras = extras
    }
}

/// One collective project of the pole in one year.
public struct Project: Sendable, Hashable, Codable {
    public var origin: RecordOrigin
    public var year: Int
    public var id: String
    public var name: String
    public var stage: ProjectStage
    public var sector: String?
    /// The member ids that carry the project.
    public var members: [String]
    public var jobsCreated: Int?
    public var budget: Double?
    public var extras: [ExtraValue]

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
    case yesNo(Bool)
    /// Free text; may be empty when the text is in the comment.
    case text(String)
    /// The respondent left the question unanswered.
    case notAnswered
}

/// One answer of one respondent to one question in one year.
public struct SurveyAnswer: Sendable, Hashable, Codable {
    public var origin: RecordOrigin
    public var year: Int
    public var respondent: String
    public var role: RespondentRole
    public var questionID: String
    public var answer: SurveyAnswerValue
    public var comment: String?
    public var extras: [ExtraValue]

    public init(
        origin: RecordOrigin, year: Int, respondent: String, role: RespondentRole, questionID: String,
        answer: SurveyAnswerValue, comment: String? = nil, extras: [ExtraValue] = []
    ) {
        self.origin = origin
        self.year = year
        self.respondent = respondent
        self.role = role
        self.questionID = questionID
        self.answer = answer
        self.comment = comment
        self.extras = extras
    }
}
