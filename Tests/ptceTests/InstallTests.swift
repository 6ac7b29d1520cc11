import Foundation
import Testing

/// `./setup.sh --install` and `--release`, as a user would run them: the installed `ptce` works
/// from any folder without the source tree or `PTCE_INDICATORS`, and the archive's binary needs
/// none of Swift's shared libraries. Both build a release binary (minutes, once: the second build
/// finds the first's products).
@Suite(.serialized) struct InstallTests {
    private static func setup(_ arguments: [String]) throws -> PTCE.Outcome {
        try PTCE.run(program: "bash", [PTCE.repositoryRoot.appendingPathComponent("setup.sh").path] + arguments)
    }

    /// Runs `program` in `folder` with `PTCE_INDICATORS` unset.
    private static func run(_ program: String, _ arguments: [String], in folder: URL) throws -> PTCE.Outcome {
        try PTCE.run(program: program, arguments, in: folder, environment: ProcessInfo.processInfo.environment.filter { $0.key != "PTCE_INDICATORS" })
    }

    @Test func theInstalledCommandWorksFromAnyFolder() throws {
        let folder = try PTCE.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let prefix = folder.appendingPathComponent("prefix")
        let install = try Self.setup(["--install", prefix.path])
        try #require(install.status == 0, "\(install.errors.suffix(2000))")
        for file in ["bin/ptce", "share/bash-completion/completions/ptce", "share/zsh/site-functions/_ptce",
                     "share/fish/vendor_completions.d/ptce.fish", "share/man/man1/ptce.1"] {
            #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent(file).path), "\(file)")
        }
        #expect(try String(contentsOf: prefix.appendingPathComponent("share/man/man1/ptce.1"), encoding: .utf8).contains("import"))

        // A copy of a sample in a folder that has nothing to do with the source tree.
        let elsewhere = folder.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: PTCE.repositoryRoot.appendingPathComponent("Samples/pays-de-bray"), to: elsewhere.appendingPathComponent("bray"))
        let installed = prefix.appendingPathComponent("bin/ptce").path
        let version = try Self.run(installed, ["--version"], in: elsewhere)
        #expect(version.status == 0)
        #expect(version.output.hasPrefix("ptce "), "\(version.output)")
        #expect(version.output.contains("indicator library: standard"), "\(version.output)")
        let report = try Self.run(installed, ["report", "bray", "--format", "json", "--out", "installed"], in: elsewhere)
        #expect(report.status == 0, "\(report.errors)")
        let reference = try PTCE.run(["report", "bray", "--format", "json", "--out", "reference"], in: elsewhere)
        #expect(reference.status == 0, "\(reference.errors)")
        let json = "pays-de-bray-2024.json"
        #expect(try Data(contentsOf: elsewhere.appendingPathComponent("installed/\(json)"))
            == Data(contentsOf: elsewhere.appendingPathComponent("reference/\(json)")))
    }

    @Test func theArchivesBinaryNeedsNoSwiftLibraries() throws {
        let folder = try PTCE.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let release = try Self.setup(["--release", folder.path])
        try #require(release.status == 0, "\(release.errors.suffix(2000))")
        let archive = release.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(URL(fileURLWithPath: archive).lastPathComponent.range(of: #"^ptce-\d+\.\d+\.\d+-linux-[a-z0-9_]+\.tar\.gz$"#, options: .regularExpression) != nil, "\(archive)")
        let unpacked = folder.appendingPathComponent("unpacked")
        try FileManager.default.createDirectory(at: unpacked, withIntermediateDirectories: true)
        let tar = try Self.run("tar", ["-xzf", archive, "-C", unpacked.path], in: folder)
        try #require(tar.status == 0, "\(tar.errors)")
        let top = try #require(try FileManager.default.contentsOfDirectory(at: unpacked, includingPropertiesForKeys: nil).first)
        for file in ["bin/ptce", "README.md", "README.txt", "LICENSE", "share/man/man1/ptce.1", "share/bash-completion/completions/ptce"] {
            #expect(FileManager.default.fileExists(atPath: top.appendingPathComponent(file).path), "\(file)")
        }
        let libraries = try Self.run("ldd", [top.appendingPathComponent("bin/ptce").path], in: folder)
        #expect(libraries.status == 0, "\(libraries.errors)")
        #expect(libraries.output.contains("libxlsxwriter"), "\(libraries.output)")
        for swiftLibrary in ["libswift", "libFoundation", "lib_Foundation", "libdispatch", "libBlocksRuntime"] {
            #expect(!libraries.output.contains(swiftLibrary), "\(swiftLibrary) in \(libraries.output)")
        }
    }
}
