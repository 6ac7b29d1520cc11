import CXlsxWriter
import PTCEModel

/// A chart of an ``XLSXWorkbook``, drawn from ranges of its sheets; only valid while the
/// workbook is open. Inserted on a sheet with ``XLSXSheet/insert(_:row:column:)``.
struct XLSXChart {
    /// The kinds of chart the workbooks draw.
    enum Kind {
        /// Vertical bars.
        case column
        /// Horizontal bars.
        case bar
        /// Parts of a whole, as a ring.
        case doughnut

        var type: lxw_chart_type {
            switch self {
            case .column: LXW_CHART_COLUMN
            case .bar: LXW_CHART_BAR
            case .doughnut: LXW_CHART_DOUGHNUT
            }
        }
    }

    let handle: UnsafeMutablePointer<lxw_chart>
    let kind: Kind

    /// Adds a series: its labels and values are ranges such as `'Synthèse'!$L$5:$L$9`
    /// (``XLSXSheet/range(column:firstRow:lastRow:absolute:)``); `name` is shown in the legend.
    func addSeries(categories: String, values: String, name: String? = nil) throws(XLSXError) {
        guard let series = chart_add_series(handle, categories, values) else {
            throw XLSXError(context: "chart", reason: "libxlsxwriter could not add a series")
        }
        if let name { chart_series_set_name(series, Self.safe(name)) }
    }

    /// The title above the chart.
    func setTitle(_ title: String) {
        chart_title_set_name(handle, Self.safe(title))
    }

    /// No legend (a single series says what it is in the title).
    func hideLegend() {
        chart_legend_set_position(handle, UInt8(LXW_CHART_LEGEND_NONE.rawValue))
    }

    /// Fixes the axis of the values (horizontal for a bar chart) to `minimum`–`maximum`.
    func setValueAxis(minimum: Double, maximum: Double) {
        let axis = kind == .bar ? handle.pointee.x_axis : handle.pointee.y_axis
        chart_axis_set_min(axis, minimum)
        chart_axis_set_max(axis, maximum)
    }

    /// Text from a library or a member, with the characters XML forbids replaced.
    private static func safe(_ text: String) -> String {
        XMLCharacters.replacingForbidden(in: text) ?? text
    }
}
