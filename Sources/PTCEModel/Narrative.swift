import Foundation

/// The pole's own words (`report.md`, spec §9): a presentation shown every year, and for each
/// year its sections (highlights, difficulties, next steps…), each kept as written and as blocks
/// the writers render.
public struct Narrative: Sendable, Hashable {
    /// The text before the first year heading, presenting the pole; `nil` when there is none.
    public var presentation: NarrativeSection?
    /// The sections of each year, in file order.
    public var sectionsByYear: [Int: [NarrativeSection]]
    /// The file it was read from: `report.md` or `rapport.md`.
    public var file: String

    /// Creates a narrative.
    public init(presentation: NarrativeSection?, sectionsByYear: [Int: [NarrativeSection]], file: String) {
        self.presentation = presentation
        self.sectionsByYear = sectionsByYear
        self.file = file
    }

    /// What a report of `year` shows: the presentation, then the year's sections.
    public func sections(for year: Int) -> [NarrativeSection] {
        (presentation.map { [$0] } ?? []) + (sectionsByYear[year] ?? [])
    }
}

/// A section of the pole's words: its title (none for the presentation), its Markdown as
/// written, and its blocks.
public struct NarrativeSection: Sendable, Hashable {
    /// The level-2 heading's text; `nil` for the presentation.
    public var title: String?
    /// The section's Markdown as written (its heading left out), trimmed.
    public var markdown: String
    /// What the Markdown says, block by block.
    public var blocks: [MarkdownBlock]

    /// Creates a section.
    public init(title: String?, markdown: String, blocks: [MarkdownBlock]) {
        self.title = title
        self.markdown = markdown
        self.blocks = blocks
    }
}

extension NarrativeSection {
    /// The titles that name a year's highlights, case and accents aside: the section the
    /// one-page summary shows.
    public static let highlightTitles: Set<String> = ["faits marquants", "temps forts", "faits saillants", "highlights"]

    /// Whether its title is one of ``highlightTitles`` (a trailing colon aside).
    public var isHighlights: Bool {
        guard let title else { return false }
        let folded = title.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ":")))
        return Self.highlightTitles.contains(folded)
    }
}

/// A block of the Markdown subset the engine reads: text, never HTML (raw HTML stays text).
public enum MarkdownBlock: Sendable, Hashable {
    /// A heading below the section's (`###` is level 3).
    case heading(level: Int, [MarkdownInline])
    case paragraph([MarkdownInline])
    /// A list, each item a line of text.
    case list(ordered: Bool, items: [[MarkdownInline]])
    /// A table: its header cells, then its rows of cells.
    case table(header: [[MarkdownInline]], rows: [[[MarkdownInline]]])
}

/// A run of text inside a block.
public indirect enum MarkdownInline: Sendable, Hashable {
    case text(String)
    case emphasis([MarkdownInline])
    case strong([MarkdownInline])
    /// A link, shown with its address.
    case link(text: [MarkdownInline], url: String)

    /// The text without its marks, a link followed by its address in brackets.
    public static func plain(_ runs: [MarkdownInline]) -> String {
        runs.map { run in
            switch run {
            case .text(let text): text
            case .emphasis(let inner), .strong(let inner): plain(inner)
            case .link(let text, let url): plain(text) == url ? url : "\(plain(text)) (\(url))"
            }
        }.joined()
    }
}
