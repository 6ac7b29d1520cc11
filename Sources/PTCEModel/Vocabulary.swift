/// A closed list of values a column accepts, each with a label in both languages.
///
/// The raw value is the canonical name written in the spec and in JSON output.
public protocol Vocabulary: RawRepresentable, CaseIterable, Sendable, Hashable, Codable
where RawValue == String, AllCases == [Self] {
    /// The label shown in reports.
    var label: LocalizedText { get }
    /// The other names a cell may give the value, French first, matched ignoring case and accents.
    var frenchAliases: [String] { get }
}

extension ChoiceList {
    /// The vocabulary the list takes its values from: the one place a list names its type.
    public var vocabulary: any Vocabulary.Type {
        switch self {
        case .actorType: ActorType.self
        case .cooperationKind: CooperationKind.self
        case .fundingKind: FundingKind.self
        case .projectStage: ProjectStage.self
        case .respondentRole: RespondentRole.self
        }
    }

    /// The canonical names of the list's values, in declaration order.
    public var values: [String] { Self.cases(of: vocabulary).map { $0.rawValue } }

    /// The French names of the list's values (``Vocabulary/frenchName``), in declaration order:
    /// what a French template offers in its dropdowns.
    public var frenchNames: [String] { Self.cases(of: vocabulary).map { $0.frenchName } }

    private static func cases<V: Vocabulary>(of vocabulary: V.Type) -> [any Vocabulary] {
        vocabulary.allCases
    }
}

extension Vocabulary {
    /// The value's French name, as templates offer it and the importer reads it: its first French
    /// alias, capitalised (`Collectivité`, `Projet commun`). Not its label, which the importer
    /// need not know (`Collectivités`, `Structure de l’ESS`).
    public var frenchName: String {
        frenchAliases.first?.capitalisingFirstLetter ?? rawValue
    }
}

/// The kind of actor a member structure is (article 9 of the 2014 ESS law lists them).
public enum ActorType: String, Vocabulary {
    /// `ess`: a social and solidarity economy structure (association, cooperative, mutual…); `company`; `public`: a
    /// local authority or public body; `research`: a training or research body; `citizen`: a citizen or resident;
    /// `other`.
    case ess, company, `public`, research, citizen, other

    /// The type in reports: "Structure de l’ESS", "Company".
    public var label: LocalizedText {
        switch self {
        case .ess: LocalizedText(fr: "Structure de l’ESS", en: "Social economy organisation")
        case .company: LocalizedText(fr: "Entreprise", en: "Company")
        case .public: LocalizedText(fr: "Collectivité ou acteur public", en: "Local authority or public body")
        case .research: LocalizedText(fr: "Formation ou recherche", en: "Training or research body")
        case .citizen: LocalizedText(fr: "Citoyen ou habitant", en: "Citizen or resident")
        case .other: LocalizedText(fr: "Autre", en: "Other")
        }
    }

    /// The other names a cell may give the type: `ESS`, `collectivité`…
    public var frenchAliases: [String] {
        switch self {
        case .ess: ["ESS", "économie sociale", "économie sociale et solidaire"]
        case .company: ["entreprise"]
        case .public: ["collectivité", "public", "acteur public"]
        case .research: ["formation", "recherche", "formation/recherche"]
        case .citizen: ["citoyen", "habitant"]
        case .other: ["autre"]
        }
    }
}

/// What two members do together.
public enum CooperationKind: String, Vocabulary {
    /// A project the two carry together.
    case jointProject = "joint_project"
    /// Jobs shared between them (one person working for both).
    case sharedJobs = "shared_jobs"
    /// Premises they share.
    case sharedPremises = "shared_premises"
    /// Equipment they share.
    case sharedEquipment = "shared_equipment"
    /// Purchases they make together.
    case jointPurchasing = "joint_purchasing"
    /// One works for the other.
    case subcontracting
    /// Training between them.
    case training
    /// Any other cooperation.
    case other

    /// The kind in reports: "Projet commun", "Shared jobs".
    public var label: LocalizedText {
        switch self {
        case .jointProject: LocalizedText(fr: "Projet commun", en: "Joint project")
        case .sharedJobs: LocalizedText(fr: "Emplois partagés", en: "Shared staff")
        case .sharedPremises: LocalizedText(fr: "Locaux partagés", en: "Shared premises")
        case .sharedEquipment: LocalizedText(fr: "Matériel partagé", en: "Shared equipment")
        case .jointPurchasing: LocalizedText(fr: "Achats groupés", en: "Joint purchasing")
        case .subcontracting: LocalizedText(fr: "Sous-traitance", en: "Subcontracting")
        case .training: LocalizedText(fr: "Formation", en: "Training")
        case .other: LocalizedText(fr: "Autre", en: "Other")
        }
    }

