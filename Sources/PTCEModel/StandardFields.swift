/// The columns of the dataset files, as the public contract lists them: the one place where a
/// column's name, aliases, type, rules, unit, labels and format are written.
///
/// Adding a member figure is one entry in ``Members/all`` (after the others: a member's figures
/// are stored in this order): the reader, the formulas, the data sheet and the coverage table
/// take it from there.
public enum StandardFields {
    /// `year` (`année`, `exercice`): the year a row reports on, 1990–2100; required in every file.
    public static let year = FieldDeclaration(
        "year", .year, required: true, unit: "year", label: LocalizedText(fr: "Année", en: "Year"),
        help: LocalizedText(fr: "L'année que la ligne décrit, par exemple 2024.", en: "The year the row describes, e.g. 2024."),
        aliases: ["année", "exercice"])

    /// `members.csv`: one member structure in one year.
    public enum Members {
        /// `member_id` (`identifiant`, `siret`): the member's identifier, unique within a year; required.
        public static let memberID = FieldDeclaration(
            "member_id", .identifier, required: true, label: LocalizedText(fr: "Identifiant", en: "Member ID"),
            help: LocalizedText(
                fr: "L'identifiant de la structure (SIRET ou code court), le même chaque année, unique dans une année.",
                en: "The structure's identifier (SIRET or a short code), the same every year, unique within a year."),
            aliases: ["identifiant", "id", "siret"])
        /// `name` (`nom`, `raison sociale`): the member's name; required.
        public static let name = FieldDeclaration(
            "name", .text, required: true, label: LocalizedText(fr: "Nom", en: "Name"),
            help: LocalizedText(fr: "Le nom de la structure membre.", en: "The member structure's name."),
            aliases: ["nom", "raison sociale", "structure"])
        /// `actor_type`: one of ``ActorType``; required.
        public static let actorType = FieldDeclaration(
            "actor_type", .choice(.actorType), required: true, label: LocalizedText(fr: "Type d'acteur", en: "Actor type"),
            help: LocalizedText(
                fr: "Le type d'acteur : structure de l'ESS, entreprise, collectivité ou acteur public, formation ou recherche, citoyen, autre.",
                en: "The kind of actor: social economy organisation, company, local authority or public body, training or research, citizen, other."),
            aliases: ["type d'acteur", "catégorie"])
        /// `legal_form`: the legal form, as written (`Association`, `SCIC`).
        public static let legalForm = FieldDeclaration(
            "legal_form", .text, label: LocalizedText(fr: "Forme juridique", en: "Legal form"),
            help: LocalizedText(fr: "La forme juridique : association, SCIC, SCOP, SARL…", en: "The legal form: association, SCIC, SCOP, SARL…"),
            aliases: ["forme juridique", "statut"])
        /// `insertion_structure` (`SIAE`): whether the member is an insertion structure; when no, its empty insertion
        /// cells are not applicable (0).
        public static let insertionStructure = FieldDeclaration(
            "insertion_structure", .boolean, label: LocalizedText(fr: "SIAE", en: "Work-integration enterprise (SIAE)"),
            help: LocalizedText(
                fr: "Oui si la structure est une structure d'insertion par l'activité économique (SIAE) ; sinon, ses colonnes d'insertion vides comptent 0.",
                en: "Yes if the structure is a work-integration enterprise (SIAE); otherwise its empty insertion cells count as 0."),
            aliases: ["SIAE", "structure d'insertion"])
        /// `commune` (`code INSEE`): the INSEE code of the member's commune.
        public static let commune = FieldDeclaration(
            "commune", .communeCode, label: LocalizedText(fr: "Code commune", en: "Commune code"),
            help: LocalizedText(
                fr: "Le code INSEE de la commune du siège (pas le code postal), par exemple 60057.",
                en: "The INSEE code of the commune of the head office (not the postcode), e.g. 60057."),
            aliases: ["code commune", "code INSEE"])

