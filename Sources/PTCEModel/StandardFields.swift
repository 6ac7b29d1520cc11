/// The columns of the dataset files, as the public contract lists them: the one place where a
/// column's name, aliases, type, rules, unit, labels and format are written.
///
/// Adding a member figure is one entry in ``Members/all`` (after the others: a member's figures
/// are stored in this order): the reader, the formulas, the data sheet and the coverage table
/// take it from there.
public enum StandardFields {
    /// `year` (`année`, `exercice`): the year a row reports on, 1990–2100; required in every file.
    public static let year = FieldDeclaration(
        "year", .year, required: true, unit: "year", label: LocalizedText(fr: "Année", en: "Year"), aliases: ["année", "exercice"])

    /// `members.csv`: one member structure in one year.
    public enum Members {
        /// `member_id` (`identifiant`, `siret`): the member's identifier, unique within a year; required.
        public static let memberID = FieldDeclaration(
            "member_id", .identifier, required: true, label: LocalizedText(fr: "Identifiant", en: "Member ID"),
            aliases: ["identifiant", "id", "siret"])
        /// `name` (`nom`, `raison sociale`): the member's name; required.
        public static let name = FieldDeclaration(
            "name", .text, required: true, label: LocalizedText(fr: "Nom", en: "Name"), aliases: ["nom", "raison sociale", "structure"])
        /// `actor_type`: one of ``ActorType``; required.
        public static let actorType = FieldDeclaration(
            "actor_type", .choice(.actorType), required: true, label: LocalizedText(fr: "Type d'acteur", en: "Actor type"),
            aliases: ["type d'acteur", "catégorie"])
        /// `legal_form`: the legal form, as written (`Association`, `SCIC`).
        public static let legalForm = FieldDeclaration(
            "legal_form", .text, label: LocalizedText(fr: "Forme juridique", en: "Legal form"), aliases: ["forme juridique", "statut"])
        /// `insertion_structure` (`SIAE`): whether the member is an insertion structure; when no, its empty insertion
        /// cells are not applicable (0).
        public static let insertionStructure = FieldDeclaration(
            "insertion_structure", .boolean, label: LocalizedText(fr: "SIAE", en: "Work-integration enterprise (SIAE)"),
            aliases: ["SIAE", "structure d'insertion"])
        /// `commune` (`code INSEE`): the INSEE code of the member's commune.
        public static let commune = FieldDeclaration(
            "commune", .communeCode, label: LocalizedText(fr: "Code commune", en: "Commune code"), aliases: ["code commune", "code INSEE"])

