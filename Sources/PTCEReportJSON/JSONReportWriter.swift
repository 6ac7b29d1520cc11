import PTCEIndicators
import PTCEModel

/// Writes a pole report as JSON (spec §6): pole, year, indicators, findings, plus the survey
/// results, quotations, sources and engine that make the report auditable.
public enum JSONReportWriter {
    /// The JSON text of one report, in `language` for labels.
    public static func json(_ report: PoleReport, language: Language) -> String {
        var builder = JSONBuilder()
        builder.object { write(report, language: language, into: &$0) }
        return builder.text + "\n"
    }

    /// The JSON text of several reports side by side: `{"year": …, "poles": [...]}`.
    public static func json(comparing reports: [PoleReport], year: Int, language: Language) -> String {
        var builder = JSONBuilder()
        builder.object { json in
            json.field("year", .integer(year))
            json.array("poles") { poles in
                for report in reports { poles.object { write(report, language: language, into: &$0) } }
            }
        }
        return builder.text + "\n"
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
        json.array("indicators") { indicators in
            for result in report.results {
                indicators.object { write(result, language: language, into: &$0) }
            }
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
                    item.field("message", .string(finding.message))
                }
            }
        }
        json.object("engine") { engine in
            engine.field("name", .string(Engine.name))
            engine.field("version", .string(Engine.version))
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

    private static func write(_ result: IndicatorResult, language: Language, into json: inout JSONBuilder) {
        let definition = result.definition
        json.field("id", .string(definition.id))
        json.field("dimension", .string(definition.dimension))
        json.field("label", .string(definition.label[language]))
        json.field("value", .number(result.value))
        json.field("unit", .string(definition.unit.id))
        json.field("previous", .number(result.previous))
        json.field("change", .number(result.change))
        if let coverage = result.coverage {
            json.object("coverage") { item in
                item.field("reported", .integer(coverage.reported))
                item.field("of", .integer(coverage.of))
            }
        } else {
            json.field("coverage", .null)
        }
        json.field("missing_reason", .string(result.missingReason?.rawValue))
        json.field("direction", .string(definition.direction.rawValue))
        json.field("formula", .string(definition.formula))
        if let statistics = result.survey {
            json.object("survey") { write(statistics, into: &$0) }
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
