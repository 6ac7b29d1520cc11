import PTCEModel

/// Reads `pole.toml` (README, "A pole is a folder").
enum PoleProfileReader {
    static let file = "pole.toml"
    private static let knownKeys: Set<String> = [
        "id", "name", "territory", "communes", "population", "region", "created", "ami_laureate", "sectors", "rural",
        "milestone", "governance",
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
        let created = year("created", in: toml, &findings)
        let laureate = toml.integers("ami_laureate", &findings)
        let profile = PoleProfile(
            id: id ?? "", name: name ?? "", territory: territory ?? "", communes: communes,
            population: population.flatMap { $0 > 0 ? $0 : nil }, region: toml.string("region", &findings),
            created: created, amiLaureate: laureate, sectors: toml.strings("sectors", &findings),
            rural: toml.table["rural"] == nil ? nil : toml.flag("rural", absent: false, &findings),
            milestones: milestones(in: toml, source: text, &findings),
            governance: toml.subtable("governance", source: text, findings: &findings).map { governance(in: $0, &findings) })
        return findings.hasErrors ? nil : profile
    }

    /// The years a pole's history and governance may name: poles (and the bodies before them)
    /// may predate the data's years (FieldType.years).
    static let historyYears = 1900...2100

    /// The year at `key`, an error when it is outside ``historyYears``; `nil` when absent or wrong.
    private static func year(_ key: String, in table: TOMLTableReader, required: Bool = false, _ findings: inout Findings) -> Int? {
        guard let year = table.integer(key, &findings) else {
            if required, table.table[key] == nil { findings.error(ImportMessage.requiredKey(key), at: table.location(key)) }
            return nil
        }
        guard historyYears.contains(year) else {
            findings.error(ImportMessage.invalidHistoryYear(key, year, range: historyYears), at: table.location(key))
            return nil
        }
        return year
    }

    /// The `[[milestone]]` tables, oldest first (file order within a year).
    private static func milestones(in toml: TOMLTableReader, source text: String, _ findings: inout Findings) -> [Milestone] {
        let milestones = toml.tables("milestone", source: text, findings: &findings).compactMap { table -> Milestone? in
            table.warnUnknownKeys(known: ["year", "label"], &findings)
            let year = year("year", in: table, required: true, &findings)
            guard let label = table.string("label", required: true, &findings), let year else { return nil }
            return Milestone(year: year, label: label)
        }
        return milestones.enumerated().sorted { ($0.element.year, $0.offset) < ($1.element.year, $1.offset) }.map(\.element)
    }

    /// The `[governance]` table: legal form, colleges and meetings, each checked.
    private static func governance(in table: TOMLTableReader, _ findings: inout Findings) -> Governance {
        table.warnUnknownKeys(known: ["legal_form", "colleges", "meetings"], &findings)
        func count(_ key: String, in table: TOMLTableReader) -> Int? {
            guard let count = table.integer(key, &findings) else { return nil }
            guard count >= 0 else {
                findings.error(ImportMessage.negativeCount(key, count), at: table.location(key))
                return nil
            }
            return count
        }
        let colleges = table.inlineTables("colleges", findings: &findings).compactMap { college -> Governance.College? in
            college.warnUnknownKeys(known: ["name", "seats"], &findings)
            let seats = count("seats", in: college)
            return college.string("name", required: true, &findings).map { Governance.College(name: $0, seats: seats) }
        }
        let meetings = table.inlineTables("meetings", findings: &findings).compactMap { meeting -> Governance.Meeting? in
            meeting.warnUnknownKeys(known: ["year", "kind", "held", "attendance"], &findings)
            let year = year("year", in: meeting, required: true, &findings)
            let held = count("held", in: meeting)
            var attendance = meeting.number("attendance", &findings)
            if let share = attendance, !(0...1).contains(share) {
                findings.error(ImportMessage.invalidAttendance(share), at: meeting.location("attendance"))
                attendance = nil
            }
            guard let kind = meeting.string("kind", required: true, &findings), let year else { return nil }
            return Governance.Meeting(year: year, kind: kind, held: held, attendance: attendance)
        }
        return Governance(legalForm: table.string("legal_form", &findings), colleges: colleges, meetings: meetings)
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