        /// The optional figures of a member, in the order they are stored and shown.
        public static let figures: [FieldDeclaration] = [
            FieldDeclaration(
                "fte", .quantity, unit: "fte", rules: [.atMostTimes(other: "headcount", factor: 1.05,
                because: LocalizedText(
                    fr: "une personne travaille au plus un ETP ; vérifiez les deux chiffres",
                    en: "one person works at most one FTE; check both figures"))],
                label: LocalizedText(fr: "ETP", en: "FTE"), format: .tenths, aliases: ["ETP", "équivalents temps plein"]),
            FieldDeclaration(
                "headcount", .count, unit: "count", label: LocalizedText(fr: "Effectif", en: "Headcount"), format: .count,
                aliases: ["effectif", "salariés"]),
            FieldDeclaration(
                "insertion_fte", .quantity, unit: "fte", applicability: .insertionStructuresOnly,
                rules: [.partOf(whole: "fte", because: LocalizedText(
                    fr: "les ETP en insertion font partie des ETP", en: "work-integration FTE are part of the FTE"))],
                label: LocalizedText(fr: "ETP en insertion", en: "Work-integration FTE"), format: .tenths,
                aliases: ["ETP insertion", "ETP personnes éloignées de l'emploi"]),
            FieldDeclaration(
                "insertion_people", .count, unit: "count", applicability: .insertionStructuresOnly,
                label: LocalizedText(fr: "Personnes en insertion", en: "People in work-integration jobs"), format: .count,
                aliases: ["personnes en insertion", "salariés en insertion"]),
            FieldDeclaration(
                "insertion_exits", .count, unit: "count", applicability: .insertionStructuresOnly,
                label: LocalizedText(fr: "Sorties", en: "Exits"), format: .count, aliases: ["sorties"]),
            FieldDeclaration(
                "insertion_exits_dynamic", .count, unit: "count", applicability: .insertionStructuresOnly,
                rules: [.partOf(whole: "insertion_exits", because: LocalizedText(
                    fr: "les sorties dynamiques font partie de l'ensemble des sorties", en: "positive exits are part of all exits"))],
                label: LocalizedText(fr: "Sorties dynamiques", en: "Positive exits"), format: .count, aliases: ["sorties dynamiques"]),
            FieldDeclaration(
                "insertion_exits_durable", .count, unit: "count", applicability: .insertionStructuresOnly,
                rules: [
                    .partOf(whole: "insertion_exits_dynamic", because: LocalizedText(
                        fr: "les sorties vers l'emploi durable font partie des sorties dynamiques", en: "exits to sustainable employment are part of positive exits")),
                    .partOf(whole: "insertion_exits", because: LocalizedText(
                        fr: "les sorties vers l'emploi durable font partie de l'ensemble des sorties", en: "exits to sustainable employment are part of all exits")),
                ],
                label: LocalizedText(fr: "Sorties vers l'emploi durable", en: "Exits to sustainable employment"), format: .count,
                aliases: ["sorties durables", "sorties vers l'emploi durable"]),
            FieldDeclaration(
                "turnover", .money, unit: "eur", label: LocalizedText(fr: "Chiffre d'affaires", en: "Turnover"), format: .money,
                aliases: ["chiffre d'affaires", "CA"]),
            FieldDeclaration(
                "public_funding", .money, unit: "eur", label: LocalizedText(fr: "Subventions publiques", en: "Public funding"),
                format: .money, aliases: ["subventions", "subventions publiques"]),
            FieldDeclaration(
                "volunteers", .count, unit: "count", label: LocalizedText(fr: "Bénévoles", en: "Volunteers"), format: .count,
                aliases: ["bénévoles"]),
            FieldDeclaration(
                "jobs_created", .count, unit: "count", label: LocalizedText(fr: "Emplois créés", en: "Jobs created"), format: .count,
                aliases: ["emplois créés"]),
            FieldDeclaration(
                "purchases", .money, unit: "eur", label: LocalizedText(fr: "Achats", en: "Purchases"), format: .money, aliases: ["achats"]),
            FieldDeclaration(
                "local_purchases", .money, unit: "eur",
                rules: [.partOf(whole: "purchases", because: LocalizedText(
                    fr: "les achats locaux font partie des achats", en: "local purchases are part of purchases"))],
                label: LocalizedText(fr: "Achats locaux", en: "Local purchases"), format: .money, aliases: ["achats locaux"]),
            FieldDeclaration(
                "trainees", .count, unit: "count", label: LocalizedText(fr: "Personnes formées", en: "People trained"), format: .count,
                aliases: ["personnes formées"]),
            FieldDeclaration(
                "reuse_tonnes", .quantity, upperBound: 1e9, unit: "tonnes",
                label: LocalizedText(fr: "Tonnes réemployées ou détournées", en: "Tonnes reused or diverted"), format: .decimal,
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
            file: "members.csv", isRequired: true,
            fields: [year, memberID, name, actorType, legalForm, insertionStructure, commune] + figures)
    }

    /// `cooperations.csv`: one cooperation between two members in one year.
    public enum Cooperations {
        /// `member_a`: one member, a member id of the same year; required.
        public static let memberA = FieldDeclaration(
            "member_a", .identifier, required: true, label: LocalizedText(fr: "Membre A", en: "Member A"), aliases: ["membre A", "membre 1"])
        /// `member_b`: the other member, a member id of the same year other than `member_a`; required.
        public static let memberB = FieldDeclaration(
            "member_b", .identifier, required: true, label: LocalizedText(fr: "Membre B", en: "Member B"), aliases: ["membre B", "membre 2"])
        /// `kind`: one of ``CooperationKind``; required.
        public static let kind = FieldDeclaration(
            "kind", .choice(.cooperationKind), required: true, label: LocalizedText(fr: "Type de coopération", en: "Cooperation type"),
            aliases: ["type", "nature", "type de coopération"])
        /// `amount`: what the cooperation involves, in euros.
        public static let amount = FieldDeclaration(
            "amount", .money, unit: "eur", label: LocalizedText(fr: "Montant", en: "Amount"), format: .money, aliases: ["montant"])
        /// `description` (`objet`): what the cooperation is, as written.
        public static let description = FieldDeclaration(
            "description", .text, label: LocalizedText(fr: "Objet", en: "Description"), aliases: ["description", "objet"])

