// A plain timing harness (not a test): for each size of generated data, the time and peak
// memory of each step of `ptce report`, of the whole command, of libxlsxwriter alone writing the
// same cells (the floor), and of an equivalent pandas + XlsxWriter script when Python has them;
// then of reading the members table alone, from `members.csv` and from the same rows written as
// `members.xlsx`, and of openpyxl reading that workbook when Python has it (issue 17).
//
//   swift run -c release ptce-benchmark [--sizes 100000x2,400000x2,1000000x5] [--work /tmp/ptce-benchmark]
//
// Sizes count member-year rows over a number of years (`400000x2`: 200,000 members a year for
// two years; a bare number is two years). Figures go to standard output as Markdown. With
// Python's duckdb, the import and the indicators alone are set beside DuckDB's key sums.

import CXlsxWriter
import Foundation
import PTCEDashboard
import PTCEImport
import PTCEIndicators
import PTCEModel
import PTCEReportJSON
import PTCEWorkbook

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}

/// Peak resident memory of this process so far, in MB.
func peakMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// Processor time of this process so far (every thread, user and system), in seconds.
func processorSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let time = { (value: timeval) in Double(value.tv_sec) + Double(value.tv_usec) / 1e6 }
    return time(usage.ru_utime) + time(usage.ru_stime)
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Runs a command, its standard output written to the file `output`; returns its wall time and
/// peak memory (from `wait4`), or nil if it failed.
func measure(_ command: [String], output: String = "/dev/null") -> (seconds: Double, megabytes: Double)? {
    var pid = pid_t()
    let argv = command.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    defer { posix_spawn_file_actions_destroy(&actions) }
    let start = DispatchTime.now().uptimeNanoseconds
    guard posix_spawnp(&pid, command[0], &actions, nil, argv, environ) == 0 else { return nil }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return status == 0 ? (elapsed, Double(usage.ru_maxrss) / 1024) : nil
}

// MARK: Child modes (each measured in its own process, so peaks do not mix)

/// The standard indicator library, built into the engine.
func bundledLibrary() -> IndicatorLibrary {
    var findings = Findings()
    return IndicatorLibraryReader.readStandard(findings: &findings)!
}

/// A generated pole folder, read, and the year its report covers (the latest).
func readPole(_ folder: String, library: IndicatorLibrary) -> (dataset: PoleDataset, year: Int) {
    var findings = Findings()
    let dataset = PoleFolderReader(library: library).read(folder: URL(fileURLWithPath: folder), findings: &findings)!
    return (dataset, dataset.reportYear(asked: nil)!)
}

/// `--phases DIR OUT`: each step of the report in turn, printing "step seconds peakMB
/// processorSeconds" (the last: every thread's time during the step).
if let folder = option("--phases"), let out = option("--out") {
    let library = bundledLibrary()
    // The quick pass over the members' year column that lets `ptce report` start the workbook
    // while the members are read (run there on the workbook's thread, beside the reading).
    var years: [Int: Int] = [:]
    var processor = processorSeconds()
    /// The processor time since the last step, every thread.
    func stepProcessor() -> Double {
        defer { processor = processorSeconds() }
        return processorSeconds() - processor
    }
    let yearPass = seconds { years = PoleFolderReader(library: library).memberFileOutline(folder: URL(fileURLWithPath: folder)).rowsByYear }
    print("year-pass \(yearPass) \(peakMegabytes()) \(stepProcessor())")
    precondition(!years.isEmpty)
    var pole: (dataset: PoleDataset, year: Int)!
    let importTime = seconds { pole = readPole(folder, library: library) }
    print("import \(importTime) \(peakMegabytes()) \(stepProcessor())")
    let (dataset, year) = pole!
    var report: PoleReport!
    let indicatorTime = seconds { report = ReportBuilder(library: library).report(for: dataset, year: year) }
    print("indicators \(indicatorTime) \(peakMegabytes()) \(stepProcessor())")
    var draft: ReportWorkbookDraft!
    let dataSheets = try seconds {
        let options = WorkbookOptions(language: .fr, created: WorkbookOptions.creationDate(reportYear: year))
        draft = try ReportWorkbookDraft(profile: dataset.profile, members: dataset.members, year: year, path: out + ".xlsx", options: options)
        try draft.writeDataSheets(of: dataset, questionBank: library.questionBank)
    }
    print("xlsx-data-sheets \(dataSheets) \(peakMegabytes()) \(stepProcessor())")
    let finish = try seconds { _ = try draft.finish(with: report) }
    print("xlsx-other-sheets-and-file \(finish) \(peakMegabytes()) \(stepProcessor())")
    let html = try seconds { try Data(DashboardWriter.html(report, language: .fr).utf8).write(to: URL(fileURLWithPath: out + ".html")) }
    print("html \(html) \(peakMegabytes()) \(stepProcessor())")
    let json = try seconds { try Data(JSONReportWriter.json(report, language: .fr).utf8).write(to: URL(fileURLWithPath: out + ".json")) }
    print("json \(json) \(peakMegabytes()) \(stepProcessor())")
    exit(0)
}

