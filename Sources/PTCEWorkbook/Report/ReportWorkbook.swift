import Foundation
import PTCEIndicators
import PTCEModel

/// How a report workbook is written.
public struct WorkbookOptions: Sendable {
    /// The language of sheet names, headers, labels and the yes/no words of data sheets.
    public var language: Language
    /// The creation date stored in the file (fixed, so the same report gives the same bytes).
    public var created: Date
    /// Above this many members in the report year, libxlsxwriter's constant-memory mode is used
    /// (data sheets then get a plain filter instead of an Excel table). The members decide
    /// because their sheet is written first, before the other files are read.
    public var constantMemoryAbove: Int
    /// Data rows per sheet; more are continued on another sheet (Excel holds 1,048,576 rows
    /// with the header).
    public var rowsPerSheet: Int

    /// Creates options; by default constant-memory mode above 20,000 members and 1,048,575 data rows per sheet (all
    /// Excel holds).
    public init(language: Language, created: Date, constantMemoryAbove: Int = 20_000, rowsPerSheet: Int = 1_048_575) {
        self.language = language
        self.created = created
        self.constantMemoryAbove = constantMemoryAbove
        self.rowsPerSheet = rowsPerSheet
    }

    /// `SOURCE_DATE_EPOCH` when set, else 1 January after the report year (UTC): never "now".
    public static func creationDate(reportYear: Int, environment: [String: String] = ProcessInfo.processInfo.environment) -> Date {
        if let fixed = SourceDate.fixed(in: environment) { return fixed }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: reportYear + 1, month: 1, day: 1))!
    }
}

/// Writes a pole's report as the funder workbook: summary with live formulas over the data
/// sheets, every indicator, the survey, the data sheets of the report year, data quality and method.
public struct ReportWorkbookWriter: OutputWriter {
    /// How every workbook is written.
    public let options: WorkbookOptions

    /// Creates a writer with `options`.
    public init(options: WorkbookOptions) {
        self.options = options
    }

    /// Writes the report's workbook at `url` (``write(_:to:options:)``) and returns the notices about the file.
    /// Throws ``XLSXError`` when libxlsxwriter cannot create or write the file, a sheet or a cell.
    public func write(_ report: PoleReport, to url: URL) throws -> [Finding] {
        try Self.write(report, to: url.path, options: options)
    }

    /// The comparison's workbook (``ComparisonWorkbookWriter``). Throws ``XLSXError`` when libxlsxwriter cannot
    /// create or write the file, a sheet or a cell.
    public func write(_ comparison: PoleComparison, to url: URL) throws {
        try ComparisonWorkbookWriter.write(comparison, to: url.path, options: options)
    }

    /// Writes the workbook at `path` (the caller writes to a temporary name and renames).
    /// Returns what the reader should know about the file itself (a table split over sheets).
    /// Throws ``XLSXError`` when libxlsxwriter cannot create or write the file, a sheet or a cell.
    @discardableResult
    public static func write(_ report: PoleReport, to path: String, options: WorkbookOptions) throws -> [Finding] {
        let draft = try ReportWorkbookDraft(
            profile: report.profile, members: report.dataset.members, catalogue: report.dataset.catalogue, year: report.year,
            path: path, options: options)
        try draft.writeDataSheets(of: report.dataset, questionBank: report.library.questionBank)
        return try draft.finish(with: report)
    }
}

/// A report workbook written in steps, so that the long ones can run while the rest of the
/// data is read and the indicators computed: the members sheet as the members are read (or from
/// members read already), the other data sheets once every file is, then, given the report, the
/// sheets that show the indicators, and the file is written (``WorkbookWhileReading`` runs them).
///
/// Not for use by two threads at once; handing it from one thread to another is safe.
public final class ReportWorkbookDraft: @unchecked Sendable {
    private let workbook: XLSXWorkbook
    private let options: WorkbookOptions
    private let data: DataSheets
    private let summary, narrative, indicators, trajectory, objectives, resources, qualitative: XLSXSheet
    /// Where each data sheet written whole on one sheet put its columns, by the name formulas
    /// give its table (`members`).
    private var layouts: [String: DataSheetLayout] = [:]
    /// What the reader should know about the file itself (a table split over sheets).
    private var notices: [Finding] = []
    private var hasDataSheets = false
    /// The members of the year written on the members sheet, and their fingerprint.
    private var memberCount = 0
    private var membersWritten = MembersFingerprint()

    /// The year whose data sheets the draft holds.
    public var year: Int { data.year }

    /// Creates the workbook at `path` and writes the members sheet of `year`, a column per figure
    /// of `catalogue` (the catalogue the members were read with). Throws ``XLSXError`` when
    /// libxlsxwriter cannot create the workbook or write the sheet.
    public convenience init(
        profile: PoleProfile, members: [Member], catalogue: FieldCatalogue = .standard, year: Int, path: String, options: WorkbookOptions
    ) throws {
        let slice = YearSlice(members, year: year) { $0.year }
        try self.init(
            profile: profile, catalogue: catalogue, year: year, expectedMembers: slice.count, members: slice, path: path, options: options)
    }

