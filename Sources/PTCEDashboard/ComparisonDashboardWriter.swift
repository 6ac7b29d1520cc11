import PTCEIndicators
import PTCEModel

/// Writes a comparison of poles as one offline HTML page: up to ``sideBySideLimit`` poles side
/// by side by theme, with ranks, medians and flags, and a dot plot per indicator (small
/// multiples); beyond, per indicator the distribution of the poles (a strip plot) and a ranking.
public enum ComparisonDashboardWriter {
    /// Up to this many poles are set side by side; more are shown as distributions and rankings.
    public static let sideBySideLimit = 11

    /// The comparison's page in `language`, with the same head as a report's: inline CSS and SVG, nothing fetched
    /// from the network.
    public static func html(_ comparison: PoleComparison, language: Language) -> String {
        let numbers = NumberStyle(language: language)
        let charts = ChartBuilder(language: language)
        let t = language.text
        let poles = comparison.poles
        var html = HTMLBuilder()
        html.doctype()
        html.element("html", [("lang", language.rawValue)]) { page in
            page.dashboardHead(title: t("Comparaison de pôles \(comparison.year)", "Comparison of poles \(comparison.year)"),
                               generator: "\(Engine.name) \(Engine.version)")
            page.element("body") { body in
                let scaled = poles.count > sideBySideLimit
                body.element("header") { header in
                    header.element("h1", text: scaled ? t("\(poles.count) pôles comparés en \(comparison.year)", "\(poles.count) poles compared in \(comparison.year)")
                        : t("\(poles.count) pôles côte à côte en \(comparison.year)", "\(poles.count) poles side by side in \(comparison.year)"))
                    header.element("p", [("class", "meta")], text: t(
                        "Mêmes indicateurs, même méthode ; rang 1 = meilleur selon le sens de l'indicateur ; les volumes sont aussi rapportés à la taille des pôles.",
                        "Same indicators, same method; rank 1 = best following the indicator's direction; volumes are also shown relative to each pole's size."))
                }
                body.element("main") { main in
                    if scaled {
                        DistributionView(comparison: comparison, numbers: numbers, charts: charts).write(into: &main)
                        return
                    }
                    main.element("section", [("aria-labelledby", "title-poles")]) { section in
                        section.element("h2", [("id", "title-poles")], text: t("Pôles comparés", "Poles compared"))
                        section.element("ul") { list in
                            for pole in poles {
                                let status = pole.report == nil
                                    ? t("pas de données pour \(comparison.year) (années : ", "no data for \(comparison.year) (years: ")
                                        + pole.years.map(String.init).joined(separator: ", ") + ")"
                                    : pole.profile.territory + (pole.profile.population.map { " · " + numbers.plain(Double($0), decimals: 0) + t(" habitants", " inhabitants") } ?? "")
                                let group = pole.report == nil ? nil : pole.group.map { t(" · groupe : ", " · group: ") + $0.label[language] }
                                list.element("li", text: pole.profile.name + " — " + status + (group ?? ""))
                            }
                        }
                    }
                    for theme in comparison.library.themes {
                        let rows = comparison.rows.filter { $0.definition.theme == theme.id }
                        guard !rows.isEmpty else { continue }
                        main.element("section", [("class", "theme"), ("id", "theme-\(theme.id)"), ("aria-labelledby", "title-\(theme.id)")]) { section in
                            section.element("h2", [("id", "title-\(theme.id)")], text: theme.label[language])
                            sideBySide(rows, of: comparison, caption: theme.label[language], numbers: numbers, charts: charts, into: &section)
                            for row in rows where row.cells.filter({ $0.value != nil && $0.comparable }).count >= 2 {
                                // A volume is drawn per member, as it is ranked.
                                let unit = row.definition.unit
                                let view = row.rankedBy
                                let shown: (Double) -> String = { view == nil ? numbers.value($0, unit: unit) : numbers.normalised($0, unit: unit) }
                                let points = zip(poles, row.cells).map { pole, cell -> Bar in
                                    guard pole.report != nil else { return Bar(label: pole.profile.name, value: nil, shown: t("pas de données", "no data")) }
                                    guard cell.comparable else { return Bar(label: pole.profile.name, value: nil, shown: t("non comparable", "not comparable")) }
                                    guard let value = view.map({ cell.normalised[$0] }) ?? cell.value else {
                                        return Bar(label: pole.profile.name, value: nil, shown: MissingReason.shown(cell.missingReason)[language])
                                    }
                                    return Bar(label: pole.profile.name, value: value, shown: shown(value) + (cell.lowCoverage ? " ⚠" : ""))
                                }
                                let median = view.map { row.normalisedSpreads[$0]?.median } ?? row.median
                                let medianShown = median.map(shown) ?? "—"
                                let summary = points.map { "\($0.label) : \($0.shown)" }.joined(separator: " ; ") + " ; " + t("médiane ", "median ") + medianShown
                                let title = row.definition.label[language] + (view.map { ", " + $0.label[language] } ?? "")
                                charts.dots(&section, id: "dots-\(row.definition.id.replacingOccurrences(of: ".", with: "-"))",
                                            title: title, summary: summary, valueHeader: unit.label[language],
                                            points: points, median: median, medianShown: medianShown, tick: shown)
                            }
                        }
                    }
                    comparisonMethod(into: &main, language: language)
                }
                body.element("footer", [("class", "page")], text: t("Produit par \(Engine.name) \(Engine.version).", "Produced by \(Engine.name) \(Engine.version)."))
            }
        }
        html.newline()
        return html.output
    }