        /// The optional figures of a member, in the order they are stored and shown.
        public static let figures: [FieldDeclaration] = [
            FieldDeclaration(
                "fte", .quantity, unit: "fte", rules: [.atMostTimes(other: "headcount", factor: 1.05,
                because: LocalizedText(
                    fr: "une personne travaille au plus un ETP ; vérifiez les deux chiffres",
                    en: "one person works at most one FTE; check both figures"))],
                label: LocalizedText(fr: "ETP", en: "FTE"), format: .tenths,
                help: LocalizedText(
                    fr: "Les équivalents temps plein salariés de l'année (ETP), par exemple 12,5.",
                    en: "The year's full-time equivalents of paid staff (FTE), e.g. 12.5."),
                aliases: ["ETP", "équivalents temps plein"]),
            FieldDeclaration(
                "headcount", .count, unit: "count", label: LocalizedText(fr: "Effectif", en: "Headcount"), format: .count,
                help: LocalizedText(fr: "Le nombre de salariés, en personnes.", en: "The number of employees, in people."),
                aliases: ["effectif", "salariés"]),
            FieldDeclaration(
                "insertion_fte", .quantity, unit: "fte", applicability: .insertionStructuresOnly,
                rules: [.partOf(whole: "fte", because: LocalizedText(
                    fr: "les ETP en insertion font partie des ETP", en: "work-integration FTE are part of the FTE"))],
                label: LocalizedText(fr: "ETP en insertion", en: "Work-integration FTE"), format: .tenths,
                help: LocalizedText(
                    fr: "Les ETP de personnes éloignées de l'emploi (salariés en insertion) ; ils font partie des ETP.",
                    en: "The FTE of people far from employment (work-integration employees); part of the FTE."),
                aliases: ["ETP insertion", "ETP personnes éloignées de l'emploi"]),
            FieldDeclaration(
                "insertion_people", .count, unit: "count", applicability: .insertionStructuresOnly,
                label: LocalizedText(fr: "Personnes en insertion", en: "People in work-integration jobs"), format: .count,
                help: LocalizedText(
                    fr: "Les personnes salariées en insertion pendant l'année.",
                    en: "The people employed in work-integration jobs during the year."),
                aliases: ["personnes en insertion", "salariés en insertion"]),
            FieldDeclaration(
                "insertion_exits", .count, unit: "count", applicability: .insertionStructuresOnly,
                label: LocalizedText(fr: "Sorties", en: "Exits"), format: .count,
                help: LocalizedText(
                    fr: "Les personnes qui ont quitté un poste d'insertion dans l'année.",
                    en: "The people who left a work-integration job during the year."),
                aliases: ["sorties"]),
            FieldDeclaration(
                "insertion_exits_dynamic", .count, unit: "count", applicability: .insertionStructuresOnly,
                rules: [.partOf(whole: "insertion_exits", because: LocalizedText(
                    fr: "les sorties dynamiques font partie de l'ensemble des sorties", en: "positive exits are part of all exits"))],
                label: LocalizedText(fr: "Sorties dynamiques", en: "Positive exits"), format: .count,
                help: LocalizedText(
                    fr: "Les sorties dynamiques (définition IAE) : vers l'emploi durable, de transition ou positives.",
                    en: "Positive exits (IAE definition): to sustainable employment, transition jobs or other positive outcomes."),
                aliases: ["sorties dynamiques"]),
            FieldDeclaration(
                "insertion_exits_durable", .count, unit: "count", applicability: .insertionStructuresOnly,
                rules: [
                    .partOf(whole: "insertion_exits_dynamic", because: LocalizedText(
                        fr: "les sorties vers l'emploi durable font partie des sorties dynamiques", en: "exits to sustainable employment are part of positive exits")),
                    .partOf(whole: "insertion_exits", because: LocalizedText(
                        fr: "les sorties vers l'emploi durable font partie de l'ensemble des sorties", en: "exits to sustainable employment are part of all exits")),
                ],
                label: LocalizedText(fr: "Sorties vers l'emploi durable", en: "Exits to sustainable employment"), format: .count,
                help: LocalizedText(
                    fr: "Les sorties vers l'emploi durable : CDI, CDD d'au moins 6 mois, création d'entreprise.",
                    en: "Exits to sustainable employment: open-ended contract, fixed-term of 6 months or more, business creation."),
                aliases: ["sorties durables", "sorties vers l'emploi durable"]),
            FieldDeclaration(
                "turnover", .money, unit: "eur", label: LocalizedText(fr: "Chiffre d'affaires", en: "Turnover"), format: .money,
                help: LocalizedText(
                    fr: "Le chiffre d'affaires de l'année en euros (ventes et prestations, hors subventions).",
                    en: "The year's turnover in euros (sales and services, excluding grants)."),
                aliases: ["chiffre d'affaires", "CA"]),
            FieldDeclaration(
                "public_funding", .money, unit: "eur", label: LocalizedText(fr: "Subventions publiques", en: "Public funding"),
                format: .money,
                help: LocalizedText(
                    fr: "Les subventions publiques reçues dans l'année, en euros.", en: "The public grants received during the year, in euros."),
                aliases: ["subventions", "subventions publiques"]),
            FieldDeclaration(
                "volunteers", .count, unit: "count", label: LocalizedText(fr: "Bénévoles", en: "Volunteers"), format: .count,
                help: LocalizedText(fr: "Le nombre de bénévoles actifs dans l'année.", en: "The number of volunteers active during the year."),
                aliases: ["bénévoles"]),
            FieldDeclaration(
                "jobs_created", .count, unit: "count", label: LocalizedText(fr: "Emplois créés", en: "Jobs created"), format: .count,
                help: LocalizedText(fr: "Les emplois créés par la structure dans l'année.", en: "The jobs the structure created during the year."),
                aliases: ["emplois créés"]),
            FieldDeclaration(
                "purchases", .money, unit: "eur", label: LocalizedText(fr: "Achats", en: "Purchases"), format: .money,
                help: LocalizedText(
                    fr: "Les achats de biens et services de l'année, en euros.", en: "The year's purchases of goods and services, in euros."),
                aliases: ["achats"]),
            FieldDeclaration(
                "local_purchases", .money, unit: "eur",
                rules: [.partOf(whole: "purchases", because: LocalizedText(
                    fr: "les achats locaux font partie des achats", en: "local purchases are part of purchases"))],
                label: LocalizedText(fr: "Achats locaux", en: "Local purchases"), format: .money,
                help: LocalizedText(
                    fr: "La part des achats faite auprès de fournisseurs du territoire, en euros ; elle fait partie des achats.",
                    en: "The purchases made from suppliers of the territory, in euros; part of the purchases."),
                aliases: ["achats locaux"]),
            FieldDeclaration(
                "trainees", .count, unit: "count", label: LocalizedText(fr: "Personnes formées", en: "People trained"), format: .count,
                help: LocalizedText(fr: "Les personnes formées par la structure dans l'année.", en: "The people the structure trained during the year."),
                aliases: ["personnes formées"]),
            FieldDeclaration(
                "reuse_tonnes", .quantity, upperBound: 1e9, unit: "tonnes",
                label: LocalizedText(fr: "Tonnes réemployées ou détournées", en: "Tonnes reused or diverted"), format: .decimal,
                help: LocalizedText(
                    fr: "Les tonnes de matières réemployées ou détournées de l'enfouissement dans l'année.",
                    en: "The tonnes of materials reused or diverted from landfill during the year."),
                aliases: ["tonnes réemployées", "tonnes détournées"]),
        ]

