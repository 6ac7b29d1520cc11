import PTCEIndicators
import PTCEModel

/// One pole against its peers (`ptce compare --focus POLE-ID`): per indicator the pole's value
/// beside its peer group's quartiles (every pole compared when not grouped), its rank and
/// percentile in the group and overall, and a small drawing of where it stands — in the
/// dashboard's style, printable: what a network sends to each pole.
public enum BenchmarkWriter {
    /// The benchmark page of the pole at `index` of `comparison`, in `language`.
    public static func html(_ comparison: PoleComparison, pole index: Int, language: Language) -> String {
        let numbers = NumberStyle(language: language)
        let t = language.text
        let pole = comparison.poles[index]
        // Its peers: its group, or every pole when not grouped or when its group is not given.
        let group = pole.group.flatMap { $0.isPeerGroup ? $0 : nil }
        let peers = comparison.poles.filter { $0.report != nil && (group == nil || $0.group == group) }.count
        var html = HTMLBuilder()
        html.doctype()
        html.element("html", [("lang", language.rawValue)]) { page in
            page.dashboardHead(title: t("\(pole.profile.name) parmi les pôles comparés, \(comparison.year)",
                                        "\(pole.profile.name) among the poles compared, \(comparison.year)"),
                               generator: "\(Engine.name) \(Engine.version)")
            page.element("body") { body in
                body.element("header") { header in
                    header.element("h1", text: pole.profile.name)
                    var meta = t("Parmi \(comparison.poles.count) pôles comparés en \(comparison.year)", "Among \(comparison.poles.count) poles compared in \(comparison.year)")
                    if let grouping = comparison.grouping {
                        if let group {
                            meta += t(" · groupe de pairs (\(grouping.label.fr)) : \(group.label.fr), \(peers) pôle\(peers > 1 ? "s" : "")",
                                      " · peer group (\(grouping.label.en)): \(group.label.en), \(peers) pole\(peers == 1 ? "" : "s")")
                        } else {
                            meta += t(" · pas de groupe de pairs (\(grouping.label.fr) non renseigné) : placé parmi tous les pôles",
                                      " · no peer group (\(grouping.label.en) not given): placed among all poles")
                        }
                    }
                    header.element("p", [("class", "meta")], text: meta)
                }
                body.element("main") { main in
                    guard pole.report != nil else {
                        main.element("p", [("class", "missing")], text: t(
                            "Ce pôle n'a pas de données pour \(comparison.year) (années : ", "This pole has no data for \(comparison.year) (years: ")
                            + pole.years.map(String.init).joined(separator: ", ") + ").")
                        return
                    }
                    main.element("p", text: group == nil
                        ? t("Chaque valeur du pôle est placée parmi celles des \(peers) pôles comparés : la boîte va du premier au troisième quartile, le trait est la médiane, le point est le pôle.",
                            "Each of the pole's values is placed among those of the \(peers) poles compared: the box runs from the first to the third quartile, the line is the median, the dot is the pole.")
                        : t("Chaque valeur du pôle est placée parmi celles de son groupe de \(peers) pôles : la boîte va du premier au troisième quartile du groupe, le trait est sa médiane, le point est le pôle.",
                            "Each of the pole's values is placed among those of its group of \(peers) poles: the box runs from the group's first to third quartile, the line is its median, the dot is the pole."))
                    for theme in comparison.library.themes {
                        let rows = comparison.rows.filter { $0.definition.theme == theme.id }
                        guard !rows.isEmpty else { continue }
                        main.newline()
                        main.element("section", [("class", "theme"), ("aria-labelledby", "title-\(theme.id)")]) { section in
                            section.element("h2", [("id", "title-\(theme.id)")], text: theme.label[language])
                            table(rows, pole: index, peers: group, of: comparison, caption: theme.label[language], numbers: numbers, into: &section)
                        }
                    }
                    ComparisonDashboardWriter.comparisonMethod(into: &main, language: language, percentiles: true)
                }
                body.element("footer", [("class", "page")], text: t("Produit par \(Engine.name) \(Engine.version).", "Produced by \(Engine.name) \(Engine.version)."))
            }
        }
        html.newline()
        return html.output
    }

