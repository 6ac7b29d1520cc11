import Foundation
import PTCEModel

/// Writes large, realistic pole datasets in the French Excel dialect (Windows-1252, `;`, CRLF,
/// decimal comma, `1 234 €`, `NC`), for benchmarks and scale tests. The same options always give
/// the same bytes. Each file has the columns of its declaration in the field catalogue, headed
/// as `ptce init`'s templates head them.
public struct SampleGenerator: Sendable {
    /// Members per year; in the first year one in 25 is left out, joining the year after.
    public var members: Int
    /// How many consecutive years are written, from ``firstYear``.
    public var years: Int
    /// The first year written.
    public var firstYear: Int
    /// The seed of the random figures: the same options give the same bytes.
    public var seed: UInt64
    /// What `pole.toml` says of the pole, its communes and population aside.
    public var profile: PoleProfile

    /// The profile of the single generated pole: an observatory of one region.
    public static let observatory = PoleProfile(
        id: "grand-pole", name: "Observatoire régional (données générées)", territory: "Région fictive", communes: [],
        region: "Hauts-de-France")

    /// Creates a generator of `members` members over `years` years from `firstYear` (by default 2023), its figures
    /// drawn from `seed`, the pole described by `profile`.
    public init(members: Int, years: Int, firstYear: Int = 2023, seed: UInt64 = 2014, profile: PoleProfile = observatory) {
        self.members = members
        self.years = years
        self.firstYear = firstYear
        self.seed = seed
        self.profile = profile
    }

