import Foundation
import PTCEModel

/// Reads a pole folder (spec §1): `pole.toml` and the CSV files, every cell validated
/// against spec §2 and §3, every problem a located finding.
///
/// Rows whose required cells are invalid are left out of the dataset, with an error saying so;
/// optional cells that are invalid read as not reported.
public struct PoleFolderReader: Sendable {
    public let questionBank: QuestionBank

    public init(questionBank: QuestionBank) {
        self.questionBank = questionBank
    }

    /// Reads the folder at `url`. Returns `nil` only when not even `pole.toml` could be read;
    /// the findings then say why.
    public func read(folder url: URL, findings: inout Findings) -> PoleDataset? {
        var local = Findings()
        defer { findings.append(contentsOf: local) }
        let tomlURL = url.appendingPathComponent(PoleProfileReader.file)
        guard let tomlData = FileManager.default.contents(atPath: tomlURL.path) else {
            local.error(
                "missing: every pole folder needs a pole.toml with at least id, name and territory (ptce init creates one)",
                at: SourceLocation(file: PoleProfileReader.file))
            return nil
        }
        guard let tomlText = String(data: tomlData, encoding: .utf8) else {
            local.error("is not UTF-8 text: save it again as UTF-8", at: SourceLocation(file: PoleProfileReader.file))
            return nil
        }
        var profileFindings = Findings()
        let profile = PoleProfileReader.read(tomlText, findings: &profileFindings)
        local.append(contentsOf: profileFindings)

        var files: [String: [UInt8]] = [:]
        for schema in TableSchema.all {
            let path = url.appendingPathComponent(schema.file).path
            if let data = FileManager.default.contents(atPath: path) {
                files[schema.file] = Array(data)
            } else if schema.isRequired {
                local.error("missing: a pole folder needs \(schema.file) (ptce init creates a template)",
                            at: SourceLocation(file: schema.file))
            }
        }
        var dataset = read(
            profile: profile ?? PoleProfile(id: "", name: "", territory: "", communes: []), files: files,
            findings: &local)
        dataset.findings = local
        return profile == nil ? nil : dataset
    }

    /// Reads the CSV files given by name (e.g. `members.csv`) as bytes, for a known profile.
    public func read(profile: PoleProfile, files: [String: [UInt8]], findings: inout Findings) -> PoleDataset {
        var dataset = PoleDataset(profile: profile)
        func table(_ schema: TableSchema) -> Table? {
            guard let bytes = files[schema.file] else { return nil }
            let document = CSVReader.read(bytes, file: schema.file)
            findings.append(contentsOf: document.findings)
            dataset.sources.append(SourceFile(
                name: schema.file, encoding: document.encoding.rawValue, delimiter: String(document.delimiter),
                records: max(document.records.count - 1, 0), sha256: SHA256.hexDigest(bytes)))
            guard let table = Table(schema: schema, document: document, findings: &findings) else { return nil }
            if table.records.isEmpty {
                let message = "has a header but no data line"
                if schema.isRequired {
                    findings.error(message + ": at least one member is needed", at: SourceLocation(file: schema.file, line: 1))
                } else {
                    findings.note(message, at: SourceLocation(file: schema.file, line: 1))
                }
            }
            return table
        }
        if let members = table(.members) {
            dataset.members = MemberRows.read(members, &findings)
        }
        let rosters = MemberRoster(dataset.members)
        if let cooperations = table(.cooperations) {
            dataset.cooperations = CooperationRows.read(cooperations, rosters: rosters, &findings)
        }
        if let finances = table(.finances) {
            dataset.finances = FinanceRows.read(finances, &findings)
        }
        if let projects = table(.projects) {
            dataset.projects = ProjectRows.read(projects, rosters: rosters, &findings)
        }
        if let survey = table(.survey) {
            dataset.survey = SurveyRows.read(survey, bank: questionBank, &findings)
        }
        return dataset
    }
}

/// The member ids of each year, to check references from the other files.
struct MemberRoster {
    private var idsByYear: [Int: Set<String>] = [:]

    init(_ members: [Member]) {
        for member in members { idsByYear[member.year, default: []].insert(member.id) }
    }

    func contains(_ id: String, in year: Int) -> Bool {
        idsByYear[year]?.contains(id) ?? false
    }

    func explainAbsence(of id: String, in year: Int) -> String {
        let otherYears = idsByYear.filter { $0.value.contains(id) }.keys.sorted()
        let elsewhere = otherYears.isEmpty ? "" : " (it is a member in \(otherYears.map(String.init).joined(separator: ", ")))"
        return "\"\(id)\" is not a member_id of members.csv in \(year)\(elsewhere)"
    }
}