        /// Derived: the commune is one of the pole's communes (not reported without a commune).
        public static let inTerritory = FieldDeclaration(
            "in_territory", .boolean, label: LocalizedText(fr: "Sur le territoire", en: "Based locally"), aliases: [])
        /// Derived: the member is in at least one cooperation of the year.
        public static let cooperates = FieldDeclaration(
            "cooperates", .boolean, label: LocalizedText(fr: "Coopère", en: "Cooperates"), aliases: [])

        /// `members.csv`, required: the member's identity, then its ``figures``.
        public static let table = TableDeclaration(
            file: "members.csv", isRequired: true, label: LocalizedText(fr: "Membres", en: "Members"),
            row: LocalizedText(fr: "une structure membre dans une année", en: "one member structure in one year"),
            fields: [year, memberID, name, actorType, legalForm, insertionStructure, commune] + figures)
    }

    /// `cooperations.csv`: one cooperation between two members in one year.
    public enum Cooperations {
        /// `member_a`: one member, a member id of the same year; required.
        public static let memberA = FieldDeclaration(
            "member_a", .identifier, required: true, label: LocalizedText(fr: "Membre A", en: "Member A"),
            help: LocalizedText(fr: "L'identifiant d'un des deux membres (colonne Identifiant des membres de la même année).",
                                en: "The ID of one of the two members (the members' ID column, same year)."),
            aliases: ["membre A", "membre 1"])
        /// `member_b`: the other member, a member id of the same year other than `member_a`; required.
        public static let memberB = FieldDeclaration(
            "member_b", .identifier, required: true, label: LocalizedText(fr: "Membre B", en: "Member B"),
            help: LocalizedText(fr: "L'identifiant de l'autre membre, différent du membre A.", en: "The ID of the other member, not member A."),
            aliases: ["membre B", "membre 2"])
        /// `kind`: one of ``CooperationKind``; required.
        public static let kind = FieldDeclaration(
            "kind", .choice(.cooperationKind), required: true, label: LocalizedText(fr: "Type de coopération", en: "Cooperation type"),
            help: LocalizedText(fr: "Ce que les deux membres font ensemble.", en: "What the two members do together."),
            aliases: ["type", "nature", "type de coopération"])
        /// `amount`: what the cooperation involves, in euros.
        public static let amount = FieldDeclaration(
            "amount", .money, unit: "eur", label: LocalizedText(fr: "Montant", en: "Amount"), format: .money,
            help: LocalizedText(fr: "Le montant en jeu dans la coopération, en euros.", en: "The amount the cooperation involves, in euros."),
            aliases: ["montant"])
        /// `description` (`objet`): what the cooperation is, as written.
        public static let description = FieldDeclaration(
            "description", .text, label: LocalizedText(fr: "Objet", en: "Description"),
            help: LocalizedText(fr: "La coopération en quelques mots.", en: "The cooperation in a few words."),
            aliases: ["description", "objet"])

