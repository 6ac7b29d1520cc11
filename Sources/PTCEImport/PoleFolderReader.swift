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
    let schemas: [TableSchema]

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
    /// an error; the findings then say why. `listener` hears of the profile and of each member
    /// as they are read, before the other files: a caller can start on them meanwhile.
    public func read(folder url: URL, findings: inout Findings, listener: (any MemberListener)? = nil) -> PoleDataset? {
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
                switch TextFile.open(at: url.appendingPathComponent(name).path) {
                case .opened(let file): return .file(file)
                case .unreadable(let reason): failedReads[name] = reason
                case .absent: failedReads[name] = ImportMessage.UnreadableReason.removedWhileRead
                }
                return nil
            },
            findings: &local, listener: profile == nil ? nil : listener)
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
        read(profile: profile, isPresent: { files[$0] != nil }, contents: { files[$0].map(TableSource.bytes) }, findings: &findings)
    }

    /// Reads each CSV file when its turn comes (`contents` gives it, held open or as bytes, or
    /// `nil` when it is absent; it is called from two threads): a file held open is parsed
    /// through a window (``CSVReader/read(_:file:partSize:)``), so that no large file is held
    /// whole — a part of the survey's too, read on another core while the cooperations, budget
    /// and projects are, and of another while an ambiguous number asks what the folder's other
    /// files settle (``FolderConventions``).
    ///
    /// Each table is read from its CSV file or its workbook (`members.xlsx`), whichever
    /// `isPresent` says the folder holds; both is an error, and neither is read.
    func read(
        profile: PoleProfile, isPresent: (String) -> Bool, contents: @escaping @Sendable (String) -> TableSource?, findings: inout Findings,
        listener: (any MemberListener)? = nil
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
        /// The file as text, and its fingerprint computed on another core meanwhile (a failure
        /// when the file changed while read); both read the same file, let go once the table has been read.
        @Sendable func open(
            _ schema: TableSchema, opened: (TableSource) -> Void
        ) -> (TableDocument, BackgroundTask<Result<String, UnreadableFile>, Never>)? {
            guard let source = contents(schema.file) else { return nil }
            opened(source)
            let digest = BackgroundTask<Result<String, UnreadableFile>, Never> { source.digest }
            return (TableDocument.open(source, file: schema.file), digest)
        }
        /// Reads a table: its rows, with the findings of its reading and its line in the list of
        /// sources. `opened` gets the file before it is read.
        @Sendable func load<Row>(
            _ schema: TableSchema?, opened: (TableSource) -> Void = { _ in }, _ build: (Table, inout Findings) -> [Row]
        ) -> LoadedTable<Row> {
            var loaded = LoadedTable<Row>()
            guard let schema, let (document, digest) = open(schema, opened: opened) else { return loaded }
            loaded.findings.append(contentsOf: document.findings)
            var source = SourceFile(
                name: schema.file, encoding: document.encoding, delimiter: document.delimiter, records: 0, sha256: "")
            // Not text, or no longer readable (no records): its findings say why, not that it is empty.
            if document.records != nil, let table = Table(schema: schema, document: document, folder: folder, findings: &loaded.findings) {
                if table.isEmpty {
                    let message = ImportMessage.headerWithoutData(isRequired: schema.isRequired)
                    if schema.isRequired {
                        loaded.findings.error(message, at: SourceLocation(file: schema.file, line: 1))
                    } else {
                        loaded.findings.note(message, at: SourceLocation(file: schema.file, line: 1))
                    }
                }
                loaded.rows = build(table, &loaded.findings)
                source.records = table.recordCount
            } else {
                source.records = max(document.recordCount - 1, 0)
            }
            switch digest.value() {
            case .success(let sha256):
                source.sha256 = sha256
                loaded.source = source
            case .failure(let failure):
                // Changed or unreadable while read: said once, whether its reading met it too or not,
                // and the file not listed among those read.
                let unreadable = failure.findings(file: schema.file)
                if !loaded.findings.all.contains(unreadable.all[0]) { loaded.findings.append(contentsOf: unreadable) }
            }
            return loaded
        }
        /// A table's rows, its findings and its source taken into the dataset, in the order of the files.
        func take<Row>(_ loaded: LoadedTable<Row>) -> [Row] {
            findings.append(contentsOf: loaded.findings)
            loaded.source.map { dataset.sources.append($0) }
            return loaded.rows
        }
        listener?.begin(profile)
        var memberIDs: KeptKeys<Member, YearScopedKey>?
        let members = load(schemas[0], opened: { source in
            // The listener looks ahead in the CSV file held open (never in a workbook): the very file read here.
            if case .file(let file) = source, schemas[0]?.file == self.schemas[0].file {
                listener?.membersFileOpened(file)
            } else {
                listener?.membersFileOpened(nil)
            }
        }) {
            MemberRows.read($0, figures: catalogue.memberFigures, accepted: listener.map { listener in listener.accept }, ids: &memberIDs, &$1)
        }
        listener?.end()
        // The survey's answers name no member: they are read on another core while the
        // cooperations, budget and projects are (the folder's conventions and files are shared
        // under a lock) — not while the members are, whose file is the largest held at once.
        let survey = BackgroundTask<LoadedTable<SurveyAnswer>, Never> { [questionBank] in
            load(schemas[4]) { SurveyRows.read($0, bank: questionBank, &$1) }
        }
        dataset.members = take(members)
        let rosters = MemberRoster(dataset.members, ids: memberIDs)
        dataset.cooperations = take(load(schemas[1]) { CooperationRows.read($0, rosters: rosters, &$1) })
        dataset.finances = take(load(schemas[2]) { FinanceRows.read($0, &$1) })
        dataset.projects = take(load(schemas[3]) { ProjectRows.read($0, rosters: rosters, &$1) })
        dataset.survey = take(survey.value())
        dataset.targets = take(load(schemas[5]) { TargetRows.read($0, indicators: indicators, &$1) })
        return dataset
    }
}