/// `--floor ROWS COLUMNS PATH`: libxlsxwriter alone writing ROWS × COLUMNS cells (numbers and
/// short strings, constant-memory mode as the engine uses at that size).
if let rowsText = option("--floor"), let rows = Int(rowsText), let columns = option("--columns").flatMap(Int.init), let path = option("--out") {
    var options = lxw_workbook_options()
    options.constant_memory = rows > 50_000 ? 1 : 0
    let workbook = workbook_new_opt(path, &options)
    var sheet = workbook_add_worksheet(workbook, nil)
    var row: UInt32 = 0
    for index in 0..<rows {
        if row == 1_048_575 { sheet = workbook_add_worksheet(workbook, nil); row = 0 }
        for column in 0..<columns {
            if column % 3 == 0 {
                worksheet_write_string(sheet, row, lxw_col_t(column), "M\(index)", nil)
            } else {
                worksheet_write_number(sheet, row, lxw_col_t(column), Double(index % 1000) + Double(column) / 10, nil)
            }
        }
        row += 1
    }
    exit(workbook_close(workbook) == LXW_NO_ERROR ? 0 : 1)
}

/// `--floor-same-cells DIR --out PATH`: libxlsxwriter alone writing the very cells of the
/// report's data sheets (made beforehand, untimed); prints the seconds of the libxlsxwriter
/// calls and close, the number of cells, and the seconds of the close alone (single-threaded:
/// it compresses every sheet into the file).
if let folder = option("--floor-same-cells"), let path = option("--out") {
    let library = bundledLibrary()
    let (dataset, year) = readPole(folder, library: library)
    // The cells in flat arrays (every string in one buffer, NUL-terminated), so that the time
    // is libxlsxwriter's, not that of walking millions of small allocations.
    struct FloorSheet {
        var numberFormats: [String?]
        var rowLengths: [Int] = []
        var numbers: [Double] = []
        /// Per cell: -1 for a number, -2 for a blank, else where its text starts in `text`.
        var textStarts: [Int] = []
    }
    var text: [CChar] = []
    let sheets = ReportWorkbookDraft.dataSheetCells(of: dataset, year: year, language: .fr, questionBank: library.questionBank).flatMap { sheet in
        // Past Excel's last row a table goes on to another sheet, as in the report.
        stride(from: 0, to: sheet.rows.count, by: 1_048_576).map { start in
            var floorSheet = FloorSheet(numberFormats: sheet.numberFormats)
            for row in sheet.rows[start..<min(start + 1_048_576, sheet.rows.count)] {
                floorSheet.rowLengths.append(row.count)
                for cell in row {
                    switch cell {
                    case .text(let value):
                        floorSheet.textStarts.append(text.count)
                        text.append(contentsOf: value.utf8CString)
                        floorSheet.numbers.append(0)
                    case .number(let number):
                        floorSheet.textStarts.append(-1)
                        floorSheet.numbers.append(number)
                    default:
                        floorSheet.textStarts.append(-2)
                        floorSheet.numbers.append(0)
                    }
                }
            }
            return floorSheet
        }
    }
    let cells = sheets.reduce(0) { $0 + $1.numbers.count }
    var closing = 0.0
    let time = seconds {
        var options = lxw_workbook_options()
        options.constant_memory = 1
        let workbook = workbook_new_opt(path, &options)
        // One format per number format code: libxlsxwriter 1.1.4 looks up, at every cell, the
        // index of a format equal to one made before it.
        var formatsByCode: [String: UnsafeMutablePointer<lxw_format>] = [:]
        text.withUnsafeBufferPointer { text in
            for floorSheet in sheets {
                let sheet = workbook_add_worksheet(workbook, nil)
                let formats = floorSheet.numberFormats.map { code in
                    code.map { code in
                        if let format = formatsByCode[code] { return format }
                        let format = workbook_add_format(workbook)!
                        format_set_num_format(format, code)
                        formatsByCode[code] = format
                        return format
                    }
                }
                var cell = 0
                for (row, length) in floorSheet.rowLengths.enumerated() {
                    for column in 0..<length {
                        let (r, c) = (lxw_row_t(row), lxw_col_t(column))
                        switch floorSheet.textStarts[cell] {
                        case -1: worksheet_write_number(sheet, r, c, floorSheet.numbers[cell], formats[column])
                        case -2: if let format = formats[column] { worksheet_write_blank(sheet, r, c, format) }
                        case let start: worksheet_write_string(sheet, r, c, text.baseAddress! + start, nil)
                        }
                        cell += 1
                    }
                }
            }
        }
        closing = seconds { guard workbook_close(workbook) == LXW_NO_ERROR else { exit(1) } }
    }
    print(time, cells, closing)
    exit(0)
}