    /// " (2 / 3 dans son groupe)": a pole's rank among its peers, when the poles are grouped.
    private static func inGroup(_ cell: ComparisonCell, of pole: ComparedPole, _ row: ComparisonRow, _ language: Language) -> String {
        guard let rank = cell.groupRank, let group = pole.group, let peers = row.groupSpreads[group.id]?.count else { return "" }
        return language.text(" (\(rank) / \(peers) dans son groupe)", " (\(rank) / \(peers) in its group)")
    }

    /// What the flags mean and how poles are compared, at the end of every comparison page.
    static func comparisonMethod(into html: inout HTMLBuilder, language: Language, percentiles: Bool = false) {
        let t = language.text
        html.element("section", [("class", "method"), ("aria-labelledby", "title-method")]) { section in
            section.element("h2", [("id", "title-method")], text: t("Méthode", "Method"))
            section.element("p", text: t(
                "⚠ signale une couverture faible : moins de la moitié des membres du pôle ont déclaré les données utilisées. Les scores d'enquête ne sont comparés qu'entre pôles qui ont posé les mêmes questions. Un pôle sans données pour l'année est listé, jamais omis.",
                "⚠ flags low coverage: fewer than half of the pole's members reported the inputs. Survey scores are compared only between poles that asked the same questions. A pole without data for the year is listed, never left out."))
            guard percentiles else { return }
            section.element("p", text: t(
                "Percentile : la part des autres pôles comparables dont la valeur est moins bonne, plus la moitié de ceux à égalité, sur 100 (100 = meilleur, selon le sens de l'indicateur). Les volumes sont classés par membre. Quartiles par interpolation linéaire entre les valeurs classées (comme QUARTILE.INC d'Excel) ; la boîte de chaque graphique va du premier au troisième quartile, le trait est la médiane.",
                "Percentile: the share of the other comparable poles with a worse value, plus half of those with an equal one, out of 100 (100 = best, following the indicator's direction). Volumes are ranked per member. Quartiles by linear interpolation between the sorted values (as Excel's QUARTILE.INC); each chart's box runs from the first to the third quartile, the line is the median."))
        }
    }

    /// The table of `rows`, one column per pole of `comparison` and the median; a key figure's
    /// cells also show each pole's trend over the comparison's ``PoleComparison/trendYears``.
    private static func sideBySide(_ rows: [ComparisonRow], of comparison: PoleComparison, caption: String, numbers: NumberStyle,
                                   charts: ChartBuilder, into html: inout HTMLBuilder) {
        let language = numbers.language
        let t = language.text
        let poles = comparison.poles
        html.table(caption: caption, kind: "side") { table in
            table.columnHeaders([t("Indicateur", "Indicator")] + poles.map(\.profile.name) + [t("Médiane", "Median")],
                                numeric: Set(1...(poles.count + 1)))
            table.element("tbody") { body in
                for comparisonRow in rows {
                    let unit = comparisonRow.definition.unit
                    body.element("tr") { row in
                        row.element("th", [("scope", "row")], text: comparisonRow.definition.label[language])
                        for (pole, cell) in zip(poles, comparisonRow.cells) {
                            var text: String
                            if pole.report == nil {
                                text = t("pas de données", "no data")
                            } else if let value = cell.value {
                                text = numbers.value(value, unit: unit)
                                if !cell.comparable { text += t(" (autres questions)", " (other questions)") }
                                if comparisonRow.rankedBy == nil, let rank = cell.rank { text += t(" · rang \(rank)", " · rank \(rank)") + inGroup(cell, of: pole, comparisonRow, language) }
                                if cell.lowCoverage { text += t(" ⚠ couverture faible", " ⚠ low coverage") }
                            } else {
                                text = MissingReason.shown(cell.missingReason)[language]
                            }
                            row.element("td", [("class", cell.value == nil ? "number missing" : "number")]) { td in
                                td.text(text)
                                if let coverage = cell.coverage, !coverage.isComplete, cell.value != nil {
                                    let base = coverage.summary(language) + (cell.quotient.map { " · " + numbers.quotient($0) } ?? "")
                                    td.element("span", [("class", "base")], text: base)
                                }
                                guard comparisonRow.definition.isKeyFigure else { return }
                                charts.sparkline(&td, label: pole.profile.name + " · " + comparisonRow.definition.label[language],
                                                 points: Array(zip(comparison.trendYears, cell.trend)), shown: { numbers.value($0, unit: unit) })
                            }
                        }
                        row.element("td", [("class", "number")], text: comparisonRow.median.map { numbers.value($0, unit: unit) } ?? "—")
                    }
                    // A volume's views by size, the one it is ranked by with the ranks and flags.
                    for normalisation in comparisonRow.normalisations {
                        let ranked = normalisation == comparisonRow.rankedBy
                        body.element("tr", [("class", "view")]) { row in
                            row.element("th", [("scope", "row")], text: "… " + normalisation.label[language])
                            for (pole, cell) in zip(poles, comparisonRow.cells) {
                                guard pole.report != nil, let value = cell.normalised[normalisation] else {
                                    row.element("td", [("class", "number missing")], text: "—")
                                    continue
                                }
                                var text = numbers.normalised(value, unit: unit)
                                if ranked, let rank = cell.rank { text += t(" · rang \(rank)", " · rank \(rank)") + inGroup(cell, of: pole, comparisonRow, language) }
                                if ranked, cell.lowCoverage { text += " ⚠" }
                                row.element("td", [("class", "number")], text: text)
                            }
                            row.element("td", [("class", "number")],
                                        text: comparisonRow.normalisedSpreads[normalisation].map { numbers.normalised($0.median, unit: unit) } ?? "—")
                        }
                    }
                }
            }
        }
    }
}
