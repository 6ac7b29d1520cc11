import Foundation
@testable import PTCEImport
import PTCEModel
import Testing

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The bundled question bank of `Indicators/`.
let standardBank: QuestionBank = {
    var findings = Findings()
    let bank = IndicatorLibraryFolder.questionBank(in: repositoryRoot.appendingPathComponent("Indicators"), findings: &findings)
    precondition(!findings.hasErrors, "bundled question bank: \(findings.all.map { $0.formatted(.en) })")
    return bank!
}()

let testProfile = PoleProfile(id: "test", name: "Pôle test", territory: "Test", communes: ["60141", "60463"], population: 18500)

/// Reads CSV texts (UTF-8) given by file name into a dataset, with the standard bank.
func readDataset(_ files: [String: String]) -> PoleDataset {
    var findings = Findings()
    var dataset = PoleFolderReader(questionBank: standardBank)
        .read(profile: testProfile, files: files.mapValues { Array($0.utf8) }, findings: &findings)
    dataset.findings = findings
    return dataset
}

/// A `members.csv` with the required columns plus `moreHeaders` (each starting with `;`), one line per row.
func membersCSV(_ moreHeaders: String, _ rows: [String]) -> String {
    (["year;member_id;name;actor_type" + moreHeaders] + rows).joined(separator: "\n") + "\n"
}

/// A `members.csv` with only the required columns.
func membersCSV(_ rows: [String]) -> String {
    membersCSV("", rows)
}

extension PoleDataset {
    /// The findings formatted as `file:line:column: severity: message`.
    var formattedFindings: [String] { findings.sorted.map { $0.formatted(.en) } }

    /// The findings of one severity, formatted.
    func formatted(_ severity: Severity) -> [String] {
        findings.sorted.filter { $0.severity == severity }.map { $0.formatted(.en) }
    }
}

extension CSVDocument {
    /// Every record, header first.
    var records: [CSVRecord] { readAll().records }
    /// The problems of decoding and of parsing every record.
    var parsedFindings: Findings { readAll().findings }
}