        /// Derived: the two members, unordered.
        public static let pair = FieldDeclaration("pair", .text, label: LocalizedText(fr: "Paire", en: "Pair"), aliases: [])
        /// Derived: the two members have different actor types.
        public static let crossesTypes = FieldDeclaration(
            "crosses_types", .boolean, label: LocalizedText(fr: "Entre types d'acteurs", en: "Across actor types"), aliases: [])

        /// `cooperations.csv`, optional.
        public static let table = TableDeclaration(
            file: "cooperations.csv", isRequired: false, fields: [year, memberA, memberB, kind, amount, description])
    }

    /// `finances.csv`: one line of the pole's coordination budget in one year.
    public enum Finances {
        /// `source` (`financeur`): who pays, as written (`Région`); required.
        public static let source = FieldDeclaration(
            "source", .text, required: true, label: LocalizedText(fr: "Financeur", en: "Funder"), aliases: ["financeur", "origine"])
        /// `kind`: one of ``FundingKind``; required.
        public static let kind = FieldDeclaration(
            "kind", .choice(.fundingKind), required: true, label: LocalizedText(fr: "Type de financement", en: "Funding type"),
            aliases: ["type", "nature", "type de financement"])
        /// `amount`: the line's amount in euros; required.
        public static let amount = FieldDeclaration(
            "amount", .money, required: true, unit: "eur", label: LocalizedText(fr: "Montant", en: "Amount"), format: .money,
            aliases: ["montant"])
        /// `planned` (`prévu`): the amount the budget planned for the line, in euros; optional.
        public static let planned = FieldDeclaration(
            "planned", .money, unit: "eur", label: LocalizedText(fr: "Prévu", en: "Planned"), format: .money,
            aliases: ["prévu", "budget prévisionnel", "montant prévu"])

        /// Derived: the kind is public money (state, local authority, EU).
        public static let isPublic = FieldDeclaration("public", .boolean, label: LocalizedText(fr: "Public", en: "Public"), aliases: [])

        /// `finances.csv`, optional.
        public static let table = TableDeclaration(file: "finances.csv", isRequired: false, fields: [year, source, kind, amount, planned])
    }

    /// `projects.csv`: one collective project in one year.
    public enum Projects {
        /// `project_id`: the project's identifier, unique within a year; required.
        public static let projectID = FieldDeclaration(
            "project_id", .identifier, required: true, label: LocalizedText(fr: "Identifiant", en: "Project ID"),
            aliases: ["identifiant", "id"])
        /// `name`: the project's name (the members' `name` column); required.
        public static let name = Members.name
        /// `stage` (`étape`): one of ``ProjectStage``; required.
        public static let stage = FieldDeclaration(
            "stage", .choice(.projectStage), required: true, label: LocalizedText(fr: "Étape", en: "Stage"),
            aliases: ["étape", "stade", "état"])
        /// `sector` (`filière`): the project's sector, as written.
        public static let sector = FieldDeclaration(
            "sector", .text, label: LocalizedText(fr: "Filière", en: "Sector"), aliases: ["filière", "secteur"])
        /// `members`: the ids of the members carrying the project, separated by `|`, each a member of the same year.
        public static let members = FieldDeclaration(
            "members", .memberList, label: LocalizedText(fr: "Membres", en: "Members"), aliases: ["membres"])
        /// `jobs_created`: jobs the project created, a count.
        public static let jobsCreated = FieldDeclaration(
            "jobs_created", .count, unit: "count", label: LocalizedText(fr: "Emplois créés", en: "Jobs created"), format: .count,
            aliases: ["emplois créés"])
        /// `budget`: the project's budget, in euros.
        public static let budget = FieldDeclaration(
            "budget", .money, unit: "eur", label: LocalizedText(fr: "Budget", en: "Budget"), format: .money, aliases: ["budget", "coût"])

        /// `projects.csv`, optional.
        public static let table = TableDeclaration(
            file: "projects.csv", isRequired: false, fields: [year, projectID, name, stage, sector, members, jobsCreated, budget])
    }

