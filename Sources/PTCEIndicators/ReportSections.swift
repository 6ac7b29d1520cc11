import PTCEModel

/// What a section of a report shows beside its table of indicators, declared by the library
/// (`shows = ["funding_mix"]` in an indicator file's `[theme]` table). An indicator the
/// library breaks down by actor type is charted in its section without being declared.
public enum SectionView: String, CaseIterable, Sendable {
    /// Who cooperates with whom in the year: the members and their cooperations.
    case cooperationNetwork = "cooperation_network"
    /// The pole's budget by kind of funding, in euros and as shares of the total.
    case fundingMix = "funding_mix"
    /// The collective projects at each stage, from idea to operation.
    case projectStages = "project_stages"
    /// The mean score (1–5) of each dimension of the question bank.
    case surveyScores = "survey_scores"
    /// The answers to each question of the survey, and the members' and partners' own words.
    case surveyAnswers = "survey_answers"
}

/// One theme of a report: its indicators and what it shows beside them.
public struct ReportSection: Sendable {
    /// The theme of the library (`eco`, `coop`…), with its title.
    public let theme: IndicatorTheme
    /// Its indicators with a result, in library order.
    public let results: [IndicatorResult]
    /// Its charts, in the order drawn: the actor-type breakdowns, then the declared ones.
    public let charts: [SectionChart]
    /// Whether the survey's answers by question and its quotations follow the table.
    public let showsSurveyAnswers: Bool

    /// Whether the section only lists figures (no chart declared nor breakdown): such sections
    /// follow on from the previous one in print instead of starting a page.
    public let isCompact: Bool
}

/// A chart of a section, with the data it draws.
public enum SectionChart: Sendable {
    /// An indicator over the members of each actor type (``IndicatorResult/breakdown``).
    case actorTypes(IndicatorResult)
    /// The members and who cooperates with whom: the year's rows, which
    /// ``CooperationNetwork/init(_:)`` makes a graph of when a writer draws it.
    case cooperationNetwork(CooperationRows)
    /// The amount of each kind of funding present in the year, in ``FundingKind`` order.
    case fundingMix([FundingAmount])
    /// How many collective projects are at each stage, every stage listed.
    case projectStages([ProjectStageCount])
    /// The score of each dimension of the question bank that has one.
    case surveyScores([SurveyDimensionScore])
}

/// The funding of one kind in the pole's budget for the year.
public struct FundingAmount: Sendable, Hashable {
    /// The kind of funding.
    public let kind: FundingKind
    /// Euros: the sum of the year's lines of that kind, in file order.
    public let amount: Double
}

/// How many collective projects are at a stage.
public struct ProjectStageCount: Sendable, Hashable {
    /// The stage.
    public let stage: ProjectStage
    /// Projects of the year at that stage; 0 when none.
    public let count: Int
}

/// The score of a dimension of the question bank (its `[per_survey_dimension]` indicator).
public struct SurveyDimensionScore: Sendable {
    /// The dimension of the question bank.
    public let dimension: SurveyDimension
    /// The result of its score indicator (the mean score 1–5 in the standard library), with its survey statistics.
    public let result: IndicatorResult
}

/// The cooperations of the year between members, as a graph.
/// The cooperations and members of a year, as views of the dataset: a report that draws no
/// network (the JSON) does not pay for one.
public struct CooperationRows: Sendable {
    let cooperations: YearSlice<Cooperation>
    let members: YearSlice<Member>
}

public struct CooperationNetwork: Sendable {
    /// A member with at least one cooperation.
    public struct Node: Sendable, Hashable {
        /// The member id, as `cooperations.csv` writes it.
        public let id: String
        /// The member's name, or its id when the member is not among the year's members.
        public let name: String
        /// The member's actor type; `nil` when it is not among the year's members or its type was invalid.
        public let actorType: ActorType?
        /// Cooperations the member takes part in (a pair counted as often as it was declared).
        public let degree: Int
        /// Whether the member is among the year's members.
        public let isMember: Bool
    }

    /// Two members that cooperate, `a` before `b` by id, and how many cooperations they declared.
    public struct Link: Sendable, Hashable {
        /// The two member ids, `a` before `b` in id order.
        public let a: String, b: String
        /// How many cooperations of the year the two declared (in either order).
        public let count: Int
        /// The kinds of their cooperations, each once, in ``CooperationKind`` order.
        public let kinds: [CooperationKind]
        /// Euros: the sum of the amounts declared for them, `nil` when none was.
        public let amount: Double?

        /// Creates a link; the kinds and the amount are optional.
        public init(a: String, b: String, count: Int, kinds: [CooperationKind] = [], amount: Double? = nil) {
            (self.a, self.b, self.count, self.kinds, self.amount) = (a, b, count, kinds, amount)
        }
    }

    /// The most connected members that cooperate (at most the `mostConnected` asked), the most
    /// connected first (ties by id).
    public let nodes: [Node]
    /// Every pair of those members that cooperates, ordered by the two ids.
    public let links: [Link]
    /// How many members (or ids) take part in a cooperation of the year, drawn or not.
    public let connected: Int
    /// Members of the year without any declared cooperation.
    public let isolated: Int

