import PTCEIndicators
import PTCEModel

/// The words of the workbook in the report language.
struct Words {
    let language: Language

    func callAsFunction(_ fr: String, _ en: String) -> String {
        language.text(fr, en)
    }

    func yesNo(_ value: Bool?) -> String? {
        value.map(language.yesNo)
    }

    /// The number formats of the language.
    var formats: NumberFormats { NumberFormats(language: language) }

    /// The sheet names (a data sheet is named as its table: ``TableDeclaration/label``).
    var summary: String { self("Synthèse", "Summary") }
    var indicators: String { self("Indicateurs", "Indicators") }
    var trajectory: String { self("Trajectoire", "Trajectory") }
    var objectives: String { self("Objectifs", "Objectives") }
    var resources: String { self("Ressources", "Resources") }
    var narrative: String { self("Rapport", "Report") }
    var qualitative: String { self("Qualitatif", "Qualitative") }
    var dataQuality: String { self("Qualité des données", "Data quality") }
    var method: String { self("Méthode", "Method") }
}

/// Excel number formats in the report's language. Codes use `,` and `.` as Excel's
/// placeholders (a French Excel or LibreOffice groups digits and writes the decimal comma itself);
/// the unit is part of the format, written as the dashboard writes it — `145,0 ETP`, `54,8 %`,
/// `1 380 000 €` in French, `€1,380,000` and `54.8%` in English — so that a value cell says its
/// unit and no other cell repeats it. Changes carry a true minus sign (U+2212).
struct NumberFormats {
    let language: Language

    /// The no-break space the dashboard puts between a number and its unit.
    private static let space = "\u{00A0}"

    /// A value in `unit`; a yes/no unit shows Oui/Non (Yes/No). `decimals` overrides the unit's
    /// (a count per member needs one).
    func value(_ unit: IndicatorUnit, decimals: Int? = nil) -> String {
        if unit.isFlag {
            let (yes, no) = (Self.quoted(language.yesNo(true)), Self.quoted(language.yesNo(false)))
            return "\(yes);\(yes);\(no)"
        }
        if unit.isShare { return share(decimals: decimals ?? unit.decimals) }
        let number = Self.digits(decimals ?? unit.decimals)
        let suffix = Self.quoted(unit.suffix?[language] ?? "")
        return (unit.isMoney ? money(number) : number) + suffix
    }

    /// A change of a value in `unit`, with its sign: in percentage points for shares (the
    /// value written × 100), else in the unit.
    func change(_ unit: IndicatorUnit) -> String {
        if unit.isShare {
            let points = "0.0" + Self.quoted(Self.space + language.text("pt", "pts"))
            return Self.signed(points)
        }
        return Self.signed(value(unit))
    }

    /// The format of a member figure of the data sheets (``FigureFormat``); general when it has none.
    func figure(_ format: FigureFormat?) -> String? {
        switch format {
        case .count: count
        case .tenths: Self.digits(1)
        case .money: money(Self.digits(0))
        case .decimal: "#,##0.0##"
        case nil: nil
        }
    }

    /// Whole euros.
    var euros: String { money(Self.digits(0)) }
    /// A whole number, digits grouped.
    let count = "#,##0"
    /// A year: a whole number, digits not grouped (`2024`).
    let year = "0"
    /// Text, kept as typed: Excel turns neither an identifier nor `01053` into a number or a date.
    let text = "@"
    /// A fraction shown as a percentage with `decimals` digits.
    func share(decimals: Int = 1) -> String {
        Self.digits(decimals, grouped: false) + language.text(Self.quoted(Self.space), "") + "%"
    }
    /// A survey score, 1 to 5.
    let score = "0.00"
    /// A volume divided by a pole's size (per member, per 1,000 inhabitants): in its unit, with
    /// at least one decimal unless in euros.
    func normalised(_ unit: IndicatorUnit) -> String {
        value(unit, decimals: unit.isMoney ? unit.decimals : max(unit.decimals, 1))
    }

    /// `number` with the euro sign where the language puts it.
    private func money(_ number: String) -> String {
        language.text(number + Self.quoted(Self.space + "€"), Self.quoted("€") + number)
    }

    /// `#,##0.0` for one decimal.
    private static func digits(_ decimals: Int, grouped: Bool = true) -> String {
        (grouped ? "#,##0" : "0") + (decimals > 0 ? "." + String(repeating: "0", count: decimals) : "")
    }

    /// Text inside a format code; `""` for none.
    private static func quoted(_ text: String) -> String {
        text.isEmpty ? "" : "\"" + text.replacingOccurrences(of: "\"", with: "") + "\""
    }

    /// `+x` for a rise, `−x` for a fall (U+2212, not a hyphen), `x` for none.
    static func signed(_ format: String) -> String {
        "+\(format);\"−\"\(format);\(format)"
    }
}
