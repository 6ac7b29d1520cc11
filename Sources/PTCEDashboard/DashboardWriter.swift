import PTCEGeography
import PTCEIndicators
import PTCEModel

/// Writes a pole's report as one self-contained HTML page: inline CSS and SVG, no script, no
/// request to the network (a Content-Security-Policy forbids it), readable on screen, in print
/// and with a screen reader.
public struct DashboardWriter: TextOutputWriter {
    /// The language of the page.
    public let language: Language

    /// Creates a writer of pages in `language`.
    public init(language: Language) {
        self.language = language
    }

    /// The report's page (``html(_:language:)``).
    public func text(_ report: PoleReport) -> String { Self.html(report, language: language) }
    /// The comparison's page (``ComparisonDashboardWriter``).
    public func text(_ comparison: PoleComparison) -> String { ComparisonDashboardWriter.html(comparison, language: language) }

    /// The HTML page of a report, in `language`.
    public static func html(_ report: PoleReport, language: Language) -> String {
        Dashboard(report: report, language: language).page()
    }
}

/// At most this many members are drawn in the cooperation picture (the most connected).
private let networkLimit = 40
/// At most this many findings are listed (all are in the workbook and the JSON).
private let findingsLimit = 200
/// At most this many members are listed in the directory (all are in the workbook's members sheet).
private let directoryLimit = 300

private struct Dashboard {
    let report: PoleReport
    let language: Language
    let numbers: NumberStyle
    let charts: ChartBuilder

    init(report: PoleReport, language: Language) {
        self.report = report
        self.language = language
        numbers = NumberStyle(language: language)
        charts = ChartBuilder(language: language)
    }

    private func t(_ fr: String, _ en: String) -> String { language.text(fr, en) }

    func page() -> String {
        var html = HTMLBuilder()
        html.doctype()
        html.element("html", [("lang", language.rawValue)]) { page in
            page.dashboardHead(title: "Impact \(report.year) — \(report.profile.name)", generator: "\(Engine.name) \(Engine.version)")
            page.newline()
            page.element("body") { body in
                header(&body)
                body.element("main") { main in
                    // Printed, the key figures and the year's highlights are page 1: the summary a funder reads first.
                    main.element("div", [("class", "summary-page")]) { page in
                        keyFigures(&page)
                        highlights(&page)
                    }
                    narrative(&main)
                    historyAndGovernance(&main)
                    objectives(&main)
                    resources(&main)
                    for section in report.sections { self.section(section, into: &main) }
                    membersAndProjects(&main)
                    dataQuality(&main)
                    method(&main)
                }
                body.element("footer", [("class", "page")]) { footer in
                    footer.text(t("Produit par \(Engine.name) \(Engine.version) à partir des fichiers déclarés par les membres ; voir « Méthode ».",
                                  "Produced by \(Engine.name) \(Engine.version) from the files the members reported; see \"Method\"."))
                }
            }
        }
        html.newline()
        return html.output
    }

    // MARK: Header and key figures

    private func header(_ html: inout HTMLBuilder) {
        let profile = report.profile
        html.element("header") { header in
            header.element("h1", text: profile.name)
            var line = "\(profile.territory) · " + t("rapport d'impact \(report.year)", "impact report \(report.year)")
            if let previous = report.previousYear { line += " · " + t("comparé à \(previous)", "compared with \(previous)") }
            header.element("p", [("class", "meta")], text: line)
        }
    }

    private func keyFigures(_ html: inout HTMLBuilder) {
        html.element("section", [("class", "key-figures"), ("aria-labelledby", "key-figures")]) { section in
            section.element("h2", [("id", "key-figures")], text: t("Chiffres clés", "Key figures"))
            section.element("ul", [("class", "cards")]) { list in
                for result in report.keyFigures {
                    list.element("li", [("class", "card")]) { card in
                        card.element("p", [("class", "label")], text: result.definition.label[language])
                        valueParagraph(result, into: &card)
                        let change = changeText(result, inCard: true)
                        card.element("p", [("class", "change " + changeClass(result))], text: change.headline)
                        for detail in change.details { card.element("p", [("class", "change same")], text: detail) }
                        if let coverage = result.coverage, !coverage.isComplete {
                            card.element("p", [("class", "coverage")], text: baseText(result, coverage))
                        }
                        let unit = result.definition.unit
                        charts.sparkline(&card, label: result.definition.label[language], points: result.series.map { ($0.year, $0.value) },
                                         shown: { numbers.value($0, unit: unit) })
                    }
                }
            }
        }
    }

    // MARK: The pole's own words

    /// The year's highlights as the summary shows them (``PoleReport/highlightsSummary``), under
    /// the key figures; nothing when the year has none.
    private func highlights(_ html: inout HTMLBuilder) {
        guard let summary = report.highlightsSummary else { return }
        html.newline()
        html.element("section", [("class", "highlights"), ("aria-labelledby", "title-highlights")]) { section in
            section.element("h2", [("id", "title-highlights")], text: summary.title + " \(report.year)")
            for block in summary.blocks { markdown(block, under: 2, into: &section) }
            if !summary.isComplete {
                section.element("p", [("class", "note")], text: t("La suite dans « Le pôle en \(report.year) ».", "Continued in \"The pole in \(report.year)\"."))
            }
        }
    }