/// Hears of the members while a pole folder is read (``PoleFolderReader/read(folder:findings:listener:)``),
/// so that a caller can start on them before the other files are read. Called on the reading thread.
public protocol MemberListener: AnyObject {
    /// The pole's profile, before any member; not called when `pole.toml` has an error.
    func begin(_ profile: PoleProfile)
    /// The members' file is read, before its first member: `members.csv` as the reading holds it
    /// open, for a caller that looks ahead in the very file read
    /// (``PoleFolderReader/memberFileOutline(of:folder:)``); `nil` when the members come from
    /// `members.xlsx` (or from bytes given). Not called when no members' file could be read
    /// (then no member follows).
    func membersFileOpened(_ file: OpenedFile?)
    /// A member kept, as soon as its row is read, in the order of the file. Its row had no
    /// error that leaves it out; another row may still have errors that stop the report. The
    /// listener may make the reading wait here (for work of its own that needs nothing the
    /// reading holds: the workbook begun while reading waits for its quick pass over the file).
    func accept(_ member: Member)
    /// The members file is read (or absent): no member follows. Not called when ``begin(_:)`` was not.
    func end()
}

/// The member ids of each year, to check references from the other files.
///
/// Held as positions into the members themselves (their array shared, not copied), through the
/// table the reading of the members makes for repeated ids (``KeptKeys``): where sets of a
/// national dataset's million ids took about 38 MB.
struct MemberRoster {
    private let members: [Member]
    /// The members' positions by year and id.
    private let ids: KeptKeys<Member, YearScopedKey>
    /// The ids made members beyond ``members`` (``insert(_:year:)``).
    private var added: Set<YearScopedKey> = []
    /// Every year with a member, ascending.
    private var years: [Int]

    /// `members`: unique by year and id, as a dataset's are; `ids`: the table their reading made
    /// (``MemberRows``), made here when not given.
    init(_ members: [Member], ids: KeptKeys<Member, YearScopedKey>? = nil) {
        var table = ids ?? KeptKeys(expected: members.count)
        var years = Set<Int>()
        members.withUnsafeBufferPointer { members in
            for position in members.indices {
                years.insert(members[position].year)
                // Each member recorded in turn: none repeats another, so positions are the members'.
                if ids == nil { _ = table.repeatedRow(by: members[position], among: UnsafeBufferPointer(rebasing: members[..<position])) }
            }
        }
        (self.members, self.ids, self.years) = (members, table, years.sorted())
    }

    /// Makes `id` a member in `year`.
    mutating func insert(_ id: String, year: Int) {
        guard !contains(id, in: year) else { return }
        added.insert(YearScopedKey(year: year, id: id))
        if !years.contains(year) { years = (years + [year]).sorted() }
    }

    func contains(_ id: String, in year: Int) -> Bool {
        let key = YearScopedKey(year: year, id: id)
        return added.contains(key) || members.withUnsafeBufferPointer { ids.row(with: key, among: $0) != nil }
    }

    /// The error for `id`, not a member in `year`: it names the years it is a member of, if any.
    func explainAbsence(of id: String, in year: Int) -> LocalizedText {
        ImportMessage.notAMember(id, year: year, memberIn: years.filter { contains(id, in: $0) })
    }
}

/// A table read: its rows, the findings of its reading, and its line in the list of sources
/// (`nil` when the folder has no such file).
private struct LoadedTable<Row: Sendable>: Sendable {
    var rows: [Row] = []
    var findings = Findings()
    var source: SourceFile?
}

/// The files that could not be read when their turn came, with the reason; written from the
/// threads that read the files.
private final class FailedReads: @unchecked Sendable {
    private let lock = NSLock()
    private var reasonsByFile: [String: LocalizedText] = [:]

    subscript(file: String) -> LocalizedText? {
        get { lock.withLock { reasonsByFile[file] } }
        set { lock.withLock { reasonsByFile[file] = newValue } }
    }

    var reasons: [String: LocalizedText] { lock.withLock { reasonsByFile } }
}
