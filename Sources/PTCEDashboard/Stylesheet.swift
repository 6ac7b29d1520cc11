/// The dashboard's only style: inline, no font or image from the network, A4 print rules.
enum Stylesheet {
    static let css: StaticString = """
    :root { --ink: #1a1a1a; --muted: #595959; --line: #d0d7de; --accent: #0072B2; --good: #006100; --bad: #9C0006; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
    header, main, footer { max-width: 1100px; margin: 0 auto; padding: 0 24px; }
    header { padding-top: 24px; border-bottom: 4px solid var(--accent); }
    h1 { font-size: 1.8rem; margin: 0 0 4px; }
    h2 { font-size: 1.35rem; margin: 32px 0 12px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
    h3 { font-size: 1.05rem; margin: 20px 0 8px; }
    .meta { color: var(--muted); margin: 0 0 16px; }
    .cards { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 12px; }
    .card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; break-inside: avoid; }
    .card .label { margin: 0; color: var(--muted); font-size: 0.9rem; }
    .card .value { margin: 2px 0; font-size: 1.6rem; font-weight: 700; font-variant-numeric: tabular-nums; }
    .card .change { margin: 0; font-size: 0.9rem; }
    .card .coverage { margin: 2px 0 0; font-size: 0.85rem; color: var(--muted); }
    .better { color: var(--good); } .worse { color: var(--bad); } .same { color: var(--muted); }
    .missing { color: var(--muted); font-style: italic; }
    td .base { display: block; font-size: 0.8rem; color: var(--muted); white-space: normal; }
    table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 0.92rem; }
    caption { text-align: left; font-weight: 600; padding: 4px 0; }
    th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
    thead th { background: #eef4fa; }
    td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    figure.chart { margin: 12px 0; break-inside: avoid; }
    figure.chart svg { max-width: 100%; height: auto; color: var(--ink); }
    figure.chart text { font: 13px system-ui, sans-serif; fill: var(--ink); }
    figure.chart text.value { font-weight: 600; }
    figure.chart text.missing { fill: var(--muted); font-style: italic; }
    figcaption { color: var(--muted); font-size: 0.9rem; }
    details.data summary { cursor: pointer; color: var(--accent); }
    blockquote { margin: 8px 0; padding: 8px 14px; border-left: 4px solid #E69F00; background: #fdf6ea; white-space: pre-line; }
    blockquote footer { padding: 0; margin: 4px 0 0; color: var(--muted); font-size: 0.85rem; }
    footer.page { color: var(--muted); font-size: 0.85rem; padding: 24px; }
    .severity-error { color: var(--bad); font-weight: 600; }
    @media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
    @page { size: A4; margin: 14mm; }
    @media print {
      body { font-size: 11pt; }
      header, main, footer { max-width: none; padding: 0; }
      section.theme:not(.compact), section.quality, section.method { break-before: page; }
      figure.chart, table, .card, blockquote { break-inside: avoid; }
      details.data { display: none; }
      a { color: inherit; text-decoration: none; }
    }
    """
}
