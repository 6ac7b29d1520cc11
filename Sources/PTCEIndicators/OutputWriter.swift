import Foundation
import PTCEModel

/// A writer of one output format: what the command line asks of the workbook, the dashboard
/// and the JSON alike. Each writer is made with its settings (the language, for the workbook its
/// creation date) and writes a pole's report or a comparison of poles to a file.
public protocol OutputWriter: Sendable {
    /// Writes the report of one pole at `url`, replacing any file there. Returns what a reader
    /// should know about the file itself (a data sheet spread over several sheets), as findings
    /// to print beside the data's. Throws when the file cannot be written.
    func write(_ report: PoleReport, to url: URL) throws -> [Finding]

    /// Writes a comparison of poles at `url`, replacing any file there. Throws when the file
    /// cannot be written.
    func write(_ comparison: PoleComparison, to url: URL) throws
}

/// A writer whose output is a text: the file is its UTF-8 bytes.
public protocol TextOutputWriter: OutputWriter {
    /// The text of a pole's report.
    func text(_ report: PoleReport) -> String
    /// The text of a comparison of poles.
    func text(_ comparison: PoleComparison) -> String
}

extension TextOutputWriter {
    /// Writes the report's text as UTF-8 at `url`, replacing any file there; no findings. Throws the file system's
    /// error when the file cannot be written (no such folder, no permission, disk full).
    public func write(_ report: PoleReport, to url: URL) throws -> [Finding] {
        try Data(text(report).utf8).write(to: url)
        return []
    }

    /// Writes the comparison's text as UTF-8 at `url`, replacing any file there. Throws the file system's error when
    /// the file cannot be written.
    public func write(_ comparison: PoleComparison, to url: URL) throws {
        try Data(text(comparison).utf8).write(to: url)
    }
}
