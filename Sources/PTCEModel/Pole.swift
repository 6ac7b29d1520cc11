/// The metadata of a pole, from its `pole.toml`.
public struct PoleProfile: Sendable, Hashable, Codable {
    /// Lowercase letters, digits and `-`; used in output file names.
    public var id: String
    /// The pole's name, as reports title it.
    public var name: String
    /// The territory's name, as written.
    public var territory: String
    /// The INSEE codes of the communes that make up the territory.
    public var communes: [String]
    /// Inhabitants of the territory (> 0); `nil` when not given, and then indicators per inhabitant are missing
    /// (`missing_pole_metadata`).
    public var population: Int?
    /// The region, as written; `nil` when not given.
    public var region: String?
    /// The year the pole was founded; `nil` when not given.
    public var created: Int?
    /// The years the pole won a national call (AMI PTCE).
    public var amiLaureate: [Int]
    /// The pole's sectors of activity (filières), as written; empty when not given.
    public var sectors: [String]
    /// Whether the pole's territory is rural (`rural = true`) or urban (`false`); `nil` when not given.
    public var rural: Bool?
    /// The pole's history (`[[milestone]]`), oldest first (file order within a year); empty when not given.
    public var milestones: [Milestone]
    /// How the pole is governed (`[governance]`), as written; `nil` when not given.
    public var governance: Governance?

    /// Creates a profile; the optional values default to not given.
    public init(
        id: String, name: String, territory: String, communes: [String], population: Int? = nil,
        region: String? = nil, created: Int? = nil, amiLaureate: [Int] = [], sectors: [String] = [],
        rural: Bool? = nil, milestones: [Milestone] = [], governance: Governance? = nil
    ) {
        self.id = id
        self.name = name
        self.territory = territory
        self.communes = communes
        self.population = population
        self.region = region
        self.created = created
        self.amiLaureate = amiLaureate
        self.sectors = sectors
        self.rural = rural
        self.milestones = milestones
        self.governance = governance
    }
}

/// A step of the pole's history: "2021 — Création de l'association de préfiguration du PTCE".
public struct Milestone: Sendable, Hashable, Codable {
    /// The year it happened.
    public var year: Int
    /// What happened, as written.
    public var label: String

    /// Creates a milestone.
    public init(year: Int, label: String) {
        self.year = year
        self.label = label
    }
}

/// How the pole is governed, as `pole.toml` writes it (spec §9).
public struct Governance: Sendable, Hashable, Codable {
    /// The pole's legal form: association, SCIC, GIE…; `nil` when not given.
    public var legalForm: String?
    /// The colleges of its board or general assembly, in file order.
    public var colleges: [College]
    /// Its governance meetings, in file order.
    public var meetings: [Meeting]

    /// A college: a group of members with its seats.
    public struct College: Sendable, Hashable, Codable {
        /// Its name: "Structures de l'ESS".
        public var name: String
        /// Its seats; `nil` when not given.
        public var seats: Int?

        /// Creates a college.
        public init(name: String, seats: Int?) {
            self.name = name
            self.seats = seats
        }
    }

    /// Meetings of one kind in one year: "2024, assemblée générale, 1 réunion, 78 % de présence".
    public struct Meeting: Sendable, Hashable, Codable {
        /// The year they were held.
        public var year: Int
        /// Their kind, as written: assemblée générale, conseil d'administration, comité de pilotage…
        public var kind: String
        /// How many were held; `nil` when not given.
        public var held: Int?
        /// The share of members (or seats) present, a fraction 0–1; `nil` when not given.
        public var attendance: Double?

        /// Creates a line of meetings.
        public init(year: Int, kind: String, held: Int?, attendance: Double?) {
            self.year = year
            self.kind = kind
            self.held = held
            self.attendance = attendance
        }
    }

    /// Creates a governance.
    public init(legalForm: String?, colleges: [College], meetings: [Meeting]) {
        self.legalForm = legalForm
        self.colleges = colleges
        self.meetings = meetings
    }

    /// The same governance as a report of `year` shows it: the meetings of that year and before;
    /// `nil` when nothing is left to show.
    public func asOf(_ year: Int) -> Governance? {
        let shown = Governance(legalForm: legalForm, colleges: colleges, meetings: meetings.filter { $0.year <= year })
        return shown.legalForm == nil && shown.colleges.isEmpty && shown.meetings.isEmpty ? nil : shown
    }
}