        /// Derived: the two members, unordered.
        public static let pair = FieldDeclaration("pair", .text, label: LocalizedText(fr: "Paire", en: "Pair"), aliases: [])
        /// Derived: the two members have different actor types.
        public static let crossesTypes = FieldDeclaration(
            "crosses_types", .boolean, label: LocalizedText(fr: "Entre types d'acteurs", en: "Across actor types"), aliases: [])

        /// `cooperations.csv`, optional.
        public static let table = TableDeclaration(
            file: "cooperations.csv", isRequired: false, label: LocalizedText(fr: "Coopérations", en: "Cooperations"),
            row: LocalizedText(fr: "une coopération entre deux membres dans une année", en: "one cooperation between two members in one year"),
            fields: [year, memberA, memberB, kind, amount, description])
    }

    /// `finances.csv`: one line of the pole's coordination budget in one year.
    public enum Finances {
        /// `source` (`financeur`): who pays, as written (`Région`); required.
        public static let source = FieldDeclaration(
            "source", .text, required: true, label: LocalizedText(fr: "Financeur", en: "Funder"),
            help: LocalizedText(fr: "Qui finance la ligne, par exemple « État – AMI PTCE » ou « Région ».",
                                en: "Who funds the line, e.g. \"État – AMI PTCE\" or \"Région\"."),
            aliases: ["financeur", "origine"])
        /// `kind`: one of ``FundingKind``; required.
        public static let kind = FieldDeclaration(
            "kind", .choice(.fundingKind), required: true, label: LocalizedText(fr: "Type de financement", en: "Funding type"),
            help: LocalizedText(fr: "L'origine de l'argent : public (État, collectivité, Europe) ou non.",
                                en: "Where the money comes from: public (State, local authority, EU) or not."),
            aliases: ["type", "nature", "type de financement"])
        /// `amount`: the line's amount in euros; required.
        public static let amount = FieldDeclaration(
            "amount", .money, required: true, unit: "eur", label: LocalizedText(fr: "Montant", en: "Amount"), format: .money,
            help: LocalizedText(fr: "Le montant reçu pour la ligne dans l'année, en euros.", en: "The amount received for the line in the year, in euros."),
            aliases: ["montant"])
        /// `planned` (`prévu`): the amount the budget planned for the line, in euros; optional.
        public static let planned = FieldDeclaration(
            "planned", .money, unit: "eur", label: LocalizedText(fr: "Prévu", en: "Planned"), format: .money,
            help: LocalizedText(fr: "Le montant que le budget prévisionnel prévoyait pour la ligne, en euros ; vide si rien n'était prévu.",
                                en: "The amount the budget planned for the line, in euros; empty if nothing was planned."),
            aliases: ["prévu", "budget prévisionnel", "montant prévu"])

