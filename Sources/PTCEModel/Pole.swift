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

    /// Creates a profile; the optional values default to not given.
    public init(
        id: String, name: String, territory: String, communes: [String], population: Int? = nil,
        region: String? = nil, created: Int? = nil, amiLaureate: [Int] = [], sectors: [String] = []
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
    }
}
