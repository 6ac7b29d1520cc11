import Foundation
@testable import PTCEImport
import PTCEModel
import Testing

/// `report.md` (spec §9): years and sections found by their headings, the Markdown subset read
/// into blocks, and raw HTML kept as text.
@Suite struct NarrativeReaderTests {
    static let text = """
    Présentation du **pôle**, sur deux
    lignes.

    # 2023

    ## Faits marquants

    - Une recyclerie.

    # Bilan

    # 2024

    Introduction de l'année.

    ## Faits marquants

    - Un *atelier* et un __marché__,
      sur deux lignes.
    - Un lien : [le site](https://exemple.fr) et un autre [ici](javascript:alert(1)).
    1. premier
    2) second

    ### Calendrier

    | Projet | Année |
    | :--- | ---: |
    | Vélos \\| réparation | 2026 |
    | Seul |

    <script>alert(1)</script> <img src=x onerror=alert(1)> snake_case_name \\*pas en italique\\*
    """

    @Test func yearsSectionsAndBlocks() throws {
        var findings = Findings()
        let narrative = NarrativeReader.read(Self.text, file: "report.md", findings: &findings)
        // A level-1 heading that is not a year is read as a section, with a warning.
        #expect(findings.all.map { $0.formatted(.en) } == [
            "report.md:10: warning: \"# Bilan\" is not a year: a level-1 heading opens a year (# 2024); it is read as a section (## Bilan)",
        ])
        #expect(narrative.presentation?.markdown == "Présentation du **pôle**, sur deux\nlignes.")
        #expect(narrative.presentation?.blocks == [.paragraph([.text("Présentation du "), .strong([.text("pôle")]), .text(", sur deux lignes.")])])
        // "# Bilan" opens an empty section, which is not shown.
        #expect(narrative.sectionsByYear[2023]?.map(\.title) == ["Faits marquants"])
        let sections = narrative.sections(for: 2024)
        // The presentation, the year's introduction, its sections; 2023's are left out.
        #expect(sections.map(\.title) == [nil, nil, "Faits marquants"])
        #expect(sections[1].blocks == [.paragraph([.text("Introduction de l'année.")])])
        let blocks = sections[2].blocks
        #expect(blocks.count == 5)
        #expect(blocks[0] == .list(ordered: false, items: [
            [.text("Un "), .emphasis([.text("atelier")]), .text(" et un "), .strong([.text("marché")]), .text(", sur deux lignes.")],
            [.text("Un lien : "), .link(text: [.text("le site")], url: "https://exemple.fr"), .text(" et un autre "),
             .link(text: [.text("ici")], url: "javascript:alert(1)"), .text(".")],
        ]))
        #expect(blocks[1] == .list(ordered: true, items: [[.text("premier")], [.text("second")]]))
        #expect(blocks[2] == .heading(level: 3, [.text("Calendrier")]))
        #expect(blocks[3] == .table(header: [[.text("Projet")], [.text("Année")]],
                                    rows: [[[.text("Vélos | réparation")], [.text("2026")]], [[.text("Seul")], []]]))
        // Raw HTML is text; `_` inside a word is not emphasis; `\\*` is a star.
        #expect(blocks[4] == .paragraph([.text("<script>alert(1)</script> <img src=x onerror=alert(1)> snake_case_name *pas en italique*")]))
        #expect(MarkdownInline.plain([.link(text: [.text("le site")], url: "https://exemple.fr")]) == "le site (https://exemple.fr)")
    }

    /// `ptce init`'s skeleton: comments and empty sections show nothing; its headings open the year.
    @Test func commentsAndEmptySectionsAreLeftOut() throws {
        var findings = Findings()
        let skeleton = String(decoding: PoleTemplate.report(year: 2025), as: UTF8.self)
        let empty = NarrativeReader.read(skeleton, file: "report.md", findings: &findings)
        #expect(findings.all.isEmpty)
        #expect(empty.presentation == nil && empty.sectionsByYear.isEmpty)

        let written = skeleton.replacingOccurrences(of: "## Faits marquants\n", with: "## Faits marquants\n\n- Une recyclerie.\n")
            .replacingOccurrences(of: "## Perspectives\n", with: "## Perspectives\n\nAvant <!-- dans la ligne\n\n<!-- ouvert\n# 2030\n")
        let narrative = NarrativeReader.read(written, file: "report.md", findings: &findings)
        let sections = try #require(narrative.sectionsByYear[2025])
        #expect(sections.map(\.title) == ["Faits marquants", "Perspectives"])
        #expect(sections[0].blocks == [.list(ordered: false, items: [[.text("Une recyclerie.")]])] && sections[0].isHighlights)
        // A comment inside a line, or left open before a heading, stays text (the latter with a
        // warning), and the heading after it still opens its year.
        #expect(sections[1].blocks == [.paragraph([.text("Avant <!-- dans la ligne")]), .paragraph([.text("<!-- ouvert")])])
        let line = try #require(written.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "<!-- ouvert" })
        #expect(findings.all.map { $0.formatted(.en) } == [
            "report.md:\(line + 1): warning: comment \"<!--\" not closed by \"-->\" before the next heading: it is read as text",
        ])
        findings = Findings()
        #expect(NarrativeReader.withoutComments(["a", "  <!-- b", "c -->d", "<!-- e --><!-- f -->g", "<!--h"], file: "report.md", findings: &findings)
                == ["a", "", "d", "g", "<!--h"])
        #expect(findings.all.count == 1)
        #expect(["Faits marquants :", "FAITS MARQUANTS", "Temps forts", "Highlights"].allSatisfy {
            NarrativeSection(title: $0, markdown: "", blocks: []).isHighlights
        })
        #expect(!NarrativeSection(title: "Faits", markdown: "", blocks: []).isHighlights)
    }
}