        /// Derived: the kind is public money (state, local authority, EU).
        public static let isPublic = FieldDeclaration("public", .boolean, label: LocalizedText(fr: "Public", en: "Public"), aliases: [])

        /// `finances.csv`, optional.
        public static let table = TableDeclaration(
            file: "finances.csv", isRequired: false, label: LocalizedText(fr: "Financements", en: "Funding"),
            row: LocalizedText(fr: "une ligne du budget de coordination du pôle dans une année",
                               en: "one line of the pole's coordination budget in one year"),
            fields: [year, source, kind, amount, planned])
    }

    /// `projects.csv`: one collective project in one year.
    public enum Projects {
        /// `project_id`: the project's identifier, unique within a year; required.
        public static let projectID = FieldDeclaration(
            "project_id", .identifier, required: true, label: LocalizedText(fr: "Identifiant", en: "Project ID"),
            help: LocalizedText(fr: "L'identifiant du projet, le même chaque année, unique dans une année.",
                                en: "The project's identifier, the same every year, unique within a year."),
            aliases: ["identifiant", "id"])
        /// `name`: the project's name, read as the members' `name` column; required.
        public static let name: FieldDeclaration = {
            var name = Members.name
            name.help = LocalizedText(fr: "Le nom du projet collectif.", en: "The collective project's name.")
            return name
        }()
        /// `stage` (`étape`): one of ``ProjectStage``; required.
        public static let stage = FieldDeclaration(
            "stage", .choice(.projectStage), required: true, label: LocalizedText(fr: "Étape", en: "Stage"),
            help: LocalizedText(fr: "Où en est le projet cette année, de l'idée à l'activité, ou abandonné.",
                                en: "How far the project has gone this year, from idea to operation, or abandoned."),
            aliases: ["étape", "stade", "état"])
        /// `sector` (`filière`): the project's sector, as written.
        public static let sector = FieldDeclaration(
            "sector", .text, label: LocalizedText(fr: "Filière", en: "Sector"),
            help: LocalizedText(fr: "La filière du projet, par exemple « réemploi ».", en: "The project's sector, e.g. \"reuse\"."),
            aliases: ["filière", "secteur"])
        /// `members`: the ids of the members carrying the project, separated by `|`, each a member of the same year.
        public static let members = FieldDeclaration(
            "members", .memberList, label: LocalizedText(fr: "Membres", en: "Members"),
            help: LocalizedText(fr: "Les identifiants des membres qui portent le projet, séparés par |, par exemple A01|B07.",
                                en: "The IDs of the members carrying the project, separated by |, e.g. A01|B07."),
            aliases: ["membres"])
        /// `jobs_created`: jobs the project created, a count.
        public static let jobsCreated = FieldDeclaration(
            "jobs_created", .count, unit: "count", label: LocalizedText(fr: "Emplois créés", en: "Jobs created"), format: .count,
            help: LocalizedText(fr: "Les emplois que le projet a créés dans l'année.", en: "The jobs the project created during the year."),
            aliases: ["emplois créés"])
        /// `budget`: the project's budget, in euros.
        public static let budget = FieldDeclaration(
            "budget", .money, unit: "eur", label: LocalizedText(fr: "Budget", en: "Budget"), format: .money,
            help: LocalizedText(fr: "Le budget du projet dans l'année, en euros.", en: "The project's budget for the year, in euros."),
            aliases: ["budget", "coût"])

