import Foundation
import PTCEConcurrency
import PTCEImport
import PTCEIndicators
import PTCEModel

/// A pole's report workbook begun while its folder is read, on a thread of its own: the members
/// sheet is written as the members are read, the other data sheets once every file is, so that
/// only the sheets that show the indicators are left when the report is computed.
///
/// The report year must be known before the members are: it is the year asked for, else the
/// latest year a quick pass over the year column of `members.csv` finds
/// (``PTCEImport/PoleFolderReader/memberFileOutline(of:folder:)``, over the very file the reading
/// holds open, a part at a time), whose row count also chooses the memory mode. The quick pass
/// also notes where each year's rows lie, so that the
/// workbook's thread reads the report year's members from the file itself, at once, rather
/// than waiting for the reading to reach them (a national file sorted by year has the report
/// year last); when the rows of one year are scattered over the file, it takes the members as
/// the reading hands them over. A `members.xlsx` is not parsed twice: its workbook is begun
/// once the folder is read. When the folder, once read, shows another report year, other
/// members of the year (the reading left out rows the quick pass counted, or repaired their
/// text) or another memory mode, the members sheet is written again from the dataset. Either
/// way the file is byte for byte the one ``ReportWorkbookWriter`` writes from the report.
///
/// Give it to ``PTCEImport/PoleFolderReader/read(folder:findings:listener:)`` as the listener,
/// then call ``readingEnded(with:)``, then ``draft()``.
public final class WorkbookWhileReading: MemberListener, @unchecked Sendable {
    private let members = MemberStream()
    private let dataset = Promise<PoleDataset?>()
    private let task: BackgroundTask<(draft: ReportWorkbookDraft, membersSheet: MembersSheetSource)?, any Error>

    /// Starts the workbook's thread for the pole folder at `folder`, read by `reader`: the report
    /// of `year` (`nil`: the latest year with members). `path` gives where the workbook of a
    /// pole id and year is written (libxlsxwriter creates the file only when it is finished,
    /// in ``ReportWorkbookDraft/finish(with:)``); `options` how the workbook of a year is written.
    public init(
        folder: URL, reader: PoleFolderReader, year: Int?, path: @escaping @Sendable (_ poleID: String, _ year: Int) -> String,
        options: @escaping @Sendable (_ year: Int) -> WorkbookOptions
    ) {
        let members = members, dataset = dataset
        task = BackgroundTask {
            var draft: (workbook: ReportWorkbookDraft, source: MembersSheetSource)?
            /// The report year as the quick pass guesses it, its row count and its members read
            /// ahead (`nil` when the outline did not keep their places); the outline let go.
            func guess() -> (year: Int, rows: Int, readAhead: AnySequence<Member>?)? {
                guard let file = members.takeFile() else { return nil }
                let outline = reader.memberFileOutline(of: file, folder: folder)
                guard let year = year ?? outline.rowsByYear.keys.max(), !outline.rowsByYear.isEmpty else { return nil }
                return (year, outline.rowsByYear[year] ?? 0, outline.members(in: year).map { AnySequence($0) })
            }
            if let profile = members.profile(), let (year, rows, readAhead) = guess() {
                // The reading's members are needed only when they are not read ahead.
                if readAhead == nil { members.want(year: year) } else { members.stop() }
                // A guess until the folder is read: when libxlsxwriter refuses it, the plain path below decides.
                draft = (try? ReportWorkbookDraft(
                    profile: profile, catalogue: reader.catalogue, year: year, expectedMembers: rows,
                    members: readAhead ?? AnySequence(members),
                    path: path(profile.id, year), options: options(year)))
                    .map { ($0, readAhead == nil ? .handedOver : .readAhead) }
            }
            members.stop()  // no member is kept waiting when no sheet takes them
            guard let dataset = dataset.value(), let year = dataset.reportYear(asked: year),
                  dataset.memberYears.contains(year)
            else { return nil }
            if let (kept, source) = draft, kept.year == year, kept.writesAsPlain(dataset) {
                try kept.writeDataSheets(of: dataset, questionBank: reader.questionBank)
                return (kept, source)
            }
            draft = nil  // let go unwritten: libxlsxwriter writes a file only when it is closed
            let plain = try ReportWorkbookDraft(
                profile: dataset.profile, members: dataset.members, catalogue: dataset.catalogue, year: year,
                path: path(dataset.profile.id, year), options: options(year))
            try plain.writeDataSheets(of: dataset, questionBank: reader.questionBank)
            return (plain, .rewritten)
        }
    }