    /// Two member ids, in order.
    private struct Pair: Hashable {
        let a: String, b: String

        init(_ link: Cooperation) {
            (a, b) = link.memberA <= link.memberB ? (link.memberA, link.memberB) : (link.memberB, link.memberA)
        }
    }

    /// What the cooperations of one pair add up to, in file order.
    private struct Tally {
        var count = 0
        var kinds: Set<CooperationKind> = []
        var amount: Double?
    }

    /// The graph of `rows` around its `mostConnected` most connected members: computed on each
    /// call, so a writer calls it once. Kinds and amounts are gathered for the pairs kept only.
    public init(_ rows: CooperationRows, mostConnected limit: Int = .max) {
        // Each cooperation counts once for each of its two members: no table of pairs is needed
        // for that (a national year's took 10 MB), nor one of ids (12 MB): a member's count is
        // kept at its row, an id that is no member's (a report made despite errors) by itself.
        let memberRows = RowsByMemberID(rows.members)
        var memberDegree = [Int](repeating: 0, count: rows.members.count)
        var otherDegree: [String: Int] = [:]
        func count(_ id: String) {
            if let row = memberRows[id] { memberDegree[row] += 1 } else { otherDegree[id, default: 0] += 1 }
        }
        rows.cooperations.forEachInPlace { link in
            count(link.memberA)
            count(link.memberB)
        }
        let degrees = memberDegree.indices.lazy.filter { memberDegree[$0] > 0 }.map { row in
            (id: rows.members.withUnsafeElement(at: row) { $0.pointee.id }, degree: memberDegree[row], row: Optional(row))
        }
        let others = otherDegree.lazy.map { (id: $0.key, degree: $0.value, row: Int?.none) }
        let kept = [AnySequence(degrees), AnySequence(others)].joined()
            .min(count: limit) { ($0.degree, $1.id) > ($1.degree, $0.id) }
        let keptIDs = Set(kept.map(\.id))
        nodes = kept.map { id, degree, row in
            let member = row.map { rows.members[$0] }
            return Node(id: id, name: member?.name ?? id, actorType: member?.actorType, degree: degree, isMember: member != nil)
        }
        var tallies: [Pair: Tally] = [:]
        for link in rows.cooperations {
            let pair = Pair(link)
            guard keptIDs.contains(pair.a), keptIDs.contains(pair.b) else { continue }
            var tally = tallies[pair, default: Tally()]
            tally.count += 1
            tally.kinds.insert(link.kind)
            if let amount = link.amount { tally.amount = (tally.amount ?? 0) + amount }
            tallies[pair] = tally
        }
        links = tallies.map { pair, tally in
            Link(a: pair.a, b: pair.b, count: tally.count, kinds: CooperationKind.allCases.filter(tally.kinds.contains), amount: tally.amount)
        }.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
        connected = memberDegree.reduce(0) { $0 + ($1 > 0 ? 1 : 0) } + otherDegree.count
        // A member whose id repeats an earlier member's has its count at that member's row.
        isolated = rows.members.indices.reduce(0) { isolated, row in
            let counted = memberRows[rows.members.withUnsafeElement(at: row) { $0.pointee.id }] ?? row
            return isolated + (memberDegree[counted] == 0 ? 1 : 0)
        }
    }
}

extension ReportSection {
    /// The sections of a report, one per theme of the library with a result, in library order.
    static func sections(
        library: IndicatorLibrary, results: [IndicatorResult], surveyScores: [SurveyDimensionScore],
        dataset: PoleDataset, year: Int
    ) -> [ReportSection] {
        library.themes.compactMap { theme in
            let results = results.filter { $0.definition.theme == theme.id }
            guard !results.isEmpty else { return nil }
            let breakdowns = results.filter { $0.definition.isBrokenDownByActorType }.map(SectionChart.actorTypes)
            let declared = theme.views.compactMap { view -> SectionChart? in
                switch view {
                case .cooperationNetwork:
                    return .cooperationNetwork(CooperationRows(cooperations: dataset.cooperations(in: year), members: dataset.members(in: year)))
                case .fundingMix:
                    let lines = dataset.finances(in: year)
                    return .fundingMix(FundingKind.allCases.compactMap { kind in
                        guard lines.contains(where: { $0.kind == kind }) else { return nil }
                        return FundingAmount(kind: kind, amount: lines.filter { $0.kind == kind }.map(\.amount).reduce(0, +))
                    })
                case .projectStages:
                    let projects = dataset.projects(in: year)
                    return .projectStages(ProjectStage.allCases.map { stage in
                        ProjectStageCount(stage: stage, count: projects.reduce(0) { $0 + ($1.stage == stage ? 1 : 0) })
                    })
                case .surveyScores: return .surveyScores(surveyScores)
                case .surveyAnswers: return nil
                }
            }
            return ReportSection(
                theme: theme, results: results, charts: breakdowns + declared,
                showsSurveyAnswers: theme.views.contains(.surveyAnswers),
                isCompact: breakdowns.isEmpty && !theme.views.contains { $0 != .surveyAnswers })
        }
    }
}
