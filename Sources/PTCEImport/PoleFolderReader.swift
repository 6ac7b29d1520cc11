import Foundation
import PTCEConcurrency
import PTCEModel

/// Reads a pole folder (README, "A pole is a folder"): `pole.toml` and the CSV files, every cell validated
/// against the field catalogue and the number forms of README, "What the importer accepts", every problem a located finding.
///
/// Rows whose required cells are invalid are left out of the dataset, with an error saying so;
/// optional cells that are invalid read as not reported.
public struct PoleFolderReader: Sendable {
    /// The questions `survey.csv` may answer: an answer to another question is an error.
    public let questionBank: QuestionBank
    /// The columns read: the standard ones, or a network's catalogue with figures of its own.
    public let catalogue: FieldCatalogue
    /// The indicators an objective of `targets.csv` may name, by id, with what its numbers must
    /// fit; `nil`: objectives are read without being checked against a library.
    public let indicators: [String: IndicatorTraits]?
    /// The schema of each file, from ``catalogue``, in reading order.
    private let schemas: [TableSchema]

    /// Creates a reader checking survey answers against `questionBank`, objectives against
    /// `indicators` (by default not at all) and reading the columns of `catalogue` (by default the
    /// standard ones).
    public init(questionBank: QuestionBank, catalogue: FieldCatalogue = .standard, indicators: [String: IndicatorTraits]? = nil) {
        self.questionBank = questionBank
        self.catalogue = catalogue
        self.indicators = indicators
        schemas = catalogue.tables.map(TableSchema.init)
    }

    /// Reads the folder at `url`. Returns `nil` when `pole.toml` is missing, cannot be read or has
    /// an error; the findings then say why. `onMembers` gets the profile and the members as soon as they
    /// are read, before the other files: a caller can start on them meanwhile.
    public func read(
        folder url: URL, findings: inout Findings, onMembers: ((PoleProfile, [Member]) -> Void)? = nil
    ) -> PoleDataset? {
        var local = Findings()
        defer { findings.append(contentsOf: local) }
        guard let tomlText = TextFile.text(
            at: url.appendingPathComponent(PoleProfileReader.file), file: PoleProfileReader.file, findings: &local,
            missing: ImportMessage.missingPoleProfile)
        else { return nil }
        var profileFindings = Findings()
        let profile = PoleProfileReader.read(tomlText, findings: &profileFindings)
        local.append(contentsOf: profileFindings)

        // A file that is there but cannot be read is an error, never taken for an absent one.
        var readable: Set<String> = []
        for schema in schemas {
            var present = false
            for file in [schema.file, schema.workbookFile] {
                switch TextFile.status(at: url.appendingPathComponent(file).path) {
                case .absent:
                    continue
                case .unreadable(let reason):
                    local.error(ImportMessage.cannotBeRead(reason), at: SourceLocation(file: file))
                case .readable:
                    readable.insert(file)
                }
                present = true
            }
            if !present, schema.isRequired {
                local.error(ImportMessage.missingDataFile(schema.file), at: SourceLocation(file: schema.file))
            }
        }
        // A file that changed between the look and the reading (removed, locked) is an error too.
        let failedReads = FailedReads()
        var dataset = read(
            profile: profile ?? PoleProfile(id: "", name: "", territory: "", communes: []),
            isPresent: { [readable] in readable.contains($0) },
            contents: { [readable] name in
                guard readable.contains(name) else { return nil }
                switch TextFile.contents(at: url.appendingPathComponent(name).path) {
                case .bytes(let bytes): return bytes
                case .unreadable(let reason): failedReads.reasons[name] = reason
                case .absent: failedReads.reasons[name] = ImportMessage.UnreadableReason.removedWhileRead
                }
                return nil
            },
            findings: &local, onMembers: profile == nil ? nil : onMembers)
        for (name, reason) in failedReads.reasons.sorted(by: { $0.key < $1.key }) {
            local.error(ImportMessage.cannotBeRead(reason), at: SourceLocation(file: name))
        }
        dataset.narrative = readNarrative(in: url, findings: &local)
        dataset.findings = local
        return profile == nil ? nil : dataset
    }

    /// The pole's own words, from `report.md` (else `rapport.md`); `nil` when neither is there or
    /// the file is not UTF-8 text (a finding says so).
    private func readNarrative(in url: URL, findings: inout Findings) -> Narrative? {
        let present = NarrativeReader.files.filter { FileManager.default.fileExists(atPath: url.appendingPathComponent($0).path) }
        guard let file = present.first else { return nil }
        if present.count > 1 { findings.warning(ImportMessage.bothNarratives, at: SourceLocation(file: NarrativeReader.files[1])) }
        let removed = ImportMessage.cannotBeRead(ImportMessage.UnreadableReason.removedWhileRead)
        guard let text = TextFile.text(at: url.appendingPathComponent(file), file: file, findings: &findings, missing: removed)
        else { return nil }
        return NarrativeReader.read(text, file: file, findings: &findings)
    }