    /// The rows of a theme for the pole at `index`, placed among its `peers` group (every pole when `nil`).
    private static func table(_ rows: [ComparisonRow], pole index: Int, peers group: PeerGroup?, of comparison: PoleComparison, caption: String,
                              numbers: NumberStyle, into html: inout HTMLBuilder) {
        let language = numbers.language
        let t = language.text
        html.table(caption: caption, kind: "benchmark") { table in
            let of = group == nil ? "" : t(" du groupe", " of the group")
            table.columnHeaders([t("Indicateur", "Indicator"), t("Le pôle", "The pole"), t("Position", "Position"),
                                 t("1er quartile", "1st quartile") + of, t("Médiane", "Median") + of, t("3e quartile", "3rd quartile") + of,
                                 group == nil ? t("Rang", "Rank") : t("Rang dans le groupe", "Rank in group"),
                                 t("Percentile", "Percentile")], numeric: [1, 3, 4, 5, 6, 7])
            table.element("tbody") { body in
                for row in rows {
                    let cell = row.cells[index]
                    let unit = row.definition.unit
                    let shown: (Double) -> String = { row.rankedBy == nil ? numbers.value($0, unit: unit) : numbers.normalised($0, unit: unit) }
                    let better = row.definition.direction == .lowerIsBetter ? t(" (plus bas = meilleur)", " (lower is better)") : ""
                    let spread = group.map { row.groupSpreads[$0.id] } ?? row.rankedSpread
                    let value = row.rankedValue(cell)
                    body.element("tr") { cells in
                        cells.element("th", [("scope", "row")], text: row.definition.label[language] + (row.rankedBy.map { ", " + $0.label[language] } ?? "") + better)
                        cells.element("td", [("class", value == nil ? "number missing" : "number")]) { td in
                            guard let value else {
                                return td.text(cell.comparable ? MissingReason.shown(cell.missingReason)[language] : t("non comparable", "not comparable"))
                            }
                            td.text(shown(value) + (cell.lowCoverage ? t(" ⚠ couverture faible", " ⚠ low coverage") : ""))
                            if row.rankedBy != nil, let total = cell.value {
                                td.element("span", [("class", "base")], text: numbers.value(total, unit: unit) + t(" au total", " in all"))
                            }
                        }
                        // A yes/no indicator has no position in a spread, no rank nor percentile: only the share of yes.
                        let flag = unit.isFlag
                        cells.element("td") { td in flag ? td.text("—") : position(value, in: spread, into: &td) }
                        // A yes/no indicator has no quartiles: the share of poles that meet it stands in the middle.
                        let middle = unit.isFlag ? spread.map { numbers.percent($0.mean, decimals: 0) + t(" de oui", " yes") } : spread.map { shown($0.median) }
                        let quartiles = unit.isFlag ? [nil, nil] : [spread.map { shown($0.lowerQuartile) }, spread.map { shown($0.upperQuartile) }]
                        for text in [quartiles[0], middle, quartiles[1]] {
                            cells.element("td", [("class", "number")], text: text ?? "—")
                        }
                        let rank = flag ? nil : group == nil ? cell.rank : cell.groupRank
                        cells.element("td", [("class", "number")], text: rank.map { "\($0) / \(spread?.count ?? 0)" } ?? "—")
                        cells.element("td", [("class", "number")]) { td in
                            guard !flag else { return td.text("—") }
                            let percentile = group == nil ? cell.percentile : cell.groupPercentile
                            td.text(percentile.map { numbers.plain($0, decimals: 0) } ?? "—")
                            if group != nil, let overall = cell.percentile {
                                td.element("span", [("class", "base")], text: t("ensemble : ", "all poles: ") + numbers.plain(overall, decimals: 0))
                            }
                        }
                    }
                }
            }
        }
    }

    /// Where `value` stands in `spread`: the range as a line, the quartiles as a box, the median
    /// as a tick, the pole as a dot. Decorative: the numbers are in the row's other cells.
    private static func position(_ value: Double?, in spread: ValueSpread?, into html: inout HTMLBuilder) {
        guard let spread else { return html.text("—") }
        let width = 140.0, left = 6.0, plot = width - 2 * left
        let low = min(spread.minimum, value ?? spread.minimum), high = max(spread.maximum, value ?? spread.maximum)
        let x = ScaleFit(low: low, high: high, left: left, width: plot).x
        html.element("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(fmt(width)) 20"), ("width", fmt(width)),
                             ("height", "20"), ("aria-hidden", "true"), ("class", "position")]) { svg in
            svg.element("line", [("x1", fmt(x(spread.minimum))), ("x2", fmt(x(spread.maximum))), ("y1", "10"), ("y2", "10"), ("stroke", Palette.muted)])
            svg.element("rect", [("x", fmt(x(spread.lowerQuartile))), ("y", "4"), ("width", fmt(max(1, x(spread.upperQuartile) - x(spread.lowerQuartile)))),
                                 ("height", "12"), ("fill", "#eef4fa"), ("stroke", Palette.muted)])
            svg.element("line", [("x1", fmt(x(spread.median))), ("x2", fmt(x(spread.median))), ("y1", "3"), ("y2", "17"), ("stroke", Palette.text),
                                 ("stroke-width", "2")])
            if let value {
                svg.element("circle", [("cx", fmt(x(value))), ("cy", "10"), ("r", "5"), ("fill", Palette.colours[1]), ("stroke", Palette.text)])
            }
        }
    }
}