        /// `projects.csv`, optional.
        public static let table = TableDeclaration(
            file: "projects.csv", isRequired: false, label: LocalizedText(fr: "Projets", en: "Projects"),
            row: LocalizedText(fr: "un projet collectif dans une année", en: "one collective project in one year"),
            fields: [year, projectID, name, stage, sector, members, jobsCreated, budget])
    }

    /// `survey.csv`: one answer of one respondent to one question in one year.
    public enum Survey {
        /// `respondent`: the respondent's identifier, as written; required.
        public static let respondent = FieldDeclaration(
            "respondent", .identifier, required: true, label: LocalizedText(fr: "Répondant", en: "Respondent"),
            help: LocalizedText(fr: "Un code par personne interrogée (R01, R02…), le même pour toutes ses réponses.",
                                en: "One code per respondent (R01, R02…), the same for all their answers."),
            aliases: ["répondant", "répondant·e"])
        /// `role`: one of ``RespondentRole``; required.
        public static let role = FieldDeclaration(
            "role", .choice(.respondentRole), required: true, label: LocalizedText(fr: "Rôle", en: "Role"),
            help: LocalizedText(fr: "Qui répond : membre, partenaire, bénéficiaire, financeur ou habitant.",
                                en: "Who answers: member, partner, beneficiary, funder or resident."),
            aliases: ["rôle", "profil"])
        /// `question`: the id of a question of the bank (`cooperation.pooling`); required.
        public static let question = FieldDeclaration(
            "question", .identifier, required: true, label: LocalizedText(fr: "Question", en: "Question"),
            help: LocalizedText(fr: "Le code de la question dans la banque de questions, par exemple cooperation.pooling.",
                                en: "The question's code in the question bank, e.g. cooperation.pooling."),
            aliases: ["question", "code question"])
        /// `answer`: 1–5, yes/no or text, as the question's kind says; required, but a row with neither answer nor
        /// comment is a question skipped.
        public static let answer = FieldDeclaration(
            "answer", .answer, required: true, label: LocalizedText(fr: "Réponse", en: "Answer"),
            help: LocalizedText(fr: "La réponse : 1 (pas du tout d'accord) à 5 (tout à fait d'accord), oui/non, ou un texte pour une question ouverte.",
                                en: "The answer: 1 (strongly disagree) to 5 (strongly agree), yes/no, or text for an open question."),
            aliases: ["réponse", "note"])
        /// `comment` (`verbatim`): the respondent's words, kept as a quotation.
        public static let comment = FieldDeclaration(
            "comment", .text, label: LocalizedText(fr: "Commentaire", en: "Comment"),
            help: LocalizedText(fr: "Les mots du répondant, cités tels quels dans les rapports.", en: "The respondent's words, quoted as they are in reports."),
            aliases: ["commentaire", "verbatim"])