    /// The presentation and the year's other sections of `report.md` (the highlights too when the
    /// summary could not show them whole), after the highlights; nothing when the pole wrote none.
    private func narrative(_ html: inout HTMLBuilder) {
        let shownAbove = report.highlightsSummary?.isComplete == true ? report.highlights : nil
        let sections = report.narrative.filter { $0 != shownAbove }
        guard !sections.isEmpty else { return }
        html.newline()
        html.element("section", [("class", "narrative"), ("aria-labelledby", "title-narrative")]) { section in
            section.element("h2", [("id", "title-narrative")], text: t("Le pôle en \(report.year)", "The pole in \(report.year)"))
            for part in sections {
                if let title = part.title { section.element("h3", text: title) }
                for block in part.blocks { markdown(block, under: part.title == nil ? 2 : 3, into: &section) }
            }
        }
    }

    /// A block of the pole's Markdown, its text escaped as every text is; `titleLevel` is the
    /// HTML level of the title it stands under.
    private func markdown(_ block: MarkdownBlock, under titleLevel: Int, into html: inout HTMLBuilder) {
        switch block {
        case .heading(let level, let runs):
            // `###` is one level below the section's title, whatever that title's level on the page.
            html.element("h\(min(titleLevel + level - 2, 6))") { inline(runs, into: &$0) }
        case .paragraph(let runs):
            html.element("p") { inline(runs, into: &$0) }
        case .list(let ordered, let items):
            html.element(ordered ? "ol" : "ul") { list in
                for item in items { list.element("li") { inline(item, into: &$0) } }
            }
        case .table(let header, let rows):
            html.scrollBox(label: t("Tableau du rapport", "Report table")) { wrapper in
                wrapper.element("table") { table in
                    table.element("thead") { head in
                        head.element("tr") { row in for cell in header { row.element("th", [("scope", "col")]) { inline(cell, into: &$0) } } }
                    }
                    table.element("tbody") { body in
                        for cells in rows {
                            body.element("tr") { row in for cell in cells { row.element("td") { inline(cell, into: &$0) } } }
                        }
                    }
                }
            }
        }
    }

    /// Runs of text: emphasis, strong, and links shown with their address (a live link only for
    /// `http`, `https` and `mailto` addresses).
    private func inline(_ runs: [MarkdownInline], into html: inout HTMLBuilder) {
        for run in runs {
            switch run {
            case .text(let text): html.text(text)
            case .emphasis(let inner): html.element("em") { inline(inner, into: &$0) }
            case .strong(let inner): html.element("strong") { inline(inner, into: &$0) }
            case .link(let text, let url):
                let lower = url.lowercased()
                if ["http://", "https://", "mailto:"].contains(where: lower.hasPrefix) {
                    html.element("a", [("href", url)]) { inline(text, into: &$0) }
                } else {
                    inline(text, into: &html)
                }
                if MarkdownInline.plain(text) != url { html.text(" (\(url))") }
            }
        }
    }

    // MARK: History, governance, members and projects

    /// The pole's milestones up to the report year, as a timeline (an ordered list), and its
    /// governance, from `pole.toml`; nothing when it gives neither.
    private func historyAndGovernance(_ html: inout HTMLBuilder) {
        let milestones = report.milestones
        let governance = report.governance
        guard !milestones.isEmpty || governance != nil else { return }
        html.newline()
        html.element("section", [("class", "pole"), ("aria-labelledby", "title-pole")]) { section in
            section.element("h2", [("id", "title-pole")], text: t("Histoire et gouvernance", "History and governance"))
            section.element("div", [("class", "pole-columns")]) { columns in
                if !milestones.isEmpty {
                    columns.element("div") { part in
                        part.element("h3", [("id", "title-history")], text: t("Repères", "Milestones"))
                        // `role="list"`: a list without bullets keeps its semantics in every browser.
                        part.element("ol", [("class", "timeline"), ("role", "list"), ("aria-labelledby", "title-history")]) { list in
                            for milestone in milestones {
                                list.element("li") { item in
                                    item.element("span", [("class", "year")], text: String(milestone.year))
                                    item.text(" ")
                                    item.element("span", text: milestone.label)
                                }
                            }
                        }
                    }
                }
                if let governance {
                    columns.element("div") { self.governance(governance, into: &$0) }
                }
            }
        }
    }

