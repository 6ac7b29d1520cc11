import Foundation
import PTCEIndicators
import PTCEModel

/// The Okabe–Ito palette: distinguishable with the common colour-vision deficiencies.
enum Palette {
    static let colours = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
    static let bar = "#0072B2"
    static let text = "#1a1a1a"
    static let muted = "#595959"
    /// The zero line of a small chart: light, so that it anchors the marks without competing with them.
    static let axis = "#d0d7de"
}

/// One bar: its label, its value (`nil` = missing, drawn as missing, never as 0) and the text shown.
struct Bar {
    let label: String
    let value: Double?
    let shown: String
}

/// One pole on a strip plot: its name, its value, whether it is named on the plot (the focus
/// pole, the extremes), and whether its value rests on few members.
struct StripPoint {
    let label: String
    let value: Double
    let labelled: Bool
    let lowCoverage: Bool
}

/// One year of a trend: its value, `nil` when the year has none (a gap in the line, never 0).
typealias TrendPoint = (year: Int, value: Double?)

/// Accessible SVG charts: each is a `<figure>` whose `<svg role="img">` has a `<title>` and a
/// `<desc>` with the key numbers, values written beside the marks, and the same numbers in a
/// table after the figure.
struct ChartBuilder {
    let language: Language

    /// A horizontal bar chart.
    func bars(_ html: inout HTMLBuilder, id: String, title: String, summary: String, valueHeader: String, bars: [Bar], maximum: Double? = nil) {
        let labelWidth = 230.0, barArea = 330.0, rowHeight = 30.0, top = 10.0
        let width = labelWidth + barArea + 130
        let height = top * 2 + rowHeight * Double(max(bars.count, 1))
        let scale = maximum ?? bars.compactMap(\.value).max() ?? 1
        figure(&html, id: id, title: title, summary: summary, width: width, height: height) { svg in
            for (index, bar) in bars.enumerated() {
                let y = top + Double(index) * rowHeight
                svg.element("text", [("x", fmt(labelWidth - 8)), ("y", fmt(y + 19)), ("text-anchor", "end"), ("class", "label")],
                            text: truncated(bar.label, 34))
                guard let value = bar.value else {
                    svg.element("text", [("x", fmt(labelWidth + 4)), ("y", fmt(y + 19)), ("class", "missing")], text: bar.shown)
                    continue
                }
                let length = scale > 0 ? max(0, value) / scale * barArea : 0
                svg.element("rect", [("x", fmt(labelWidth)), ("y", fmt(y + 5)), ("width", fmt(max(length, value > 0 ? 1 : 0))),
                                     ("height", "20"), ("fill", Palette.bar)])
                svg.element("text", [("x", fmt(labelWidth + length + 6)), ("y", fmt(y + 19)), ("class", "value")], text: bar.shown)
            }
            svg.element("line", [("x1", fmt(labelWidth)), ("x2", fmt(labelWidth)), ("y1", fmt(top)), ("y2", fmt(height - top)),
                                 ("stroke", "currentColor")])
        }
        table(&html, caption: title, headers: [language.text("Catégorie", "Category"), valueHeader], rows: bars.map { [$0.label, $0.shown] })
    }