    /// `survey.csv`: one answer of one respondent to one question in one year.
    public enum Survey {
        /// `respondent`: the respondent's identifier, as written; required.
        public static let respondent = FieldDeclaration(
            "respondent", .identifier, required: true, label: LocalizedText(fr: "Répondant", en: "Respondent"),
            aliases: ["répondant", "répondant·e"])
        /// `role`: one of ``RespondentRole``; required.
        public static let role = FieldDeclaration(
            "role", .choice(.respondentRole), required: true, label: LocalizedText(fr: "Rôle", en: "Role"), aliases: ["rôle", "profil"])
        /// `question`: the id of a question of the bank (`cooperation.pooling`); required.
        public static let question = FieldDeclaration(
            "question", .identifier, required: true, label: LocalizedText(fr: "Question", en: "Question"),
            aliases: ["question", "code question"])
        /// `answer`: 1–5, yes/no or text, as the question's kind says; required, but a row with neither answer nor
        /// comment is a question skipped.
        public static let answer = FieldDeclaration(
            "answer", .answer, required: true, label: LocalizedText(fr: "Réponse", en: "Answer"), aliases: ["réponse", "note"])
        /// `comment` (`verbatim`): the respondent's words, kept as a quotation.
        public static let comment = FieldDeclaration(
            "comment", .text, label: LocalizedText(fr: "Commentaire", en: "Comment"), aliases: ["commentaire", "verbatim"])

        /// Derived: the question's dimension, the part of its id before the dot.
        public static let dimension = FieldDeclaration(
            "dimension", .text, label: LocalizedText(fr: "Dimension", en: "Dimension"), aliases: [])
        /// Derived: the 1–5 score of a scale answer.
        public static let score = FieldDeclaration("score", .count, label: LocalizedText(fr: "Note", en: "Score"), aliases: [])
        /// Derived: a yes/no answer.
        public static let yes = FieldDeclaration("yes", .boolean, label: LocalizedText(fr: "Oui", en: "Yes"), aliases: [])

        /// `survey.csv`, optional.
        public static let table = TableDeclaration(
            file: "survey.csv", isRequired: false, fields: [year, respondent, role, question, answer, comment])
    }

    /// `targets.csv`: one objective of the pole for an indicator over a period.
    public enum Targets {
        /// `indicator` (`indicateur`): the id of an indicator of the library; required.
        public static let indicator = FieldDeclaration(
            "indicator", .identifier, required: true, label: LocalizedText(fr: "Indicateur", en: "Indicator"), aliases: ["indicateur"])
        /// `from` (`début`): the first year of the period; required.
        public static let from = FieldDeclaration(
            "from", .year, required: true, label: LocalizedText(fr: "Début", en: "From"), aliases: ["début", "de"])
        /// `to` (`fin`): the last year of the period, not before `from`; required.
        public static let to = FieldDeclaration(
            "to", .year, required: true, label: LocalizedText(fr: "Fin", en: "To"), aliases: ["fin", "à"])
        /// `target` (`cible`): the value to reach, in the indicator's unit (`45 %` or `0,45` for a share); required.
        public static let target = FieldDeclaration(
            "target", .target, required: true, label: LocalizedText(fr: "Cible", en: "Target"), aliases: ["cible", "objectif"])
        /// `baseline` (`valeur de départ`): the value the period starts from; by default the indicator's value in
        /// `from − 1`, when the data has it.
        public static let baseline = FieldDeclaration(
            "baseline", .target, label: LocalizedText(fr: "Valeur de départ", en: "Baseline"), aliases: ["valeur de départ", "référence"])
        /// `comment` (`commentaire`): the objective in the pole's words; optional.
        public static let comment = FieldDeclaration(
            "comment", .text, label: LocalizedText(fr: "Commentaire", en: "Comment"), aliases: ["commentaire"])

        /// `targets.csv`, optional.
        public static let table = TableDeclaration(
            file: "targets.csv", isRequired: false, fields: [indicator, from, to, target, baseline, comment])
    }

    /// The six files of a pole folder, in reading order.
    public static let tables: [TableDeclaration] = [
        Members.table, Cooperations.table, Finances.table, Projects.table, Survey.table, Targets.table,
    ]
}
