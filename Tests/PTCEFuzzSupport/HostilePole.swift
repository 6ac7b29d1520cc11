/// The CSV files of a small pole whose every text cell (names, ids, legal forms, descriptions,
/// sources, sectors, survey answers and comments, an unknown column and its header) is hostile
/// text, and some figures are text too, so that findings echo it. Figures are modest: the
/// writers' handling of text is what is checked.
public struct HostilePole: Sendable {
    /// CSV texts by file name (UTF-8, `;`, every field quoted).
    public var files: [String: String]
    /// Texts for the profile: name, territory, region, a sector.
    public var name: String, territory: String, region: String, sector: String

    public var fileBytes: [String: [UInt8]] { files.mapValues { Array($0.utf8) } }

    /// A pole whose texts come from `text`.
    public static func random<G: RandomNumberGenerator>(using rng: inout G, text: (inout G) -> String) -> HostilePole {
        func csv(_ rows: [[String]]) -> String {
            rows.map { $0.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ";") }
                .joined(separator: "\r\n") + "\r\n"
        }
        let count = Int.random(in: 2...6, using: &rng)
        let ids = (0..<count).map { index in "M\(index)" + (rng.chance(0.5) ? "-" + text(&rng) : "") }
        var members: [[String]] = [["year", "member_id", "name", "actor_type", "legal_form", "insertion_structure", "commune", "fte",
                                     "headcount", "insertion_fte", "turnover", "public_funding", "purchases", "local_purchases",
                                     "extra " + text(&rng)]]
        for year in [2023, 2024] {
            for (index, id) in ids.enumerated() {
                let fte = rng.chance(0.15) ? text(&rng) : String(Int.random(in: 1...40, using: &rng))
                members.append([
                    String(year), id, text(&rng), rng.pick(["ess", "company", "public", "research", "citizen", "other", "Collectivité"]),
                    text(&rng), rng.pick(["oui", "non", ""]), rng.pick(["60141", "60463", "75056", ""]), fte,
                    String(Int.random(in: 1...50, using: &rng)), index == 0 ? "1" : "", String(Int.random(in: 0...900_000, using: &rng)),
                    rng.chance(0.1) ? text(&rng) : String(Int.random(in: 0...90_000, using: &rng)), "1000", "500", text(&rng),
                ])
            }
        }
        var cooperations: [[String]] = [["year", "member_a", "member_b", "kind", "amount", "description"]]
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let a = Int.random(in: 0..<count, using: &rng), b = (a + Int.random(in: 1..<count, using: &rng)) % count
            cooperations.append(["2024", ids[a], ids[b], rng.pick(["joint_project", "shared_jobs", "training"]), "1 000", text(&rng)])
        }
        var finances: [[String]] = [["year", "source", "kind", "amount", "planned"]]
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            finances.append([rng.pick(["2023", "2024"]), text(&rng), rng.pick(["state", "local_authority", "member_dues", "sales"]),
                             String(Int.random(in: 1...90_000, using: &rng)), rng.chance(0.5) ? "50 000" : ""])
        }
        var projects: [[String]] = [["year", "project_id", "name", "stage", "sector", "members", "jobs_created", "budget"]]
        for index in 0..<Int.random(in: 1...3, using: &rng) {
            projects.append(["2024", "P\(index)" + text(&rng), text(&rng), rng.pick(["idea", "operating", "stopped"]), text(&rng),
                             ids.prefix(2).joined(separator: "|"), "1", "10 000"])
        }
        var survey: [[String]] = [["year", "respondent", "role", "question", "answer", "comment"]]
        for index in 0..<Int.random(in: 1...4, using: &rng) {
            let respondent = "R\(index)" + text(&rng)
            survey.append(["2024", respondent, "member", "open.testimony", text(&rng), text(&rng)])
            survey.append(["2024", respondent, "partner", "anchoring.local_needs", String(Int.random(in: 1...5, using: &rng)), text(&rng)])
        }
        return HostilePole(
            files: ["members.csv": csv(members), "cooperations.csv": csv(cooperations), "finances.csv": csv(finances),
                    "projects.csv": csv(projects), "survey.csv": csv(survey)],
            name: text(&rng), territory: text(&rng), region: text(&rng), sector: text(&rng))
    }
}
