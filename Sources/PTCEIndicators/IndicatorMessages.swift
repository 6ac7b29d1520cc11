import PTCEModel

/// The message catalogue of the indicator module: every finding about an indicator library (its
/// files, its indicators, their formulas), in French and in English, in one place for the translator.
///
/// The English texts are those of the engine's first versions, kept word for word. French follows
/// French typography: « » around values as written, a space before `:` `;` `?` `!`. Keys, ids,
/// function names and formulas stay as written.
enum IndicatorMessage {
    // MARK: Library files

    /// A file the library needs (`questions.toml`, `units.toml`) is missing.
    static let missingFromLibrary = LocalizedText(fr: "absent de la bibliothèque", en: "missing from the library")

    /// A unit's quantity that is no product or quotient of symbols.
    static func invalidQuantity(_ text: String) -> LocalizedText {
        LocalizedText(
            fr: "quantity « \(text) » doit être de la forme « eur », « eur/fte » ou « 1 »",
            en: "quantity \"\(text)\" must be like \"eur\", \"eur/fte\" or \"1\"")
    }

    /// An indicator file without its `[theme]` table.
    static let missingThemeTable = LocalizedText(
        fr: "tout fichier d'indicateurs commence par [theme] (id, label)",
        en: "every indicator file starts with [theme] (id, label)")

    /// A theme id declared by two files.
    static func themeDeclaredTwice(_ id: String) -> LocalizedText {
        LocalizedText(fr: "le thème \(id) est aussi déclaré dans un autre fichier", en: "theme \(id) is declared in another file too")
    }

