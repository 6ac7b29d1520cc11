import PTCEModel

/// What a column holds, which decides how its cells are read and checked.
public enum ColumnKind: Sendable, Hashable {
    case text
    /// An identifier: text that must not have been turned into `3,56E+13` by Excel.
    case identifier
    /// A whole number ≥ 0.
    case count
    /// A decimal number ≥ 0 (FTE, tonnes).
    case quantity
    /// An amount of money in euros, with `€`, `k€`, `M€` allowed.
    case money
    case boolean
    /// A year between 1990 and 2100.
    case year
    /// An INSEE commune code: five characters, `2A`/`2B` for Corsica.
    case communeCode
    /// One of a closed list, named by its canonical value or a French alias.
    case choice(VocabularyAliases)
    /// Member ids separated by `|`.
    case memberList
    /// A survey answer, read according to the question's kind.
    case answer

    var isNumeric: Bool {
        switch self {
        case .count, .quantity, .money, .year: true
        default: false
        }
    }

    /// The bound no real value of this kind reaches (exclusive): 10^12 € for money, 10^7 for
    /// counts and quantities (people, FTE). A figure above it is a typing or export accident, and
    /// refusing it keeps every sum finite and exact enough. Years have their own range.
    var upperBound: Double? {
        switch self {
        case .count, .quantity: 1e7
        case .money: 1e12
        default: nil
        }
    }
}

/// One column of a dataset file: its canonical name, its French aliases and its kind.
public struct ColumnSpec: Sendable, Hashable {
    public var name: String
    public var aliases: [String]
    public var kind: ColumnKind
    public var isRequired: Bool
    /// The header written by `ptce init` in new templates.
    public var frenchHeader: String
    /// For numbers: the value no real figure of the column reaches (exclusive).
    public var upperBound: Double?

    init(_ name: String, _ kind: ColumnKind, required: Bool = false, upperBound: Double? = nil, aliases: [String]) {
        self.name = name
        self.aliases = aliases
        self.kind = kind
        self.isRequired = required
        self.upperBound = upperBound ?? kind.upperBound
        self.frenchHeader = aliases.first.map { $0.prefix(1).uppercased() + $0.dropFirst() } ?? name
    }

}

/// The canonical names and French aliases of one vocabulary, folded for matching.
public struct VocabularyAliases: Sendable, Hashable {
    /// Folded alias → canonical value.
    let canonicalByKey: [String: String]
    /// The accepted values as a user should type them, for messages.
    let accepted: [String]

    init<V: Vocabulary>(_ type: V.Type, french: [V: [String]]) {
        var map: [String: String] = [:]
        var accepted: [String] = []
        for value in V.allCases {
            let names = [value.rawValue] + (french[value] ?? [])
            for name in names { map[NameMatching.key(name)] = value.rawValue }
            accepted.append(names.joined(separator: "/"))
        }
        canonicalByKey = map
        self.accepted = accepted
    }

    func canonical(_ raw: String) -> String? {
        canonicalByKey[NameMatching.key(raw)]
    }
}

/// The layout of one dataset file (spec §2).
public struct TableSchema: Sendable {
    public let file: String
    public let isRequired: Bool
    public let columns: [ColumnSpec]
    /// Every name of every column (canonical name, then aliases), folded, with its column: folded
    /// once, since a file may have thousands of headers to match.
    let names: [(key: String, written: String, column: ColumnSpec)]

    init(file: String, isRequired: Bool, columns: [ColumnSpec]) {
        self.file = file
        self.isRequired = isRequired
        self.columns = columns
        names = columns.flatMap { column in ([column.name] + column.aliases).map { (NameMatching.key($0), $0, column) } }
    }

    /// The column a header designates, if any.
    func column(forHeader header: String) -> ColumnSpec? {
        let key = NameMatching.key(header)
        return names.first { $0.key == key }?.column
    }
}

