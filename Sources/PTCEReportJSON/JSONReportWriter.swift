import PTCEIndicators
import PTCEModel

/// Writes a pole report as JSON (README, "The JSON"): pole, year, indicators, findings, plus the survey
/// results, quotations, sources and engine that make the report auditable.
public struct JSONReportWriter: TextOutputWriter {
    /// The language of labels.
    public let language: Language

    /// Creates a writer whose labels are in `language`.
    public init(language: Language) {
        self.language = language
    }

    /// The JSON of `report`, labels in the writer's language.
    public func text(_ report: PoleReport) -> String { Self.json(report, language: language) }
    /// The JSON of `comparison`, labels in the writer's language.
    public func text(_ comparison: PoleComparison) -> String { Self.json(comparison, language: language) }

    /// The JSON text of one report, in `language` for labels.
    public static func json(_ report: PoleReport, language: Language) -> String {
        var builder = JSONBuilder()
        builder.object { write(report, language: language, into: &$0) }
        return builder.text + "\n"
    }

    /// The JSON of a comparison: `{"year": …, "poles": [<report of each pole>], "comparison": [...]}`.
    /// A pole without data for the year is listed with `"status": "no_data"` and the years it has.
    public static func json(_ comparison: PoleComparison, language: Language) -> String {
        var builder = JSONBuilder()
        builder.object { json in
            json.field("year", .integer(comparison.year))
            json.array("trend_years") { years in for year in comparison.trendYears { years.field(nil, .integer(year)) } }
            json.field("group_by", .string(comparison.grouping?.rawValue))
            json.array("groups") { groups in
                for group in comparison.groups {
                    groups.object { item in
                        item.field("id", .string(group.id))
                        item.field("label", .string(group.label[language]))
                        item.array("poles") { ids in
                            for pole in comparison.poles where pole.report != nil && pole.group == group { ids.field(nil, .string(pole.profile.id)) }
                        }
                    }
                }
            }
            json.array("poles") { poles in
                for pole in comparison.poles {
                    poles.object { item in
                        if let report = pole.report {
                            write(report, language: language, into: &item)
                        } else {
                            item.object("pole") { $0.field("id", .string(pole.profile.id)); $0.field("name", .string(pole.profile.name)) }
                            item.field("year", .integer(comparison.year))
                            item.field("status", .string("no_data"))
                            item.array("years") { years in for year in pole.years { years.field(nil, .integer(year)) } }
                        }
                    }
                }
            }
            json.array("comparison") { rows in
                for row in comparison.rows {
                    rows.object { write(row, of: comparison, into: &$0) }
                }
            }
        }
        return builder.text + "\n"
    }

    /// A spread as an object, its numbers `null` when there is none (so that `per_member.median` always reads).
    private static func write(_ spread: ValueSpread?, key: String, into json: inout JSONBuilder) {
        json.object(key) { item in
            item.field("n", .integer(spread?.count ?? 0))
            item.field("min", .number(spread?.minimum))
            item.field("q1", .number(spread?.lowerQuartile))
            item.field("median", .number(spread?.median))
            item.field("q3", .number(spread?.upperQuartile))
            item.field("max", .number(spread?.maximum))
        }
    }

    private static func write(_ row: ComparisonRow, of comparison: PoleComparison, into json: inout JSONBuilder) {
        let poles = comparison.poles
        json.field("id", .string(row.definition.id))
        json.field("unit", .string(row.definition.unit.id))
        json.field("direction", .string(row.definition.direction.rawValue))
        json.field("median", .number(row.median))
        json.field("min", .number(row.minimum))
        json.field("max", .number(row.maximum))
        // What the ranks follow: the value itself, or for a volume its value per member.
        json.field("ranked_by", .string(row.rankedBy?.rawValue ?? "value"))
        for normalisation in row.normalisations {
            write(row.normalisedSpreads[normalisation], key: normalisation.rawValue, into: &json)
        }
        // The view ranks and percentiles follow, overall and within each peer group.
        write(row.rankedSpread, key: "spread", into: &json)
        if comparison.grouping != nil {
            json.array("group_spreads") { groups in
                for group in comparison.groups {
                    groups.object { item in
                        item.field("group", .string(group.id))
                        write(row.groupSpreads[group.id], key: "spread", into: &item)
                    }
                }
            }
        }
        json.array("poles") { cells in
            for (pole, cell) in zip(poles, row.cells) {
                cells.object { item in
                    item.field("id", .string(pole.profile.id))
                    item.field("value", .number(cell.value))
                    item.field("missing_reason", .string(pole.report == nil ? "no_data_for_year" : cell.missingReason?.rawValue))
                    item.field("rank", .integer(cell.rank))
                    item.field("percentile", .number(cell.percentile))
                    if pole.report != nil, let group = pole.group {
                        item.field("group", .string(group.id))
                        item.field("group_rank", .integer(cell.groupRank))
                        item.field("group_percentile", .number(cell.groupPercentile))
                    }
                    item.field("low_coverage", .bool(cell.lowCoverage))
                    item.field("comparable", .bool(cell.comparable))
                    for normalisation in row.normalisations {
                        item.field(normalisation.rawValue, .number(cell.normalised[normalisation]))
                    }
                    item.array("trend") { trend in for value in cell.trend { trend.field(nil, .number(value)) } }
                }
            }
        }
    }