    /// A view in a `[theme]` table's `shows` that reports do not know; `known`: those they do.
    static func unknownView(_ name: String, known: [String]) -> LocalizedText {
        LocalizedText(
            fr: "shows : « \(name) » n'est pas une vue que les rapports connaissent ; connues : \(known.map { "« \($0) »" }.joined(separator: ", "))",
            en: "shows: \"\(name)\" is not a view reports know; known: \(known.map { "\"\($0)\"" }.joined(separator: ", "))")
    }

    /// A view that a `shows` list, or another theme's, already names.
    static func viewShownTwice(_ name: String) -> LocalizedText {
        LocalizedText(
            fr: "shows : « \(name) » est déjà montré ailleurs dans la bibliothèque ; il n'est montré qu'une fois",
            en: "shows: \"\(name)\" is already shown elsewhere in the library; it is shown once")
    }

    /// An indicator id that does not start with its file's theme.
    static func indicatorIDOutsideTheme(_ id: String, theme: String) -> LocalizedText {
        LocalizedText(
            fr: "l'id d'indicateur « \(id) » doit commencer par son thème : \(theme).<nom>",
            en: "indicator id \"\(id)\" must start with its theme: \(theme).<name>")
    }

    /// A unit id that `unitsFile` does not define; `known`: the ids it does.
    static func unknownUnit(_ id: String, unitsFile: String, known: [String]) -> LocalizedText {
        let units = known.joined(separator: ", ")
        return LocalizedText(
            fr: "unité inconnue « \(id) » ; unités de \(unitsFile) : \(units)",
            en: "unknown unit \"\(id)\"; units of \(unitsFile): \(units)")
    }

    /// A direction that is none of higher, lower, neutral.
    static func invalidDirection(_ direction: String) -> LocalizedText {
        LocalizedText(
            fr: "direction « \(direction) » doit valoir higher, lower ou neutral",
            en: "direction \"\(direction)\" must be higher, lower or neutral")
    }

    /// A minimum coverage outside 0…1.
    static func invalidMinimumCoverage(_ coverage: Double) -> LocalizedText {
        LocalizedText(
            fr: "min_coverage doit être une part de 0 à 1 ; valeur trouvée : \(coverage)",
            en: "min_coverage must be a share from 0 to 1, found \(coverage)")
    }

    /// A breakdown other than by actor type.
    static func invalidBreakdown(_ breakdown: String) -> LocalizedText {
        LocalizedText(fr: "breakdown « \(breakdown) » doit valoir actor_type", en: "breakdown \"\(breakdown)\" must be actor_type")
    }

    /// A `{` of a spreadsheet formula without its `}`.
    static let unclosedPlaceholder = LocalizedText(fr: "une accolade { n'est pas fermée", en: "a { is not closed")

    /// A spreadsheet formula's placeholder (`{name}`) that names nothing known.
    static func unknownPlaceholder(_ name: String) -> LocalizedText {
        LocalizedText(
            fr: "{\(name)} n'est ni {yes}, ni {no}, ni {group}, ni un champ comme {members.fte}",
            en: "{\(name)} is neither {yes}, {no}, {group} nor a field such as {members.fte}")
    }

    // MARK: Indicators

    /// An indicator id defined twice; the first definition is at `file`:`line`.
    static func indicatorDefinedTwice(_ id: String, firstFile file: String, line: Int) -> LocalizedText {
        LocalizedText(
            fr: "l'indicateur \(id) est défini deux fois (d'abord dans \(file):\(line))",
            en: "indicator \(id) is defined twice (first in \(file):\(line))")
    }

    /// A formula of indicator `id` that does not parse or check (`problem`, from ``FormulaProblem``),
    /// pointing at `excerpt`, the text from its 0-based character `offset`.
    static func formulaProblem(_ id: String, _ problem: LocalizedText, offset: Int, excerpt: String) -> LocalizedText {
        LocalizedText(
            fr: "\(id) : \(problem.fr) (au caractère \(offset + 1) : « \(excerpt) »)",
            en: "\(id): \(problem.en) (at character \(offset + 1): \"\(excerpt)\")")
    }

    /// A `report.md` with sections for other years than the report's.
    static func noNarrativeForYear(_ year: Int, written years: [Int], hasPresentation: Bool) -> LocalizedText {
        let list = years.map(String.init).joined(separator: ", ")
        return LocalizedText(
            fr: "aucune section pour \(year) (titre « # \(year) ») ; le fichier en a pour \(list) : "
                + (hasPresentation ? "le rapport de \(year) ne montre que la présentation du pôle" : "le rapport de \(year) n'a pas de texte du pôle"),
            en: "no section for \(year) (heading \"# \(year)\"); the file has some for \(list): "
                + (hasPresentation ? "the \(year) report shows only the pole's presentation" : "the \(year) report has no text from the pole"))
    }

    /// An indicator given both a formula and conditions.
    static func formulaAndConditions(_ id: String) -> LocalizedText {
        LocalizedText(
            fr: "\(id) : donnez soit formula, soit conditions (la formule est alors « toutes les conditions sont remplies »), pas les deux",
            en: "\(id): give either formula or conditions (the formula is then \"every condition is met\"), not both")
    }

    /// `conditions = []`.
    static func noCondition(_ id: String) -> LocalizedText {
        LocalizedText(fr: "\(id) : conditions est vide ; attendu au moins une condition { label = …, formula = … }",
                      en: "\(id): conditions is empty; expected at least one condition { label = …, formula = … }")
    }

    /// Conditions on an indicator whose unit is not yes/no.
    static func conditionsNeedAFlag(_ id: String, unit: String) -> LocalizedText {
        LocalizedText(fr: "\(id) : seul un indicateur oui/non (unit = \"flag\") peut s'écrire par conditions ; son unité est « \(unit) »",
                      en: "\(id): only a yes/no indicator (unit = \"flag\") can be written as conditions; its unit is \"\(unit)\"")
    }

    /// A condition whose formula is not a comparison or a yes/no value.
    static func conditionNotAYesNo(_ id: String, formula: String, gives type: LocalizedText) -> LocalizedText {
        LocalizedText(fr: "\(id) : la condition « \(formula) » donne \(type.fr), une condition doit être vraie ou fausse (une comparaison)",
                      en: "\(id): the condition \"\(formula)\" gives \(type.en), a condition must be true or false (a comparison)")
    }

    /// A formula whose value (`type`, ``ValueType/described``) is not a number.
    static func formulaNotANumber(_ id: String, gives type: LocalizedText) -> LocalizedText {
        LocalizedText(
            fr: "\(id) : la formule donne \(type.fr), un indicateur a besoin d'un nombre",
            en: "\(id): the formula gives \(type.en), an indicator needs a number")
    }

    /// A formula whose quantity (`inferred`) is not that of the indicator's unit.
    static func unitMismatch(_ id: String, inferred: LocalizedText, unit: String, unitQuantity: LocalizedText) -> LocalizedText {
        LocalizedText(
            fr: "\(id) : erreur d'unité : la formule donne \(inferred.fr) mais l'unité \(unit) est en \(unitQuantity.fr)",
            en: "\(id): unit mistake: the formula gives \(inferred.en) but the unit \(unit) is \(unitQuantity.en)")
    }

    /// An indicator marked `like_for_like` whose formula does not rest on members alone.
    static func likeForLikeNeedsMembers(_ id: String) -> LocalizedText {
        LocalizedText(
            fr: "\(id) : like_for_like = true exige une formule sur les seuls membres, sans previous() ni "
                + "like_for_like_change() : son évolution est recalculée sur les membres présents les deux années",
            en: "\(id): like_for_like = true needs a formula over members only, without previous() or "
                + "like_for_like_change(): its change is recomputed over the members present in both years")
    }

    /// Indicators that refer to each other; `cycle`: their ids, the first repeated at the end.
    static func cycle(_ id: String, _ cycle: [String]) -> LocalizedText {
        let path = cycle.joined(separator: " → ")
        return LocalizedText(
            fr: "\(id) : des indicateurs se réfèrent les uns aux autres en boucle : \(path)",
            en: "\(id): indicators refer to each other in a cycle: \(path)")
    }

    // MARK: Formulas

    /// What a formula says is wrong with it, each in ``formulaProblem(_:_:offset:excerpt:)``.
    enum FormulaProblem {
        // Syntax.

        /// A formula of more than `maximum` tokens.
        static func tooLong(maximum: Int) -> LocalizedText {
            LocalizedText(
                fr: "la formule est trop longue (plus de \(maximum) noms, nombres et symboles) : répartissez-la sur plusieurs indicateurs",
                en: "the formula is too long (more than \(maximum) names, numbers and symbols): split it into several indicators")
        }

        /// A formula nested more than `maximum` levels deep.
        static func tooDeep(maximum: Int) -> LocalizedText {
            LocalizedText(
                fr: "la formule a plus de \(maximum) niveaux d'imbrication : simplifiez-la",
                en: "the formula is nested more than \(maximum) levels deep: simplify it")
        }

        /// A token (``token(number:)`` and the like) where the formula should end.
        static func unexpected(_ token: LocalizedText) -> LocalizedText {
            LocalizedText(fr: "élément inattendu : \(token.fr)", en: "unexpected \(token.en)")
        }

        /// Digits and points that make no number.
        static func notANumber(_ text: String) -> LocalizedText {
            LocalizedText(fr: "« \(text) » n'est pas un nombre", en: "\"\(text)\" is not a number")
        }

        /// A `"` without its closing one.
        static let unclosedText = LocalizedText(fr: "un texte ouvert ici n'est pas fermé", en: "a text opened here is not closed")

        /// A character no token starts with.
        static func unexpectedCharacter(_ character: Character) -> LocalizedText {
            LocalizedText(fr: "caractère inattendu « \(character) »", en: "unexpected character \"\(character)\"")
        }

        /// Another token (`found`) where `symbol` is needed.
        static func expected(_ symbol: String, found: LocalizedText) -> LocalizedText {
            LocalizedText(fr: "« \(symbol) » attendu ; trouvé : \(found.fr)", en: "expected \"\(symbol)\", found \(found.en)")
        }

        /// A dotted name with an empty part (`members..fte`).
        static func invalidName(_ word: String) -> LocalizedText {
            LocalizedText(fr: "« \(word) » n'est pas un nom valide", en: "\"\(word)\" is not a valid name")
        }

        /// Another token (`found`) where a value is needed.
        static func expectedValue(found: LocalizedText) -> LocalizedText {
            LocalizedText(fr: "une valeur est attendue ; trouvé : \(found.fr)", en: "expected a value, found \(found.en)")
        }

        /// A number token, as the syntax messages name it.
        static func token(number: Double) -> LocalizedText {
            LocalizedText(fr: "le nombre \(number)", en: "number \(number)")
        }

        /// A text token, as the syntax messages name it.
        static func token(text: String) -> LocalizedText {
            LocalizedText(fr: "le texte « \(text) »", en: "text \"\(text)\"")
        }

        /// A name, keyword or symbol token, as the syntax messages name it.
        static func token(word: String) -> LocalizedText {
            LocalizedText(fr: "« \(word) »", en: "\"\(word)\"")
        }

        /// The end of the formula, as the syntax messages name it.
        static let endOfFormula = LocalizedText(fr: "la fin de la formule", en: "end of formula")

        // Names.

        /// A field the table does not have; `nearest`: a field it may be a typo of.
        static func unknownField(_ field: String, of table: String, nearest: String?) -> LocalizedText {
            LocalizedText(
                fr: "champ inconnu \(field) de \(table)" + (nearest.map { " (vouliez-vous dire \($0) ?)" } ?? ""),
                en: "unknown field \(field) of \(table)" + (nearest.map { " (did you mean \($0)?)" } ?? ""))
        }

        /// A field of another table (`other`) inside an aggregate over `table`.
        static func fieldOfAnotherTable(_ name: String, other: String, table: String) -> LocalizedText {
            LocalizedText(
                fr: "\(name) est un champ de \(other), mais cet agrégat porte sur \(table)",
                en: "\(name) is a field of \(other), but this aggregate runs over \(table)")
        }

        /// A table named where a value is needed.
        static func tableOnlyCounted(_ table: String) -> LocalizedText {
            LocalizedText(
                fr: "la table \(table) ne peut qu'être comptée : count(\(table))",
                en: "the table \(table) can only be counted: count(\(table))")
        }

        /// A row field outside an aggregate.
        static func valuePerRow(_ name: String) -> LocalizedText {
            LocalizedText(
                fr: "\(name) est une valeur par ligne : placez-la dans un agrégat comme sum(\(name))",
                en: "\(name) is a value per row: wrap it in an aggregate such as sum(\(name))")
        }

        /// A `pole.` value that does not exist; `known`: those that do.
        static func unknownPoleValue(_ name: String, known: [String]) -> LocalizedText {
            let values = known.joined(separator: ", ")
            return LocalizedText(
                fr: "valeur de pôle inconnue \(name) ; valeurs connues : \(values)",
                en: "unknown pole value \(name); known: \(values)")
        }

        /// A name that is nothing known; `nearest`: an indicator id it may be a typo of.
        static func unknownName(_ name: String, nearest: String?) -> LocalizedText {
            LocalizedText(
                fr: "nom inconnu \(name) : ni un champ de table, ni une valeur de pôle, ni un id d'indicateur"
                    + (nearest.map { " (vouliez-vous dire \($0) ?)" } ?? ""),
                en: "unknown name \(name): not a table field, a pole value or an indicator id"
                    + (nearest.map { " (did you mean \($0)?)" } ?? ""))
        }

        /// Another indicator read inside an aggregate.
        static func indicatorInsideAggregate(_ id: String) -> LocalizedText {
            LocalizedText(
                fr: "l'indicateur \(id) ne peut pas être utilisé dans un agrégat",
                en: "indicator \(id) cannot be used inside an aggregate")
        }

        /// A text compared with a closed-list field that is none of its `values`.
        static func notAValue(_ literal: String, of field: String, values: [String]) -> LocalizedText {
            let listed = values.joined(separator: ", ")
            return LocalizedText(
                fr: "« \(literal) » n'est pas une valeur de \(field) ; valeurs : \(listed)",
                en: "\"\(literal)\" is not a value of \(field); values: \(listed)")
        }

        // Functions.

        /// A function given `found` arguments instead of `count`.
        static func argumentCount(_ function: String, takes count: Int, found: Int) -> LocalizedText {
            LocalizedText(
                fr: "\(function) prend \(count) argument\(count == 1 ? "" : "s") et en reçoit \(found)",
                en: "\(function) takes \(count) argument\(count == 1 ? "" : "s"), found \(found)")
        }

        /// A `where` clause on something other than an aggregate (`aggregates`).
        static func whereOutsideAggregate(aggregates: [String]) -> LocalizedText {
            let listed = aggregates.joined(separator: ", ")
            return LocalizedText(
                fr: "seul un agrégat (\(listed)) accepte une clause where",
                en: "only an aggregate (\(listed)) takes a where clause")
        }

        /// An aggregate inside another.
        static func nestedAggregate(_ function: String) -> LocalizedText {
            LocalizedText(
                fr: "\(function) ne peut pas être imbriqué dans un autre agrégat",
                en: "\(function) cannot be nested inside another aggregate")
        }

        /// An aggregate whose first argument is no table field.
        static func aggregateNeedsField(_ function: String) -> LocalizedText {
            LocalizedText(
                fr: "\(function) attend un champ de table en premier argument, par exemple \(function)(members.fte)",
                en: "\(function) needs a table field as first argument, e.g. \(function)(members.fte)")
        }

        /// A `where` clause that is no condition.
        static func whereNotCondition(_ function: String) -> LocalizedText {
            LocalizedText(
                fr: "la clause where de \(function) doit être une condition (oui/non)",
                en: "the where clause of \(function) must be a condition (yes/no)")
        }

        /// `count` of something other than a table.
        static let countTakesTable = LocalizedText(
            fr: "count prend une table, par exemple count(members where actor_type == \"company\")",
            en: "count takes a table, e.g. count(members where actor_type == \"company\")")

        /// A function of numbers given something else.
        static func needsNumbers(_ function: String) -> LocalizedText {
            LocalizedText(fr: "\(function) attend des nombres", en: "\(function) needs numbers")
        }

        /// `like_for_like_change` over a table other than members.
        static let likeForLikeChangeOverMembers = LocalizedText(
            fr: "like_for_like_change compare des membres (member_id) d'une année à l'autre : utilisez members.<champ>",
            en: "like_for_like_change compares members (member_id) across years: use members.<field>")

        /// `if` whose first argument is no condition.
        static let ifNeedsCondition = LocalizedText(
            fr: "le premier argument de if doit être une condition", en: "the first argument of if must be a condition")

        /// `pairs` of something other than a number.
        static let pairsNeedsNumber = LocalizedText(
            fr: "pairs(n) attend un nombre de membres", en: "pairs(n) needs a number of members")

        /// `previous` inside an aggregate.
        static let previousInsideAggregate = LocalizedText(
            fr: "previous ne peut pas être utilisé dans un agrégat", en: "previous cannot be used inside an aggregate")

        /// `reported` outside a row.
        static let reportedOutsideRow = LocalizedText(
            fr: "reported(champ) est une condition sur une ligne, dans une clause where ou un agrégat",
            en: "reported(field) is a condition on a row, inside a where clause or an aggregate")

        /// A function that does not exist; `known`: those that do.
        static func unknownFunction(_ name: String, known: [String]) -> LocalizedText {
            let listed = known.joined(separator: ", ")
            return LocalizedText(
                fr: "fonction inconnue \(name) ; fonctions connues : \(listed)",
                en: "unknown function \(name); known: \(listed)")
        }

        // Operators; `lhs`, `rhs` and the like are ``ValueType/described`` or ``Quantity/described``.

        /// A unary operator on a value it does not apply to.
        static func cannotApply(_ operator: String, to type: LocalizedText) -> LocalizedText {
            LocalizedText(fr: "\(`operator`) ne s'applique pas à \(type.fr)", en: "\(`operator`) cannot apply to \(type.en)")
        }

        /// `and`, `or` between values that are not conditions.
        static func joinsConditions(_ operator: String, _ lhs: LocalizedText, _ rhs: LocalizedText) -> LocalizedText {
            LocalizedText(
                fr: "\(`operator`) relie des conditions, pas \(lhs.fr) et \(rhs.fr)",
                en: "\(`operator`) joins conditions, found \(lhs.en) and \(rhs.en)")
        }

        /// `in` without a value and a list.
        static let inNeedsList = LocalizedText(
            fr: "in attend une valeur et une liste, par exemple kind in [\"state\", \"eu\"]",
            en: "in needs a value and a list, e.g. kind in [\"state\", \"eu\"]")

        /// `==` between a text or a condition and something else.
        static func cannotCompare(_ lhs: LocalizedText, with rhs: LocalizedText) -> LocalizedText {
            LocalizedText(fr: "impossible de comparer \(lhs.fr) avec \(rhs.fr)", en: "cannot compare \(lhs.en) with \(rhs.en)")
        }

        /// Arithmetic (`operation`: an operator or ``ifBranches``) on values that are not numbers.
        static func needsNumbers(_ operation: LocalizedText, found lhs: LocalizedText, _ rhs: LocalizedText) -> LocalizedText {
            LocalizedText(
                fr: "des nombres sont attendus pour \(operation.fr), pas \(lhs.fr) et \(rhs.fr)",
                en: "\(operation.en) needs numbers, found \(lhs.en) and \(rhs.en)")
        }

        /// Adding, subtracting or comparing (`operation`) numbers of different quantities.
        static func unitMistake(_ operation: LocalizedText, mixes a: LocalizedText, _ b: LocalizedText) -> LocalizedText {
            LocalizedText(
                fr: "erreur d'unité : \(a.fr) et \(b.fr) mélangés par \(operation.fr)",
                en: "unit mistake: \(operation.en) mixes \(a.en) and \(b.en)")
        }

        /// An operator, as ``needsNumbers(_:found:_:)`` and ``unitMistake(_:mixes:_:)`` name it.
        static func operation(_ symbol: String) -> LocalizedText {
            LocalizedText(fr: symbol, en: symbol)
        }

        /// The two branches of `if`, which must have one unit.
        static let ifBranches = LocalizedText(fr: "les branches de if", en: "if branches")
    }

    // MARK: What values are

    /// A number of a quantity, as messages name a formula's type.
    static func number(in quantity: LocalizedText) -> LocalizedText {
        LocalizedText(fr: "un nombre en \(quantity.fr)", en: "a number in \(quantity.en)")
    }

    /// A condition, as messages name a formula's type.
    static let condition = LocalizedText(fr: "oui/non", en: "yes/no")

    /// A text, as messages name a formula's type.
    static let text = LocalizedText(fr: "texte", en: "text")

    /// A list, as messages name a formula's type.
    static let list = LocalizedText(fr: "une liste", en: "a list")

    /// A pure number's quantity, as messages name it (others are their symbols: `eur/fte`).
    static let noUnit = LocalizedText(fr: "1 (sans unité)", en: "no unit")
}
