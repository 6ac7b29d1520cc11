import Foundation

/// Writes large, realistic pole datasets in the French Excel dialect (Windows-1252, `;`, CRLF,
/// decimal comma, `1 234 €`, `NC`), for benchmarks and scale tests. The same options always give
/// the same bytes.
public struct SampleGenerator: Sendable {
    public var members: Int
    public var years: Int
    public var firstYear: Int
    public var seed: UInt64

    public init(members: Int, years: Int, firstYear: Int = 2023, seed: UInt64 = 2014) {
        self.members = members
        self.years = years
        self.firstYear = firstYear
        self.seed = seed
    }

    private static let communes = (0..<40).map { String(format: "60%03d", 100 + $0 * 7) }
    private static let outside = ["75056", "69123", "13055", "80021", "76540"]
    private static let actorTypes = ["ESS", "ESS", "ESS", "Entreprise", "Entreprise", "Collectivité", "Formation", "Citoyen", "Autre"]
    private static let coopKinds = ["Projet commun", "Emploi partagé", "Locaux partagés", "Matériel partagé", "Achats groupés", "Sous-traitance", "Formation", "Autre"]
    private static let fundingKinds = [("État – AMI PTCE", "État"), ("Région", "Collectivité"), ("Département", "Collectivité"), ("FSE+", "Europe"),
                                       ("Fondation", "Fondation"), ("Cotisations", "Cotisations"), ("Prestations", "Prestations")]
    private static let stages = ["Idée", "Étude", "Lancement", "Opérationnel", "Abandonné"]
    private static let questions = ["anchoring.local_needs", "anchoring.local_firms", "cooperation.new_partners", "cooperation.pooling",
                                    "dynamism.activity", "dynamism.jobs", "innovation.new_services", "values.governance", "values.shared",
                                    "recognition.visibility"]

