import Foundation
import Testing

/// The pole's own words (`report.md`) in the three outputs, as written and never as markup or a
/// formula, only the report year's sections.
@Suite struct NarrativeReportTests {
    @Test func thePolesWordsAreShownAsTextInEveryOutput() throws {
        let folder = try PTCE.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pole = folder.appendingPathComponent("bray")
        try FileManager.default.copyItem(at: PTCE.repositoryRoot.appendingPathComponent("Samples/pays-de-bray"), to: pole)
        try FileManager.default.removeItem(at: pole.appendingPathComponent("report.md"))
        try Data("""
        Le pôle <script>alert(1)</script>.

        # 2023

        ## Ancien

        Texte de 2023.

        # 2024

        ## Faits marquants

        =HYPERLINK("http://x","y") et <img src=x onerror=alert(1)> et [ici](javascript:alert(1)).

        """.utf8).write(to: pole.appendingPathComponent("rapport.md"))
        let out = folder.appendingPathComponent("out")
        let outcome = try PTCE.run(["report", pole.path, "--out", out.path])
        #expect(outcome.status == 0, "\(outcome.errors)")

        let html = try String(contentsOf: out.appendingPathComponent("pays-de-bray-2024.html"), encoding: .utf8)
        #expect(html.contains("<p>Le pôle &lt;script&gt;alert(1)&lt;/script&gt;.</p>"))
        #expect(html.contains("<h2 id=\"title-highlights\">Faits marquants 2024</h2><p>=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;) et &lt;img src=x onerror=alert(1)&gt; et ici (javascript:alert(1)).</p>"))
        #expect(!html.contains("Texte de 2023"))
        #expect(!html.contains("href=\"javascript"))

        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("pays-de-bray-2024.json"))) as? [String: Any])
        let narrative = try #require(json["narrative"] as? [[String: Any]])
        #expect(narrative.count == 2)
        #expect(narrative[0]["title"] is NSNull)
        #expect(narrative[0]["markdown"] as? String == "Le pôle <script>alert(1)</script>.")
        #expect(narrative[1]["title"] as? String == "Faits marquants")

        // In the workbook, a string cell, never a formula.
        let inspect = try PTCE.run(program: "python3", ["-c", """
            import sys, zipfile, re
            book = zipfile.ZipFile(sys.argv[1])
            names = re.findall(r'<sheet [^>]*name="([^"]+)"', book.read("xl/workbook.xml").decode())
            sheet = book.read("xl/worksheets/sheet%d.xml" % (names.index("Rapport") + 1)).decode()
            summary = book.read("xl/worksheets/sheet1.xml").decode()
            strings = book.read("xl/sharedStrings.xml").decode()
            print(names[1], "<f>" in sheet, re.search(r"<f>[^<]*HYPERLINK", summary) is not None, "=HYPERLINK(" in strings)
            """, out.appendingPathComponent("pays-de-bray-2024.xlsx").path])
        // The highlights, on the Rapport sheet and the summary, as strings: no formula names HYPERLINK.
        #expect(inspect.output == "Rapport False False True\n", "\(inspect.errors)")
    }

    /// A report of a year the pole wrote nothing for says so, once, with the years it did.
    @Test func aYearWithoutItsSectionsIsAWarning() throws {
        let out = try PTCE.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let outcome = try PTCE.run(["report", "Samples/pays-de-bray", "--year", "2022", "--format", "json", "--out", out.path, "--lang", "en"])
        #expect(outcome.status == 0, "\(outcome.errors)")
        let warning = "report.md: warning: no section for 2022 (heading \"# 2022\"); the file has some for 2023, 2024: the 2022 report shows only the pole's presentation"
        #expect(outcome.output.components(separatedBy: warning).count == 2, "\(outcome.output)")
        let json = try String(contentsOf: out.appendingPathComponent("pays-de-bray-2022.json"), encoding: .utf8)
        #expect(json.contains("no section for 2022"))
    }
}
