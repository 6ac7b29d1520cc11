/// The metadata of a pole, from its `pole.toml`.
public struct PoleProfile: Sendable, Hashable, Codable {
    /// Lowercase letters, digits and `-`; used in output file names.
    public var id: String
    public var name: String
    public var territory: String
    /// The INSEE codes of the communes that make up the territory.
    public var communes: [String]
    public var population: Int?
    public var region: String?
    public var created: Int?
    /// The years the pole won a national call (AMI PTCE).
    public var amiLaureate: [Int]
    public var sectors: [String]

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