/// `--read-members DIR`: reads the pole folder DIR (`pole.toml` and a members table, CSV or
/// workbook) as `ptce` does, and prints the seconds of the reading and the members read; fails
/// when the reading finds an error.
if let folder = option("--read-members") {
    let library = bundledLibrary()
    var findings = Findings()
    var dataset: PoleDataset?
    let time = seconds { dataset = PoleFolderReader(library: library).read(folder: URL(fileURLWithPath: folder), findings: &findings) }
    guard let dataset, !findings.hasErrors else { exit(1) }
    print(time, dataset.members.count)
    exit(0)
}

/// The number a French Excel holds for a cell of a generated `members.csv` (`14,8`, `57`,
/// `618 280 €`), and whether it is an amount in euros; `nil` for text (`NC`, names, ids, a code
/// with a leading zero, which a coordinator keeps as text).
func frenchNumber(_ cell: String) -> (value: Double, isMoney: Bool)? {
    let isMoney = cell.hasSuffix(" €")
    let digits = (isMoney ? cell.dropLast(2) : Substring(cell)).filter { $0 != " " && $0 != "\u{A0}" && $0 != "\u{202F}" }
    guard let first = digits.first, first.isASCII, first.isNumber, first != "0" || digits == "0" || digits.hasPrefix("0,"),
          digits.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "," }),
          let value = Double(digits.replacingOccurrences(of: ",", with: "."))
    else { return nil }
    return (value, isMoney)
}