    static func write(_ report: PoleReport, language: Language, into json: inout JSONBuilder) {
        json.object("pole") { pole in
            pole.field("id", .string(report.profile.id))
            pole.field("name", .string(report.profile.name))
            pole.field("territory", .string(report.profile.territory))
            pole.field("region", .string(report.profile.region))
            pole.field("population", .integer(report.profile.population))
        }
        json.field("year", .integer(report.year))
        json.field("previous_year", .integer(report.previousYear))
        json.field("language", .string(language.rawValue))
        json.array("narrative") { narrative in
            for section in report.narrative {
                narrative.object { item in
                    item.field("title", .string(section.title))
                    item.field("markdown", .string(section.markdown))
                }
            }
        }
        json.array("milestones") { milestones in
            for milestone in report.milestones {
                milestones.object { item in
                    item.field("year", .integer(milestone.year))
                    item.field("label", .string(milestone.label))
                }
            }
        }
        if let governance = report.governance {
            json.object("governance") { write(governance, into: &$0) }
        } else {
            json.field("governance", .null)
        }
        json.array("indicators") { indicators in
            for result in report.results {
                indicators.object { write(result, language: language, into: &$0) }
            }
        }
        if let resources = report.resources {
            json.object("resources") { write(resources, into: &$0) }
        }
        json.object("survey") { survey in
            survey.array("questions") { questions in
                for result in report.questions {
                    questions.object { question in
                        question.field("id", .string(result.question.id))
                        question.field("kind", .string(result.question.kind.rawValue))
                        question.field("wording", .string(result.question.wording[language]))
                        write(result.statistics, into: &question)
                    }
                }
            }
            survey.array("quotations") { quotations in
                for quotation in report.quotations {
                    quotations.object { item in
                        item.field("question", .string(quotation.questionID))
                        item.field("respondent", .string(quotation.respondent))
                        item.field("role", .string(quotation.role.rawValue))
                        item.field("text", .string(quotation.text))
                        item.field("file", .string(quotation.origin.file))
                        item.field("line", .integer(quotation.origin.line))
                    }
                }
            }
        }
        json.array("findings") { findings in
            for finding in report.findings {
                findings.object { item in
                    item.field("severity", .string(finding.severity.rawValue))
                    item.field("file", .string(finding.location.file))
                    item.field("line", .integer(finding.location.line))
                    item.field("column", .string(finding.location.column))
                    item.field("message", .string(finding.message[language]))
                }
            }
        }
        json.object("engine") { engine in
            engine.field("name", .string(Engine.name))
            engine.field("version", .string(Engine.version))
            engine.object("indicator_library") { library in
                library.field("standard", .bool(report.library.identity == .standard))
                library.field("fingerprint", .string(report.library.identity.fingerprint))
            }
        }
        json.array("sources") { sources in
            for source in report.sources {
                sources.object { item in
                    item.field("file", .string(source.name))
                    item.field("encoding", .string(source.encoding))
                    item.field("delimiter", .string(source.delimiter))
                    item.field("records", .integer(source.records))
                    item.field("sha256", .string(source.sha256))
                }
            }
        }
    }

    private static func write(_ governance: Governance, into json: inout JSONBuilder) {
        json.field("legal_form", .string(governance.legalForm))
        json.array("colleges") { colleges in
            for college in governance.colleges {
                colleges.object { item in
                    item.field("name", .string(college.name))
                    item.field("seats", .integer(college.seats))
                }
            }
        }
        json.array("meetings") { meetings in
            for meeting in governance.meetings {
                meetings.object { item in
                    item.field("year", .integer(meeting.year))
                    item.field("kind", .string(meeting.kind))
                    item.field("held", .integer(meeting.held))
                    item.field("attendance", .number(meeting.attendance))
                }
            }
        }
    }

