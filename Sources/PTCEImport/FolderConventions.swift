import Foundation
import PTCEModel

/// The decimal conventions the files of one pole folder show: a folder is one export, so when
/// neither its column nor its file settles an ambiguous `1.234`, the folder's other files do
/// (README, "What the importer accepts").
///
/// A file's conventions are worked out only when an ambiguous number of another file asks, at
/// most once per file: from what its own reading found, else from the file read again. That
/// second reading reports nothing: the file's findings come when its own turn comes.
///
/// Tables read on different threads share it: what it learns is kept under a lock.
final class FolderConventions: @unchecked Sendable {
    private let lock = NSRecursiveLock()
    /// The folder's files that may hold numbers other than years, in reading order.
    private let schemas: [TableSchema]
    /// A file, or `nil` when the folder has no such file.
    private let contents: @Sendable (String) -> TableSource?
    /// By file: the conventions its numeric cells show; `.some(nil)` when the folder lacks the file.
    private var known: [String: Set<DecimalConvention>?] = [:]

    /// `schemas`: the folder's files in reading order.
    init(schemas: [TableSchema], contents: @escaping @Sendable (String) -> TableSource?) {
        self.schemas = schemas.filter { schema in schema.columns.contains { $0.type.isNumeric && $0.type != .year } }
        self.contents = contents
    }

    /// Remembers what a file's numeric cells show, so that no other file reads it again for that.
    func record(_ conventions: Set<DecimalConvention>, of file: String) {
        lock.withLock { known[file] = .some(conventions) }
    }

    /// The folder's files other than `file` that may hold numbers and exist, in reading order,
    /// each with the conventions it shows.
    func others(than file: String) -> [(file: String, conventions: Set<DecimalConvention>)] {
        lock.lock()
        defer { lock.unlock() }
        return schemas.filter { $0.file != file }.compactMap { schema in
            if let cached = known[schema.file] { return cached.map { (schema.file, $0) } }
            let shown = contents(schema.file).map { source in
                var dropped = Findings()
                let document = TableDocument.open(source, file: schema.file)
                return Table(schema: schema, document: document, folder: self, findings: &dropped)?.fileConventions ?? []
            }
            known[schema.file] = .some(shown)
            return shown.map { (schema.file, $0) }
        }
    }

    /// The convention the files other than `file` settle: the only one they show, if any.
    func convention(besides file: String) -> DecimalConvention? {
        others(than: file).reduce(into: Set<DecimalConvention>()) { $0.formUnion($1.conventions) }.settled
    }
}

extension Set<DecimalConvention> {
    /// The convention these cells settle: the only one they show, else none.
    var settled: DecimalConvention? { count == 1 ? first : nil }
}