    /// The legal form and colleges as a short table, then the meetings held.
    private func governance(_ governance: Governance, into html: inout HTMLBuilder) {
        html.element("h3", text: t("Gouvernance", "Governance"))
        if governance.legalForm != nil || !governance.colleges.isEmpty {
            html.table(caption: t("Instances du pôle", "Governing bodies"), kind: "governance") { table in
                table.element("tbody") { body in
                    if let legalForm = governance.legalForm {
                        body.element("tr") { row in
                            row.element("th", [("scope", "row")], text: t("Forme juridique", "Legal form"))
                            row.element("td", text: legalForm)
                        }
                    }
                    for college in governance.colleges {
                        body.element("tr") { row in
                            row.element("th", [("scope", "row")], text: t("Collège : ", "Voting college: ") + college.name)
                            row.element("td", text: college.seats.map { language.counted($0, LocalizedText(fr: "siège", en: "seat")) } ?? "—")
                        }
                    }
                }
            }
        }
        guard !governance.meetings.isEmpty else { return }
        html.table(caption: t("Réunions des instances", "Meetings held"), kind: "meetings") { table in
            table.columnHeaders([t("Année", "Year"), t("Instance", "Body"), t("Réunions", "Meetings"), t("Présence", "Attendance")], numeric: [2, 3])
            table.element("tbody") { body in
                for meeting in governance.meetings {
                    body.element("tr") { row in
                        row.element("td", text: String(meeting.year))
                        row.element("td", text: meeting.kind)
                        row.element("td", [("class", "number")], text: meeting.held.map(String.init) ?? "—")
                        row.element("td", [("class", "number")], text: meeting.attendance.map { numbers.percent($0, decimals: 0) } ?? "—")
                    }
                }
            }
        }
    }

    /// The members of the year (name, type, legal form, commune) and the year's collective
    /// projects (stage, sector, members involved); never a member's identifier.
    private func membersAndProjects(_ html: inout HTMLBuilder) {
        let directory = report.directory(first: directoryLimit)
        let projects = report.projectList
        guard directory.count > 0 || !projects.isEmpty else { return }
        html.newline()
        html.element("section", [("class", "directory"), ("aria-labelledby", "title-directory")]) { section in
            section.element("h2", [("id", "title-directory")], text: t("Membres et projets", "Members and projects"))
            if directory.count > 0 {
                let caption = directory.count == 1 ? t("Le membre en \(report.year)", "The member in \(report.year)")
                    : t("Les \(directory.count) membres en \(report.year)", "The \(directory.count) members in \(report.year)")
                section.table(caption: caption, kind: "members") { table in
                    table.columnHeaders([t("Membre", "Member"), t("Type d'acteur", "Actor type"), t("Forme juridique", "Legal form"), t("Commune", "Commune")])
                    table.element("tbody") { body in
                        for entry in directory.entries {
                            body.element("tr") { row in
                                row.element("th", [("scope", "row")], text: entry.name)
                                row.element("td", text: entry.actorType?.label[language] ?? "—")
                                row.element("td", text: entry.legalForm ?? "—")
                                row.element("td") { cell in
                                    guard let commune = entry.commune else { return cell.text("—") }
                                    cell.text(commune.shown)
                                    if !commune.isInTerritory { cell.element("span", [("class", "base")], text: t("hors territoire", "outside the territory")) }
                                }
                            }
                        }
                    }
                }
                if directory.count > directoryLimit {
                    let more = directory.count - directoryLimit
                    section.element("p", [("class", "note")], text: (more == 1 ? t("… et 1 autre membre", "… and 1 more member")
                        : t("… et \(more) autres membres", "… and \(more) more members"))
                        + t(" : la liste complète est dans le classeur (feuille des membres).", ": the full list is in the workbook (members sheet)."))
                }
                if directory.hasCommunes {
                    section.element("p", [("class", "note")], text: t("Noms des communes : ", "Commune names: ") + CommuneNames.source[language]
                                    + t(" ; un code qu'il ne connaît pas est montré tel quel.", "; a code it does not know is shown as written."))
                }
            }
            guard !projects.isEmpty else { return }
            section.table(caption: t("Projets collectifs en \(report.year)", "Collective projects in \(report.year)"), kind: "projects") { table in
                table.columnHeaders([t("Projet", "Project"), t("Étape", "Stage"), t("Filière", "Sector"), t("Membres impliqués", "Members involved")])
                table.element("tbody") { body in
                    for project in projects {
                        body.element("tr") { row in
                            row.element("th", [("scope", "row")], text: project.name)
                            row.element("td", text: project.stage.label[language])
                            row.element("td", text: project.sector ?? "—")
                            var involved = project.memberNames.joined(separator: ", ")
                            if project.unknownMembers > 0 {
                                let count = project.unknownMembers
                                let unknown = count == 1 ? t("1 membre non identifié", "1 unidentified member")
                                    : t("\(count) membres non identifiés", "\(count) unidentified members")
                                involved += (involved.isEmpty ? "" : t(" et ", " and ")) + unknown
                            }
                            row.element("td", text: involved.isEmpty ? "—" : involved)
                        }
                    }
                }
            }
        }
    }

    private func valueParagraph(_ result: IndicatorResult, into html: inout HTMLBuilder) {
        if let value = result.value {
            html.element("p", [("class", "value")], text: numbers.value(value, unit: result.definition.unit))
        } else {
            html.element("p", [("class", "value missing")], text: missingText(result))
        }
    }

