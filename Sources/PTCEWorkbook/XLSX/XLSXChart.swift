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
        /// Values over time, each marked by a dot; a blank cell is a gap in the line, never 0.
        case line

        var type: lxw_chart_type {
            switch self {
            case .column: LXW_CHART_COLUMN
            case .bar: LXW_CHART_BAR
            case .doughnut: LXW_CHART_DOUGHNUT
            case .line: LXW_CHART_LINE
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
        if kind == .line { chart_series_set_marker_type(series, UInt8(LXW_CHART_MARKER_CIRCLE.rawValue)) }
    }

    /// The number format of the value axis's labels (`0.0 %` for shares).
    func setValueAxisFormat(_ format: String) {
        chart_axis_set_num_format(valueAxis, format)
    }

    /// Starts the value axis at `minimum` (0, so that a small change does not look large).
    func setValueAxisMinimum(_ minimum: Double) {
        chart_axis_set_min(valueAxis, minimum)
    }

    private var valueAxis: UnsafeMutablePointer<lxw_chart_axis> { kind == .bar ? handle.pointee.x_axis : handle.pointee.y_axis }

    /// The title above the chart, in bold of `fontSize` points when given (else the default 14).
    func setTitle(_ title: String, fontSize: Double? = nil) {
        chart_title_set_name(handle, Self.safe(title))
        if let fontSize {
            var font = lxw_chart_font()
            font.size = fontSize
            font.bold = 1
            chart_title_set_name_font(handle, &font)
        }
    }

    /// The legend below the plot, which keeps the plot's width (a series per pole).
    func placeLegendBelow() {
        chart_legend_set_position(handle, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
    }

    /// No legend (a single series says what it is in the title).
    func hideLegend() {
        chart_legend_set_position(handle, UInt8(LXW_CHART_LEGEND_NONE.rawValue))
    }

    /// Fixes the axis of the values (horizontal for a bar chart) to `minimum`–`maximum`.
    func setValueAxis(minimum: Double, maximum: Double) {
        chart_axis_set_min(valueAxis, minimum)
        chart_axis_set_max(valueAxis, maximum)
    }

    /// Text from a library or a member, with the characters XML forbids replaced.
    private static func safe(_ text: String) -> String {
        XMLCharacters.replacingForbidden(in: text) ?? text
    }
}
