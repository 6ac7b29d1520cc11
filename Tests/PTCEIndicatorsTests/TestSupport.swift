import Foundation
import PTCEImport
@testable import PTCEIndicators
import PTCEModel
import Testing

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let fixtures = repositoryRoot.appendingPathComponent("Tests/Fixtures")

/// The bundled library of `Indicators/`.
let standardLibrary: IndicatorLibrary = {
    var findings = Findings()
    let library = IndicatorLibraryReader.read(folder: repositoryRoot.appendingPathComponent("Indicators"), findings: &findings)
    precondition(library != nil && !findings.hasErrors, "\(findings.all.map { $0.formatted(.en) })")
    return library!
}()

/// Reads a fixture pole folder, failing the test on any error.
func fixtureDataset(_ name: String) throws -> PoleDataset {
    var findings = Findings()
    let dataset = PoleFolderReader(library: standardLibrary)
        .read(folder: fixtures.appendingPathComponent(name), findings: &findings)
    #expect(!findings.hasErrors, "\(findings.all.map { $0.formatted(.en) })")
    return try #require(dataset)
}

extension PoleReport {
    func value(_ id: String) -> Double? { result(id)?.value }
}

/// Compares with a tolerance for values computed by division.
func close(_ actual: Double?, _ expected: Double, tolerance: Double = 1e-9) -> Bool {
    guard let actual else { return false }
    return abs(actual - expected) <= tolerance * max(1, abs(expected))
}

/// A copy of `Indicators/` in a temporary folder with a user's file, `10-local.toml`, added.
func copyOfStandardLibrary(adding localFile: String) throws -> URL {
    let copy = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-library-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Indicators"), to: copy)
    try Data(localFile.utf8).write(to: copy.appendingPathComponent("10-local.toml"))
    return copy
}
