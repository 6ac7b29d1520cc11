import PTCEModel

/// The canonical names and French aliases of one vocabulary, folded for matching.
public struct VocabularyAliases: Sendable, Hashable {
    /// Folded alias → canonical value.
    let canonicalByKey: [String: String]
    /// The accepted values as a user should type them, for messages.
    let accepted: [String]

    init<V: Vocabulary>(_ type: V.Type) {
        var map: [String: String] = [:]
        var accepted: [String] = []
        for value in V.allCases {
            // Each spelling once (`public` is both the value and an alias), a slash inside an alias
            // (`formation/recherche`) kept for matching but not listed, where it would read as two.
            var shown: [String] = []
            for name in [value.rawValue] + value.frenchAliases {
                let key = NameMatching.key(name)
                if map[key] == nil, !name.contains("/") { shown.append(name) }
                map[key] = value.rawValue
            }
            accepted.append(shown.joined(separator: "/"))
        }
        canonicalByKey = map
        self.accepted = accepted
    }

    func canonical(_ raw: String) -> String? {
        canonicalByKey[NameMatching.key(raw)]
    }
}

/// The layout of one dataset file (README, "A pole is a folder").
public struct TableSchema: Sendable {
    /// The file name in a pole folder, e.g. `members.csv`.
    public private(set) var file: String
    /// Whether the folder must hold the file (only `members.csv`): its absence is an error.
    public let isRequired: Bool
    /// The declared columns, in the order of the file's template.
    public let columns: [FieldDeclaration]
    /// Every name of every column (canonical name, then aliases), folded, with its column: folded
    /// once, since a file may have thousands of headers to match.
    let names: [(key: String, written: String, column: FieldDeclaration)]

    /// The schema of a declared table.
    init(_ table: TableDeclaration) {
        file = table.file
        isRequired = table.isRequired
        columns = table.fields
        workbookFile = table.workbookFile
        names = columns.flatMap { column in ([column.name] + column.aliases).map { (NameMatching.key($0), $0, column) } }
    }

    /// The name of the table given as a workbook: `members.xlsx` for `members.csv`.
    let workbookFile: String

    /// The same table read from the file named `file` (its workbook).
    func reading(_ file: String) -> TableSchema {
        var schema = self
        schema.file = file
        return schema
    }

    /// The column a header designates, if any.
    func column(forHeader header: String) -> FieldDeclaration? {
        let key = NameMatching.key(header)
        return names.first { $0.key == key }?.column
    }
}

extension VocabularyAliases {
    /// The aliases of a declared closed list.
    static func of(_ list: ChoiceList) -> VocabularyAliases {
        byList[list] ?? VocabularyAliases(list.vocabulary)
    }

    /// Built once per list.
    private static let byList = Dictionary(uniqueKeysWithValues: ChoiceList.allCases.map { ($0, VocabularyAliases($0.vocabulary)) })
}

extension TableSchema {
    /// `members.csv`, as ``StandardFields/Members`` declares it.
    public static let members = TableSchema(StandardFields.Members.table)
    /// `cooperations.csv`, as ``StandardFields/Cooperations`` declares it.
    public static let cooperations = TableSchema(StandardFields.Cooperations.table)
    /// `finances.csv`, as ``StandardFields/Finances`` declares it.
    public static let finances = TableSchema(StandardFields.Finances.table)
    /// `projects.csv`, as ``StandardFields/Projects`` declares it.
    public static let projects = TableSchema(StandardFields.Projects.table)
    /// `survey.csv`, as ``StandardFields/Survey`` declares it.
    public static let survey = TableSchema(StandardFields.Survey.table)

    /// The five CSV files of a pole folder, in reading order.
    public static let all: [TableSchema] = [members, cooperations, finances, projects, survey]
}