    /// The other names a cell may give the kind: `projet commun`, `emplois partagés`…
    public var frenchAliases: [String] {
        switch self {
        case .jointProject: ["projet commun"]
        case .sharedJobs: ["emploi partagé", "emplois partagés", "mutualisation d'emplois"]
        case .sharedPremises: ["locaux partagés"]
        case .sharedEquipment: ["matériel partagé"]
        case .jointPurchasing: ["achats groupés"]
        case .subcontracting: ["sous-traitance"]
        case .training: ["formation"]
        case .other: ["autre"]
        }
    }
}

/// Where a line of the pole's coordination budget comes from.
public enum FundingKind: String, Vocabulary {
    /// The State (an AMI PTCE grant, a ministry): public.
    case state
    /// Local authorities (region, département, commune): public.
    case localAuthority = "local_authority"
    /// European Union funds: public.
    case eu
    /// Foundations.
    case foundation
    /// Companies.
    case company
    /// The members' dues.
    case memberDues = "member_dues"
    /// What the pole earns from its services and sales.
    case sales
    /// Any other source.
    case other

    /// The kind in reports: "Collectivités", "Member dues".
    public var label: LocalizedText {
        switch self {
        case .state: LocalizedText(fr: "État", en: "Central government")
        case .localAuthority: LocalizedText(fr: "Collectivités", en: "Local authorities")
        case .eu: LocalizedText(fr: "Fonds européens", en: "EU funds")
        case .foundation: LocalizedText(fr: "Fondations", en: "Foundations")
        case .company: LocalizedText(fr: "Entreprises", en: "Companies")
        case .memberDues: LocalizedText(fr: "Cotisations", en: "Member dues")
        case .sales: LocalizedText(fr: "Prestations et ventes", en: "Fees and sales")
        case .other: LocalizedText(fr: "Autre", en: "Other")
        }
    }

    /// The other names a cell may give the kind: `État`, `cotisations`…
    public var frenchAliases: [String] {
        switch self {
        case .state: ["État"]
        case .localAuthority: ["collectivité"]
        case .eu: ["Europe"]
        case .foundation: ["fondation"]
        case .company: ["entreprise"]
        case .memberDues: ["cotisations"]
        case .sales: ["prestations", "ventes", "prestations/ventes"]
        case .other: ["autre"]
        }
    }

    /// Whether the money is public (State, local authorities, EU).
    public var isPublic: Bool {
        switch self {
        case .state, .localAuthority, .eu: true
        default: false
        }
    }
}

/// How far a collective project has gone, from idea to operation.
public enum ProjectStage: String, Vocabulary {
    /// From idea to operation: `idea`, `study` (being studied), `launch` (being launched or tried out), `operating`;
    /// or `stopped` (abandoned).
    case idea, study, launch, operating, stopped

    /// The stage in reports: "Idée", "Operating".
    public var label: LocalizedText {
        switch self {
        case .idea: LocalizedText(fr: "Idée", en: "Idea")
        case .study: LocalizedText(fr: "Étude", en: "Study")
        case .launch: LocalizedText(fr: "Lancement", en: "Launch")
        case .operating: LocalizedText(fr: "En activité", en: "Operating")
        case .stopped: LocalizedText(fr: "Abandonné", en: "Abandoned")
        }
    }

    /// The other names a cell may give the stage: `idée`, `opérationnel`…
    public var frenchAliases: [String] {
        switch self {
        case .idea: ["idée"]
        case .study: ["étude"]
        case .launch: ["lancement", "expérimentation"]
        case .operating: ["opérationnel", "en activité"]
        case .stopped: ["abandonné"]
        }
    }
}

/// Who answered a survey question.
public enum RespondentRole: String, Vocabulary {
    /// `member`: a member structure of the pole; `partner`; `beneficiary`: a beneficiary of its actions; `funder`;
    /// `resident`: a resident of the territory.
    case member, partner, beneficiary, funder, resident

    /// The role in reports: "Membre", "Funder".
    public var label: LocalizedText {
        switch self {
        case .member: LocalizedText(fr: "Membre", en: "Member")
        case .partner: LocalizedText(fr: "Partenaire", en: "Partner")
        case .beneficiary: LocalizedText(fr: "Bénéficiaire", en: "Beneficiary")
        case .funder: LocalizedText(fr: "Financeur", en: "Funder")
        case .resident: LocalizedText(fr: "Habitant", en: "Resident")
        }
    }

    /// The other names a cell may give the role: `membre`, `financeur`…
    public var frenchAliases: [String] {
        switch self {
        case .member: ["membre"]
        case .partner: ["partenaire"]
        case .beneficiary: ["bénéficiaire"]
        case .funder: ["financeur"]
        case .resident: ["habitant"]
        }
    }
}