/// `--members-to-xlsx CSV --out PATH`: the rows of the members table CSV written as a workbook's
/// first sheet by libxlsxwriter, as a coordinator's Excel holds them: numbers as numbers (euros
/// with a currency format), everything else as shared strings (libxlsxwriter's default mode;
/// its constant-memory mode would write inline strings).
if let csv = option("--members-to-xlsx"), let path = option("--out") {
    let records = CSVReader.read(Array(try Data(contentsOf: URL(fileURLWithPath: csv))), file: "members.csv").readAll().records
    var options = lxw_workbook_options()
    let workbook = workbook_new_opt(path, &options)
    let sheet = workbook_add_worksheet(workbook, nil)
    let euros = workbook_add_format(workbook)
    format_set_num_format(euros, "#,##0 \"€\"")
    for (row, record) in records.enumerated() {
        for (column, cell) in record.fields.enumerated() where !cell.isEmpty {
            let (r, c) = (lxw_row_t(row), lxw_col_t(column))
            if row > 0, let number = frenchNumber(cell) {
                worksheet_write_number(sheet, r, c, number.value, number.isMoney ? euros : nil)
            } else {
                worksheet_write_string(sheet, r, c, cell, nil)
            }
        }
    }
    exit(workbook_close(workbook) == LXW_NO_ERROR ? 0 : 1)
}

// MARK: The benchmark
//
// Every measured program runs in a child process started while this one is small: a child
// started by posix_spawn inherits its parent's peak memory as its own starting peak.

/// Each run: member-year rows over how many years (`100000x2`; a bare number is two years).
let sizes: [(rows: Int, years: Int)] = (option("--sizes") ?? "100000x2,400000x2,1000000x5").split(separator: ",").compactMap { text in
    let parts = text.split(separator: "x").compactMap { Int($0) }
    guard let rows = parts.first, rows >= 4 else { return nil }
    return (rows, parts.count > 1 ? max(1, parts[1]) : 2)
}
let work = URL(fileURLWithPath: option("--work") ?? NSTemporaryDirectory() + "ptce-benchmark", isDirectory: true)
let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
let ptce = here.appendingPathComponent("ptce").path
let benchmarks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let pandasScript = benchmarks.appendingPathComponent("pandas_report.py").path
let hasPandas = measure(["python3", "-c", "import pandas, xlsxwriter"]) != nil
let openpyxlScript = benchmarks.appendingPathComponent("openpyxl_read.py").path
let hasOpenpyxl = measure(["python3", "-c", "import openpyxl"]) != nil
let duckdbScript = benchmarks.appendingPathComponent("duckdb_reference.py").path
let hasDuckDB = measure(["python3", "-c", "import duckdb"]) != nil

/// Runs this program in a child mode and returns its standard output.
func childOutput(_ arguments: [String]) throws -> String {
    try childText([CommandLine.arguments[0]] + arguments)
}

/// Runs `command` (found on the PATH through `env`) and returns its standard output.
func childText(_ command: [String]) throws -> String {
    let child = Process()
    child.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    child.arguments = command
    let pipe = Pipe()
    child.standardOutput = pipe
    try child.run()
    let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    child.waitUntilExit()
    return text
}

func formatted(_ value: Double, _ decimals: Int = 2) -> String { String(format: "%.\(decimals)f", value) }

/// Runs reading programs that print "seconds rows" (their own timing of the reading, and the rows
/// read) `times` times each, taking turns so that a change in the machine's load weighs on all
/// alike; returns for each the median seconds, the rows and the highest peak memory, or nil if
/// a run failed.
func measureReadings(_ commands: [[String]], times: Int) -> [(seconds: Double, rows: Int, megabytes: Double)?] {
    let output = work.appendingPathComponent("reading.txt").path
    var runs: [[(seconds: Double, rows: Int, megabytes: Double)]?] = commands.map { _ in [] }
    for _ in 0..<times {
        for (index, command) in commands.enumerated() where runs[index] != nil {
            guard let run = measure(command, output: output), let text = try? String(contentsOfFile: output, encoding: .utf8),
                  case let parts = text.split(whereSeparator: \.isWhitespace), parts.count == 2,
                  let time = Double(parts[0]), let rows = Int(parts[1])
            else {
                runs[index] = nil
                continue
            }
            runs[index]!.append((time, rows, run.megabytes))
        }
    }
    return runs.map { runs in
        runs.map { runs in (runs.map(\.seconds).sorted()[runs.count / 2], runs[0].rows, runs.map(\.megabytes).max()!) }
    }
}

