import Foundation
import PTCEImport
import PTCEModel
import PTCEStandardLibrary

/// The indicator library: units, themes, indicators (with the order they are evaluated in), and
/// the survey question bank, all read from the declarative files of a folder such as `Indicators/`.
public struct IndicatorLibrary: Sendable {
    /// The units of `units.toml`, sorted by id.
    public let units: [IndicatorUnit]
    /// The themes, one per indicator file, in the order of the files' names.
    public let themes: [IndicatorTheme]
    /// Every indicator, in library order (files by name, then as written).
    public let indicators: [IndicatorDefinition]
    /// The survey question bank (`questions.toml`): what `survey.csv` may answer, and the dimensions scored.
    public let questionBank: QuestionBank
    /// The columns the formulas were checked against.
    public let catalogue: FieldCatalogue
    /// Which library this is: the standard one, or another, by its fingerprint.
    public let identity: LibraryIdentity
    /// Indices into `indicators` such that every indicator comes after those it refers to.
    let evaluationOrder: [Int]
    /// The position in `indicators` of each id.
    private let indexByID: [String: Int]

    init(
        units: [IndicatorUnit], themes: [IndicatorTheme], indicators: [IndicatorDefinition],
        questionBank: QuestionBank, catalogue: FieldCatalogue, evaluationOrder: [Int], identity: LibraryIdentity
    ) {
        self.identity = identity
        self.catalogue = catalogue
        self.units = units
        self.themes = themes
        self.indicators = indicators
        self.questionBank = questionBank
        self.evaluationOrder = evaluationOrder
        indexByID = Dictionary(indicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The indicator whose id is `id` (`emp.insertion_share`), or `nil` when the library has none.
    public func indicator(_ id: String) -> IndicatorDefinition? {
        index(of: id).map { indicators[$0] }
    }

    /// The position of indicator `id` in ``indicators``.
    func index(of id: String) -> Int? {
        indexByID[id]
    }

    /// The indicators marked `key_figure = true`, in library order: the figures every report and
    /// comparison shows first.
    public var keyFigures: [IndicatorDefinition] {
        indicators.filter(\.isKeyFigure)
    }

    /// The score of a survey dimension of the question bank (made by `[per_survey_dimension]`).
    public func score(ofSurveyDimension dimension: String) -> IndicatorDefinition? {
        indicators.first { $0.surveyDimension == dimension }
    }

    /// The theme whose id is `id` (`emp`), or `nil` when the library has none.
    public func theme(_ id: String) -> IndicatorTheme? {
        themes.first { $0.id == id }
    }

    /// The same library under another identity.
    func identified(as identity: LibraryIdentity) -> IndicatorLibrary {
        IndicatorLibrary(
            units: units, themes: themes, indicators: indicators, questionBank: questionBank, catalogue: catalogue,
            evaluationOrder: evaluationOrder, identity: identity)
    }

    /// Each indicator's id with what an objective on it must fit: the importer checks `targets.csv` against it.
    public var traits: [String: IndicatorTraits] {
        Dictionary(indicators.map { definition in
            (definition.id, IndicatorTraits(
                isShare: definition.unit.isShare, isMoney: definition.unit.isMoney, isFlag: definition.unit.isFlag,
                isFlow: definition.isFlow, lowerIsBetter: definition.direction == .lowerIsBetter))
        }, uniquingKeysWith: { first, _ in first })
    }
}

extension PoleFolderReader {
    /// A reader for the datasets `library` computes on: survey answers checked against its question
    /// bank, objectives against its indicators, members' figures those of its catalogue.
    public init(library: IndicatorLibrary) {
        self.init(questionBank: library.questionBank, catalogue: library.catalogue, indicators: library.traits)
    }
}

/// Which indicator library a report was computed with, as its method section says.
public enum LibraryIdentity: Sendable, Hashable {
    /// The standard library built into the engine (``Engine/version``), or a folder holding exactly its files.
    case standard
    /// Another library, known by the SHA-256 of its files (names and texts, in name order): the
    /// same files give the same fingerprint wherever the folder is.
    case custom(fingerprint: String)

    /// What follows "indicator library": "standard (ptce 0.3.0)", "personnalisée (empreinte 1a2b3c4d5e6f)".
    public var label: LocalizedText {
        switch self {
        case .standard:
            LocalizedText(fr: "standard (\(Engine.name) \(Engine.version))", en: "standard (\(Engine.name) \(Engine.version))")
        case .custom(let fingerprint):
            LocalizedText(fr: "personnalisée (empreinte \(fingerprint.prefix(12)))", en: "custom (fingerprint \(fingerprint.prefix(12)))")
        }
    }

    /// The SHA-256 of the library's files (64 hexadecimal digits), the standard one's included.
    public var fingerprint: String {
        switch self {
        case .standard: Self.standardFingerprint
        case .custom(let fingerprint): fingerprint
        }
    }

    /// The fingerprint of a library's files: SHA-256 over each name and text, in name order.
    static func fingerprint(of files: [(name: String, text: String)]) -> String {
        var bytes: [UInt8] = []
        for file in files.sorted(by: { $0.name < $1.name }) {
            bytes += Array(file.name.utf8) + [0] + Array(file.text.utf8) + [0]
        }
        return SHA256.hexDigest(bytes)
    }

    /// The fingerprint of the standard library.
    static let standardFingerprint = fingerprint(of: StandardLibrary.files.filter { IndicatorLibraryReader.isLibraryFile($0.name) })
}

/// Reads an indicator library — the standard one built into the engine, or a folder such as
/// `Indicators/` — reporting every problem as a located finding.
public enum IndicatorLibraryReader {
    static let unitsFile = "units.toml"

    /// The files a library is made of: `units.toml`, `questions.toml` and the indicator files
    /// (every other `.toml`); any other file (`README.md`) is documentation.
    static func isLibraryFile(_ name: String) -> Bool { name.hasSuffix(".toml") }

    /// Reads the standard library built into the engine (``StandardLibrary``), its formulas
    /// checked against the columns of `catalogue`. Returns `nil` when any error was found (a
    /// network's catalogue that takes a column's name, say).
    public static func readStandard(catalogue: FieldCatalogue = .standard, findings: inout Findings) -> IndicatorLibrary? {
        let files = StandardLibrary.files.filter { isLibraryFile($0.name) }
        let texts = Dictionary(files.map { ($0.name, $0.text) }, uniquingKeysWith: { first, _ in first })
        return read(names: files.map(\.name), text: { name, _ in texts[name] }, identity: .standard, catalogue: catalogue, findings: &findings)
    }

    /// Reads the library in `folder`, its formulas checked against the columns of `catalogue`.
    /// Returns `nil` when any error was found. A folder holding exactly the standard library's
    /// files (the source tree's `Indicators/`, or one `ptce indicators export` wrote) is the standard library.
    public static func read(folder: URL, catalogue: FieldCatalogue = .standard, findings: inout Findings) -> IndicatorLibrary? {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter(isLibraryFile).sorted()
        var texts: [String: String] = [:]
        let library = read(names: names, text: { name, findings in
            let text = TextFile.text(at: folder.appendingPathComponent(name), file: name, findings: &findings, missing: IndicatorMessage.missingFromLibrary)
            texts[name] = text
            return text
        }, identity: .standard, catalogue: catalogue, findings: &findings)
        let fingerprint = LibraryIdentity.fingerprint(of: texts.map { ($0.key, $0.value) })
        guard let library, fingerprint != LibraryIdentity.standardFingerprint else { return library }
        return library.identified(as: .custom(fingerprint: fingerprint))
    }

    /// Reads a library whose files are `names` (the question bank and units required), each
    /// file's text given by `text` (which reports a file it cannot read).
    private static func read(
        names: [String], text: (String, inout Findings) -> String?, identity: LibraryIdentity, catalogue: FieldCatalogue,
        findings: inout Findings
    ) -> IndicatorLibrary? {
        var local = Findings()
        defer { findings.append(contentsOf: local) }
        func required(_ name: String) -> String? {
            guard names.contains(name) else {
                local.error(IndicatorMessage.missingFromLibrary, at: SourceLocation(file: name))
                return nil
            }
            return text(name, &local)
        }
        guard let bankText = required(QuestionBankReader.fileName), let unitsText = required(unitsFile) else { return nil }
        let bank = QuestionBankReader.read(bankText, findings: &local)
        let units = readUnits(unitsText, findings: &local)
        var drafts: [Draft] = []
        var themes: [IndicatorTheme] = []
        for name in names where name != unitsFile && name != QuestionBankReader.fileName {
            guard let source = text(name, &local) else { continue }
            readIndicatorFile(source, file: name, units: units, bank: bank, drafts: &drafts, themes: &themes, findings: &local)
        }
        guard let bank, !local.hasErrors else { return nil }
        return check(drafts, units: units, themes: themes, bank: bank, catalogue: catalogue, identity: identity, findings: &local)
    }

    /// An indicator as read, before its formula is checked.
    private struct Draft {
        var id: String
        var theme: String
        var isFlow: Bool
        var label: LocalizedText
        var description: LocalizedText
        var unit: IndicatorUnit
        var direction: Direction
        var formula: String
        /// The conditions of a yes/no indicator written as `conditions` (its formula made of them), in order.
        var conditions: [(label: LocalizedText, formula: String)]
        var references: [IndicatorReference]
        var minimumCoverage: Double?
        var comparesLikeForLike: Bool
        var isKeyFigure: Bool
        var scalesWithSize: Bool
        var isBrokenDownByActorType: Bool
        var breakdownSpreadsheetFormula: (text: String, location: SourceLocation)?
        var surveyDimension: String? = nil
        /// The spreadsheet formula as written, and where.
        var spreadsheetFormula: (text: String, location: SourceLocation)?
        var location: SourceLocation
    }

    private static func readUnits(_ text: String, findings: inout Findings) -> [String: IndicatorUnit] {
        guard let toml = TOMLTableReader.parse(text, file: unitsFile, findings: &findings) else { return [:] }
        toml.warnUnknownKeys(known: ["unit"], &findings)
        var units: [String: IndicatorUnit] = [:]
        for table in toml.tables("unit", source: text, findings: &findings) {
            table.warnUnknownKeys(
                known: ["id", "quantity", "dimension", "fr", "en", "decimals", "share", "yes_no", "volume", "show_unit", "suffix"], &findings)
            guard let id = table.string("id", required: true, &findings),
                  case let quantityKey = table.renamedKey("dimension", to: "quantity", &findings),
                  let quantityText = table.string(quantityKey, required: true, &findings),
                  let fr = table.string("fr", required: true, &findings),
                  let en = table.string("en", required: true, &findings)
            else { continue }
            guard let quantity = Quantity(parsing: quantityText) else {
                findings.error(IndicatorMessage.invalidQuantity(quantityText), at: table.location(quantityKey))
                continue
            }
            units[id] = IndicatorUnit(
                id: id, label: LocalizedText(fr: fr, en: en), decimals: table.integer("decimals", &findings) ?? 0,
                isShare: table.flag("share", absent: false, &findings), isFlag: table.flag("yes_no", absent: false, &findings),
                isVolume: table.flag("volume", absent: false, &findings), showsUnit: table.flag("show_unit", absent: true, &findings),
                suffix: table.localized("suffix", &findings), quantity: quantity)
        }
        return units
    }

    private static let indicatorKeys: Set<String> = [
        "id", "label", "description", "unit", "direction", "formula", "references", "min_coverage", "like_for_like",
        "key_figure", "spreadsheet_formula", "scales_with_size", "breakdown", "breakdown_spreadsheet_formula", "flow",
        "conditions",
    ]

    private static func readIndicatorFile(
        _ text: String, file: String, units: [String: IndicatorUnit], bank: QuestionBank?,
        drafts: inout [Draft], themes: inout [IndicatorTheme], findings: inout Findings
    ) {
        guard let toml = TOMLTableReader.parse(text, file: file, findings: &findings) else { return }
        toml.warnUnknownKeys(known: ["theme", "dimension", "indicator", "per_survey_dimension"], &findings)
        guard let themeTable = toml.subtable(toml.renamedKey("dimension", to: "theme", &findings), source: text, findings: &findings) else {
            findings.error(IndicatorMessage.missingThemeTable, at: SourceLocation(file: file, line: 1))
            return
        }
        themeTable.warnUnknownKeys(known: ["id", "label", "shows"], &findings)
        guard let themeID = themeTable.string("id", required: true, &findings),
              let themeLabel = themeTable.localized("label", required: true, &findings)
        else { return }
        if themes.contains(where: { $0.id == themeID }) {
            findings.error(IndicatorMessage.themeDeclaredTwice(themeID), at: themeTable.location("id"))
        }
        var views: [SectionView] = []
        for name in themeTable.strings("shows", &findings) {
            guard let view = SectionView(rawValue: name) else {
                findings.error(IndicatorMessage.unknownView(name, known: SectionView.allCases.map(\.rawValue)), at: themeTable.location("shows"))
                continue
            }
            // A view draws the pole's data once: shown a second time it would only repeat it.
            guard !views.contains(view), !themes.contains(where: { $0.views.contains(view) }) else {
                findings.warning(IndicatorMessage.viewShownTwice(name), at: themeTable.location("shows"))
                continue
            }
            views.append(view)
        }
        themes.append(IndicatorTheme(id: themeID, label: themeLabel, views: views))

        func draft(_ table: TOMLTableReader, substituting: [String: String] = [:]) -> Draft? {
            table.warnUnknownKeys(known: indicatorKeys, &findings)
            func fill(_ text: String) -> String {
                substituting.reduce(text) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
            }
            func fill(_ text: LocalizedText?) -> LocalizedText? {
                text.map { LocalizedText(fr: fill($0.fr), en: fill($0.en)) }
            }
            guard let id = table.string("id", required: true, &findings).map(fill),
                  let label = fill(table.localized("label", required: true, &findings)),
                  let description = fill(table.localized("description", required: true, &findings)),
                  let unitID = table.string("unit", required: true, &findings)
            else { return nil }
            // A yes/no indicator may be written as its conditions, each with its label: the
            // formula is then "all of them", and reports can say which one is not met.
            let conditions = table.inlineTables("conditions", findings: &findings).compactMap { condition -> (LocalizedText, String)? in
                condition.warnUnknownKeys(known: ["label", "formula"], &findings)
                guard let label = fill(condition.localized("label", required: true, &findings)),
                      let formula = condition.string("formula", required: true, &findings).map(fill)
                else { return nil }
                return (label, formula)
            }
            let formula: String
            if table.table["conditions"] != nil {
                guard table.table["formula"] == nil else {
                    findings.error(IndicatorMessage.formulaAndConditions(id), at: table.location("conditions"))
                    return nil
                }
                guard !conditions.isEmpty else {
                    findings.error(IndicatorMessage.noCondition(id), at: table.location("conditions"))
                    return nil
                }
                formula = IndicatorCondition.formula(allOf: conditions.map(\.1))
            } else {
                guard let written = table.string("formula", required: true, &findings).map(fill) else { return nil }
                formula = written
            }
            guard id.hasPrefix(themeID + "."), id.count > themeID.count + 1 else {
                findings.error(IndicatorMessage.indicatorIDOutsideTheme(id, theme: themeID), at: table.location("id"))
                return nil
            }
            guard let unit = units[unitID] else {
                findings.error(IndicatorMessage.unknownUnit(unitID, unitsFile: unitsFile, known: units.keys.sorted()), at: table.location("unit"))
                return nil
            }
            if !conditions.isEmpty, !unit.isFlag {
                findings.error(IndicatorMessage.conditionsNeedAFlag(id, unit: unitID), at: table.location("conditions"))
                return nil
            }
            let directionName = table.string("direction", &findings) ?? Direction.neutral.rawValue
            guard let direction = Direction(rawValue: directionName) else {
                findings.error(IndicatorMessage.invalidDirection(directionName), at: table.location("direction"))
                return nil
            }
            let references = table.inlineTables("references", findings: &findings).compactMap { reference -> IndicatorReference? in
                reference.warnUnknownKeys(known: ["source", "id", "note", "url"], &findings)
                guard let source = reference.string("source", required: true, &findings) else { return nil }
                return IndicatorReference(
                    source: source, id: reference.string("id", &findings), note: reference.string("note", &findings),
                    url: reference.string("url", &findings))
            }
            let minimumCoverage = table.number("min_coverage", &findings)
            if let minimumCoverage, !(0...1).contains(minimumCoverage) {
                findings.error(IndicatorMessage.invalidMinimumCoverage(minimumCoverage), at: table.location("min_coverage"))
            }
            // The one breakdown reports know: by the members' actor type column.
            let byActorType = StandardFields.Members.actorType.name
            let breakdown = table.string("breakdown", &findings)
            if let breakdown, breakdown != byActorType {
                findings.error(IndicatorMessage.invalidBreakdown(breakdown), at: table.location("breakdown"))
            }
            /// A spreadsheet formula as written (placeholders filled), and where.
            func located(_ key: String) -> (text: String, location: SourceLocation)? {
                table.string(key, &findings).map { (fill($0), table.location(key)) }
            }
            return Draft(
                id: id, theme: themeID, isFlow: table.flag("flow", absent: false, &findings), label: label, description: description, unit: unit, direction: direction,
                formula: formula, conditions: conditions, references: references, minimumCoverage: minimumCoverage,
                comparesLikeForLike: table.flag("like_for_like", absent: false, &findings),
                isKeyFigure: table.flag("key_figure", absent: false, &findings),
                scalesWithSize: table.flag("scales_with_size", absent: true, &findings),
                isBrokenDownByActorType: breakdown == byActorType,
                breakdownSpreadsheetFormula: located("breakdown_spreadsheet_formula"), spreadsheetFormula: located("spreadsheet_formula"),
                location: { key in SourceLocation(file: file, line: table.location(key).line, column: key) }(table.table["conditions"] != nil ? "conditions" : "formula"))
        }

        let explicit = toml.tables("indicator", source: text, findings: &findings).compactMap { draft($0) }
        drafts.append(contentsOf: explicit)
        if let template = toml.subtable("per_survey_dimension", source: text, findings: &findings), let bank {
            for surveyDimension in bank.dimensions {
                let substitutions = [
                    "dimension": surveyDimension.id, "label.fr": surveyDimension.label.fr, "label.en": surveyDimension.label.en,
                ]
                guard var made = draft(template, substituting: substitutions) else { continue }
                // An indicator written out for that id takes the template's place, and its role.
                if let written = drafts.firstIndex(where: { $0.id == made.id }) {
                    drafts[written].surveyDimension = surveyDimension.id
                    continue
                }
                made.surveyDimension = surveyDimension.id
                drafts.append(made)
            }
        }
    }

    /// Checks ids, formulas, units and references between indicators; orders them for evaluation.
    private static func check(
        _ drafts: [Draft], units: [String: IndicatorUnit], themes: [IndicatorTheme], bank: QuestionBank,
        catalogue: FieldCatalogue, identity: LibraryIdentity, findings: inout Findings
    ) -> IndicatorLibrary? {
        var firstByID: [String: Draft] = [:]
        for draft in drafts {
            if let first = firstByID[draft.id] {
                findings.error(
                    IndicatorMessage.indicatorDefinedTwice(draft.id, firstFile: first.location.file, line: first.location.line ?? 0), at: draft.location)
            } else {
                firstByID[draft.id] = draft
            }
        }
        let checker = FormulaChecker(
            indicatorTypes: firstByID.mapValues { ValueType.number($0.unit.quantity) }, knownIndicatorIDs: Set(firstByID.keys),
            questionBank: bank, fields: catalogue == .standard ? .standard : Fields(catalogue: catalogue))
        var definitions: [IndicatorDefinition] = []
        /// `formula` (of `draft`) parsed and typed; `nil` after a finding when it cannot be.
        func check(_ formula: String, of draft: Draft) -> CheckedFormula? {
            do {
                return try checker.check(try ExpressionParser.parse(formula))
            } catch let issue as FormulaSyntaxError {
                findings.error(formulaProblem(draft.id, formula, issue.message, at: issue.offset), at: draft.location)
            } catch let issue as FormulaIssue {
                findings.error(formulaProblem(draft.id, formula, issue.message, at: issue.offset), at: draft.location)
            } catch {}
            return nil
        }
        for draft in drafts where firstByID[draft.id]?.location == draft.location {
            // Each condition first: a finding names the condition, not the formula they make.
            var conditions: [IndicatorCondition] = []
            for (label, formula) in draft.conditions {
                guard let condition = check(formula, of: draft) else { continue }
                guard condition.type == .bool else {
                    findings.error(IndicatorMessage.conditionNotAYesNo(draft.id, formula: formula, gives: condition.type.described), at: draft.location)
                    continue
                }
                conditions.append(IndicatorCondition(label: label, formula: formula, checked: condition))
            }
            guard conditions.count == draft.conditions.count, let checked = check(draft.formula, of: draft) else { continue }
            guard case .number(let inferred) = checked.type else {
                findings.error(IndicatorMessage.formulaNotANumber(draft.id, gives: checked.type.described), at: draft.location)
                continue
            }
            if inferred != draft.unit.quantity {
                findings.error(
                    IndicatorMessage.unitMismatch(
                        draft.id, inferred: inferred.described, unit: draft.unit.id, unitQuantity: draft.unit.quantity.described),
                    at: draft.location)
                continue
            }
            func parsed(_ formula: (text: String, location: SourceLocation)?) -> SpreadsheetFormula? {
                formula.flatMap { SpreadsheetFormula.parse($0.text, fields: checker.fields, at: $0.location, findings: &findings) }
            }
            let spreadsheetFormula = parsed(draft.spreadsheetFormula)
            let breakdownSpreadsheetFormula = parsed(draft.breakdownSpreadsheetFormula)
            definitions.append(IndicatorDefinition(
                id: draft.id, theme: draft.theme, isFlow: draft.isFlow, label: draft.label, description: draft.description,
                unit: draft.unit, direction: draft.direction, formula: draft.formula, conditions: conditions, references: draft.references,
                minimumCoverage: draft.minimumCoverage, comparesLikeForLike: draft.comparesLikeForLike,
                quotientUnits: checked.quotient.flatMap { quotient in
                    unit(of: quotient.numerator, in: units).flatMap { numerator in
                        unit(of: quotient.denominator, in: units).map { QuotientUnits(numerator: numerator, denominator: $0) }
                    }
                },
                isKeyFigure: draft.isKeyFigure, spreadsheetFormula: spreadsheetFormula, scalesWithSize: draft.scalesWithSize,
                isBrokenDownByActorType: draft.isBrokenDownByActorType,
                breakdownSpreadsheetFormula: breakdownSpreadsheetFormula, surveyDimension: draft.surveyDimension,
                location: draft.location, checked: checked))
        }
        checkLikeForLikeMarks(definitions, findings: &findings)
        let order = evaluationOrder(definitions, findings: &findings)
        guard !findings.hasErrors, let order else { return nil }
        return IndicatorLibrary(
            units: units.values.sorted { $0.id < $1.id }, themes: themes, indicators: definitions,
            questionBank: bank, catalogue: catalogue, evaluationOrder: order, identity: identity)
    }

    /// The unit that shows values of `quantity` (the first by id, shares aside), if the library has one.
    private static func unit(of quantity: Quantity, in units: [String: IndicatorUnit]) -> IndicatorUnit? {
        units.values.filter { $0.quantity == quantity && !$0.isShare && !$0.isFlag }.min { $0.id < $1.id }
    }

    /// An indicator marked `like_for_like` must rest on members only (directly or through the
    /// indicators it reads), without `previous` or `like_for_like_change`: its like-for-like
    /// change recomputes it over a subset of the members.
    private static func checkLikeForLikeMarks(_ definitions: [IndicatorDefinition], findings: inout Findings) {
        let byID = Dictionary(definitions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func readsMembersOnly(_ definition: IndicatorDefinition, seen: Set<String>) -> Bool {
            let checked = definition.checked
            guard checked.tables.isSubset(of: [.members]),
                  !checked.expression.calls("previous"), !checked.expression.calls("like_for_like_change")
            else { return false }
            return checked.indicatorReferences.allSatisfy { id in
                guard !seen.contains(id), let referenced = byID[id] else { return true }
                return readsMembersOnly(referenced, seen: seen.union([id]))
            }
        }
        for definition in definitions where definition.comparesLikeForLike {
            guard !readsMembersOnly(definition, seen: [definition.id]) else { continue }
            findings.error(IndicatorMessage.likeForLikeNeedsMembers(definition.id), at: definition.location)
        }
    }

    /// The error for a formula's `problem` at character `offset`, pointing at the offending
    /// place: `eco.x: … (at character N: "…formula…")`.
    private static func formulaProblem(_ id: String, _ formula: String, _ problem: LocalizedText, at offset: Int) -> LocalizedText {
        let characters = Array(formula)
        let start = max(0, min(offset, characters.count))
        let excerpt = String(characters[start..<min(characters.count, start + 30)])
        return IndicatorMessage.formulaProblem(id, problem, offset: offset, excerpt: excerpt)
    }

    /// A topological order of the references between indicators; a cycle is an error naming it.
    private static func evaluationOrder(_ definitions: [IndicatorDefinition], findings: inout Findings) -> [Int]? {
        let indexByID = Dictionary(uniqueKeysWithValues: definitions.enumerated().map { ($1.id, $0) })
        var state = [Int: Bool]() // false: in progress, true: done
        var order: [Int] = []
        var path: [String] = []
        func visit(_ index: Int) -> Bool {
            if state[index] == true { return true }
            let definition = definitions[index]
            if state[index] == false {
                let cycle = path.drop { $0 != definition.id } + [definition.id]
                findings.error(IndicatorMessage.cycle(definition.id, Array(cycle)), at: definition.location)
                return false
            }
            state[index] = false
            path.append(definition.id)
            for reference in definition.checked.indicatorReferences.sorted() {
                // A reference to an indicator that failed its own check is reported there already.
                guard let next = indexByID[reference] else { continue }
                guard visit(next) else { return false }
            }
            path.removeLast()
            state[index] = true
            order.append(index)
            return true
        }
        for index in definitions.indices where !visit(index) { return nil }
        return order
    }
}
