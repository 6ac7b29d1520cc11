/// Text that has broken, or could break, a writer: characters XML 1.0 forbids, non-characters,
/// marks that fuse with the character before or after them into one grapheme cluster, bidi
/// controls, markup, formula starts, very long text. Every piece is one a member can type in a
/// cell or a coordinator in pole.toml (NUL excepted: no CSV carries it, TOML escapes do).
public enum HostileText {
    /// Characters XML 1.0 forbids (tab, line feed and carriage return aside), U+FFFE and U+FFFF.
    public static let xmlForbidden: [Unicode.Scalar] =
        (0x01...0x08).map { Unicode.Scalar($0)! } + [Unicode.Scalar(0x0B)!, Unicode.Scalar(0x0C)!]
        + (0x0E...0x1F).map { Unicode.Scalar($0)! } + [Unicode.Scalar(0xFFFE)!, Unicode.Scalar(0xFFFF)!]

    /// Marks that join the character before them into one grapheme cluster (combining, enclosing,
    /// spacing marks, joiners, variation selectors, emoji modifiers).
    public static let extending: [Unicode.Scalar] = [
        "\u{0301}", "\u{0338}", "\u{20DD}", "\u{0903}", "\u{200D}", "\u{200C}", "\u{FE0F}", "\u{034F}", "\u{1F3FB}",
        "\u{E0100}", "\u{0CBF}", "\u{1AB0}",
    ]

    /// Prepended concatenation marks: they join the character after them into one cluster.
    public static let prepending: [Unicode.Scalar] = ["\u{0600}", "\u{0601}", "\u{0605}", "\u{06DD}", "\u{070F}", "\u{08E2}", "\u{110BD}"]

    /// Bidi controls and invisible characters.
    public static let invisible: [Unicode.Scalar] = [
        "\u{202E}", "\u{202D}", "\u{2066}", "\u{2067}", "\u{2069}", "\u{200E}", "\u{200F}", "\u{061C}", "\u{00AD}",
        "\u{2028}", "\u{2029}", "\u{0085}", "\u{FEFF}", "\u{00A0}", "\u{202F}", "\u{3000}",
    ]

    /// Whole pieces: markup, entities, formula starts, Excel's own escapes, line breaks.
    public static let pieces: [String] = [
        "<", ">", "&", "\"", "'", "]]>", "<![CDATA[x]]>", "<?xml version=\"1.0\"?>", "<!--", "-->", "&amp;", "&#0;",
        "&#xFFFE;", "&lt;", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</td></tr>",
        "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://example.org\",\"x\")", "+33 1 23", "-5 rue", "@SUM(A1)", "=1+1",
        "_x0000_", "_x001F_", "_xFFFE_", "\t", "\n", "\r\n", "\r", " ", "  ", "%s%n", "{{x}}", "${x}", "\\", "\\u0000",
        "Économie", "Coopérative d’activités", "Ærø", "中文", "עברית", "العربية", "🇫🇷", "👩‍👩‍👧", "é",
    ]

    /// One fragment of hostile text.
    public static func fragment<G: RandomNumberGenerator>(using rng: inout G) -> String {
        switch Int.random(in: 0..<10, using: &rng) {
        case 0, 1: return String(rng.pick(xmlForbidden))
        case 2: return rng.pick(["<", ">", "\"", "&", "'", "a", "x"]) + String(rng.pick(extending))
        case 3: return String(rng.pick(prepending)) + rng.pick(["<", ">", "\"", "&", "'", "a"])
        case 4: return String(rng.pick(invisible))
        case 5, 6, 7: return rng.pick(pieces)
        case 8:
            // A scalar from anywhere in Unicode (not a surrogate).
            while true {
                let value = UInt32.random(in: 1...0x10FFFF, using: &rng)
                if let scalar = Unicode.Scalar(value) { return String(scalar) }
            }
        default: return rng.pick(["Atelier", "SCOP", "Pôle", "bois", "2024", "12,5", "-", "NC", "x"])
        }
    }

    /// A hostile text of 1 to `maximum` fragments; now and then a very long one (past Excel's
    /// 32,767 characters per cell, in astral characters whose UTF-16 length is twice their count).
    public static func text<G: RandomNumberGenerator>(using rng: inout G, maximum: Int = 6, allowLong: Bool = true) -> String {
        if allowLong, rng.chance(0.02) {
            let unit = rng.pick(["x", "é", "😀", "a\u{301}", "<&>"])
            return String(repeating: unit, count: Int.random(in: 16_000...40_000, using: &rng)) + fragment(using: &rng)
        }
        return (0..<Int.random(in: 1...maximum, using: &rng)).map { _ in fragment(using: &rng) }.joined()
    }

    /// A tag planted in data: the HTML writer must never let it through as markup. Its live form
    /// is `<x-fuzz-marker`; escaped forms (`&lt;x-fuzz-marker`) are fine.
    public static let markerTag = "x-fuzz-marker"
    /// An attribute planted in data: it must never follow a raw `"` from data.
    public static let markerAttribute = "data-fuzz-marker"

    /// A text carrying the marker tag or attribute, mixed with marks that fuse with `<`, `>` or
    /// `"` into one grapheme cluster (`"\u{0600}<"`, `">\u{301}"`): an escaper that works on
    /// characters rather than scalars lets them through.
    public static func markedText<G: RandomNumberGenerator>(using rng: inout G) -> String {
        let before = rng.chance(0.5) ? String(rng.pick(prepending)) : ""
        let after = rng.chance(0.5) ? String(rng.pick(extending)) : ""
        let marked: String
        switch Int.random(in: 0..<5, using: &rng) {
        case 0: marked = before + "<\(markerTag)>" + after
        case 1: marked = before + "<\(markerTag) src=x onerror=alert(1)>" + after
        case 2: marked = ">" + after + before + "<\(markerTag)>"
        case 3: marked = "\"" + after + " \(markerAttribute)=\"1"
        default: marked = before + "<\(markerTag)/>" + after + "</\(markerTag)>"
        }
        let padding = rng.chance(0.5) ? text(using: &rng, maximum: 2, allowLong: false) : ""
        return rng.chance(0.5) ? padding + marked : marked + padding
    }
}