    private func missingText(_ result: IndicatorResult) -> String {
        MissingReason.shown(result.missingReason)[language]
    }

    /// What a value rests on when some members did not report: "sur 7 membres : 3 déclarants,
    /// 2 non concernés, 2 non déclarés · 55,7 ETP sur 133,7".
    private func baseText(_ result: IndicatorResult, _ coverage: Coverage) -> String {
        coverage.summary(language) + (result.quotient.map { " · " + numbers.quotient($0) } ?? "")
    }

    /// "▲ +4,0 ETP par rapport à 2023": the arrow and the words, never the colour alone, then
    /// the lines that qualify it. When the members differ between the years, the headline is the
    /// change at constant scope and the total change follows; a yes/no indicator says whether it
    /// is now met; a survey score on a small sample says so. `inCard` adds "par rapport à 2023"
    /// and keeps the scope on the headline; in a table the scope goes below the figure.
    private func changeText(_ result: IndicatorResult, inCard: Bool) -> (headline: String, details: [String]) {
        guard let previousYear = report.previousYear else { return (t("pas d'année précédente", "no previous year"), []) }
        let since = inCard ? " " + t("par rapport à \(previousYear)", "since \(previousYear)") : ""
        let unit = result.definition.unit
        func signed(_ change: Double) -> String {
            (change > 0 ? "▲ " : change < 0 ? "▼ " : "= ") + numbers.change(change, unit: unit)
        }
        switch result.changeStatement {
        case .flag(let flag)?:
            return (flag.label[language] + since, [])
        case .likeForLike(let change, let scope, let total)?:
            let totalText = total.map { [t("ensemble des membres : ", "all members: ") + signed($0)] } ?? []
            guard let change else { return (t("non comparable à périmètre constant", "not comparable like for like"), totalText) }
            return inCard ? (signed(change) + since + ", " + scope[language], totalText) : (signed(change), [scope[language]] + totalText)
        case .total(let change, let smallSample)?:
            return (signed(change) + since, smallSample.map { [$0[language]] } ?? [])
        case nil:
            return (result.previous == nil ? t("\(previousYear) : non disponible", "\(previousYear): not available") : "", [])
        }
    }

    private func changeClass(_ result: IndicatorResult) -> String {
        switch result.changeIsBetter {
        case true?: "better"
        case false?: "worse"
        case nil: "same"
        }
    }

    // MARK: Objectives and resources

    /// The objectives of `targets.csv`, after the key figures: what the pole committed to, each
    /// with its period, target, baseline, actual value, progress against the share of the period
    /// elapsed, and status in words. No objective, no section.
    private func objectives(_ html: inout HTMLBuilder) {
        let objectives = report.objectives
        guard !objectives.isEmpty else { return }
        html.newline()
        html.element("section", [("class", "objectives"), ("aria-labelledby", "title-objectives")]) { section in
            section.element("h2", [("id", "title-objectives")], text: t("Objectifs", "Objectives"))
            section.element("p", text: t(
                "Avancement de chaque objectif en \(report.year). Sur chaque barre, le trait vertical marque la part de la période écoulée : une barre qui l'atteint est dans les temps.",
                "Progress of each objective in \(report.year). On each bar, the vertical mark shows the share of the period elapsed: a bar that reaches it is on schedule."))
            section.table(caption: t("Objectifs mesurés en \(report.year)", "Objectives measured in \(report.year)"), kind: "objectives") { table in
                table.columnHeaders([t("Indicateur", "Indicator"), t("Période", "Period"), t("Cible", "Target"), t("Valeur de départ", "Baseline"),
                                     t("Réalisé", "Actual"), t("Avancement", "Progress"), t("Statut", "Status")], numeric: [2, 3, 4])
                table.element("tbody") { body in
                    for (result, progress) in objectives {
                        body.element("tr") { row in objective(progress, of: result, into: &row) }
                    }
                }
            }
            section.element("p", [("class", "note")], text: ObjectiveProgress.method[language])
        }
    }

