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
    public var origin: RecordOrigin
    public var year: Int
    public var id: String
    public var name: String
    /// `nil` only when the cell was invalid and the report was made anyway (`--keep-going`):
    /// the member counts, but in no actor type.
    public var actorType: ActorType?
    public var legalForm: String?
    public var insertionStructure: Bool?
    /// The INSEE code of the member's commune, five characters.
    public var commune: String?
    public var fte: Double?
    public var headcount: Int?
    public var insertionFTE: Double?
    public var insertionPeople: Int?
    public var insertionExits: Int?
    public var insertionExitsDynamic: Int?
    public var insertionExitsDurable: Int?
    public var turnover: Double?
    public var publicFunding: Double?
    public var volunteers: Int?
    public var jobsCreated: Int?
    public var purchases: Double?
    public var localPurchases: Double?
    public var trainees: Int?
    public var reuseTonnes: Double?
    public var extras: [ExtraValue]

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
        self.extras = extras
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
