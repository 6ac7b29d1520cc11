import PTCEIndicators
import PTCEModel

/// The comparison of many poles (more than ``ComparisonDashboardWriter/sideBySideLimit``): the
/// poles listed once in natural order (by peer group when grouped), then per indicator the
/// distribution of the poles on a strip plot — quartiles, median, every pole a dot, the best and
/// the last named — the groups' quartiles, and the first and last of the ranking with their
/// percentiles (the whole ranking is in the workbook and the JSON).
struct DistributionView {
    let comparison: PoleComparison
    let numbers: NumberStyle
    let charts: ChartBuilder

    private var language: Language { numbers.language }
    private func t(_ fr: String, _ en: String) -> String { language.text(fr, en) }

    func write(into main: inout HTMLBuilder) {
        poles(&main)
        for theme in comparison.library.themes {
            let rows = comparison.rows.filter { $0.definition.theme == theme.id }
            guard !rows.isEmpty else { continue }
            main.newline()
            main.element("section", [("class", "theme"), ("id", "theme-\(theme.id)"), ("aria-labelledby", "title-\(theme.id)")]) { section in
                section.element("h2", [("id", "title-\(theme.id)")], text: theme.label[language])
                for row in rows { indicator(row, into: &section) }
            }
        }
        ComparisonDashboardWriter.comparisonMethod(into: &main, language: language, percentiles: true)
    }

    /// Every pole once: those with data in natural order, by group when grouped; those without
    /// data for the year in one sentence, with the years they have.
    private func poles(_ html: inout HTMLBuilder) {
        let order = comparison.naturalOrder
        let poles = comparison.poles
        html.element("section", [("aria-labelledby", "title-poles")]) { section in
            section.element("h2", [("id", "title-poles")], text: t("Pôles comparés", "Poles compared"))
            let withData = order.filter { poles[$0].report != nil }
            if let grouping = comparison.grouping {
                section.element("p", text: t("\(withData.count) pôles avec des données pour \(comparison.year), par \(grouping.label.fr) :",
                                             "\(withData.count) poles with data for \(comparison.year), by \(grouping.label.en):"))
                for group in comparison.groups {
                    let members = withData.filter { poles[$0].group == group }
                    guard !members.isEmpty else { continue }
                    section.element("h3", text: group.label[language] + " (\(members.count))")
                    list(members, into: &section)
                }
            } else {
                section.element("p", text: t("\(withData.count) pôles avec des données pour \(comparison.year) :",
                                             "\(withData.count) poles with data for \(comparison.year):"))
                list(withData, into: &section)
            }
            let without = order.filter { poles[$0].report == nil }
            guard !without.isEmpty else { return }
            let names = without.map { index in
                poles[index].profile.name + " (" + t("années : ", "years: ") + poles[index].years.map(String.init).joined(separator: ", ") + ")"
            }
            section.element("p", text: t("Sans données pour \(comparison.year), listés ici seulement : ", "No data for \(comparison.year), listed here only: ")
                            + names.joined(separator: " ; "))
        }
    }

    private func list(_ indices: [Int], into html: inout HTMLBuilder) {
        html.element("ul", [("class", "pole-list")]) { list in
            for index in indices { list.element("li", text: comparison.poles[index].profile.name) }
        }
    }

    /// One indicator: its strip plot, its groups' quartiles, the ranking.
    private func indicator(_ row: ComparisonRow, into html: inout HTMLBuilder) {
        let unit = row.definition.unit
        let view = row.rankedBy
        let shown: (Double) -> String = { view == nil ? numbers.value($0, unit: unit) : numbers.normalised($0, unit: unit) }
        let title = row.definition.label[language] + (view.map { ", " + $0.label[language] } ?? "")
        let anchor = row.definition.id.replacingOccurrences(of: ".", with: "-")
        html.element("h3", [("id", "title-\(anchor)")], text: title)
        guard let spread = row.rankedSpread else {
            html.element("p", [("class", "missing")], text: t("Aucun pôle n'a de valeur comparable.", "No pole has a comparable value."))
            return
        }
        let poles = comparison.poles
        let ranking = comparison.ranking(of: row)
        let valued = ranking.filter { row.rankedValue(row.cells[$0]) != nil }
        let ends = Set([valued.first, valued.last].compactMap { $0 })
        let points = valued.map { index in
            StripPoint(label: poles[index].profile.name, value: row.rankedValue(row.cells[index])!, labelled: ends.contains(index),
                       lowCoverage: row.cells[index].lowCoverage)
        }
        let lowCoverage = valued.filter { row.cells[$0].lowCoverage }.count
        var summary = t("\(spread.count) pôles : minimum ", "\(spread.count) poles: minimum ") + shown(spread.minimum)
            + t(", premier quartile ", ", first quartile ") + shown(spread.lowerQuartile) + t(", médiane ", ", median ") + shown(spread.median)
            + t(", troisième quartile ", ", third quartile ") + shown(spread.upperQuartile) + ", maximum " + shown(spread.maximum) + "."
        if row.definition.direction != .neutral, let best = valued.first, let last = valued.last {
            summary += t(" Premier : ", " First: ") + poles[best].profile.name + t(" ; dernier : ", "; last: ") + poles[last].profile.name + "."
        }
        if lowCoverage > 0 {
            summary += t(" \(lowCoverage) valeur(s) à couverture faible (points creux).", " \(lowCoverage) value(s) with low coverage (hollow dots).")
        }
        let caption = t("Répartition des \(spread.count) pôles ayant une valeur", "Spread of the \(spread.count) poles with a value")
            + (lowCoverage > 0 ? t(" (points creux : couverture faible)", " (hollow dots: low coverage)") : "")
        charts.strip(&html, id: "strip-\(anchor)", title: title, caption: caption, summary: summary, points: points, spread: spread, tick: shown)
        if comparison.grouping != nil {
            groups(row, shown: shown, caption: title, into: &html)
        }
        rankingTable(row, ranking: ranking, shown: shown, caption: title, into: &html)
    }