    /// One objective's row of the objectives table.
    private func objective(_ objective: ObjectiveProgress, of result: IndicatorResult, into row: inout HTMLBuilder) {
        let unit = result.definition.unit
        let label = result.definition.label[language]
        row.element("th", [("scope", "row")]) { cell in
            cell.text(label)
            if let comment = objective.objective.comment { cell.element("span", [("class", "base")], text: comment) }
        }
        row.element("td", [("class", "period")], text: objective.period)
        row.element("td", [("class", "number")], text: numbers.value(objective.target, unit: unit))
        if objective.isMeasuredFromBaseline, let baseline = objective.baseline {
            row.element("td", [("class", "number")]) { cell in
                cell.text(numbers.value(baseline, unit: unit))
                if let source = objective.baselineSource { cell.element("span", [("class", "base")], text: source[language]) }
            }
        } else {
            row.element("td", [("class", "number missing")], text: "—")
        }
        if let actual = objective.actual {
            row.element("td", [("class", "number")]) { cell in
                cell.text(numbers.value(actual, unit: unit))
                if let scope = objective.actualScope { cell.element("span", [("class", "base")], text: scope[language]) }
            }
        } else {
            row.element("td", [("class", "number missing")], text: objective.status == .notStarted ? "—" : MissingReason.shown(.noData)[language])
        }
        row.element("td") { cell in
            guard let progress = objective.progress else { return cell.text("—") }
            let (done, elapsed) = (numbers.percent(progress, decimals: 0), numbers.percent(objective.elapsed, decimals: 0))
            charts.progressBar(&cell, label: t("Avancement : ", "Progress: ") + label + " " + objective.period, progress: progress,
                               mark: objective.elapsed,
                               valueText: t("avancement \(done), pour \(elapsed) de la période écoulée", "progress \(done), with \(elapsed) of the period elapsed"))
            cell.text(done)
            cell.element("span", [("class", "base")], text: t("\(elapsed) de la période écoulée", "\(elapsed) of the period elapsed"))
        }
        let news = objective.status.isGoodNews.map { $0 ? "status good" : "status bad" } ?? "status"
        row.element("td", [("class", news)], text: objective.status.label[language])
    }

    /// The year's resources against the budget plan (`planned` in `finances.csv`), line by line,
    /// then the total over the lines with a plan; "—" where nothing was planned.
    private func resources(_ html: inout HTMLBuilder) {
        guard let resources = report.resources else { return }
        func gapShare(_ share: Double?) -> String { share.map { numbers.signed($0) { numbers.percent($0) } } ?? "—" }
        func money(_ amount: Double?) -> String { amount.map { numbers.money($0) } ?? "—" }
        func gap(_ amount: Double?) -> String { amount.map { numbers.signed($0) { numbers.money($0) } } ?? "—" }
        html.newline()
        html.element("section", [("class", "resources"), ("aria-labelledby", "title-resources")]) { section in
            section.element("h2", [("id", "title-resources")], text: t("Ressources : prévu et réalisé", "Resources: planned and actual"))
            section.table(caption: t("Ressources \(report.year) par financeur, prévues au budget et reçues", "Resources \(report.year) by funder, as budgeted and as received"),
                          kind: "resources") { table in
                table.columnHeaders([StandardFields.Finances.source.label[language], StandardFields.Finances.kind.label[language],
                                     StandardFields.Finances.planned.label[language], t("Réalisé", "Actual"), t("Écart", "Difference"),
                                     t("Écart (%)", "Difference (%)")], numeric: [2, 3, 4, 5])
                table.element("tbody") { body in
                    for line in resources.lines {
                        // Nothing planned: "—" for the plan and the gaps, never 0.
                        let compared = line.planned == nil ? "number missing" : "number"
                        body.element("tr") { row in
                            row.element("th", [("scope", "row")], text: line.source)
                            row.element("td", text: line.kind.label[language])
                            row.element("td", [("class", compared)], text: money(line.planned))
                            row.element("td", [("class", "number")], text: numbers.money(line.actual))
                            row.element("td", [("class", compared)], text: gap(line.gap))
                            row.element("td", [("class", compared)], text: gapShare(line.gapShare))
                        }
                    }
                }
                table.element("tfoot") { foot in
                    foot.element("tr") { row in
                        row.element("th", [("scope", "row"), ("colspan", "2")],
                                    text: resources.isFullyPlanned ? "Total" : t("Total des lignes prévues", "Total of planned lines"))
                        row.element("td", [("class", "number")], text: numbers.money(resources.planned))
                        row.element("td", [("class", "number")], text: numbers.money(resources.actualOfPlannedLines))
                        row.element("td", [("class", "number")], text: gap(resources.gap))
                        row.element("td", [("class", "number")], text: gapShare(resources.gapShare))
                    }
                }
            }
            if let scope = resources.totalsScope {
                section.element("p", text: scope[language] + " " + t("Ressources reçues sur l'ensemble des lignes : ", "Resources received over all lines: ")
                                + numbers.money(resources.actual) + ".")
            }
        }
    }

    // MARK: Themes

    private func section(_ section: ReportSection, into html: inout HTMLBuilder) {
        let theme = section.theme
        html.newline()
        // Sections with a chart start a printed page; the short ones follow on.
        html.element("section", [("class", section.isCompact ? "theme compact" : "theme"), ("id", "theme-\(theme.id)"),
                                 ("aria-labelledby", "title-\(theme.id)")]) { html in
            html.element("h2", [("id", "title-\(theme.id)")], text: theme.label[language])
            for chart in section.charts { self.chart(chart, into: &html) }
            indicatorTable(section.results, caption: theme.label[language], into: &html)
            if section.showsSurveyAnswers { survey(&html) }
        }
    }

