import Foundation
import Testing

/// A network's comparison on the command line (issue 21): `ptce sample --poles`, `ptce compare
/// --group-by … --focus …`, the benchmark page, the JSON's percentiles and groups, and the
/// workbook's long sheet.
@Suite struct NetworkCommandTests {
    @Test func aNetworkComparedByGroupWithABenchmark() throws {
        let folder = try PTCE.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let network = folder.appendingPathComponent("reseau")
        let sample = try PTCE.run(["sample", network.path, "--poles", "41", "--members", "6"])
        #expect(sample.status == 0, "\(sample.errors)")
        let poles = try FileManager.default.contentsOfDirectory(atPath: network.path).sorted()
        #expect(poles.count == 41 && poles.contains("pole-2") && poles.contains("pole-10"))

        let out = folder.appendingPathComponent("out")
        let folders = poles.map { network.appendingPathComponent($0).path }
        let compared = try PTCE.run(["compare"] + folders + ["--out", out.path, "--group-by", "age", "--focus", "pole-3", "--focus", "pole-3", "--lang", "en"])
        #expect(compared.status == 0, "\(compared.errors)")
        #expect(compared.output.contains("comparison-2024-pole-3.html"))
        let benchmark = try String(contentsOf: out.appendingPathComponent("comparison-2024-pole-3.html"), encoding: .utf8)
        #expect(benchmark.contains("<h1>Pôle 3</h1>") && benchmark.contains("peer group (age of the pole): "))

        // The JSON: each pole's percentile and group beside its rank, each group's poles.
        let data = try Data(contentsOf: out.appendingPathComponent("comparison-2024.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["group_by"] as? String == "age")
        let groups = try #require(json["groups"] as? [[String: Any]])
        #expect(groups.map { $0["id"] as? String }.allSatisfy { $0?.hasPrefix("age:") == true })
        // The 40 poles with 2024 data are in the groups; pole-40 (2023 only) in none.
        #expect(groups.reduce(0) { $0 + (($1["poles"] as? [String])?.count ?? 0) } == 40)
        let rows = try #require(json["comparison"] as? [[String: Any]])
        let share = try #require(rows.first { $0["id"] as? String == "emp.insertion_share" })
        let cells = try #require(share["poles"] as? [[String: Any]])
        let idle = try #require(cells.first { $0["id"] as? String == "pole-40" })
        #expect(idle["missing_reason"] as? String == "no_data_for_year" && idle["group"] == nil && idle["percentile"] is NSNull)
        let active = cells.filter { $0["id"] as? String != "pole-40" }
        #expect(active.allSatisfy { $0["percentile"] is Double && $0["group"] is String })
        #expect(cells.filter { $0["rank"] as? Int == 1 }.allSatisfy { $0["percentile"] as? Double == 100 })
        #expect((share["spread"] as? [String: Any])?["n"] as? Int == 40)

        // --focus writes an HTML page: without html in --format it is a usage error.
        let noPage = try PTCE.run(["compare"] + folders.prefix(2) + ["--out", folder.appendingPathComponent("none").path, "--focus", "pole-1", "--format", "json"])
        #expect(noPage.status == 2 && noPage.errors.contains("--focus writes an HTML page: add html to --format"))

        // An unknown pole to focus on is a usage error, and nothing is written.
        let unknown = try PTCE.run(["compare"] + folders.prefix(2) + ["--out", folder.appendingPathComponent("none").path, "--focus", "nulle-part"])
        #expect(unknown.status == 2)
        #expect(unknown.errors.contains("--focus nulle-part: no pole compared has this id; ids: pole-1, pole-10"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("none").path))
    }

    @Test(.enabled(if: ImportCommandTests.hasOpenpyxl, "openpyxl is not installed (./setup.sh --tests installs it): the workbook is not read"))
    func theWorkbookHasALongSheetForPivotTables() throws {
        let folder = try PTCE.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let compared = try PTCE.run(["compare", "Samples/pays-de-bray", "Samples/campus-cooperatif", "Samples/metropole-tiers-lieux",
                                     "--out", out.path, "--format", "xlsx,json", "--group-by", "rural"])
        #expect(compared.status == 0, "\(compared.errors)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("comparison-2024.json"))) as? [String: Any])
        let indicators = try #require(json["comparison"] as? [[String: Any]]).count
        let read = try PTCE.run(program: "python3", ["-c", """
            import sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            sheet = book["Données longues"]
            rows = list(sheet.iter_rows(values_only=True))
            print(sheet.freeze_panes, sheet.auto_filter.ref, len(rows) - 1)
            print(rows[0][:4], rows[0][10:14])
            fte = [row for row in rows if row[0] == "pays-de-bray" and row[4] == "eco.fte"][0]
            print(fte[2], round(fte[7], 1), round(fte[8], 2), fte[10], fte[11])
            """, out.appendingPathComponent("comparison-2024.xlsx").path])
        #expect(read.status == 0, "\(read.errors)")
        let lines = read.output.split(separator: "\n").map(String.init)
        // One row per pole and indicator of the library; the header and the ids frozen, filters on.
        #expect(lines.first == "C2 A1:S\(3 * indicators + 1) \(3 * indicators)")
        #expect(lines.dropFirst().first == "('Identifiant du pôle', 'Pôle', 'Groupe', 'Thème') ('Rang', 'Percentile', 'Rang dans le groupe', 'Percentile dans le groupe')")
        // Bray: rural per its pole.toml, 143,2 FTE on 6 members, first per member.
        #expect(lines.last == "rural 143.2 23.87 1 100", "\(lines)")
    }
}