extension VocabularyAliases {
    static let actorType = VocabularyAliases(ActorType.self, french: [
        .ess: ["ESS", "économie sociale", "économie sociale et solidaire"],
        .company: ["entreprise"],
        .public: ["collectivité", "public", "acteur public"],
        .research: ["formation", "recherche", "formation/recherche"],
        .citizen: ["citoyen", "habitant"],
        .other: ["autre"],
    ])
    static let cooperationKind = VocabularyAliases(CooperationKind.self, french: [
        .jointProject: ["projet commun"],
        .sharedJobs: ["emploi partagé", "emplois partagés", "mutualisation d'emplois"],
        .sharedPremises: ["locaux partagés"],
        .sharedEquipment: ["matériel partagé"],
        .jointPurchasing: ["achats groupés"],
        .subcontracting: ["sous-traitance"],
        .training: ["formation"],
        .other: ["autre"],
    ])
    static let fundingKind = VocabularyAliases(FundingKind.self, french: [
        .state: ["État"],
        .localAuthority: ["collectivité"],
        .eu: ["Europe"],
        .foundation: ["fondation"],
        .company: ["entreprise"],
        .memberDues: ["cotisations"],
        .sales: ["prestations", "ventes", "prestations/ventes"],
        .other: ["autre"],
    ])
    static let projectStage = VocabularyAliases(ProjectStage.self, french: [
        .idea: ["idée"],
        .study: ["étude"],
        .launch: ["lancement", "expérimentation"],
        .operating: ["opérationnel", "en activité"],
        .stopped: ["abandonné"],
    ])
    static let respondentRole = VocabularyAliases(RespondentRole.self, french: [
        .member: ["membre"],
        .partner: ["partenaire"],
        .beneficiary: ["bénéficiaire"],
        .funder: ["financeur"],
        .resident: ["habitant"],
    ])
}

/// The columns of every dataset file, named so that importers read them without strings.
enum Columns {
    static let year = ColumnSpec("year", .year, required: true, aliases: ["année", "exercice"])

    enum Members {
        static let memberID = ColumnSpec("member_id", .identifier, required: true, aliases: ["identifiant", "id", "siret"])
        static let name = ColumnSpec("name", .text, required: true, aliases: ["nom", "raison sociale", "structure"])
        static let actorType = ColumnSpec("actor_type", .choice(.actorType), required: true, aliases: ["type d'acteur", "catégorie"])
        static let legalForm = ColumnSpec("legal_form", .text, aliases: ["forme juridique", "statut"])
        static let insertionStructure = ColumnSpec("insertion_structure", .boolean, aliases: ["SIAE", "structure d'insertion"])
        static let commune = ColumnSpec("commune", .communeCode, aliases: ["code commune", "code INSEE"])
        static let fte = ColumnSpec("fte", .quantity, aliases: ["ETP", "équivalents temps plein"])
        static let headcount = ColumnSpec("headcount", .count, aliases: ["effectif", "salariés"])
        static let insertionFTE = ColumnSpec("insertion_fte", .quantity, aliases: ["ETP insertion", "ETP personnes éloignées de l'emploi"])
        static let insertionPeople = ColumnSpec("insertion_people", .count, aliases: ["personnes en insertion", "salariés en insertion"])
        static let insertionExits = ColumnSpec("insertion_exits", .count, aliases: ["sorties"])
        static let insertionExitsDynamic = ColumnSpec("insertion_exits_dynamic", .count, aliases: ["sorties dynamiques"])
        static let insertionExitsDurable = ColumnSpec("insertion_exits_durable", .count, aliases: ["sorties durables", "sorties vers l'emploi durable"])
        static let turnover = ColumnSpec("turnover", .money, aliases: ["chiffre d'affaires", "CA"])
        static let publicFunding = ColumnSpec("public_funding", .money, aliases: ["subventions", "subventions publiques"])
        static let volunteers = ColumnSpec("volunteers", .count, aliases: ["bénévoles"])
        static let jobsCreated = ColumnSpec("jobs_created", .count, aliases: ["emplois créés"])
        static let purchases = ColumnSpec("purchases", .money, aliases: ["achats"])
        static let localPurchases = ColumnSpec("local_purchases", .money, aliases: ["achats locaux"])
        static let trainees = ColumnSpec("trainees", .count, aliases: ["personnes formées"])
        static let reuseTonnes = ColumnSpec("reuse_tonnes", .quantity, upperBound: 1e9, aliases: ["tonnes réemployées", "tonnes détournées"])
    }

