import Foundation
@testable import PTCEModel
import Testing

/// Members keep their figures packed; what they show must not depend on it.
@Suite struct MemberTests {
    private let member = Member(
        origin: RecordOrigin(file: "members.csv", line: 2), year: 2024, id: "A", name: "Atelier", actorType: .ess,
        fte: 12.5, headcount: 20, insertionExitsDurable: 0, turnover: 1_380_000, reuseTonnes: 0.25)

    @Test func figuresReadBackAsSetAndUnreportedStayNil() {
        #expect(member.fte == 12.5)
        #expect(member.headcount == 20)
        #expect(member.insertionExitsDurable == 0)
        #expect(member.insertionExits == nil)
        #expect(member.publicFunding == nil)
        var changed = member
        changed.fte = nil
        changed.volunteers = 3
        #expect(changed.fte == nil && changed.volunteers == 3 && changed.headcount == 20)
    }

    /// A national dataset holds a million members: each byte counts. The standard figures are
    /// held in the member itself (15 × 8 bytes), so that no member needs an allocation of its own
    /// for them (an array of them took 160 bytes more, beside the member); the origin names its
    /// file by number (8 bytes, not 24), and the year is stored last, in 4 bytes — as it is in
    /// a cooperation and an answer, half a million of each in a national dataset.
    @Test func rowsStaySmall() {
        #expect(MemoryLayout<Member>.stride <= 216, "a member takes \(MemoryLayout<Member>.stride) bytes")
        #expect(MemoryLayout<RecordOrigin>.size == 8, "a record's origin takes \(MemoryLayout<RecordOrigin>.size) bytes")
        #expect(MemoryLayout<Cooperation>.stride <= 80, "a cooperation takes \(MemoryLayout<Cooperation>.stride) bytes")
        #expect(MemoryLayout<SurveyAnswer>.stride <= 88, "an answer takes \(MemoryLayout<SurveyAnswer>.stride) bytes")
        #expect(MemberFigure.all.count == 15, "the member holds 15 figures itself: as many as the standard catalogue has")
    }

    /// An origin numbers its file for the process: it still reads, compares, hashes and encodes
    /// as its file name and line.
    @Test func originsKeepTheirFileAndLine() throws {
        var origin = RecordOrigin(file: "coopérations.csv", line: 1_500_000_000)
        #expect(origin.file == "coopérations.csv" && origin.line == 1_500_000_000)
        #expect(origin == RecordOrigin(file: "coopérations.csv", line: 1_500_000_000))
        #expect(origin != RecordOrigin(file: "cooperations.csv", line: 1_500_000_000))
        #expect(Set([origin, RecordOrigin(file: "coopérations.csv", line: 1_500_000_000)]).count == 1)
        origin.file = "survey.csv"
        origin.line = 7
        #expect(origin.location == SourceLocation(file: "survey.csv", line: 7))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = try encoder.encode(origin)
        #expect(String(decoding: json, as: UTF8.self) == #"{"file":"survey.csv","line":7}"#)
        #expect(try JSONDecoder().decode(RecordOrigin.self, from: json) == origin)
        // Lines are 32-bit: a file of at most 2 GB has fewer; beyond, the line is held at the largest.
        #expect(RecordOrigin(file: "survey.csv", line: Int(Int32.max) + 10).line == Int(Int32.max))
    }

    /// The year, stored in 4 bytes, reads and writes as an `Int`.
    @Test func theYearReadsBackAsSet() {
        var changed = member
        #expect(changed.year == 2024)
        changed.year = 2031
        #expect(changed.year == 2031 && changed != member && changed.fte == member.fte)
    }

    @Test func equalityAndHashingFollowTheFigures() {
        var other = member
        #expect(other == member && other.hashValue == member.hashValue)
        other.trainees = 0
        #expect(other != member) // reported 0 is not "not reported"
        other.trainees = nil
        #expect(other == member && other.hashValue == member.hashValue)
    }

    /// Every storage place holds its own figure: the 15 in the member and those beyond it, set to
    /// distinct values, read back; marking one not applicable touches no other.
    @Test func everyFigureHasAPlaceOfItsOwn() throws {
        var catalogue = FieldCatalogue.standard
        for name in ["meals_served", "bikes_repaired"] {
            catalogue = try #require(catalogue.addingMemberFigure(
                FieldDeclaration(name, .count, unit: "count", label: LocalizedText(fr: name, en: name), format: .count, aliases: [])))
        }
        let figures = catalogue.memberFigures
        #expect(figures.map(\.index) == Array(0..<17))
        var filled = member
        for figure in figures { filled[figure] = Double(100 + figure.index) }
        #expect(figures.map { filled[$0] } == figures.map { Double(100 + $0.index) })
        for figure in figures {
            var marked = filled
            marked.setNotApplicable(figure)
            #expect(figures.map { marked[$0] } == figures.map { $0.index == figure.index ? 0 : Double(100 + $0.index) })
            #expect(figures.filter { marked.isNotApplicable($0) }.map(\.index) == [figure.index])
        }
    }

    /// The two NaNs that mark a figure are the ones `Double(nan:signaling:)` makes.
    @Test func notReportedAndNotApplicableAreQuietNaNsWithTheirPayloads() {
        #expect(MemberFigures.notReported.bitPattern == Double(nan: 1, signaling: false).bitPattern)
        #expect(MemberFigures.notApplicable.bitPattern == Double(nan: 2, signaling: false).bitPattern)
    }

    /// Figures a catalogue adds after the standard ones are stored beside the member: read back,
    /// not applicable kept apart from reported 0, and equal members still equal once one is unset.
    @Test func figuresBeyondTheStandardOnes() throws {
        let catalogue = try #require(FieldCatalogue.standard.addingMemberFigure(
            FieldDeclaration("meals_served", .count, unit: "count", label: LocalizedText(fr: "Repas", en: "Meals"), format: .count,
            aliases: [])))
        let meals = try #require(catalogue.memberFigure(named: "meals_served"))
        try #require(meals.index >= MemberFigure.all.count)
        var other = member
        other[meals] = 1_200
        #expect(other[meals] == 1_200 && other != member && member[meals] == nil)
        other.setNotApplicable(meals)
        #expect(other[meals] == 0 && other.isNotApplicable(meals))
        other[meals] = nil
        #expect(other == member && other.hashValue == member.hashValue)
    }
}
