import PTCEModel

/// The pole's resources of a year against its budget plan, line by line and in total, as a
/// grant's financial report compares them (Cerfa 15059): each line's planned and actual amounts,
/// and the gap in euros and as a share of the plan.
public struct ResourcesAgainstPlan: Sendable, Hashable {
    /// One budget line of `finances.csv`.
    public struct Line: Sendable, Hashable {
        /// Who pays, as written.
        public let source: String
        /// The kind of funding.
        public let kind: FundingKind
        /// The amount the budget planned, in euros; `nil` when nothing was planned for the line.
        public let planned: Double?
        /// The amount received, in euros.
        public let actual: Double
        /// Where the line is in `finances.csv`.
        public let origin: RecordOrigin

        /// `actual − planned`, in euros; `nil` when nothing was planned.
        public var gap: Double? { planned.map { FigurePrecision.rounded(actual - $0) } }
        /// The gap as a fraction of the planned amount; `nil` when nothing (or 0) was planned.
        public var gapShare: Double? {
            guard let planned, planned != 0, let gap else { return nil }
            return gap / planned
        }
    }

    /// The lines of the year, in file order.
    public let lines: [Line]

    /// The amounts received, over every line.
    public var actual: Double { FigurePrecision.rounded(lines.reduce(0) { $0 + $1.actual }) }
    /// The lines with a planned amount: the totals compare those only.
    public var plannedLines: [Line] { lines.filter { $0.planned != nil } }
    /// The amounts planned, over the lines with a plan.
    public var planned: Double { FigurePrecision.rounded(plannedLines.reduce(0) { $0 + $1.planned! }) }
    /// The amounts received on the lines with a plan.
    public var actualOfPlannedLines: Double { FigurePrecision.rounded(plannedLines.reduce(0) { $0 + $1.actual }) }
    /// `actualOfPlannedLines − planned`, in euros: the total gap, like with like.
    public var gap: Double { FigurePrecision.rounded(actualOfPlannedLines - planned) }
    /// The total gap as a fraction of the planned total; `nil` when the plan totals 0.
    public var gapShare: Double? { planned == 0 ? nil : gap / planned }
    /// Whether every line has a planned amount, so that the totals cover the whole budget.
    public var isFullyPlanned: Bool { plannedLines.count == lines.count }

    /// What the totals cover when some lines have no plan: "Les totaux ne portent que sur les
    /// lignes qui ont un montant prévu : 4 sur 5."; `nil` when every line has one.
    public var totalsScope: LocalizedText? {
        guard !isFullyPlanned else { return nil }
        return LocalizedText(fr: "Les totaux ne portent que sur les lignes qui ont un montant prévu : \(plannedLines.count) sur \(lines.count).",
                             en: "The totals cover only the lines with a planned amount: \(plannedLines.count) of \(lines.count).")
    }

    /// The budget lines of `year` in `dataset`, or `nil` when none of them has a planned amount.
    init?(dataset: PoleDataset, year: Int) {
        let lines = dataset.finances(in: year).map {
            Line(source: $0.source, kind: $0.kind, planned: $0.planned, actual: $0.amount, origin: $0.origin)
        }
        guard lines.contains(where: { $0.planned != nil }) else { return nil }
        self.lines = lines
    }
}