    enum Cooperations {
        static let memberA = ColumnSpec("member_a", .identifier, required: true, aliases: ["membre A", "membre 1"])
        static let memberB = ColumnSpec("member_b", .identifier, required: true, aliases: ["membre B", "membre 2"])
        static let kind = ColumnSpec("kind", .choice(.cooperationKind), required: true, aliases: ["type", "nature", "type de coopération"])
        static let amount = ColumnSpec("amount", .money, aliases: ["montant"])
        static let description = ColumnSpec("description", .text, aliases: ["description", "objet"])
    }

    enum Finances {
        static let source = ColumnSpec("source", .text, required: true, aliases: ["financeur", "origine"])
        static let kind = ColumnSpec("kind", .choice(.fundingKind), required: true, aliases: ["type", "nature", "type de financement"])
        static let amount = ColumnSpec("amount", .money, required: true, aliases: ["montant"])
    }

    enum Projects {
        static let projectID = ColumnSpec("project_id", .identifier, required: true, aliases: ["identifiant", "id"])
        static let name = Members.name
        static let stage = ColumnSpec("stage", .choice(.projectStage), required: true, aliases: ["étape", "stade", "état"])
        static let sector = ColumnSpec("sector", .text, aliases: ["filière", "secteur"])
        static let members = ColumnSpec("members", .memberList, aliases: ["membres"])
        static let jobsCreated = ColumnSpec("jobs_created", .count, aliases: ["emplois créés"])
        static let budget = ColumnSpec("budget", .money, aliases: ["budget", "coût"])
    }

    enum Survey {
        static let respondent = ColumnSpec("respondent", .identifier, required: true, aliases: ["répondant", "répondant·e"])
        static let role = ColumnSpec("role", .choice(.respondentRole), required: true, aliases: ["rôle", "profil"])
        static let question = ColumnSpec("question", .identifier, required: true, aliases: ["question", "code question"])
        static let answer = ColumnSpec("answer", .answer, required: true, aliases: ["réponse", "note"])
        static let comment = ColumnSpec("comment", .text, aliases: ["commentaire", "verbatim"])
    }
}

extension TableSchema {
    /// `members.csv`: one member structure in one year.
    public static let members: TableSchema = {
        typealias C = Columns.Members
        return TableSchema(file: "members.csv", isRequired: true, columns: [
            Columns.year, C.memberID, C.name, C.actorType, C.legalForm, C.insertionStructure, C.commune, C.fte,
            C.headcount, C.insertionFTE, C.insertionPeople, C.insertionExits, C.insertionExitsDynamic,
            C.insertionExitsDurable, C.turnover, C.publicFunding, C.volunteers, C.jobsCreated, C.purchases,
            C.localPurchases, C.trainees, C.reuseTonnes,
        ])
    }()

    /// `cooperations.csv`: one cooperation between two members in one year.
    public static let cooperations: TableSchema = {
        typealias C = Columns.Cooperations
        return TableSchema(file: "cooperations.csv", isRequired: false, columns: [
            Columns.year, C.memberA, C.memberB, C.kind, C.amount, C.description,
        ])
    }()

    /// `finances.csv`: one line of the pole's coordination budget in one year.
    public static let finances: TableSchema = {
        typealias C = Columns.Finances
        return TableSchema(file: "finances.csv", isRequired: false, columns: [Columns.year, C.source, C.kind, C.amount])
    }()

    /// `projects.csv`: one collective project in one year.
    public static let projects: TableSchema = {
        typealias C = Columns.Projects
        return TableSchema(file: "projects.csv", isRequired: false, columns: [
            Columns.year, C.projectID, C.name, C.stage, C.sector, C.members, C.jobsCreated, C.budget,
        ])
    }()

    /// `survey.csv`: one answer of one respondent to one question in one year.
    public static let survey: TableSchema = {
        typealias C = Columns.Survey
        return TableSchema(file: "survey.csv", isRequired: false, columns: [
            Columns.year, C.respondent, C.role, C.question, C.answer, C.comment,
        ])
    }()

    /// The five CSV files of a pole folder, in reading order.
    public static let all: [TableSchema] = [members, cooperations, finances, projects, survey]
}
