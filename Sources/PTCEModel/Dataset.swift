/// How a CSV file was read: what a data-quality annex reports about it.
public struct SourceFile: Sendable, Hashable, Codable {
    /// The file name relative to the pole folder.
    public var name: String
    /// The encoding the bytes were decoded with, e.g. `UTF-8 (BOM)` or `Windows-1252`.
    public var encoding: String
    /// The field delimiter, e.g. `;`.
    public var delimiter: String
    /// Data records read (header and blank lines excluded).
    public var records: Int
    /// SHA-256 of the file's bytes, in lowercase hexadecimal.
    public var sha256: String

    /// Creates the description of a file read.
    public init(name: String, encoding: String, delimiter: String, records: Int, sha256: String) {
        self.name = name
        self.encoding = encoding
        self.delimiter = delimiter
        self.records = records
        self.sha256 = sha256
    }
}

/// Everything a pole reported, over all the years in its files, with the findings made while reading.
///
/// Rows with errors in required cells are not in the tables; the findings say which and why.
public struct PoleDataset: Sendable, Hashable {
    /// The pole's metadata, from `pole.toml`.
    public var profile: PoleProfile
    /// The rows of `members.csv` kept, every year, in file order.
    public var members: [Member]
    /// The rows of `cooperations.csv` kept, every year, in file order.
    public var cooperations: [Cooperation]
    /// The rows of `finances.csv` kept, every year, in file order.
    public var finances: [FinanceLine]
    /// The rows of `projects.csv` kept, every year, in file order.
    public var projects: [Project]
    /// The rows of `survey.csv` kept, every year, in file order (skipped questions included).
    public var survey: [SurveyAnswer]
    /// The objectives of `targets.csv` kept, in file order.
    public var targets: [Target] = []
    /// The pole's own words (`report.md`); `nil` when the folder has none.
    public var narrative: Narrative?
    /// The CSV files read, in reading order (members first; absent files not listed).
    public var sources: [SourceFile]
    /// Every finding made while reading the folder, `pole.toml` included, in the order made.
    public var findings: Findings
    /// The columns the dataset was read with: the member figures its members hold.
    public var catalogue: FieldCatalogue

    /// Creates a dataset; the tables default to empty, `catalogue` to the standard columns.
    public init(
        profile: PoleProfile, members: [Member] = [], cooperations: [Cooperation] = [],
        finances: [FinanceLine] = [], projects: [Project] = [], survey: [SurveyAnswer] = [],
        sources: [SourceFile] = [], findings: Findings = Findings(), catalogue: FieldCatalogue = .standard
    ) {
        self.catalogue = catalogue
        self.profile = profile
        self.members = members
        self.cooperations = cooperations
        self.finances = finances
        self.projects = projects
        self.survey = survey
        self.sources = sources
        self.findings = findings
    }

    /// Every year with members. Each member's year is read in place: a national dataset's
    /// million members are not copied one by one to look at their years.
    public var memberYears: Set<Int> {
        members.withUnsafeBufferPointer { members in
            var years = Set<Int>()
            for index in members.indices { years.insert(members[index].year) }
            return years
        }
    }

    /// Every year that appears in any table, ascending.
    public var years: [Int] {
        var all = memberYears
        all.formUnion(cooperations.map(\.year))
        all.formUnion(finances.map(\.year))
        all.formUnion(projects.map(\.year))
        all.formUnion(survey.map(\.year))
        return all.sorted()
    }

    /// The year a report is of: `asked`, else the latest year with members; `nil` when no year
    /// is asked and no member was read. The asked year may have no member.
    public func reportYear(asked: Int?) -> Int? {
        asked ?? memberYears.max()
    }
}