    /// Each peer group's quartiles on the indicator.
    private func groups(_ row: ComparisonRow, shown: (Double) -> String, caption: String, into html: inout HTMLBuilder) {
        html.table(caption: t("Par groupe : ", "By group: ") + caption, kind: "groups") { table in
            table.columnHeaders([t("Groupe", "Group"), t("Pôles", "Poles"), t("1er quartile", "1st quartile"), t("Médiane", "Median"),
                                 t("3e quartile", "3rd quartile")], numeric: [1, 2, 3, 4])
            table.element("tbody") { body in
                for group in comparison.groups {
                    body.element("tr") { cells in
                        cells.element("th", [("scope", "row")], text: group.label[language])
                        guard let spread = row.groupSpreads[group.id] else {
                            cells.element("td", [("class", "number")], text: "0")
                            for _ in 0..<3 { cells.element("td", [("class", "number missing")], text: "—") }
                            return
                        }
                        cells.element("td", [("class", "number")], text: String(spread.count))
                        for value in [spread.lowerQuartile, spread.median, spread.upperQuartile] {
                            cells.element("td", [("class", "number")], text: shown(value))
                        }
                    }
                }
            }
        }
    }

    /// The poles with a value, best first — the first and last ``rankingEnds`` when there are
    /// more, the full ranking being in the workbook and the JSON — with rank, value (⚠ when it
    /// rests on few members), percentile and rank in the group; then how many have no value, and why.
    private func rankingTable(_ row: ComparisonRow, ranking: [Int], shown: (Double) -> String, caption: String, into html: inout HTMLBuilder) {
        let poles = comparison.poles
        let grouped = comparison.grouping != nil
        let valued = ranking.filter { row.rankedValue(row.cells[$0]) != nil }
        let ends = DistributionView.rankingEnds
        let listed = valued.count > 2 * ends ? Array(valued.prefix(ends)) + [nil] + Array(valued.suffix(ends)) : valued.map(Optional.some)
        let headers = [t("Rang", "Rank"), t("Pôle", "Pole"), t("Valeur", "Value"), t("Percentile", "Percentile")]
            + (grouped ? [t("Rang dans le groupe", "Rank in group")] : [])
        html.table(caption: (valued.count > 2 * ends ? t("Premiers et derniers : ", "First and last: ") : t("Classement : ", "Ranking: ")) + caption,
                   kind: "ranking") { table in
            table.columnHeaders(headers)
            table.element("tbody") { body in
                for entry in listed {
                    guard let index = entry else {
                        let hidden = valued.count - 2 * ends
                        body.element("tr") { cells in
                            cells.element("td", [("colspan", String(headers.count)), ("class", "gap")], text: t(
                                "… \(hidden) autres pôles : le classement complet est dans le classeur (feuille Données longues) et le JSON.",
                                "… \(hidden) more poles: the full ranking is in the workbook (Long data sheet) and the JSON."))
                        }
                        continue
                    }
                    let cell = row.cells[index]
                    body.element("tr") { cells in
                        cells.element("td", text: cell.rank.map(String.init) ?? "—")
                        cells.element("th", [("scope", "row")], text: poles[index].profile.name)
                        cells.element("td", text: shown(row.rankedValue(cell)!) + (cell.lowCoverage ? " ⚠" : ""))
                        cells.element("td", text: cell.percentile.map { numbers.plain($0, decimals: 0) } ?? "—")
                        if grouped { cells.element("td", text: cell.groupRank.map(String.init) ?? "—") }
                    }
                }
            }
        }
        // Those without a value, counted by reason: their names are in the workbook and the JSON.
        let without = ranking.filter { row.rankedValue(row.cells[$0]) == nil }
        guard !without.isEmpty else { return }
        var reasons: [(String, Int)] = []
        for index in without {
            let cell = row.cells[index]
            let reason = cell.comparable ? MissingReason.shown(cell.missingReason)[language] : t("non comparable", "not comparable")
            if let known = reasons.firstIndex(where: { $0.0 == reason }) { reasons[known].1 += 1 } else { reasons.append((reason, 1)) }
        }
        html.element("p", [("class", "note")], text: t("Sans valeur comparable : ", "No comparable value: ")
                     + reasons.map { "\($0.1) × \($0.0)" }.joined(separator: " ; ") + ".")
    }

    /// Beyond twice this many poles with a value, a ranking shows only its first and last ones.
    static let rankingEnds = 10
}
