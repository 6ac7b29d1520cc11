import ArgumentParser
import Foundation
import PTCESampleData

extension PTCECommand {
    /// `ptce sample DIR --members N --years Y`: a large generated pole for benchmarks.
    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a large generated pole folder (French Excel dialect) for benchmarks and scale tests."
        )

        @Argument(help: "The folder to write.", completion: .directory)
        var folder: String

        @Option(help: "Member structures per year (default 10000); with --poles, the most a pole has (default 40).")
        var members: Int?

        @Option(help: "Write a network of this many poles instead (DIR/pole-1 …), varied in size, region, age, laureates and rural or urban.")
        var poles: Int?

        @Option(help: "Years of data.")
        var years = 2

        @Option(help: "Seed of the generator (same seed, same files).")
        var seed: UInt64 = 2014

        func validate() throws {
            guard (members ?? 2) >= 2, years >= 1 else { throw ValidationError("--members must be ≥ 2 and --years ≥ 1") }
            guard (poles ?? 1) >= 1, (poles ?? 1) <= 10_000 else { throw ValidationError("--poles must be from 1 to 10000") }
        }

        func run() throws {
            let url = URL(fileURLWithPath: folder, isDirectory: true)
            guard let poles else {
                try SampleGenerator(members: members ?? 10_000, years: years, seed: seed).write(to: url)
                return print(folder)
            }
            for pole in SampleGenerator.network(poles: poles, maximumMembers: members ?? 40, seed: seed) {
                var generator = pole.generator
                // The poles with one year of data have the first of --years only.
                if generator.years > 1 { generator.years = years }
                try generator.write(to: url.appendingPathComponent(pole.folder))
            }
            print(folder)
        }
    }
}