    private func indicatorTable(_ results: [IndicatorResult], caption: String, into html: inout HTMLBuilder) {
        html.table(caption: t("Indicateurs : ", "Indicators: ") + caption, kind: "indicators") { table in
            table.columnHeaders(
                [t("Indicateur", "Indicator"), String(report.year), report.previousYear.map(String.init) ?? t("Année précédente", "Previous year"),
                 t("Évolution", "Change"), t("Couverture", "Coverage")], numeric: [1, 2, 3, 4])
            table.element("tbody") { body in
                for result in results {
                    body.element("tr") { row in
                        row.element("th", [("scope", "row")]) { header in
                            header.text(result.definition.label[language])
                            // A condition not met is named under the indicator, across the row's width in print.
                            if let unmet = result.unmetConditionsLabel { header.element("span", [("class", "base")], text: unmet[language]) }
                        }
                        if let value = result.value {
                            row.element("td", [("class", "number")]) { cell in
                                cell.text(numbers.value(value, unit: result.definition.unit))
                                if let quotient = result.quotient, result.coverage?.isComplete == false {
                                    cell.element("span", [("class", "base")], text: numbers.quotient(quotient))
                                }
                            }
                        } else {
                            row.element("td", [("class", "number missing")], text: missingText(result))
                        }
                        if let previous = result.previous {
                            row.element("td", [("class", "number")], text: numbers.value(previous, unit: result.definition.unit))
                        } else {
                            row.element("td", [("class", "number missing")], text: "—")
                        }
                        let change = result.previous == nil ? nil : changeText(result, inCard: false)
                        row.element("td", [("class", "number " + changeClass(result))]) { cell in
                            cell.text(change?.headline ?? "—")
                            for detail in change?.details ?? [] { cell.element("span", [("class", "base")], text: detail) }
                        }
                        row.element("td", [("class", "number")]) { cell in
                            guard let coverage = result.coverage else { return cell.text("—") }
                            cell.text("\(coverage.counted) / \(coverage.of)")
                            if !coverage.isComplete { cell.element("span", [("class", "base")], text: coverage.summary(language)) }
                        }
                    }
                }
            }
        }
    }

    private func chart(_ chart: SectionChart, into html: inout HTMLBuilder) {
        switch chart {
        case .actorTypes(let result): byActorType(result, into: &html)
        case .cooperationNetwork(let rows): cooperationNetwork(CooperationNetwork(rows, mostConnected: networkLimit), into: &html)
        case .fundingMix(let amounts): fundingMix(amounts, into: &html)
        case .projectStages(let stages): projectStages(stages, into: &html)
        case .surveyScores(let scores): surveyScores(scores, into: &html)
        }
    }

    /// An indicator over the members of each actor type (`breakdown = "actor_type"` in the library).
    private func byActorType(_ result: IndicatorResult, into html: inout HTMLBuilder) {
        let unit = result.definition.unit
        let bars = result.breakdown.map { part -> Bar in
            let label = part.actorType.label[language]
            guard let value = part.value else { return Bar(label: label, value: nil, shown: t("non renseigné", "not reported")) }
            return Bar(label: label, value: value, shown: numbers.value(value, unit: unit))
        }
        guard !bars.isEmpty else { return }
        let summary = bars.map { "\($0.label) : \($0.shown)" }.joined(separator: " ; ")
        // Named after the indicator: a library may break down several, of the same unit.
        let label = result.definition.label
        charts.bars(&html, id: "chart-" + result.definition.id.replacingOccurrences(of: ".", with: "-"),
                    title: t("\(label.fr) par type d'acteur en \(report.year)", "\(label.en) by actor type in \(report.year)"),
                    summary: summary, valueHeader: unit.label[language], bars: bars)
    }

    private func fundingMix(_ amounts: [FundingAmount], into html: inout HTMLBuilder) {
        let total = amounts.map(\.amount).reduce(0, +)
        guard total > 0 else { return }
        let bars = amounts.map { part in
            Bar(label: part.kind.label[language], value: part.amount,
                shown: numbers.money(part.amount) + " (" + numbers.percent(part.amount / total, decimals: 0) + ")")
        }
        charts.bars(&html, id: "chart-funding", title: t("Financement du budget du pôle en \(report.year)", "Funding of the pole budget in \(report.year)"),
                    summary: bars.map { "\($0.label) : \($0.shown)" }.joined(separator: " ; "), valueHeader: t("Montant", "Amount"), bars: bars)
    }

    private func projectStages(_ stages: [ProjectStageCount], into html: inout HTMLBuilder) {
        guard stages.contains(where: { $0.count > 0 }) else { return }
        let bars = stages.map { Bar(label: $0.stage.label[language], value: Double($0.count), shown: String($0.count)) }
        charts.bars(&html, id: "chart-projects", title: t("Projets collectifs, de l'idée à l'activité", "Collective projects, from idea to operation"),
                    summary: bars.map { "\($0.label) : \($0.shown)" }.joined(separator: " ; "), valueHeader: t("Projets", "Projects"), bars: bars)
    }