    /// Reads the table files given by name (`members.csv`, or `members.xlsx`) as bytes, for a known profile.
    public func read(profile: PoleProfile, files: [String: [UInt8]], findings: inout Findings) -> PoleDataset {
        read(profile: profile, isPresent: { files[$0] != nil }, contents: { files[$0] }, findings: &findings)
    }

    /// Reads each CSV file when its turn comes (`contents` gives its bytes, or `nil` when it is
    /// absent), so that only one file's text is in memory at a time, and another only while an
    /// ambiguous number asks what the folder's other files settle (``FolderConventions``).
    ///
    /// Each table is read from its CSV file or its workbook (`members.xlsx`), whichever
    /// `isPresent` says the folder holds; both is an error, and neither is read.
    func read(
        profile: PoleProfile, isPresent: (String) -> Bool, contents: @escaping (String) -> [UInt8]?, findings: inout Findings,
        onMembers: ((PoleProfile, [Member]) -> Void)? = nil
    ) -> PoleDataset {
        var dataset = PoleDataset(profile: profile, catalogue: catalogue)
        let schemas = schemas.map { schema -> TableSchema? in
            switch (isPresent(schema.file), isPresent(schema.workbookFile)) {
            case (true, true):
                findings.error(ImportMessage.bothFormats(schema.file, schema.workbookFile), at: SourceLocation(file: schema.workbookFile))
                return nil
            case (false, true): return schema.reading(schema.workbookFile)
            default: return schema
            }
        }
        let folder = FolderConventions(schemas: schemas.compactMap { $0 }, contents: contents)
        /// The file as text, and its fingerprint computed on another core meanwhile; both read the
        /// same bytes, let go once the table has been read.
        func open(_ schema: TableSchema) -> (TableDocument, BackgroundTask<String, Never>)? {
            guard let bytes = contents(schema.file) else { return nil }
            let digest = BackgroundTask<String, Never> { SHA256.hexDigest(bytes) }
            return (TableDocument.open(bytes, file: schema.file), digest)
        }
        func load<Row>(_ schema: TableSchema?, _ build: (Table, inout Findings) -> [Row]) -> [Row] {
            guard let schema, let (document, digest) = open(schema) else { return [] }
            findings.append(contentsOf: document.findings)
            var source = SourceFile(
                name: schema.file, encoding: document.encoding, delimiter: document.delimiter, records: 0, sha256: "")
            defer {
                source.sha256 = digest.value()
                dataset.sources.append(source)
            }
            guard let table = Table(schema: schema, document: document, folder: folder, findings: &findings) else {
                source.records = max(document.readAll().records.count - 1, 0)
                return []
            }
            if table.isEmpty {
                let message = ImportMessage.headerWithoutData(isRequired: schema.isRequired)
                if schema.isRequired {
                    findings.error(message, at: SourceLocation(file: schema.file, line: 1))
                } else {
                    findings.note(message, at: SourceLocation(file: schema.file, line: 1))
                }
            }
            let rows = build(table, &findings)
            source.records = table.recordCount
            return rows
        }
        dataset.members = load(schemas[0]) { MemberRows.read($0, figures: catalogue.memberFigures, &$1) }
        onMembers?(profile, dataset.members)
        let rosters = MemberRoster(dataset.members)
        dataset.cooperations = load(schemas[1]) { CooperationRows.read($0, rosters: rosters, &$1) }
        dataset.finances = load(schemas[2]) { FinanceRows.read($0, &$1) }
        dataset.projects = load(schemas[3]) { ProjectRows.read($0, rosters: rosters, &$1) }
        dataset.survey = load(schemas[4]) { SurveyRows.read($0, bank: questionBank, &$1) }
        dataset.targets = load(schemas[5]) { TargetRows.read($0, indicators: indicators, &$1) }
        return dataset
    }
}

/// The member ids of each year, to check references from the other files.
struct MemberRoster {
    private var idsByYear: [Int: Set<String>] = [:]

    init(_ members: [Member]) {
        for member in members { idsByYear[member.year, default: []].insert(member.id) }
    }

    /// Makes `id` a member in `year`.
    mutating func insert(_ id: String, year: Int) {
        idsByYear[year, default: []].insert(id)
    }

    func contains(_ id: String, in year: Int) -> Bool {
        idsByYear[year]?.contains(id) ?? false
    }

    /// The error for `id`, not a member in `year`: it names the years it is a member of, if any.
    func explainAbsence(of id: String, in year: Int) -> LocalizedText {
        ImportMessage.notAMember(id, year: year, memberIn: idsByYear.filter { $0.value.contains(id) }.keys.sorted())
    }
}

/// The files that could not be read when their turn came, with the reason.
private final class FailedReads {
    var reasons: [String: LocalizedText] = [:]
}