    /// Creates the workbook at `path` and writes the members sheet of `year` as `members` (the
    /// year's members, in order) arrive, while they are still being read. `expectedMembers`
    /// chooses the memory mode (``WorkbookOptions/constantMemoryAbove``) before any is known:
    /// the file is the one the plain ``init(profile:members:catalogue:year:path:options:)``
    /// writes only when ``writesAsPlain(_:)`` says so. Throws ``XLSXError`` when libxlsxwriter
    /// cannot create the workbook or write the sheet.
    public init(
        profile: PoleProfile, catalogue: FieldCatalogue = .standard, year: Int, expectedMembers: Int, members: some Sequence<Member>,
        path: String, options: WorkbookOptions
    ) throws {
        data = DataSheets(profile: profile, figures: catalogue.memberFigures, year: year, words: Words(language: options.language))
        let words = data.words
        workbook = try XLSXWorkbook(path: path, constantMemory: expectedMembers > options.constantMemoryAbove)
        self.options = options
        try workbook.setProperties(
            title: words("Rapport d'impact \(year) — \(profile.name)", "Impact report \(year) — \(profile.name)"),
            subject: words("Indicateurs d'impact territorial d'un PTCE", "Territorial impact indicators of a PTCE"),
            author: profile.name,
            keywords: ["PTCE", words("ESS", "social economy"), "impact", profile.territory].joined(separator: ", "),
            created: options.created)

        // Sheets in reading order; the summary's formulas point into the data sheets written after it.
        summary = try workbook.addSheet(words.summary)
        narrative = try workbook.addSheet(words.narrative)
        indicators = try workbook.addSheet(words.indicators)
        trajectory = try workbook.addSheet(words.trajectory)
        objectives = try workbook.addSheet(words.objectives)
        resources = try workbook.addSheet(words.resources)
        qualitative = try workbook.addSheet(words.qualitative)
        var fingerprint = MembersFingerprint()
        memberCount = try write(
            members.lazy.map { member in
                fingerprint.add(member)
                return member
            },
            of: StandardFields.Members.table, columns: data.memberColumns, table: "Membres")
        membersWritten = fingerprint
    }

    /// Whether the members sheet written is the one the plain path writes for `dataset`: the
    /// dataset's members of the year, in the same order (compared by count and by a 64-bit
    /// fingerprint of every field: two different lists match with a chance of 2⁻⁶⁴), and the
    /// memory mode their number calls for.
    public func writesAsPlain(_ dataset: PoleDataset) -> Bool {
        let members = dataset.members(in: year)
        var fingerprint = MembersFingerprint()
        for member in members { fingerprint.add(member) }
        return members.count == memberCount && fingerprint == membersWritten
            && workbook.constantMemory == (members.count > options.constantMemoryAbove)
    }

    /// Writes the data sheets of the other files of `dataset` (the dataset the members came from).
    /// Throws ``XLSXError`` when a sheet or a cell cannot be written; call it once.
    public func writeDataSheets(of dataset: PoleDataset, questionBank: QuestionBank) throws {
        precondition(!hasDataSheets, "the data sheets are written once")
        hasDataSheets = true
        let year = data.year
        try write(dataset.cooperations(in: year), of: StandardFields.Cooperations.table,
                  columns: data.cooperationColumns(members: dataset.members(in: year)), table: "Cooperations")
        try write(dataset.finances(in: year), of: StandardFields.Finances.table, columns: data.financeColumns, table: "Financements")
        try write(dataset.projects(in: year), of: StandardFields.Projects.table, columns: data.projectColumns, table: "Projets")
        try write(dataset.survey(in: year), of: StandardFields.Survey.table, columns: data.surveyColumns(bank: questionBank),
                  table: "Enquete")
    }

    /// Writes the sheets that show `report` — the report of the dataset and year the draft was
    /// made from — and then the file. Returns the notices about the file itself. Throws
    /// ``XLSXError`` when a sheet cannot be written or the file cannot be saved (no such folder,
    /// no permission, disk full).
    public func finish(with report: PoleReport) throws -> [Finding] {
        precondition(report.year == data.year && hasDataSheets, "the report is of the data sheets written")
        let words = data.words
        let dataQuality = try workbook.addSheet(words.dataQuality)
        let method = try workbook.addSheet(words.method)
        let sheets = ReportSheets(report: report, options: options)
        try sheets.writeSummary(summary, workbook: workbook, dataSheets: layouts)
        try sheets.writeNarrative(narrative)
        try sheets.writeIndicators(indicators)
        let layout = try sheets.writeTrajectory(trajectory, workbook: workbook)
        try sheets.writeObjectives(objectives, trajectory: layout)
        try sheets.writeResources(resources)
        try sheets.writeQualitative(qualitative, workbook: workbook)
        try sheets.writeDataQuality(dataQuality, notices: notices)
        try sheets.writeMethod(method)
        try workbook.close()
        return notices
    }