        /// Derived: the question's dimension, the part of its id before the dot.
        public static let dimension = FieldDeclaration(
            "dimension", .text, label: LocalizedText(fr: "Dimension", en: "Dimension"), aliases: [])
        /// Derived: the 1–5 score of a scale answer.
        public static let score = FieldDeclaration("score", .count, label: LocalizedText(fr: "Note", en: "Score"), aliases: [])
        /// Derived: a yes/no answer.
        public static let yes = FieldDeclaration("yes", .boolean, label: LocalizedText(fr: "Oui", en: "Yes"), aliases: [])

        /// `survey.csv`, optional.
        public static let table = TableDeclaration(
            file: "survey.csv", isRequired: false, label: LocalizedText(fr: "Enquête", en: "Survey"),
            row: LocalizedText(fr: "une réponse d'un répondant à une question dans une année",
                               en: "one answer of one respondent to one question in one year"),
            fields: [year, respondent, role, question, answer, comment])
    }

    /// `targets.csv`: one objective of the pole for an indicator over a period.
    public enum Targets {
        /// `indicator` (`indicateur`): the id of an indicator of the library; required.
        public static let indicator = FieldDeclaration(
            "indicator", .identifier, required: true, label: LocalizedText(fr: "Indicateur", en: "Indicator"),
            help: LocalizedText(fr: "Le code de l'indicateur visé, par exemple eco.fte (liste : ptce indicators list).",
                                en: "The indicator's id, e.g. eco.fte (list: ptce indicators list)."),
            aliases: ["indicateur"])
        /// `from` (`début`): the first year of the period; required.
        public static let from = FieldDeclaration(
            "from", .year, required: true, label: LocalizedText(fr: "Début", en: "From"),
            help: LocalizedText(fr: "La première année de la période de l'objectif.", en: "The first year of the objective's period."),
            aliases: ["début", "de"])
        /// `to` (`fin`): the last year of the period, not before `from`; required.
        public static let to = FieldDeclaration(
            "to", .year, required: true, label: LocalizedText(fr: "Fin", en: "To"),
            help: LocalizedText(fr: "La dernière année de la période, au plus tôt l'année de début.", en: "The last year of the period, not before the first."),
            aliases: ["fin", "à"])
        /// `target` (`cible`): the value to reach, in the indicator's unit (`45 %` or `0,45` for a share); required.
        public static let target = FieldDeclaration(
            "target", .target, required: true, label: LocalizedText(fr: "Cible", en: "Target"),
            help: LocalizedText(fr: "La valeur à atteindre, dans l'unité de l'indicateur.", en: "The value to reach, in the indicator's unit."),
            aliases: ["cible", "objectif"])
        /// `baseline` (`valeur de départ`): the value the period starts from; by default the indicator's value in
        /// `from − 1`, when the data has it.
        public static let baseline = FieldDeclaration(
            "baseline", .target, label: LocalizedText(fr: "Valeur de départ", en: "Baseline"),
            help: LocalizedText(fr: "La valeur d'où part la période ; vide : celle de l'indicateur l'année avant le début.",
                                en: "The value the period starts from; empty: the indicator's value the year before."),
            aliases: ["valeur de départ", "référence"])
        /// `comment` (`commentaire`): the objective in the pole's words; optional.
        public static let comment = FieldDeclaration(
            "comment", .text, label: LocalizedText(fr: "Commentaire", en: "Comment"),
            help: LocalizedText(fr: "L'objectif dans les mots du pôle.", en: "The objective in the pole's words."),
            aliases: ["commentaire"])

        /// `targets.csv`, optional.
        public static let table = TableDeclaration(
            file: "targets.csv", isRequired: false, label: LocalizedText(fr: "Objectifs", en: "Objectives"),
            row: LocalizedText(fr: "un objectif du pôle pour un indicateur sur une période",
                               en: "one objective of the pole for an indicator over a period"),
            fields: [indicator, from, to, target, baseline, comment])
    }

    /// The six files of a pole folder, in reading order.
    public static let tables: [TableDeclaration] = [
        Members.table, Cooperations.table, Finances.table, Projects.table, Survey.table, Targets.table,
    ]
}
