import Foundation

/// `SOURCE_DATE_EPOCH` (reproducible-builds.org): the date a run takes as "now" when the
/// environment fixes it, so that its outputs do not depend on the clock.
public enum SourceDate {
    /// The date `SOURCE_DATE_EPOCH` gives: whole seconds since 1970, up to 2100; `nil` when it is
    /// absent or anything else (a huge or fractional number, `inf`, text).
    public static func fixed(in environment: [String: String] = ProcessInfo.processInfo.environment) -> Date? {
        guard let seconds = environment["SOURCE_DATE_EPOCH"].flatMap({ Int($0) }), (0...4_102_444_800).contains(seconds) else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
