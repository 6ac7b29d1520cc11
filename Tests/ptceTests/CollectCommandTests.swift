import Foundation
import Testing

/// `ptce collect`, run as a coordinator would: the forms written all or none, never over forms
/// already there, the exit statuses of the spec.
@Suite struct CollectCommandTests {
    /// A pole folder whose 2024 members include one with `/` in its id.
    private static func pole(in folder: URL, members: String? = nil) throws -> URL {
        let pole = folder.appendingPathComponent("pole")
        try FileManager.default.createDirectory(at: pole, withIntermediateDirectories: true)
        try Data("id = \"vexin\"\nname = \"Pôle du Vexin\"\nterritory = \"Vexin\"\ncommunes = [\"60141\"]\n".utf8)
            .write(to: pole.appendingPathComponent("pole.toml"))
        try Data((members ?? """
        année;identifiant;nom;type d'acteur;ETP
        2024;A/01;Atelier du Bray;ESS;12,5
        2024;B02;Bois & Co;Entreprise;3

        """).utf8).write(to: pole.appendingPathComponent("members.csv"))
        return pole
    }

    @Test func writesAFormPerMemberThenRefusesToOverwriteThem() throws {
        let folder = try PTCE.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pole = try Self.pole(in: folder)
        let outcome = try PTCE.run(["collect", pole.path], in: folder)
        #expect(outcome.status == 0, "\(outcome.errors)")
        let forms = folder.appendingPathComponent("forms")
        let names = ["A-01.xlsx", "B02.xlsx", "nouveau-membre.xlsx", "questionnaire.xlsx"]
        #expect(outcome.output == names.map { forms.appendingPathComponent($0).path + "\n" }.joined())
        #expect(outcome.errors.contains("2 formulaires de membre pour 2025 (membres de 2024)"))
        // Nothing hidden left behind.
        let written = try PTCE.entries(of: forms)
        #expect(written.keys.sorted() == names.sorted())

        let again = try PTCE.run(["collect", pole.path, "--out", forms.path])
        #expect(again.status == 2)
        #expect(again.errors.contains("already holds A-01.xlsx, B02.xlsx, nouveau-membre.xlsx, questionnaire.xlsx: nothing was written"))
        #expect(try PTCE.entries(of: forms) == written)

        // The same pole gives the same bytes.
        let other = folder.appendingPathComponent("other")
        #expect(try PTCE.run(["collect", pole.path, "--out", other.path]).status == 0)
        #expect(try PTCE.entries(of: other) == written)
    }

    @Test func aYearWithoutMembersBeforeItIsAUsageError() throws {
        let folder = try PTCE.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pole = try Self.pole(in: folder)
        let out = folder.appendingPathComponent("forms")
        let outcome = try PTCE.run(["collect", pole.path, "--year", "2030", "--out", out.path])
        #expect(outcome.status == 2)
        #expect(outcome.errors.contains("no member in 2029 or 2030 to send forms to; years in the data: 2024"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
        // The year itself, when it has members.
        let same = try PTCE.run(["collect", pole.path, "--year", "2024", "--out", out.path])
        #expect(same.status == 0)
        #expect(same.errors.contains("pour 2024 (membres de 2024)"))
    }

    @Test func dataErrorsWriteNothing() throws {
        let folder = try PTCE.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pole = try Self.pole(in: folder, members: "année;identifiant;nom;type d'acteur;ETP\n2024;A01;Atelier;ESS;douze\n")
        let out = folder.appendingPathComponent("forms")
        let outcome = try PTCE.run(["collect", pole.path, "--out", out.path, "--lang", "en"])
        #expect(outcome.status == 1)
        #expect(outcome.errors.contains("members.csv:2:ETP: error:"))
        #expect(outcome.errors.hasSuffix("1 error: nothing was written (correct the errors, then run again)\n"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func anOutputPathThatIsAFileIsAUsageError() throws {
        let folder = try PTCE.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pole = try Self.pole(in: folder)
        let file = folder.appendingPathComponent("file")
        try Data().write(to: file)
        let outcome = try PTCE.run(["collect", pole.path, "--out", file.path])
        #expect(outcome.status == 2)
        #expect(outcome.errors.contains("is a file, not a folder"))
    }
}