    /// A dot plot: one row per pole, the dot at its value on a common axis with three labelled
    /// ticks (`tick` writes their values), and the median as a dashed line. Missing values are
    /// written as missing, without a dot.
    func dots(_ html: inout HTMLBuilder, id: String, title: String, summary: String, valueHeader: String,
              points: [Bar], median: Double?, medianShown: String, tick: (Double) -> String) {
        let labelWidth = 330.0, plot = 300.0, rowHeight = 26.0, top = 24.0
        let axis = top + rowHeight * Double(max(points.count, 1)) + 4
        let width = labelWidth + plot + 170, height = axis + 26
        let values = points.compactMap(\.value)
        let low = min(values.min() ?? 0, 0), high = max(values.max() ?? 1, low + 1e-9)
        let x = { (value: Double) in labelWidth + (value - low) / (high - low) * plot }
        figure(&html, id: id, title: title, summary: summary, width: width, height: height) { svg in
            svg.element("line", [("x1", fmt(labelWidth)), ("x2", fmt(labelWidth + plot)), ("y1", fmt(axis)), ("y2", fmt(axis)),
                                 ("stroke", "currentColor")])
            for value in [low, (low + high) / 2, high] {
                svg.element("line", [("x1", fmt(x(value))), ("x2", fmt(x(value))), ("y1", fmt(axis)), ("y2", fmt(axis + 5)),
                                     ("stroke", "currentColor")])
                svg.element("text", [("x", fmt(x(value))), ("y", fmt(axis + 19)), ("text-anchor", "middle"), ("class", "label")],
                            text: tick(value))
            }
            if let median {
                svg.element("line", [("x1", fmt(x(median))), ("x2", fmt(x(median))), ("y1", fmt(top - 10)), ("y2", fmt(height - 4)),
                                     ("stroke", Palette.muted), ("stroke-dasharray", "4 3")])
                svg.element("text", [("x", fmt(x(median))), ("y", fmt(top - 12)), ("text-anchor", "middle"), ("class", "label")],
                            text: language.text("médiane ", "median ") + medianShown)
            }
            for (index, point) in points.enumerated() {
                let y = top + Double(index) * rowHeight + 14
                svg.element("text", [("x", fmt(labelWidth - 8)), ("y", fmt(y + 4)), ("text-anchor", "end"), ("class", "label")],
                            text: truncated(point.label, 40))
                guard let value = point.value else {
                    svg.element("text", [("x", fmt(labelWidth + 4)), ("y", fmt(y + 4)), ("class", "missing")], text: point.shown)
                    continue
                }
                svg.element("circle", [("cx", fmt(x(value))), ("cy", fmt(y)), ("r", "7"), ("fill", Palette.colours[index % Palette.colours.count]),
                                       ("stroke", "#1a1a1a"), ("stroke-width", "1")])
                svg.element("text", [("x", fmt(labelWidth + plot + 10)), ("y", fmt(y + 4)), ("class", "value")], text: point.shown)
            }
        }
        table(&html, caption: title, headers: [language.text("Pôle", "Pole"), valueHeader],
              rows: points.map { [$0.label, $0.shown] } + (median == nil ? [] : [[language.text("Médiane", "Median"), medianShown]]))
    }