    /// Writes `rows`, the year's rows of the file `declaration` describes, as they come, on a
    /// sheet named as the table, continued on further sheets when they exceed the rows of a
    /// sheet (with a notice). Keeps where the columns are when they fit on one sheet (formulas
    /// cannot point at a range split over several). Returns the number of rows written.
    @discardableResult
    private func write<Rows: Sequence>(
        _ rows: Rows, of declaration: TableDeclaration, columns: [DataColumn<Rows.Element>], table: String
    ) throws -> Int {
        let file = declaration.file, name = declaration.label[options.language]
        let run = RowRun(rows.makeIterator())
        var layouts: [DataSheetLayout] = []
        repeat {
            let index = layouts.count
            let sheet = try workbook.addSheet(index == 0 ? name : "\(name) (\(index + 1))")
            layouts.append(try sheet.writeDataTable(
                run.next(options.rowsPerSheet), columns: columns, tableName: index == 0 ? table : "\(table)_\(index + 1)"))
        } while !run.isAtEnd
        let count = layouts.map(\.rowCount).reduce(0, +)
        guard layouts.count > 1 else {
            layouts.first.map { self.layouts[declaration.formulaName] = $0 }
            return count
        }
        notices.append(Finding(
            .warning, WorkbookMessage.rowsSpreadOverSheets(count, year: data.year, sheets: layouts.map(\.sheetName)),
            at: SourceLocation(file: file)))
        return count
    }
}

/// A fingerprint of members in order, to tell whether two lists are the same without keeping
/// both: every field of every member, through one `Hasher` (seeded once per process).
private struct MembersFingerprint: Equatable {
    private var hasher = Hasher()

    mutating func add(_ member: Member) {
        hasher.combine(member)
        // A string's hash is that of its characters (é in one scalar or two hash alike); the sheet holds its bytes.
        for var text in [member.id, member.name, member.legalForm ?? "", member.commune ?? ""] + member.extras.map(\.value) {
            hasher.combine(text.utf8.count)
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.hasher.finalize() == rhs.hasher.finalize()
    }
}

/// Rows arriving one by one, taken a sheet at a time.
private final class RowRun<Base: IteratorProtocol> {
    private var base: Base
    private var peeked: Base.Element?
    private var ended = false

    init(_ base: Base) {
        self.base = base
    }

    /// Whether no row is left (reads one row ahead to know).
    var isAtEnd: Bool { peek() == nil }

    private func peek() -> Base.Element? {
        if peeked == nil, !ended {
            peeked = base.next()
            ended = peeked == nil
        }
        return peeked
    }

    /// The next `limit` rows (fewer at the end), each read when the sequence reaches it.
    func next(_ limit: Int) -> UnfoldSequence<Base.Element, Int> {
        sequence(state: 0) { taken in
            guard taken < limit, let row = self.peek() else { return nil }
            self.peeked = nil
            taken += 1
            return row
        }
    }
}

extension ReportWorkbookDraft {
    /// The data sheets of `year` as cells (header row first) with each column's number format:
    /// for the benchmark, which has libxlsxwriter alone write the very same cells (the floor).
    package static func dataSheetCells(of dataset: PoleDataset, year: Int, language: Language, questionBank: QuestionBank) -> [(numberFormats: [String?], rows: [[CellValue]])] {
        let data = DataSheets(
            profile: dataset.profile, figures: dataset.catalogue.memberFigures, year: year, words: Words(language: language))
        func cells<Row>(_ rows: YearSlice<Row>, _ columns: [DataColumn<Row>]) -> (numberFormats: [String?], rows: [[CellValue]]) {
            (columns.map(\.style?.numberFormat), [columns.map { .text($0.header) }] + rows.map { row in columns.map { $0.value(row) } })
        }
        return [
            cells(dataset.members(in: year), data.memberColumns),
            cells(dataset.cooperations(in: year), data.cooperationColumns(members: dataset.members(in: year))),
            cells(dataset.finances(in: year), data.financeColumns),
            cells(dataset.projects(in: year), data.projectColumns),
            cells(dataset.survey(in: year), data.surveyColumns(bank: questionBank)),
        ]
    }
}

/// The sheets that show a computed report (the data sheets are written by the draft): one file
/// per sheet beside this one.
struct ReportSheets {
    let report: PoleReport
    let options: WorkbookOptions
    let words: Words
    let year: Int

    init(report: PoleReport, options: WorkbookOptions) {
        self.report = report
        self.options = options
        words = Words(language: options.language)
        year = report.year
    }

    var language: Language { options.language }

}