    /// A network of `poles` generated poles ("Pôle 1" to "Pôle N", ids `pole-1`…), each with its
    /// folder name and generator: 2 to `maximumMembers` members each, so that every size band
    /// has poles; 13 regions, founding years 2005–2024, one in three a national call laureate,
    /// one in two rural; the last of every 40 has data for 2023 only, the others for 2023 and 2024.
    public static func network(poles: Int, maximumMembers: Int, seed: UInt64 = 2014) -> [(folder: String, generator: SampleGenerator)] {
        let regions = ["Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Bretagne", "Centre-Val de Loire", "Corse", "Grand Est",
                       "Hauts-de-France", "Île-de-France", "Normandie", "Nouvelle-Aquitaine", "Occitanie", "Pays de la Loire",
                       "Provence-Alpes-Côte d'Azur"]
        var random = SplitMix64(seed: seed)
        return (1...max(1, poles)).map { number in
            let members = 2 + random.next(below: max(1, maximumMembers - 1))
            let profile = PoleProfile(
                id: "pole-\(number)", name: "Pôle \(number)", territory: "Territoire \(number)", communes: [],
                region: regions[(number * 7) % regions.count], created: 2005 + (number * 3) % 20,
                amiLaureate: number % 3 == 0 ? [2014 + number % 10] : [], rural: number % 2 == 0)
            let years = number % 40 == 0 ? 1 : 2
            return ("pole-\(number)", SampleGenerator(members: members, years: years, seed: seed &+ UInt64(number), profile: profile))
        }
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

    /// Writes `pole.toml` and the five CSV files into `folder` (created if needed), replacing files
    /// of the same names. Throws the file system's error when the folder or a file cannot be created.
    public func write(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var toml = """
        id = "\(profile.id)"
        name = "\(profile.name)"
        territory = "\(profile.territory)"
        communes = [\(Self.communes.map { "\"\($0)\"" }.joined(separator: ", "))]
        population = \(members * 120)

        """
        if let region = profile.region { toml += "region = \"\(region)\"\n" }
        if let created = profile.created { toml += "created = \(created)\n" }
        if !profile.amiLaureate.isEmpty { toml += "ami_laureate = [\(profile.amiLaureate.map(String.init).joined(separator: ", "))]\n" }
        if let rural = profile.rural { toml += "rural = \(rural)\n" }
        try Data(toml.utf8).write(to: folder.appendingPathComponent("pole.toml"))
        var random = SplitMix64(seed: seed)
        typealias M = StandardFields.Members
        typealias C = StandardFields.Cooperations
        typealias F = StandardFields.Finances
        typealias P = StandardFields.Projects
        typealias S = StandardFields.Survey
        try writeCSV(in: folder, M.table) { line in
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
                    // The random draws keep their order: the same seed gives the same figures.
                    let publicFunding = random.next(below: 200_000), volunteers = random.next(below: 30)
                    let jobsCreated = random.next(below: 4), localShare = 1 + random.next(below: 9), trainees = random.next(below: 50)
                    let tonnes = index % 11 == 0 ? Self.decimal(Double(random.next(below: 5000)) / 10) : ""
                    try line([
                        StandardFields.year: String(year), M.memberID: String(format: "M%07d", index), M.name: "Structure \(index) – coopérative d'été",
                        M.actorType: Self.actorTypes[index % Self.actorTypes.count], M.legalForm: index % 2 == 0 ? "Association" : "SCIC",
                        M.insertionStructure: insertion ? "oui" : "non",
                        M.commune: index % 10 == 9 ? Self.outside[index % Self.outside.count] : Self.communes[index % Self.communes.count],
                        MemberFigure.fte.field: missing ? "NC" : Self.decimal(fte), MemberFigure.headcount.field: String(headcount),
                        MemberFigure.insertionFTE.field: insertionFTE.map(Self.decimal) ?? "",
                        MemberFigure.insertionPeople.field: insertion ? String(headcount / 2) : "",
                        MemberFigure.insertionExits.field: exits.map(String.init) ?? "",
                        MemberFigure.insertionExitsDynamic.field: dynamic.map(String.init) ?? "",
                        MemberFigure.insertionExitsDurable.field: dynamic.map { String($0 / 2) } ?? "",
                        MemberFigure.turnover.field: missing ? "NC" : Self.money(turnover),
                        MemberFigure.publicFunding.field: Self.money(publicFunding), MemberFigure.volunteers.field: String(volunteers),
                        MemberFigure.jobsCreated.field: String(jobsCreated), MemberFigure.purchases.field: Self.money(purchases),
                        MemberFigure.localPurchases.field: Self.money(purchases * localShare / 10), MemberFigure.trainees.field: String(trainees),
                        MemberFigure.reuseTonnes.field: tonnes,
                    ])
                }
            }
        }
        try writeCSV(in: folder, C.table) { line in
            for year in firstYear..<(firstYear + years) {
                for index in stride(from: 0, to: members - 1, by: 2) where !(year == firstYear && (index % 25 == 24 || (index + 1) % 25 == 24)) {
                    let partner = index + 1
                    try line([StandardFields.year: String(year), C.memberA: String(format: "M%07d", index), C.memberB: String(format: "M%07d", partner),
                          C.kind: Self.coopKinds[(index / 2) % Self.coopKinds.count],
                          C.amount: random.next(below: 3) == 0 ? Self.money(1000 + random.next(below: 50_000)) : "",
                          C.description: "Coopération \"terrain\"; atelier partagé"])
                }
            }
        }
        try writeCSV(in: folder, F.table) { line in
            for year in firstYear..<(firstYear + years) {
                for (source, kind) in Self.fundingKinds {
                    try line([StandardFields.year: String(year), F.source: source, F.kind: kind, F.amount: Self.money(10_000 + random.next(below: 200_000))])
                }
            }
        }
        try writeCSV(in: folder, P.table) { line in
            for year in firstYear..<(firstYear + years) {
                for index in 0..<max(1, members / 100) {
                    let carrier = (index * 97) % members
                    guard !(year == firstYear && carrier % 25 == 24) else { continue }
                    try line([StandardFields.year: String(year), P.projectID: "P\(index)", P.name: "Projet \(index)",
                          P.stage: Self.stages[index % Self.stages.count], P.sector: "réemploi", P.members: String(format: "M%07d", carrier),
                          P.jobsCreated: String(random.next(below: 5)), P.budget: Self.money(random.next(below: 300_000))])
                }
            }
        }
        try writeTargets(in: folder)
        try writeCSV(in: folder, S.table) { line in
            for year in firstYear..<(firstYear + years) {
                for respondent in 0..<max(1, members / 20) {
                    for question in Self.questions {
                        try line([StandardFields.year: String(year), S.respondent: "R\(respondent)", S.role: respondent % 3 == 0 ? "partenaire" : "membre",
                              S.question: question, S.answer: String(1 + random.next(below: 5))])
                    }
                    try line([StandardFields.year: String(year), S.respondent: "R\(respondent)", S.role: "membre", S.question: "cooperation.recommend",
                          S.answer: random.next(below: 5) == 0 ? "non" : "oui"])
                }
            }
        }
    }

    /// The pole's objectives over the years written: stocks and flows, shares and volumes, so that
    /// reports compute each one's progress over the series.
    private func writeTargets(in folder: URL) throws {
        typealias T = StandardFields.Targets
        let last = firstYear + years - 1
        try writeCSV(in: folder, T.table) { line in
            try line([T.indicator: "eco.fte", T.from: String(firstYear), T.to: String(last + 1), T.target: Self.decimal(Double(members) * 25)])
            try line([T.indicator: "emp.insertion_share", T.from: String(firstYear), T.to: String(last), T.target: "15 %"])
            try line([T.indicator: "eco.jobs_created", T.from: String(firstYear), T.to: String(last), T.target: String(members * years)])
            try line([T.indicator: "ter.local_purchase_share", T.from: String(firstYear), T.to: String(last + 2), T.target: "60 %"])
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

    /// Writes the file of `table` in `folder`, in Windows-1252 with CRLF, quoting cells that hold
    /// `;` or `"`: a header per declared column, then one line per call of `rows`' argument, whose
    /// cells are given by column (a column not given is left empty).
    private func writeCSV(
        in folder: URL, _ table: TableDeclaration, rows: ((([FieldDeclaration: String]) throws -> Void)) throws -> Void
    ) throws {
        let url = folder.appendingPathComponent(table.file)
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var buffer = Data()
        func flushIfLarge() throws {
            if buffer.count > 1 << 20 {
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        func append(_ line: String) throws {
            buffer.append(line.data(using: .windowsCP1252)!)
            buffer.append(contentsOf: [0x0D, 0x0A])
            try flushIfLarge()
        }
        try append(table.fields.map(\.frenchHeader).joined(separator: ";"))
        try rows { cells in
            precondition(cells.keys.allSatisfy { table[$0.name] != nil }, "a cell for a column \(table.file) does not declare")
            try append(table.fields.map { cells[$0] ?? "" }.map { cell in
                cell.contains(";") || cell.contains("\"") ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
            }.joined(separator: ";"))
        }
        try handle.write(contentsOf: buffer)
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