    /// A strip plot of many poles on one indicator: every pole a dot on a common axis (spread a
    /// little up and down so that close values stay apart, hollow when its value rests on few
    /// members), the quartiles as a box and the median as a line; the `labelled` poles drawn
    /// larger and named. The numbers are in `summary` and in the ranking that follows the figure.
    func strip(_ html: inout HTMLBuilder, id: String, title: String, caption: String, summary: String, points: [StripPoint], spread: ValueSpread,
               tick: (Double) -> String) {
        let left = 24.0, plot = 592.0, width = left * 2 + plot, middle = 48.0, axis = 74.0, height = 100.0
        let low = spread.minimum, high = spread.maximum
        let x = ScaleFit(low: low, high: high, left: left, width: plot).x
        figure(&html, id: id, title: title, caption: caption, summary: summary, width: width, height: height) { svg in
            svg.element("rect", [("x", fmt(x(spread.lowerQuartile))), ("y", fmt(middle - 14)),
                                 ("width", fmt(max(1, x(spread.upperQuartile) - x(spread.lowerQuartile)))), ("height", "28"),
                                 ("fill", "#eef4fa"), ("stroke", Palette.axis)])
            svg.element("line", [("x1", fmt(x(spread.median))), ("x2", fmt(x(spread.median))), ("y1", fmt(middle - 16)), ("y2", fmt(middle + 16)),
                                 ("stroke", Palette.text), ("stroke-width", "2")])
            // Each dot a round-capped stroke of no length: a few bytes each, so that 160 poles on 40
            // indicators stay a light page. A fixed spread by position: the same input draws the same picture.
            func dots(_ chosen: (StripPoint) -> Bool) -> String {
                points.enumerated().filter { !$0.element.labelled && chosen($0.element) }
                    .map { "M\(fmt(x($0.element.value))) \(fmt(middle + Double($0.offset % 7 - 3) * 3.5))h0" }.joined()
            }
            let (reported, few) = (dots { !$0.lowCoverage }, dots(\.lowCoverage))
            for (path, colour, width) in [(reported, Palette.bar, "6"), (few, Palette.bar, "6"), (few, "#fff", "3")] where !path.isEmpty {
                svg.element("path", [("d", path), ("stroke", colour), ("stroke-width", width), ("stroke-linecap", "round"), ("fill", "none")])
            }
            for point in points where point.labelled {
                let at = x(point.value)
                svg.element("circle", [("cx", fmt(at)), ("cy", fmt(middle)), ("r", "6"), ("fill", point.lowCoverage ? "#fff" : Palette.colours[1]),
                                       ("stroke", Palette.text), ("stroke-width", "1.5")])
                let anchor = at < left + plot * 0.2 ? "start" : at > left + plot * 0.8 ? "end" : "middle"
                // Short enough that the names at the two ends never meet.
                svg.element("text", [("x", fmt(at)), ("y", fmt(middle - 20)), ("text-anchor", anchor), ("class", "value")],
                            text: truncated(point.label, 30))
            }
            svg.element("line", [("x1", fmt(left)), ("x2", fmt(left + plot)), ("y1", fmt(axis)), ("y2", fmt(axis)), ("stroke", "currentColor")])
            // The median's tick only where it does not run into an end's.
            let ticks = low == high ? [(low, "middle")]
                : [(low, "start"), (high, "end")] + (abs(x(spread.median) - x(low)) > 110 && abs(x(high) - x(spread.median)) > 110
                    ? [(spread.median, "middle")] : [])
            for (value, anchor) in ticks {
                svg.element("text", [("x", fmt(x(value))), ("y", fmt(axis + 18)), ("text-anchor", anchor), ("class", "label")],
                            text: (anchor == "middle" && low != high ? language.text("médiane ", "median ") : "") + tick(value))
            }
        }
    }