    private static func write(_ result: IndicatorResult, language: Language, into json: inout JSONBuilder) {
        let definition = result.definition
        json.field("id", .string(definition.id))
        json.field("theme", .string(definition.theme))
        json.field("label", .string(definition.label[language]))
        json.field("value", .number(result.value))
        json.field("unit", .string(definition.unit.id))
        json.field("previous", .number(result.previous))
        json.field("change", .number(result.change))
        if let likeForLike = result.likeForLike {
            json.object("like_for_like") { item in
                item.field("value", .number(likeForLike.value))
                item.field("previous", .number(likeForLike.previous))
                item.field("change", .number(likeForLike.change))
                item.field("members", .integer(likeForLike.members))
            }
        }
        write(result.coverage, key: "coverage", into: &json)
        write(result.previousCoverage, key: "previous_coverage", into: &json)
        if let quotient = result.quotient {
            json.object("base") { item in
                item.field("numerator", .number(quotient.numerator))
                item.field("numerator_unit", .string(quotient.units.numerator.id))
                item.field("denominator", .number(quotient.denominator))
                item.field("denominator_unit", .string(quotient.units.denominator.id))
            }
        }
        if result.isSmallSample { json.field("small_sample", .bool(true)) }
        json.field("missing_reason", .string(result.missingReason?.rawValue))
        json.field("direction", .string(definition.direction.rawValue))
        json.field("formula", .string(definition.formula))
        if !result.conditions.isEmpty {
            json.array("conditions") { conditions in
                for condition in result.conditions {
                    conditions.object { item in
                        item.field("label", .string(condition.label[language]))
                        item.field("met", condition.isMet.map(JSONBuilder.Value.bool) ?? .null)
                    }
                }
            }
        }
        json.field("accumulation", .string(definition.isFlow ? "flow" : "stock"))
        json.array("series") { points in
            for point in result.series {
                points.object { item in
                    item.field("year", .integer(point.year))
                    item.field("value", .number(point.value))
                    write(point.coverage, key: "coverage", into: &item)
                }
            }
        }
        json.array("targets") { targets in
            for objective in result.objectives {
                targets.object { item in
                    item.field("from", .integer(objective.objective.from))
                    item.field("to", .integer(objective.objective.to))
                    item.field("target", .number(objective.target))
                    item.field("baseline", .number(objective.baseline))
                    item.field("baseline_year", .integer(objective.baselineYear))
                    item.field("actual", .number(objective.actual))
                    item.field("progress", .number(objective.progress))
                    item.field("status", .string(objective.status.rawValue))
                    if !objective.missingYears.isEmpty {
                        item.array("missing_years") { years in
                            for year in objective.missingYears { years.field(nil, .integer(year)) }
                        }
                    }
                    item.field("comment", .string(objective.objective.comment))
                    item.field("line", .integer(objective.objective.origin.line))
                }
            }
        }
        if let statistics = result.survey {
            json.object("survey") { write(statistics, into: &$0) }
        }
    }

    /// The year's resources against the budget plan: each line, then the totals over the lines with a plan.
    private static func write(_ resources: ResourcesAgainstPlan, into json: inout JSONBuilder) {
        json.array("lines") { lines in
            for line in resources.lines {
                lines.object { item in
                    item.field("source", .string(line.source))
                    item.field("kind", .string(line.kind.rawValue))
                    item.field("planned", .number(line.planned))
                    item.field("actual", .number(line.actual))
                    item.field("gap", .number(line.gap))
                    item.field("gap_share", .number(line.gapShare))
                    item.field("line", .integer(line.origin.line))
                }
            }
        }
        json.field("planned", .number(resources.planned))
        json.field("actual_of_planned_lines", .number(resources.actualOfPlannedLines))
        json.field("gap", .number(resources.gap))
        json.field("gap_share", .number(resources.gapShare))
        json.field("actual", .number(resources.actual))
    }

    private static func write(_ coverage: Coverage?, key: String, into json: inout JSONBuilder) {
        guard let coverage else { return json.field(key, .null) }
        json.object(key) { item in
            item.field("reported", .integer(coverage.reported))
            item.field("not_applicable", .integer(coverage.notApplicable))
            item.field("of", .integer(coverage.of))
        }
    }

    private static func write(_ statistics: SurveyStatistics, into json: inout JSONBuilder) {
        json.field("n", .integer(statistics.n))
        json.field("mean", .number(statistics.mean))
        json.array("distribution") { counts in
            for count in statistics.distribution { counts.field(nil, .integer(count)) }
        }
        json.field("share_ge_4", .number(statistics.shareAtLeast4))
        json.field("yes_share", .number(statistics.yesShare))
    }
}
