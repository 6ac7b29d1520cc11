import Foundation
@testable import PTCEIndicators
import PTCEModel
import PTCEStandardLibrary
import Testing

/// The standard library built into the engine is the source tree's `Indicators/`, file for file,
/// and a report says which library computed it.
@Suite struct StandardLibraryTests {
    @Test func theBuiltInLibraryIsTheIndicatorsFolder() throws {
        let folder = repositoryRoot.appendingPathComponent("Indicators")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(StandardLibrary.files.map(\.name) == names)
        for file in StandardLibrary.files {
            #expect(try String(contentsOf: folder.appendingPathComponent(file.name), encoding: .utf8) == file.text, "\(file.name)")
        }
        var findings = Findings()
        let builtIn = try #require(IndicatorLibraryReader.readStandard(findings: &findings))
        #expect(findings.all.isEmpty)
        #expect(builtIn.identity == .standard)
        #expect(builtIn.indicators.map(\.id) == standardLibrary.indicators.map(\.id))
        // The folder holding exactly the standard files is the standard library too.
        #expect(standardLibrary.identity == .standard)
        #expect(LibraryIdentity.standard.label.fr == "standard (ptce \(Engine.version))")
    }

    @Test func anEditedLibraryIsKnownByItsFingerprint() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-library-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Indicators"), to: copy)
        let units = copy.appendingPathComponent("units.toml")
        try (String(contentsOf: units, encoding: .utf8) + "\n# a comment of the network's\n").write(to: units, atomically: true, encoding: .utf8)
        var findings = Findings()
        let edited = try #require(IndicatorLibraryReader.read(folder: copy, findings: &findings))
        guard case .custom(let fingerprint) = edited.identity else {
            Issue.record("an edited library is not the standard one")
            return
        }
        #expect(fingerprint.count == 64 && fingerprint != LibraryIdentity.standard.fingerprint)
        #expect(edited.identity.label.en == "custom (fingerprint \(fingerprint.prefix(12)))")
        // The same files elsewhere: the same fingerprint.
        let other = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-library-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: other) }
        try FileManager.default.copyItem(at: copy, to: other)
        #expect(IndicatorLibraryReader.read(folder: other, findings: &findings)?.identity == edited.identity)
    }
}