    /// Who cooperates with whom: members on a circle, one line per pair of members that cooperate
    /// (thicker with more cooperations, its kinds and amount as the line's title and in the
    /// table), coloured by actor type.
    func network(
        _ html: inout HTMLBuilder, id: String, title: String, summary: String,
        nodes: [(id: String, label: String, group: Int, groupLabel: String)], links: [(a: String, b: String, count: Int, detail: String)]
    ) {
        // Room for labels (26 characters, about 190 units) on both sides of the circle, and for
        // the legend on the right.
        let height = 520.0, radius = 190.0, centre = (x: 440.0, y: height / 2), legendX = 820.0
        var position: [String: (Double, Double)] = [:]
        for (index, node) in nodes.enumerated() {
            let angle = Double(index) / Double(max(nodes.count, 1)) * 2 * Double.pi - Double.pi / 2
            position[node.id] = (centre.x + radius * cos(angle), centre.y + radius * sin(angle))
        }
        figure(&html, id: id, title: title, summary: summary, width: legendX + 200, height: height) { svg in
            for link in links {
                guard let a = position[link.a], let b = position[link.b] else { continue }
                svg.element("line", [("x1", fmt(a.0)), ("y1", fmt(a.1)), ("x2", fmt(b.0)), ("y2", fmt(b.1)),
                                     ("stroke", Palette.muted), ("stroke-width", fmt(1 + Double(min(link.count, 6)))),
                                     ("stroke-opacity", "0.6")]) { line in line.element("title", text: link.detail) }
            }
            for node in nodes {
                guard let (x, y) = position[node.id] else { continue }
                svg.element("circle", [("cx", fmt(x)), ("cy", fmt(y)), ("r", "9"), ("fill", Palette.colours[node.group % Palette.colours.count]),
                                       ("stroke", "#ffffff"), ("stroke-width", "2")])
                let right = x >= centre.x
                svg.element("text", [("x", fmt(x + (right ? 14 : -14))), ("y", fmt(y + 4)), ("text-anchor", right ? "start" : "end"),
                                     ("class", "label")], text: truncated(node.label, 26))
            }
            var groups: [(Int, String)] = []
            for node in nodes where !groups.contains(where: { $0.0 == node.group }) { groups.append((node.group, node.groupLabel)) }
            for (index, group) in groups.enumerated() {
                let y = 20.0 + Double(index) * 22
                svg.element("circle", [("cx", fmt(legendX)), ("cy", fmt(y)), ("r", "7"), ("fill", Palette.colours[group.0 % Palette.colours.count])])
                svg.element("text", [("x", fmt(legendX + 12)), ("y", fmt(y + 4)), ("class", "label")], text: group.1)
            }
        }
        let names = Dictionary(nodes.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
        table(&html, caption: title, headers: [language.text("Membre", "Member"), language.text("Membre", "Member"), language.text("Coopérations", "Cooperations")],
              rows: links.map { [names[$0.a] ?? $0.a, names[$0.b] ?? $0.b, $0.detail] })
    }

    /// A small trend line (a sparkline) under a figure, over `points`, oldest first: a dot for each
    /// year with a value, joined to the next year when that one has a value too, so that a year
    /// without one is a gap, never a 0. The scale includes 0, as the dot plots' does, so that a
    /// change of a few percent looks like one; a light line marks 0. The first and last years are
    /// written under the line with their values, and every year's value is in its accessible name
    /// ("ETP consolidés de 2021 à 2024 : 2021 : 17,0 ETP ; 2022 : 24,5 ETP ; …"), written by
    /// `shown`. Nothing is drawn when fewer than two years have a value: there is no trend to see.
    func sparkline(_ html: inout HTMLBuilder, label: String, points: [TrendPoint], shown: (Double) -> String) {
        let values = points.compactMap(\.value)
        guard values.count >= 2, let first = points.first, let last = points.last,
              let low = values.min().map({ min($0, 0) }), let high = values.max().map({ max($0, 0) }) else { return }
        let width = 200.0, height = 36.0, inset = 4.0
        let x = { (index: Int) in inset + Double(index) / Double(points.count - 1) * (width - 2 * inset) }
        let y = { (value: Double) in high > low ? inset + (high - value) / (high - low) * (height - 2 * inset) : height / 2 }
        func yearAndValue(_ point: TrendPoint) -> String {
            "\(point.year)" + language.text(" : ", ": ") + (point.value.map(shown) ?? MissingReason.shown(nil)[language])
        }
        let name = label + language.text(" de \(first.year) à \(last.year) : ", " from \(first.year) to \(last.year): ")
            + points.map(yearAndValue).joined(separator: language.text(" ; ", "; "))
        // One stroke per run of consecutive years with a value: a missing year breaks the line.
        var path = ""
        for (index, point) in points.enumerated() {
            guard let value = point.value else { continue }
            path += (index > 0 && points[index - 1].value != nil ? "L" : "M") + fmt(x(index)) + " " + fmt(y(value))
        }
        html.element("div", [("class", "trend")]) { trend in
            trend.element("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(fmt(width)) \(fmt(height))"),
                                  ("width", fmt(width)), ("height", fmt(height)), ("role", "img"), ("aria-label", name)]) { svg in
                svg.element("title", text: name)
                svg.element("line", [("x1", "0"), ("x2", fmt(width)), ("y1", fmt(y(0))), ("y2", fmt(y(0))), ("stroke", Palette.axis)])
                svg.element("path", [("d", path), ("fill", "none"), ("stroke", Palette.bar), ("stroke-width", "2"),
                                     ("stroke-linejoin", "round")])
                for (index, point) in points.enumerated() {
                    guard let value = point.value else { continue }
                    svg.element("circle", [("cx", fmt(x(index))), ("cy", fmt(y(value))), ("r", index == points.count - 1 ? "3.5" : "2.5"),
                                           ("fill", Palette.bar)])
                }
            }
            // The ends, for the eye; the accessible name above already lists every year.
            trend.element("p", [("class", "trend-ends"), ("aria-hidden", "true")]) { ends in
                ends.element("span", text: yearAndValue(first))
                ends.element("span", text: yearAndValue(last))
            }
        }
    }

    /// A progress bar: a track, `progress` filled (clamped to the track, 0 to 1: `valueText` says
    /// the true value) and a tick at `mark`, the share of the way expected by now. An ARIA
    /// progressbar named `label`, read as `valueText`, never colour alone.
    func progressBar(_ html: inout HTMLBuilder, label: String, progress: Double, mark: Double, valueText: String) {
        let width = 120.0, height = 16.0, track = (top: 3.0, height: 10.0)
        let shown = min(max(progress, 0), 1), tick = min(max(mark, 0), 1)
        html.element("div", [("class", "progress"), ("role", "progressbar"), ("aria-label", label), ("aria-valuemin", "0"),
                             ("aria-valuemax", "100"), ("aria-valuenow", String(Int((shown * 100).rounded()))),
                             ("aria-valuetext", valueText)]) { bar in
            bar.element("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(fmt(width)) \(fmt(height))"),
                                ("width", fmt(width)), ("height", fmt(height)), ("aria-hidden", "true")]) { svg in
                svg.element("rect", [("x", "0.5"), ("y", fmt(track.top)), ("width", fmt(width - 1)), ("height", fmt(track.height)),
                                     ("fill", "#ffffff"), ("stroke", Palette.muted)])
                svg.element("rect", [("x", "0.5"), ("y", fmt(track.top)), ("width", fmt(shown * (width - 1))), ("height", fmt(track.height)),
                                     ("fill", Palette.bar)])
                let at = fmt(1 + tick * (width - 2))
                svg.element("line", [("x1", at), ("x2", at), ("y1", "0"), ("y2", fmt(height)), ("stroke", Palette.text), ("stroke-width", "2")])
            }
        }
    }

    /// A chart's figure: `caption` above it (its `title` unless told), the drawing named by its
    /// title and described by `summary`.
    private func figure(_ html: inout HTMLBuilder, id: String, title: String, caption: String? = nil, summary: String, width: Double,
                        height: Double, marks: (inout HTMLBuilder) -> Void) {
        // The caption above its chart, so that it never reads as the next one's; the drawing scrolls
        // sideways on a narrow screen rather than shrink its text below reading size.
        html.element("figure", [("class", "chart")]) { figure in
            figure.element("figcaption", text: caption ?? title)
            figure.scrollBox(label: title) { box in
                box.element("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(fmt(width)) \(fmt(height))"),
                                    ("width", fmt(width)), ("role", "img"), ("aria-labelledby", "\(id)-title \(id)-desc")]) { svg in
                    svg.element("title", [("id", "\(id)-title")], text: title)
                    svg.element("desc", [("id", "\(id)-desc")], text: summary)
                    marks(&svg)
                }
            }
        }
    }

    /// The chart's numbers as a table, folded under a `<details>` on screen and shown in print.
    func table(_ html: inout HTMLBuilder, caption: String, headers: [String], rows: [[String]]) {
        html.element("details", [("class", "data")]) { details in
            details.element("summary", text: language.text("Voir les données", "Show the data"))
            details.table(caption: caption) { table in
                table.columnHeaders(headers)
                table.element("tbody") { body in
                    for cells in rows {
                        body.element("tr") { row in
                            for (index, cell) in cells.enumerated() {
                                if index == 0 { row.element("th", [("scope", "row")], text: cell) } else { row.element("td", text: cell) }
                            }
                        }
                    }
                }
            }
        }
    }

    private func truncated(_ text: String, _ length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }
}

/// A horizontal scale from `low` to `high` over `width` units from `left`; when the two are the
/// same, as far as a Double can tell them apart, everything stands in the middle.
struct ScaleFit {
    let low: Double, high: Double, left: Double, width: Double

    func x(_ value: Double) -> Double {
        let range = high - low
        guard range > abs(high) * 1e-12, range.isFinite else { return left + width / 2 }
        return left + (value - low) / range * width
    }
}

/// Coordinates written with at most one decimal, the same way on every machine; kept within
/// ±10^9 (a drawing is a few thousand units wide), so that no value can trap or print `inf`.
func fmt(_ value: Double) -> String {
    let rounded = (min(max(value.isNaN ? 0 : value, -1e9), 1e9) * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
}
