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
                section.element("p", text: t("\(withData.count) pôles avec des données pour \(comparison.year), \(grouping.listedBy.fr) :",
                                             "\(withData.count) poles with data for \(comparison.year), \(grouping.listedBy.en):"))
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
                            + names.joined(separator: t(" ; ", "; ")))
        }
    }

    /// "1 pôle", "156 pôles".
    private func poleCount(_ count: Int) -> String {
        count == 1 ? t("1 pôle", "1 pole") : t("\(count) pôles", "\(count) poles")
    }

    /// The poles' names when there are at most ten, else how many (all are in the workbook and the JSON).
    private func names(_ indices: [Int]) -> String {
        guard indices.count <= 10 else { return poleCount(indices.count) + t(", nommés dans le classeur et le JSON", ", named in the workbook and the JSON") }
        return indices.map { comparison.poles[$0].profile.name }.joined(separator: ", ")
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
        if unit.isFlag {
            return flag(row, valued: valued, spread: spread, ranking: ranking, into: &html)
        }
        // The pole at each end is named when it stands there alone; tied ends are counted.
        let value = { (index: Int) in row.rankedValue(row.cells[index])! }
        let ends = [valued.first, valued.last].compactMap { $0 }.map { end in (end, valued.filter { value($0) == value(end) }.count) }
        let named = Set(ends.filter { $0.1 == 1 }.map(\.0))
        let points = valued.map { index in
            StripPoint(label: poles[index].profile.name, value: value(index), labelled: named.contains(index), lowCoverage: row.cells[index].lowCoverage)
        }
        let lowCoverage = valued.filter { row.cells[$0].lowCoverage }
        var summary = poleCount(spread.count) + t(" : minimum ", ": minimum ") + shown(spread.minimum)
            + t(", premier quartile ", ", first quartile ") + shown(spread.lowerQuartile) + t(", médiane ", ", median ") + shown(spread.median)
            + t(", troisième quartile ", ", third quartile ") + shown(spread.upperQuartile) + ", maximum " + shown(spread.maximum) + "."
        if row.definition.direction != .neutral, ends.count == 2, valued.count > 1 {
            func end(_ entry: (Int, Int), _ word: LocalizedText) -> String {
                entry.1 == 1 ? word[language] + poles[entry.0].profile.name : word[language] + t("\(entry.1) pôles ex aequo", "\(entry.1) poles tied")
            }
            summary += " " + end(ends[0], LocalizedText(fr: "Premier : ", en: "First: ")) + t(" ; ", "; ")
                + end(ends[1], LocalizedText(fr: "dernier : ", en: "last: ")) + "."
        }
        if !lowCoverage.isEmpty {
            summary += " " + t("Couverture faible (points creux) : ", "Low coverage (hollow dots): ") + names(lowCoverage) + "."
        }
        var caption = t("Répartition des pôles ayant une valeur", "Spread of the poles with a value")
        if row.definition.direction == .lowerIsBetter { caption += t(" (plus bas = meilleur)", " (lower is better)") }
        if !lowCoverage.isEmpty { caption += t(" ; points creux : couverture faible", "; hollow dots: low coverage") }
        charts.strip(&html, id: "strip-\(anchor)", title: title, caption: caption, summary: summary, points: points, spread: spread, tick: shown)
        if comparison.grouping != nil {
            groups(row, shown: shown, caption: title, into: &html)
        }
        rankingTable(row, ranking: ranking, shown: shown, caption: title, into: &html)
    }

    /// A yes/no indicator has no spread to draw nor order of merit: how many poles meet it, in
    /// each group too, and which do not.
    private func flag(_ row: ComparisonRow, valued: [Int], spread: ValueSpread, ranking: [Int], into html: inout HTMLBuilder) {
        let yes = valued.filter { row.rankedValue(row.cells[$0])! >= 1 }.count
        html.element("p", text: t("\(yes) pôles sur \(valued.count) : oui (\(numbers.percent(spread.mean, decimals: 0))).",
                                  "\(yes) of \(valued.count) poles: yes (\(numbers.percent(spread.mean, decimals: 0)))."))
        if comparison.grouping != nil {
            html.table(caption: t("Par groupe : ", "By group: ") + row.definition.label[language], kind: "groups") { table in
                table.columnHeaders([t("Groupe", "Group"), t("Pôles", "Poles"), t("Part de oui", "Share of yes")], numeric: [1, 2])
                table.element("tbody") { body in
                    for group in comparison.groups where group.isPeerGroup {
                        let spread = row.groupSpreads[group.id]
                        body.element("tr") { cells in
                            cells.element("th", [("scope", "row")], text: group.label[language])
                            cells.element("td", [("class", "number")], text: String(spread?.count ?? 0))
                            cells.element("td", [("class", "number")], text: spread.map { numbers.percent($0.mean, decimals: 0) } ?? "—")
                        }
                    }
                }
            }
        }
        let no = valued.filter { row.rankedValue(row.cells[$0])! < 1 }
        if !no.isEmpty { html.element("p", [("class", "note")], text: t("Non : ", "No: ") + names(no) + ".") }
        let without = ranking.filter { row.rankedValue(row.cells[$0]) == nil }
        if !without.isEmpty { html.element("p", [("class", "note")], text: t("Sans valeur : ", "No value: ") + names(without) + ".") }
    }

    /// Each peer group's quartiles on the indicator.
    private func groups(_ row: ComparisonRow, shown: (Double) -> String, caption: String, into html: inout HTMLBuilder) {
        html.table(caption: t("Par groupe : ", "By group: ") + caption, kind: "groups") { table in
            table.columnHeaders([t("Groupe", "Group"), t("Pôles", "Poles"), t("1er quartile", "1st quartile"), t("Médiane", "Median"),
                                 t("3e quartile", "3rd quartile")], numeric: [1, 2, 3, 4])
            table.element("tbody") { body in
                for group in comparison.groups where group.isPeerGroup {
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
        let cut = valued.count > 2 * ends
        let listed = cut ? Array(valued.prefix(ends)) + [nil] + Array(valued.suffix(ends)) : valued.map(Optional.some)
        let headers = [t("Rang", "Rank"), t("Pôle", "Pole"), t("Valeur", "Value"), t("Percentile", "Percentile")]
            + (grouped ? [t("Rang dans le groupe", "Rank in group")] : [])
        // A neutral indicator has no order of merit: its poles are listed by value.
        let title = row.definition.direction == .neutral
            ? (cut ? t("Valeurs les plus hautes et les plus basses : ", "Highest and lowest values: ") : t("Valeurs : ", "Values: "))
            : (cut ? t("Premiers et derniers : ", "First and last: ") : t("Classement : ", "Ranking: "))
        html.table(caption: title + caption, kind: "ranking") { table in
            table.columnHeaders(headers)
            table.element("tbody") { body in
                for entry in listed {
                    guard let index = entry else {
                        let hidden = valued.count - 2 * ends
                        body.element("tr") { cells in
                            cells.element("td", [("colspan", String(headers.count)), ("class", "gap")], text: t(
                                "… \(hidden) autres pôles : tous sont dans le classeur (feuille Données longues) et le JSON de la comparaison.",
                                "… \(hidden) more poles: all are in the comparison's workbook (Long data sheet) and JSON."))
                        }
                        continue
                    }
                    let cell = row.cells[index]
                    body.element("tr") { cells in
                        cells.element("td", text: cell.rank.map(String.init) ?? "—")
                        cells.element("th", [("scope", "row")], text: poles[index].profile.name)
                        cells.element("td", text: shown(row.rankedValue(cell)!) + (cell.lowCoverage ? " ⚠" : ""))
                        cells.element("td", text: cell.percentile.map { numbers.plain($0, decimals: 0) } ?? "—")
                        if grouped {
                            let peers = poles[index].group.flatMap { row.groupSpreads[$0.id]?.count }
                            cells.element("td", text: cell.groupRank.map { rank in peers.map { "\(rank) / \($0)" } ?? String(rank) } ?? "—")
                        }
                    }
                }
            }
        }
        // Those without a value, by reason: named when few, counted otherwise.
        let without = ranking.filter { row.rankedValue(row.cells[$0]) == nil }
        guard !without.isEmpty else { return }
        var reasons: [(reason: String, poles: [Int])] = []
        for index in without {
            let cell = row.cells[index]
            let reason = cell.comparable ? MissingReason.shown(cell.missingReason)[language] : t("non comparable", "not comparable")
            if let known = reasons.firstIndex(where: { $0.reason == reason }) { reasons[known].poles.append(index) } else { reasons.append((reason, [index])) }
        }
        html.element("p", [("class", "note")], text: t("Sans valeur comparable : ", "No comparable value: ")
                     + reasons.map { $0.reason + " — " + names($0.poles) }.joined(separator: t(" ; ", "; ")) + ".")
    }

    /// Beyond twice this many poles with a value, a ranking shows only its first and last ones.
    static let rankingEnds = 10
}