    private func cooperationNetwork(_ network: CooperationNetwork, into html: inout HTMLBuilder) {
        guard !network.links.isEmpty else { return }
        // The most connected members of the year.
        let drawn = network.nodes.filter(\.isMember)
            .sorted { ($0.actorType?.rawValue ?? "", $0.name) < ($1.actorType?.rawValue ?? "", $1.name) }
        let drawnIDs = Set(drawn.map(\.id))
        let pairs = network.links.filter { drawnIDs.contains($0.a) && drawnIDs.contains($0.b) }
        let nodes = drawn.map { member in
            (id: member.id, label: member.name,
             group: member.actorType.flatMap { ActorType.allCases.firstIndex(of: $0) } ?? ActorType.allCases.count,
             groupLabel: member.actorType?.label[language] ?? t("type non renseigné", "type not reported"))
        }
        let isolated = network.isolated
        var summary = t("\(pairs.count) paires de membres coopèrent", "\(pairs.count) pairs of members cooperate")
        summary += t(" ; \(isolated) membre(s) sans coopération déclarée.", "; \(isolated) member(s) without a declared cooperation.")
        if drawn.count < network.connected {
            summary += t(" Seuls les \(drawn.count) membres les plus reliés sont dessinés.", " Only the \(drawn.count) most connected members are drawn.")
        }
        charts.network(&html, id: "chart-network", title: t("Qui coopère avec qui en \(report.year)", "Who cooperates with whom in \(report.year)"),
                       summary: summary, nodes: nodes, links: pairs.map { link in
                           (a: link.a, b: link.b, count: link.count, detail: cooperationDetail(link))
                       })
    }

    /// "2 coopérations : projet commun, emploi partagé · 10 000 €".
    private func cooperationDetail(_ link: CooperationNetwork.Link) -> String {
        let count = language.counted(link.count, LocalizedText(fr: "coopération", en: "cooperation"))
        let kinds = link.kinds.map { $0.label[language].lowercased() }.joined(separator: ", ")
        return count + t(" : ", ": ") + kinds + (link.amount.map { " · " + numbers.money($0) } ?? "")
    }

    private func surveyScores(_ scores: [SurveyDimensionScore], into html: inout HTMLBuilder) {
        let bars = scores.map { score -> Bar in
            let (dimension, result) = (score.dimension, score.result)
            guard let value = result.value else { return Bar(label: dimension.label[language], value: nil, shown: t("pas de réponse", "no answer")) }
            let n = result.survey?.n ?? 0
            return Bar(label: dimension.label[language], value: value,
                       shown: numbers.plain(value, decimals: 2) + "/5 · n = \(n)")
        }
        guard bars.contains(where: { $0.value != nil }) else { return }
        charts.bars(&html, id: "chart-survey", title: t("Scores moyens de l'enquête (1 à 5)", "Mean survey scores (1 to 5)"),
                    summary: bars.map { "\($0.label) : \($0.shown)" }.joined(separator: " ; "), valueHeader: t("Score moyen", "Mean score"),
                    bars: bars, maximum: 5)
    }

    private func survey(_ html: inout HTMLBuilder) {
        guard !report.questions.isEmpty || !report.quotations.isEmpty else { return }
        html.element("h3", text: t("Réponses par question", "Answers by question"))
        html.table(caption: t("Distribution des réponses (1 = pas du tout d'accord, 5 = tout à fait d'accord)",
                              "Distribution of answers (1 = strongly disagree, 5 = strongly agree)")) { table in
            table.columnHeaders([t("Question", "Question"), "n", t("Moyenne", "Mean"), "≥ 4", "1", "2", "3", "4", "5"], numeric: Set(1...8))
            table.element("tbody") { body in
                for result in report.questions {
                    let statistics = result.statistics
                    body.element("tr") { row in
                        row.element("th", [("scope", "row")], text: result.question.wording[language])
                        row.element("td", [("class", "number")], text: String(statistics.n))
                        if result.question.kind == .yesNo {
                            let yes = statistics.yesShare.map { t("oui : ", "yes: ") + numbers.percent($0, decimals: 0) } ?? "—"
                            row.element("td", [("class", "number"), ("colspan", "7")], text: yes)
                        } else {
                            row.element("td", [("class", "number")], text: statistics.mean.map { numbers.plain($0, decimals: 2) } ?? "—")
                            row.element("td", [("class", "number")], text: statistics.shareAtLeast4.map { numbers.percent($0, decimals: 0) } ?? "—")
                            for count in statistics.distribution { row.element("td", [("class", "number")], text: String(count)) }
                        }
                    }
                }
            }
        }
        guard !report.quotations.isEmpty else { return }
        html.element("h3", text: t("Paroles de membres et partenaires", "In their words"))
        for quotation in report.quotations {
            html.element("blockquote") { quote in
                quote.element("p", text: quotation.text)
                quote.element("footer", text: "— " + quotation.role.label[language])
            }
        }
    }

    // MARK: Data quality and method