    /// Writes `pole.toml` and the five CSV files into `folder` (created if needed).
    public func write(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let toml = """
        id = "grand-pole"
        name = "Observatoire régional (données générées)"
        territory = "Région fictive"
        communes = [\(Self.communes.map { "\"\($0)\"" }.joined(separator: ", "))]
        population = \(members * 120)
        region = "Hauts-de-France"

        """
        try Data(toml.utf8).write(to: folder.appendingPathComponent("pole.toml"))
        var random = SplitMix64(seed: seed)
        try writeCSV(folder.appendingPathComponent("members.csv"),
                     header: "Année;Identifiant;Raison sociale;Type d'acteur;Forme juridique;SIAE;Code commune;ETP;Effectif;ETP insertion;Personnes en insertion;Sorties;Sorties dynamiques;Sorties durables;Chiffre d'affaires;Subventions;Bénévoles;Emplois créés;Achats;Achats locaux;Personnes formées;Tonnes réemployées") { line in
            for year in firstYear..<(firstYear + years) {
                for index in 0..<members {
                    // About 4 % of members join only in later years: like-for-like comparisons mean something.
                    if year == firstYear, index % 25 == 24 { continue }
                    let insertion = index % 7 == 0
                    let headcount = 1 + random.next(below: 60)
                    let fte = min(Double(headcount), Double(headcount) * (insertion ? 0.25 : 0.8) + Double(random.next(below: 10)) / 10)
                    let insertionFTE = insertion ? fte * 0.6 : nil
                    let exits = insertion ? 2 + random.next(below: 20) : nil
                    let dynamic = exits.map { $0 * 6 / 10 }
                    let turnover = 20_000 + random.next(below: 2_000_000)
                    let purchases = turnover / 4
                    let missing = random.next(below: 12) == 0
                    line([
                        String(year), String(format: "M%07d", index), "Structure \(index) – coopérative d'été",
                        Self.actorTypes[index % Self.actorTypes.count], index % 2 == 0 ? "Association" : "SCIC", insertion ? "oui" : "non",
                        index % 10 == 9 ? Self.outside[index % Self.outside.count] : Self.communes[index % Self.communes.count],
                        missing ? "NC" : Self.decimal(fte), String(headcount), insertionFTE.map(Self.decimal) ?? "",
                        insertion ? String(headcount / 2) : "", exits.map(String.init) ?? "", dynamic.map(String.init) ?? "",
                        dynamic.map { String($0 / 2) } ?? "", missing ? "NC" : Self.money(turnover), Self.money(random.next(below: 200_000)),
                        String(random.next(below: 30)), String(random.next(below: 4)), Self.money(purchases),
                        Self.money(purchases * (1 + random.next(below: 9)) / 10), String(random.next(below: 50)),
                        index % 11 == 0 ? Self.decimal(Double(random.next(below: 5000)) / 10) : "",
                    ])
                }
            }
        }
        try writeCSV(folder.appendingPathComponent("cooperations.csv"), header: "Année;Membre A;Membre B;Type de coopération;Montant;Objet") { line in
            for year in firstYear..<(firstYear + years) {
                for index in stride(from: 0, to: members - 1, by: 2) where !(year == firstYear && (index % 25 == 24 || (index + 1) % 25 == 24)) {
                    let partner = index + 1
                    line([String(year), String(format: "M%07d", index), String(format: "M%07d", partner),
                          Self.coopKinds[(index / 2) % Self.coopKinds.count], random.next(below: 3) == 0 ? Self.money(1000 + random.next(below: 50_000)) : "",
                          "Coopération \"terrain\"; atelier partagé"])
                }
            }
        }
        try writeCSV(folder.appendingPathComponent("finances.csv"), header: "Année;Financeur;Type de financement;Montant") { line in
            for year in firstYear..<(firstYear + years) {
                for (source, kind) in Self.fundingKinds { line([String(year), source, kind, Self.money(10_000 + random.next(below: 200_000))]) }
            }
        }
        try writeCSV(folder.appendingPathComponent("projects.csv"), header: "Année;Identifiant;Nom;Étape;Filière;Membres;Emplois créés;Coût") { line in
            for year in firstYear..<(firstYear + years) {
                for index in 0..<max(1, members / 100) {
                    let carrier = (index * 97) % members
                    guard !(year == firstYear && carrier % 25 == 24) else { continue }
                    line([String(year), "P\(index)", "Projet \(index)", Self.stages[index % Self.stages.count], "réemploi",
                          String(format: "M%07d", carrier), String(random.next(below: 5)), Self.money(random.next(below: 300_000))])
                }
            }
        }
        try writeCSV(folder.appendingPathComponent("survey.csv"), header: "Année;Répondant;Rôle;Code question;Réponse;Commentaire") { line in
            for year in firstYear..<(firstYear + years) {
                for respondent in 0..<max(1, members / 20) {
                    for question in Self.questions {
                        line([String(year), "R\(respondent)", respondent % 3 == 0 ? "partenaire" : "membre", question, String(1 + random.next(below: 5)), ""])
                    }
                    line([String(year), "R\(respondent)", "membre", "cooperation.recommend", random.next(below: 5) == 0 ? "non" : "oui", ""])
                }
            }
        }
    }

    private static func decimal(_ value: Double) -> String {
        String(format: "%.1f", value).replacingOccurrences(of: ".", with: ",")
    }

    private static func money(_ value: Int) -> String {
        var digits = String(value)
        var grouped = ""
        while digits.count > 3 {
            grouped = " " + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return digits + grouped + " €"
    }

    /// Writes one CSV file in Windows-1252 with CRLF, quoting cells that hold `;` or `"`.
    private func writeCSV(_ url: URL, header: String, rows: ((([String]) -> Void)) throws -> Void) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var buffer = Data()
        func flushIfLarge() {
            if buffer.count > 1 << 20 {
                handle.write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        func append(_ line: String) {
            buffer.append(line.data(using: .windowsCP1252)!)
            buffer.append(contentsOf: [0x0D, 0x0A])
            flushIfLarge()
        }
        append(header)
        try rows { cells in
            append(cells.map { cell in
                cell.contains(";") || cell.contains("\"") ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
            }.joined(separator: ";"))
        }
        handle.write(buffer)
    }
}

/// A small, fast, seedable random generator (SplitMix64), so generated data is reproducible.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(below bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }
}
