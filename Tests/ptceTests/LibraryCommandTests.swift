import Foundation
import Testing

/// The standard indicator library built into `ptce`: used from any folder, written out by
/// `ptce indicators export`, named by `ptce --version` and by each report.
@Suite struct LibraryCommandTests {
    @Test func theBuiltInLibraryWorksFromAnyFolderAndExportsAsIs() throws {
        let folder = try PTCE.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: PTCE.repositoryRoot.appendingPathComponent("Samples/pays-de-bray"), to: folder.appendingPathComponent("bray"))
        let builtIn = try PTCE.run(["report", "bray", "--format", "json", "--out", "built-in"], in: folder)
        #expect(builtIn.status == 0, "\(builtIn.errors)")

        let export = try PTCE.run(["indicators", "export", "library"], in: folder)
        #expect(export.status == 0, "\(export.errors)")
        let exported = try PTCE.entries(of: folder.appendingPathComponent("library"))
        #expect(try exported == PTCE.entries(of: PTCE.repositoryRoot.appendingPathComponent("Indicators")))
        let again = try PTCE.run(["indicators", "export", "library"], in: folder)
        #expect(again.status == 2)
        #expect(again.errors.contains("already holds 01-eco.toml"))
        #expect(try PTCE.entries(of: folder.appendingPathComponent("library")) == exported)

        // The exported library is the standard one: the same report, byte for byte.
        let fromFolder = try PTCE.run(["report", "bray", "--format", "json", "--out", "folder", "--indicators", "library"], in: folder)
        #expect(fromFolder.status == 0, "\(fromFolder.errors)")
        let json = "pays-de-bray-2024.json"
        let report = try Data(contentsOf: folder.appendingPathComponent("built-in/\(json)"))
        #expect(try Data(contentsOf: folder.appendingPathComponent("folder/\(json)")) == report)
        let object = try #require(try JSONSerialization.jsonObject(with: report) as? [String: Any])
        let library = try #require((object["engine"] as? [String: Any])?["indicator_library"] as? [String: Any])
        #expect(library["standard"] as? Bool == true)

        // Edited, it is a custom library, named by its fingerprint.
        let units = folder.appendingPathComponent("library/units.toml")
        try (String(contentsOf: units, encoding: .utf8) + "# edited\n").write(to: units, atomically: true, encoding: .utf8)
        let custom = try PTCE.run(["report", "bray", "--format", "json", "--out", "custom", "--indicators", "library"], in: folder)
        #expect(custom.status == 0, "\(custom.errors)")
        let customObject = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("custom/\(json)"))) as? [String: Any])
        let customLibrary = try #require((customObject["engine"] as? [String: Any])?["indicator_library"] as? [String: Any])
        #expect(customLibrary["standard"] as? Bool == false)
        #expect((customLibrary["fingerprint"] as? String)?.count == 64)
        #expect(customLibrary["fingerprint"] as? String != library["fingerprint"] as? String)
    }

    @Test func versionNamesTheEngineAndItsLibrary() throws {
        let outcome = try PTCE.run(["--version"])
        #expect(outcome.status == 0)
        let lines = outcome.output.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.range(of: #"^ptce \d+\.\d+\.\d+$"#, options: .regularExpression) != nil, "\(outcome.output)")
        #expect(lines.last?.range(of: #"^indicator library: standard \d+\.\d+\.\d+ \(fingerprint [0-9a-f]{12}\)$"#, options: .regularExpression) != nil, "\(outcome.output)")
    }
}
