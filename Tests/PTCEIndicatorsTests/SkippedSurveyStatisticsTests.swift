import PTCEModel
@testable import PTCEIndicators
import Testing

/// README, "What the importer accepts": a skipped survey question counts in no statistic. The fixture has four respondents;
/// R04 answered only the open question, and R03 left innovation.new_services empty with a comment.
@Suite struct SkippedSurveyStatisticsTests {
    private let report: PoleReport

    init() throws {
        report = ReportBuilder(library: standardLibrary).report(for: try fixtureDataset("google-sheets-survey"), year: 2024)
    }

    @Test func dimensionsCountOnlyTheAnswers() throws {
        #expect(report.value("qual.respondents") == 4)
        let anchoring = try #require(report.result("qual.anchoring"))
        #expect(anchoring.survey?.n == 5)                                  // R01 5, 4; R02 4; R03 3, 3
        #expect(close(anchoring.value, 19.0 / 5))
        #expect(anchoring.survey?.distribution == [0, 0, 2, 2, 1])
        #expect(anchoring.survey?.shareAtLeast4 == 0.6)
        #expect(anchoring.coverage == Coverage(reported: 3, of: 4, basis: .respondents))        // R04 skipped both
        #expect(report.result("qual.cooperation")?.survey?.n == 4)         // 4, 5, 3, 4
        #expect(report.value("qual.cooperation") == 4)
        #expect(report.result("qual.dynamism")?.survey?.n == 4)            // 4, 3, 4, 4
        #expect(report.value("qual.dynamism") == 3.75)
        #expect(report.result("qual.innovation")?.survey?.n == 1)          // R03's comment is no score
        #expect(report.value("qual.innovation") == 4)
        #expect(report.result("qual.values")?.survey?.n == 5)              // 5, 5, 4, 4, 4
        #expect(close(report.value("qual.values"), 22.0 / 5))
    }

    @Test func questionsCountOnlyTheAnswers() throws {
        let recommend = try #require(report.questions.first { $0.question.id == "cooperation.recommend" })
        #expect(recommend.statistics.n == 2)                               // R01 yes, R03 no
        #expect(recommend.statistics.yesShare == 0.5)
        let firms = try #require(report.questions.first { $0.question.id == "anchoring.local_firms" })
        #expect(firms.statistics.n == 2)                                   // R01 4, R03 3
        #expect(firms.statistics.mean == 3.5)
        #expect(report.quotations.map(\.respondent) == ["R01", "R03", "R04"])
    }
}