    private func dataQuality(_ html: inout HTMLBuilder) {
        html.newline()
        html.element("section", [("class", "quality"), ("aria-labelledby", "title-quality")]) { section in
            section.element("h2", [("id", "title-quality")], text: t("Qualité des données", "Data quality"))
            let findings = report.findings
            let counts = Severity.allCases.reversed().map { severity in
                language.counted(findings.filter { $0.severity == severity }.count, severity.label)
            }
            section.element("p", text: findings.isEmpty
                ? t("Aucun constat sur les fichiers : toutes les cellules lues sont conformes.",
                    "No finding about the files: every cell read is as expected.")
                : t("Constats sur les fichiers : ", "Findings about the files: ") + counts.joined(separator: ", ") + ".")
            missingData(&section)
            guard !findings.isEmpty else { return }
            section.table(caption: t("Constats, avec le fichier, la ligne et la colonne", "Findings, with file, line and column")) { table in
                table.columnHeaders([t("Gravité", "Severity"), t("Emplacement", "Place"), t("Message", "Message")])
                table.element("tbody") { body in
                    for finding in findings.prefix(findingsLimit) {
                        body.element("tr") { row in
                            row.element("td", [("class", "severity-\(finding.severity.rawValue)")], text: finding.severity.label[language])
                            var place = finding.location.file
                            if let line = finding.location.line { place += ":\(line)" }
                            if let column = finding.location.column { place += " (\(column))" }
                            row.element("td", text: place)
                            row.element("td", text: finding.message[language])
                        }
                    }
                }
            }
            if findings.count > findingsLimit {
                section.element("p", text: t("… et \(findings.count - findingsLimit) autres constats, tous listés dans le classeur et le JSON.",
                                             "… and \(findings.count - findingsLimit) more findings, all listed in the workbook and the JSON."))
            }
        }
    }

    /// The indicators without a value and those resting on part of the members: sound files can
    /// still leave figures unreported, and a reader must see it here, not only in each table.
    private func missingData(_ html: inout HTMLBuilder) {
        let gaps = report.gaps
        let missing = gaps.filter { $0.value == nil }.count
        guard !gaps.isEmpty else {
            html.element("p", text: t("Chaque indicateur a une valeur et repose sur tous les membres de l'année.",
                                      "Every indicator has a value and rests on every member of the year."))
            return
        }
        let indicators = language.counted(missing, LocalizedText(fr: "indicateur", en: "indicator"))
        html.element("p", text: t(
            "Données manquantes : \(indicators) sans valeur, \(gaps.count - missing) ne reposant que sur une partie des membres.",
            "Missing data: \(indicators) without a value, \(gaps.count - missing) resting on part of the members only."))
        html.table(caption: t("Indicateurs incomplets", "Incomplete indicators"), kind: "gaps") { table in
            table.columnHeaders([t("Indicateur", "Indicator"), t("Valeur", "Value"), t("Ce qui manque", "What is missing")], numeric: [1])
            table.element("tbody") { body in
                for result in gaps {
                    body.element("tr") { row in
                        row.element("th", [("scope", "row")], text: result.definition.label[language])
                        if let value = result.value {
                            row.element("td", [("class", "number")], text: numbers.value(value, unit: result.definition.unit))
                        } else {
                            row.element("td", [("class", "number missing")], text: MissingReason.shown(nil)[language])
                        }
                        row.element("td", text: result.gap(language))
                    }
                }
            }
        }
    }

    private func method(_ html: inout HTMLBuilder) {
        html.newline()
        html.element("section", [("class", "method"), ("aria-labelledby", "title-method")]) { section in
            section.element("h2", [("id", "title-method")], text: t("Méthode", "Method"))
            section.element("p", text: ReportMethod.principles[language])
            section.element("p", text: t("Bibliothèque d'indicateurs : ", "Indicator library: ") + report.library.identity.label[language] + ".")
            section.table(caption: t("Définitions des indicateurs", "Indicator definitions"), kind: "definitions") { table in
                table.columnHeaders([t("Indicateur", "Indicator"), t("Définition", "Definition"), t("Formule", "Formula"), t("Références", "References")])
                table.element("tbody") { body in
                    for definition in report.library.indicators {
                        body.element("tr") { row in
                            row.element("th", [("scope", "row")], text: definition.label[language])
                            row.element("td", text: definition.description[language])
                            row.element("td") { cell in cell.element("code", text: definition.formula) }
                            row.element("td", text: definition.references.map { [$0.source, $0.id, $0.note].compactMap { $0 }.joined(separator: " ") }.joined(separator: " ; "))
                        }
                    }
                }
            }
            section.table(caption: t("Fichiers lus", "Files read")) { table in
                table.columnHeaders([t("Fichier", "File"), t("Encodage", "Encoding"), t("Lignes", "Records"), "SHA-256"], numeric: [2])
                table.element("tbody") { body in
                    for source in report.sources {
                        body.element("tr") { row in
                            row.element("th", [("scope", "row")], text: source.name)
                            row.element("td", text: source.encoding)
                            row.element("td", [("class", "number")], text: String(source.records))
                            row.element("td") { cell in cell.element("code", text: source.sha256) }
                        }
                    }
                }
            }
        }
    }
}
