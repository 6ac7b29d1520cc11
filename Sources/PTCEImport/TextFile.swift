import Foundation
import PTCEModel

/// What looking at one file of a folder found, before reading it: nothing there, something that
/// cannot be read (and why, in words: ``ImportMessage/UnreadableReason``), or a regular file of
/// that many bytes.
enum FileStatus: Equatable {
    case absent
    case unreadable(LocalizedText)
    case readable(size: Int)
}

/// What reading one file of a folder found: as ``FileStatus``, with the file's bytes.
enum FileContents {
    case absent
    case unreadable(LocalizedText)
    case bytes([UInt8])
}

/// Opens and reads the files of a pole or library folder. Only regular files are read: a folder,
/// a device or a pipe under a data file's name is "unreadable", never read (a pipe would block,
/// a device might never end), and so is a file beyond ``maximumSize``.
public enum TextFile {
    /// The largest file read, 2 GB: a pole's table of 400,000 rows is about 60 MB, and a larger
    /// file (a sparse or runaway one) must not be allocated whole.
    static let maximumSize = 2_000_000_000

    /// Whether the file at `path` is absent, unreadable (with the reason) or readable, without
    /// reading it.
    static func status(at path: String) -> FileStatus {
        withOpenFile(at: path) { _, size in .readable(size: size) }
    }

    /// The bytes of the file at `path`, read straight into an array (a `Data` in between would
    /// hold a large file twice).
    static func contents(at path: String) -> FileContents {
        var bytes: [UInt8] = []
        let outcome = withOpenFile(at: path) { descriptor, size in
            let (read, failure) = Self.read(descriptor, [0..<size])
            bytes = read
            return failure == 0 ? .readable(size: bytes.count) : .unreadable(Self.reason(failure))
        }
        switch outcome {
        case .absent: return .absent
        case .unreadable(let reason): return .unreadable(reason)
        case .readable: return .bytes(bytes)
        }
    }

    /// The bytes of the file at `path` within `ranges`, one after the other; `nil` when it
    /// cannot be read or ends before one of them: for reading parts of a large file again.
    static func contents(at path: String, in ranges: [Range<Int>]) -> [UInt8]? {
        var bytes: [UInt8]?
        _ = withOpenFile(at: path) { descriptor, size in
            guard ranges.allSatisfy({ $0.upperBound <= size }) else { return .readable(size: size) }
            let (read, failure) = Self.read(descriptor, ranges)
            if failure == 0, read.count == ranges.reduce(0, { $0 + $1.count }) { bytes = read }
            return .readable(size: size)
        }
        return bytes
    }

    /// The bytes of the open file `descriptor` within `ranges`, one after the other, read straight
    /// into one array (fewer when the file ends sooner), and the error number that stopped the
    /// reading, 0 if none.
    private static func read(_ descriptor: Int32, _ ranges: [Range<Int>]) -> (bytes: [UInt8], failure: Int32) {
        let count = ranges.reduce(0) { $0 + $1.count }
        // Every empty array uses one storage shared by the whole process; making an array of
        // capacity 0 below would write to it, a data race with any other thread doing the same.
        guard count > 0 else { return ([], 0) }
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, read in
            for range in ranges {
                var done = 0
                while done < range.count {
                    let got = pread(descriptor, buffer.baseAddress! + read, range.count - done, off_t(range.lowerBound + done))
                    if got < 0, errno == EINTR { continue }
                    guard got > 0 else {
                        if got < 0 { failure = errno }
                        return
                    }
                    (read, done) = (read + got, done + got)
                }
            }
        }
        return (bytes, failure)
    }

    /// Opens `path` and, when it is a regular file no larger than ``maximumSize``, hands its
    /// descriptor and size to `use`.
    private static func withOpenFile(at path: String, _ use: (Int32, Int) -> FileStatus) -> FileStatus {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else {
            let failure = errno
            var link = stat()
            if failure == ENOENT, lstat(path, &link) != 0 { return .absent }
            return .unreadable(failure == ENOENT ? ImportMessage.UnreadableReason.brokenLink : reason(failure))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .unreadable(reason(errno)) }
        switch status.st_mode & S_IFMT {
        case S_IFREG where status.st_size > maximumSize:
            return .unreadable(
                ImportMessage.UnreadableReason.tooLarge(megabytes: Int(status.st_size / 1_000_000), limit: maximumSize / 1_000_000))
        case S_IFREG: return use(descriptor, Int(status.st_size))
        case S_IFDIR: return .unreadable(ImportMessage.UnreadableReason.folder)
        default: return .unreadable(ImportMessage.UnreadableReason.notRegularFile)
        }
    }

    private static func reason(_ code: Int32) -> LocalizedText {
        code == EACCES
            ? ImportMessage.UnreadableReason.permissionDenied
            : ImportMessage.UnreadableReason.systemError(String(cString: strerror(code)))
    }

    /// The text of a small UTF-8 file (`pole.toml`, an indicator library's files), or `nil` with an
    /// error naming `file` when it is missing (the error is then `missing`, which says what the
    /// file is for), unreadable or not UTF-8 (at the line of the first byte that is not).
    /// Characters XML forbids are replaced by U+FFFD, each line with a warning.
    public static func text(at url: URL, file: String, findings: inout Findings, missing: LocalizedText) -> String? {
        let bytes: [UInt8]
        switch contents(at: url.path) {
        case .absent:
            findings.error(missing, at: SourceLocation(file: file))
            return nil
        case .unreadable(let reason):
            findings.error(ImportMessage.cannotBeRead(reason), at: SourceLocation(file: file))
            return nil
        case .bytes(let read):
            bytes = read
        }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if let offset = TextDecoder.firstInvalidUTF8Offset(bytes, from: start) {
            findings.error(
                ImportMessage.notUTF8Text(byte: bytes[offset]),
                at: SourceLocation(file: file, line: TextDecoder.lineNumber(of: offset, in: bytes)))
            return nil
        }
        let text = TextDecoder.repairingForbiddenCharacters(DecodedText(encoding: .utf8, bytes: bytes, start: start))
        for repair in text.repairs { findings.warning(repair.message, at: SourceLocation(file: file, line: repair.line)) }
        return String(decoding: text.bytes[text.start...], as: UTF8.self)
    }
}
