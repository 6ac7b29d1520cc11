import PTCEModel

/// Reads `pole.toml` (README, "A pole is a folder").
enum PoleProfileReader {
    static let file = "pole.toml"
    private static let knownKeys: Set<String> = [
        "id", "name", "territory", "communes", "population", "region", "created", "ami_laureate", "sectors",
    ]

    /// The profile, or `nil` when the text cannot be parsed or lacks the pole's id or name.
    static func read(_ text: String, findings: inout Findings) -> PoleProfile? {
        guard let toml = TOMLTableReader.parse(text, file: file, findings: &findings) else { return nil }
        toml.warnUnknownKeys(known: knownKeys, &findings)
        let id = toml.string("id", required: true, &findings)
        if let id, !isPoleID(id) {
            findings.error(ImportMessage.invalidPoleID(id, maximumLength: maximumIDLength), at: toml.location("id"))
        }
        let name = toml.string("name", required: true, &findings)
        let territory = toml.string("territory", required: true, &findings)
        var communes: [String] = []
        for code in toml.strings("communes", &findings) {
            if isCommuneCode(code) {
                communes.append(code.uppercased())
            } else {
                findings.error(ImportMessage.invalidCommune(code), at: toml.location("communes"))
            }
        }
        if communes.isEmpty {
            findings.warning(ImportMessage.noCommune, at: toml.location("communes"))
        }
        let population = toml.integer("population", &findings)
        if let population, population <= 0 {
            findings.error(ImportMessage.invalidPopulation(population), at: toml.location("population"))
        }
        let created = toml.integer("created", &findings)
        // Poles (and the bodies before them) may predate the data's years (FieldType.years).
        if let created, !(1900...2100).contains(created) {
            findings.error(ImportMessage.invalidCreationYear(created), at: toml.location("created"))
        }
        let laureate = toml.integers("ami_laureate", &findings)
        let profile = PoleProfile(
            id: id ?? "", name: name ?? "", territory: territory ?? "", communes: communes,
            population: population.flatMap { $0 > 0 ? $0 : nil }, region: toml.string("region", &findings),
            created: created, amiLaureate: laureate, sectors: toml.strings("sectors", &findings))
        return findings.hasErrors ? nil : profile
    }

    /// The longest pole id: output names (`<id>-<year>.xlsx`) stay far below any file system's limit.
    static let maximumIDLength = 64

    /// `[a-z0-9-]+`, checked on bytes: a combining mark or a joiner never hides inside a letter.
    static func isPoleID(_ id: String) -> Bool {
        (1...maximumIDLength).contains(id.utf8.count)
            && id.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "-") }
    }

    static func isCommuneCode(_ code: String) -> Bool {
        let upper = code.uppercased()
        let digits = { (text: Substring) in text.allSatisfy { $0.isASCII && $0.isNumber } }
        return upper.count == 5 && (digits(Substring(upper)) || (["2A", "2B"].contains(upper.prefix(2)) && digits(upper.dropFirst(2))))
    }
}