    deinit {
        readingEnded(with: nil)
    }

    public func begin(_ profile: PoleProfile) { members.give(profile) }

    public func membersFileOpened(_ file: OpenedFile?) { members.give(file: file) }

    public func accept(_ member: Member) { members.send(member) }

    public func end() { members.close() }

    /// The folder is read: `dataset` is what was read (`nil`: nothing is to be written, as after
    /// data errors). Call it once the reading has returned, whatever happened, and before
    /// ``draft()``: the workbook's thread waits for it (letting go of the object calls it with
    /// `nil`). Only the first call counts.
    public func readingEnded(with dataset: PoleDataset?) {
        guard self.dataset.fulfil(dataset) else { return }
        members.close()
    }

    /// Waits for the data sheets; the draft to finish with the report, `nil` when nothing is to
    /// be written (no dataset, or no member in the report year). Throws ``XLSXError`` when
    /// libxlsxwriter cannot create the workbook or write a sheet.
    public func draft() throws -> ReportWorkbookDraft? {
        try task.value()?.draft
    }

    /// Where the members sheet kept came from; waits as ``draft()`` does (`nil` when it gives `nil`).
    public func membersSheetSource() throws -> MembersSheetSource? {
        try task.value()?.membersSheet
    }
}

/// Where the members sheet of a workbook begun while its folder was read came from.
public enum MembersSheetSource: Sendable, Equatable {
    /// Read from `members.csv` by the workbook's thread, where the quick pass found the report
    /// year's rows, while the reading went on.
    case readAhead
    /// Written as the reading handed the members over.
    case handedOver
    /// Written from the dataset once read: nothing could be guessed before (a `members.xlsx`,
    /// or no year column to look at), or the report year, the members or the memory mode were
    /// not the ones guessed.
    case rewritten
}

/// The members of a pole as they are read, handed from the reading thread to the workbook's.
///
/// The reading waits at its first member until the workbook's thread, its quick pass over the
/// file done, says which members it wants (``want(year:)``: the report year's) or that it wants
/// none (``stop()``): no member is held for a receiver that will not want it (a national
/// file's reading, faster than the quick pass, had handed over 90,000 members — 20 MB at the
/// peak — before they were let go). The quick pass needs nothing the reading holds (it reads
/// the file held open through its own window, and makes its own folder conventions).
private final class MemberStream: Sequence, @unchecked Sendable {
    private let profileGiven = Promise<PoleProfile?>()
    private let file = Handover<OpenedFile>()
    private let members = Channel<Member>()
    /// The year whose members the receiver wants; `nil`: none.
    private let wantedYear = Promise<Int?>()
    /// ``wantedYear`` once the sender knows it (`.some(nil)`: none); the sender's alone.
    private var sendsYear: Int??

    /// Gives the profile (`nil`: none will come), once; later calls do nothing.
    func give(_ profile: PoleProfile?) {
        profileGiven.fulfil(profile)
    }

    /// Gives `members.csv` as the reading holds it open (`nil`: the members are not read from
    /// it), once; later calls do nothing.
    func give(file opened: OpenedFile?) {
        file.give(opened)
    }

    /// Waits for `members.csv` and takes it: it is not held here once the workbook's thread is
    /// done with it. `nil` when the members are not read from the file.
    func takeFile() -> OpenedFile? { file.take() }

    /// Sends a member read when the receiver wants its year (the first waits until it has said).
    func send(_ member: Member) {
        if sendsYear == nil { sendsYear = .some(wantedYear.value()) }
        if let year = sendsYear, year == member.year { members.send(member) }
    }

    /// The receiver wants the members of `year`: they are sent from now on (the first was waiting).
    func want(year: Int) { wantedYear.fulfil(year) }

    /// No member follows; the profile and the file, if they have not come, will not.
    func close() {
        give(nil)
        give(file: nil)
        members.close()
    }

    /// Waits for the profile; `nil` when the folder's `pole.toml` could not be read.
    func profile() -> PoleProfile? { profileGiven.value() }

    /// The receiver wants no more members (or none): later ones are not kept.
    func stop() {
        wantedYear.fulfil(nil)
        members.stop()
    }

    /// The members as they are read, in the file's order; waits for each.
    func makeIterator() -> Channel<Member>.Iterator { members.makeIterator() }
}