/// A folder of its own holding the generated pole's `pole.toml` and nothing else (yet).
func readingFolder(_ name: String, from pole: URL) throws -> URL {
    let folder = work.appendingPathComponent(name)
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: pole.appendingPathComponent("pole.toml"), to: folder.appendingPathComponent("pole.toml"))
    return folder
}

/// The size of a file, `53.1 MB`.
func megabytes(ofFile url: URL) -> String {
    let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
    return formatted(Double(size) / 1_048_576, 1) + " MB"
}

var uname = utsname()
Foundation.uname(&uname)
let machine = withUnsafeBytes(of: &uname.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
print("# ptce benchmark\n")
print("Machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB, \(machine); ptce \(Engine.version); release build.\n")
print("| rows | step | time (s) | peak memory (MB) |")
print("| ---: | --- | ---: | ---: |")
var summary: [String] = [], computing: [String] = [], bounds: [String] = []
var readingRows: [String] = [], readingSummary: [String] = []
for (rows, years) in sizes {
    // The label of the run in every table: "400000" for two years, "1000000 (5 years)".
    let size = years == 2 ? String(rows) : "\(rows) (\(years) years)"
    let folder = work.appendingPathComponent("pole-\(rows)-\(years)")
    try? FileManager.default.removeItem(at: folder)
    let generation = measure([ptce, "sample", folder.path, "--members", String(rows / years), "--years", String(years)])
    let out = work.appendingPathComponent("out-\(rows)-\(years)")
    try? FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)

    // Steps, one after the other in one child process.
    var processorByStep: [String: Double] = [:]
    for line in try childOutput(["--phases", folder.path, "--out", out.appendingPathComponent("steps").path]).split(separator: "\n") {
        let parts = line.split(separator: " ")
        guard parts.count == 4, let time = Double(parts[1]), let memory = Double(parts[2]), let processor = Double(parts[3]) else { continue }
        processorByStep[String(parts[0])] = processor
        print("| \(size) | \(parts[0]) | \(formatted(time)) (processor \(formatted(processor))) | \(formatted(memory, 0)) (peak so far) |")
    }
    // The whole command, as a user runs it: the median of three runs (times vary by ±10 % here).
    let wholeRuns = (0..<3).compactMap { _ in measure([ptce, "report", folder.path, "--out", out.path, "--format", "xlsx,html,json"]) }
        .sorted { $0.seconds < $1.seconds }
    let whole = wholeRuns.count == 3 ? wholeRuns[1] : nil
    // The floors: libxlsxwriter alone on the report's own data-sheet cells, then on as many
    // synthetic cells (numbers and short strings).
    let sameCells = try childOutput(["--floor-same-cells", folder.path, "--out", out.appendingPathComponent("floor-same.xlsx").path])
        .split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    let cells = sameCells.count == 3 ? Int(sameCells[1]) : 0
    let floor = measure([CommandLine.arguments[0], "--floor", String(cells / 23), "--columns", "23", "--out", out.appendingPathComponent("floor.xlsx").path])
    let pandas = hasPandas ? measure(["python3", pandasScript, folder.path, out.appendingPathComponent("pandas.xlsx").path]) : nil

    if let whole {
        let range = "\(formatted(wholeRuns[0].seconds))–\(formatted(wholeRuns[2].seconds))"
        print("| \(size) | **ptce report xlsx,html,json** (median of 3: \(range)) | \(formatted(whole.seconds)) | \(formatted(whole.megabytes, 0)) |")
    }
    if sameCells.count == 3 {
        print("| \(size) | libxlsxwriter alone, the report's \(cells) data cells (of which the close \(formatted(sameCells[2]))) | \(formatted(sameCells[0])) | |")
    }
    if let floor { print("| \(size) | libxlsxwriter alone, \(cells / 23 * 23) synthetic cells | \(formatted(floor.seconds)) | \(formatted(floor.megabytes, 0)) |") }
    if let pandas { print("| \(size) | pandas + XlsxWriter | \(formatted(pandas.seconds)) | \(formatted(pandas.megabytes, 0)) |") }
    if let generation { print("| \(size) | (generating the data) | \(formatted(generation.seconds)) | |") }
    // A lower bound on any schedule of the report on this machine's processors: its last step
    // (the sheets that show the indicators, then libxlsxwriter's close: one thread, after the
    // indicators and every data cell) follows the reading, the indicators and libxlsxwriter's
    // own writes of the data cells (one thread, in order), which share the processors at best
    // evenly. Only the HTML and JSON can overlap the last step. Left out (so that ptce cannot
    // reach the bound): its own preparation of the data cells, the quick pass over the year column.
    if sameCells.count == 3, let reading = processorByStep["import"], let indicators = processorByStep["indicators"],
       let lastStep = processorByStep["xlsx-other-sheets-and-file"] {
        let processors = Double(ProcessInfo.processInfo.activeProcessorCount)
        let writes = sameCells[0] - sameCells[2]
        let bound = lastStep + max(writes, (reading + indicators + writes) / processors)
        bounds.append("| \(size) | \(formatted(sameCells[0])) | \(formatted(writes)) | \(formatted(reading)) | \(formatted(indicators)) "
            + "| \(formatted(lastStep)) | \(formatted(bound)) | \(formatted(bound / sameCells[0])) | \(whole.map { formatted($0.seconds / sameCells[0]) } ?? "n/a") |")
    }
    if let whole, sameCells.count == 3, let floor {
        let versusPandas = pandas.map { formatted($0.seconds / whole.seconds, 1) } ?? "n/a"
        summary.append("| \(size) | \(formatted(whole.seconds / sameCells[0])) | \(formatted(whole.seconds / floor.seconds)) | \(versusPandas) |")
    }

    // Import and indicators alone, every cell still checked (the members table only, JSON out),
    // against DuckDB converting the same file to UTF-8 and computing the key sums per year.
    let membersOnly = try readingFolder("members-only-\(rows)-\(years)", from: folder)
    try FileManager.default.copyItem(at: folder.appendingPathComponent("members.csv"), to: membersOnly.appendingPathComponent("members.csv"))
    let json = measure([ptce, "report", membersOnly.path, "--out", out.appendingPathComponent("members-only").path, "--format", "json"])
    let duckdb = hasDuckDB ? try? childText(["python3", duckdbScript, membersOnly.path, work.path]) : nil
    let duckdbTimes = duckdb.map { $0.split(whereSeparator: \.isWhitespace).compactMap { Double($0) } } ?? []
    if let json {
        var line = "| \(size) | \(formatted(json.seconds)) | \(formatted(json.megabytes, 0)) |"
        if duckdbTimes.count == 3 {
            let reference = duckdbTimes[0] + duckdbTimes[1]
            line += " \(formatted(duckdbTimes[0])) | \(formatted(duckdbTimes[1])) | \(formatted(json.seconds / reference)) |"
        } else {
            line += " n/a | n/a | n/a |"
        }
        computing.append(line)
    }
    // The reading of members.xlsx against members.csv (issue 17) is measured on the two-year runs.
    guard years == 2 else { continue }

    // Reading the members table alone, from members.csv and from the same rows as members.xlsx,
    // both through PoleFolderReader on a folder holding only pole.toml and that table, three
    // times each, in turns (the median kept); then openpyxl reading the same workbook, once.
    let csvFolder = try readingFolder("members-csv-\(size)", from: folder)
    let xlsxFolder = try readingFolder("members-xlsx-\(size)", from: folder)
    let csvFile = csvFolder.appendingPathComponent("members.csv"), xlsxFile = xlsxFolder.appendingPathComponent("members.xlsx")
    try FileManager.default.copyItem(at: folder.appendingPathComponent("members.csv"), to: csvFile)
    let conversion = measure([CommandLine.arguments[0], "--members-to-xlsx", csvFile.path, "--out", xlsxFile.path])
    let ptceReadings = measureReadings(
        [[CommandLine.arguments[0], "--read-members", csvFolder.path], [CommandLine.arguments[0], "--read-members", xlsxFolder.path]], times: 3)
    let (fromCSV, fromXLSX) = (ptceReadings[0], ptceReadings[1])
    let fromOpenpyxl = hasOpenpyxl ? measureReadings([["python3", openpyxlScript, xlsxFile.path]], times: 1)[0] : nil
    let readers = [
        ("CSV, members.csv (\(megabytes(ofFile: csvFile))), PoleFolderReader", fromCSV),
        ("XLSX, members.xlsx (\(megabytes(ofFile: xlsxFile))), PoleFolderReader", fromXLSX),
        ("openpyxl read-only, every row's values, the same members.xlsx", fromOpenpyxl),
    ]
    for case let (reader, measured?) in readers {
        readingRows.append("| \(size) | \(reader) | \(measured.rows) | \(formatted(measured.seconds)) | \(formatted(measured.megabytes, 0)) |")
    }
    if let conversion { readingRows.append("| \(size) | (writing members.xlsx with libxlsxwriter) | | \(formatted(conversion.seconds)) | |") }
    if let fromCSV, let fromXLSX {
        let versusOpenpyxl = fromOpenpyxl.map { formatted($0.seconds / fromXLSX.seconds, 1) } ?? "n/a"
        readingSummary.append("| \(size) | \(formatted(fromXLSX.seconds / fromCSV.seconds)) | \(formatted(fromXLSX.megabytes / fromCSV.megabytes)) | \(versusOpenpyxl) |")
    }
}
print("\n| rows | ptce ÷ libxlsxwriter on the same cells | ptce ÷ libxlsxwriter on as many synthetic cells | pandas ÷ ptce |")
print("| ---: | ---: | ---: | ---: |")
summary.forEach { print($0) }
print("\nNo schedule of the report can take less, on this machine's \(ProcessInfo.processInfo.activeProcessorCount) processors, than its last step (the sheets that show the indicators, then libxlsxwriter's close: one thread, after the indicators and every data cell) after the reading, the indicators and libxlsxwriter's own writes of the data cells (the floor less its close: one thread), shared at best evenly among the processors. Processor times from the steps above; the bound leaves out ptce's preparation of the data cells and the quick pass over the year column.\n")
print("| rows | libxlsxwriter alone, same cells (s) | its writes before the close (s) | reading, processor (s) | indicators, processor (s) | last step: indicator sheets and close (s) | lower bound (s) | bound ÷ floor | ptce ÷ floor |")
print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
bounds.forEach { print($0) }
print("\nImport and indicators alone (`ptce report --format json` on the members table only, every cell checked) against DuckDB converting the file to UTF-8 then computing per year the sums of FTE, turnover and insertion FTE and the turnover per FTE (`Benchmarks/duckdb_reference.py`, no validation).\n")
print("| rows | ptce json, members only (s) | its peak memory (MB) | DuckDB: to UTF-8 (s) | DuckDB: read and compute (s) | ptce ÷ DuckDB (both steps) |")
print("| ---: | ---: | ---: | ---: | ---: | ---: |")
computing.forEach { print($0) }
print("\nReading the members table alone (time: the reading itself, median of 3 for ptce; memory: the process's peak).\n")
print("| rows | reading | rows read | time (s) | peak memory (MB) |")
print("| ---: | --- | ---: | ---: | ---: |")
readingRows.forEach { print($0) }
print("\n| rows | XLSX ÷ CSV, time | XLSX ÷ CSV, memory | openpyxl ÷ ptce XLSX, time |")
print("| ---: | ---: | ---: | ---: |")
readingSummary.forEach { print($0) }
