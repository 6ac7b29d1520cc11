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

    func missingReason(_ reason: MissingReason?) -> String {
        reason?.label[language] ?? ""
    }

    /// The sheet names.
    var summary: String { self("Synthèse", "Summary") }
    var indicators: String { self("Indicateurs", "Indicators") }
    var qualitative: String { self("Qualitatif", "Qualitative") }
    var members: String { self("Membres", "Members") }
    var cooperations: String { self("Coopérations", "Cooperations") }
    var finances: String { self("Financements", "Funding") }
    var projects: String { self("Projets", "Projects") }
    var survey: String { self("Enquête", "Survey") }
    var dataQuality: String { self("Qualité des données", "Data quality") }
    var method: String { self("Méthode", "Method") }
}

/// Excel number formats. Codes use `,` and `.` as Excel's placeholders: a French Excel or
/// LibreOffice shows `1 380 000 €` and `54,8 %` from them.
enum NumberFormats {
    static func format(for unit: IndicatorUnit) -> String {
        let decimals = unit.decimals > 0 ? "." + String(repeating: "0", count: unit.decimals) : ""
        if unit.isShare { return "0\(decimals)%" }
        if unit.isMoney { return "#,##0\(decimals) \"€\"" }
        return "#,##0\(decimals)"
    }

    /// A change: in percentage points for shares, else in the unit, with its sign.
    static func change(for unit: IndicatorUnit) -> String {
        if unit.isShare { return "+0.0\" pts\";-0.0\" pts\";0.0\" pts\"" }
        let plain = format(for: unit)
        return "+\(plain);-\(plain);\(plain)"
    }

    /// The format of a declared figure (``FigureFormat``); general when it has none.
    static func format(_ format: FigureFormat?) -> String? {
        switch format {
        case .count: count
        case .tenths: fte
        case .money: money
        case .decimal: decimal
        case nil: nil
        }
    }

    static let money = "#,##0 \"€\""
    static let fte = "#,##0.0"
    static let count = "#,##0"
    static let decimal = "#,##0.##"
    static let share = "0.0%"
    static let score = "0.00"
}
