/// The dashboard's only style: inline, no font or image from the network, A4 print rules.
enum Stylesheet {
    static let css: StaticString = """
    :root { --ink: #1a1a1a; --muted: #595959; --line: #d0d7de; --accent: #0072B2; --good: #006100; --bad: #9C0006; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
    header, main, footer { max-width: 1100px; margin: 0 auto; padding: 0 24px; }
    .scroll { overflow-x: auto; max-width: 100%; }
    .scroll:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
    header { padding-top: 24px; border-bottom: 4px solid var(--accent); }
    h1 { font-size: 1.8rem; margin: 0 0 4px; }
    h2 { font-size: 1.35rem; margin: 32px 0 12px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
    h3 { font-size: 1.05rem; margin: 20px 0 8px; }
    .meta { color: var(--muted); margin: 0 0 16px; }
    .cards { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 12px; }
    .card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; break-inside: avoid; display: flex; flex-direction: column; }
    .card .label { margin: 0; color: var(--muted); font-size: 0.9rem; }
    .card .value { margin: 2px 0; font-size: 1.6rem; font-weight: 700; font-variant-numeric: tabular-nums; }
    .card .change { margin: 0; font-size: 0.9rem; }
    .card .coverage { margin: 2px 0 0; font-size: 0.85rem; color: var(--muted); }
    .card .trend { margin-top: auto; padding-top: 8px; }
    .trend svg { display: block; max-width: 100%; height: auto; }
    .trend-ends { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0 8px; margin: 2px 0 0; font-size: 0.75rem; color: var(--muted); max-width: 200px; }
    .trend-ends span:last-child { margin-left: auto; }
    td .trend { margin-top: 4px; }
    td.number .trend svg, td.number .trend-ends { margin-left: auto; }
    .better { color: var(--good); } .worse { color: var(--bad); } .same { color: var(--muted); }
    .missing { color: var(--muted); font-style: italic; }
    td .base, th .base { display: block; font-size: 0.8rem; font-weight: normal; color: var(--muted); white-space: normal; }
    td.period { white-space: nowrap; }
    table.objectives th:nth-child(1) { min-width: 11em; }
    table.objectives th:nth-child(6) { min-width: 8.5em; }
    table.objectives th:nth-child(7) { min-width: 7em; }
    td.status.good { color: var(--good); font-weight: 600; }
    td.status.bad { color: var(--bad); font-weight: 600; }
    .progress { margin: 2px 0; }
    .progress svg { display: block; max-width: 100%; height: auto; }
    tfoot th, tfoot td { font-weight: 600; border-top: 2px solid var(--ink); }
    p.note { color: var(--muted); font-size: 0.85rem; }
    table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 0.92rem; }
    caption { text-align: left; font-weight: 600; padding: 4px 0; }
    th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
    thead th { background: #eef4fa; }
    td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    section.highlights { margin-top: 16px; padding: 0 0 0 14px; border-left: 4px solid var(--accent); }
    section.highlights h2 { border-bottom: none; margin: 0 0 4px; }
    .pole-columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(300px, 100%), 1fr)); gap: 0 32px; }
    ol.timeline { list-style: none; margin: 8px 0 16px 6px; padding: 0 0 0 16px; border-left: 3px solid var(--accent); }
    ol.timeline li { position: relative; padding: 0 0 8px 4px; break-inside: avoid; }
    ol.timeline li::before { content: ""; position: absolute; left: -24px; top: 0.35em; width: 13px; height: 13px; border-radius: 50%; background: #fff; border: 3px solid var(--accent); box-sizing: border-box; }
    ol.timeline .year { font-weight: 700; font-variant-numeric: tabular-nums; margin-right: 0.4em; }
    table.governance th[scope=row] { font-weight: normal; }
    figure.chart { margin: 12px 0; break-inside: avoid; }
    figure.chart svg { max-width: 100%; min-width: 560px; height: auto; color: var(--ink); }
    figure.chart text { font: 13px system-ui, sans-serif; fill: var(--ink); }
    figure.chart text.value { font-weight: 600; }
    figure.chart text.missing { fill: var(--muted); font-style: italic; }
    figcaption { color: var(--muted); font-size: 0.9rem; font-weight: 600; margin-bottom: 4px; }
    tr.view th { font-weight: normal; font-style: italic; padding-left: 1.5em; }
    table.side th[scope=row] { min-width: 13em; }
    table.side th.number, table.side td.number { white-space: normal; min-width: 7em; }
    tr.view td, tr.view th { border-bottom-style: dotted; color: var(--muted); }
    @media (max-width: 600px) {
      header, main, footer { padding: 0 12px; }
      h1 { font-size: 1.4rem; }
      .cards { grid-template-columns: 1fr 1fr; gap: 8px; }
      .card .value { font-size: 1.25rem; }
    }
    details.data summary { cursor: pointer; color: var(--accent); }
    ul.pole-list { columns: 17em; column-gap: 24px; padding-left: 1.2em; margin: 4px 0 12px; font-size: 0.92rem; }
    table.ranking td, table.ranking th { padding: 2px 8px; }
    table.benchmark td.number, table.benchmark th.number { white-space: normal; }
    table.benchmark svg.position { display: block; width: 100%; min-width: 80px; max-width: 140px; height: auto; }
    table.ranking td.gap { text-align: left; color: var(--muted); font-style: italic; }
    table.ranking td:nth-child(1), table.ranking td:nth-child(3), table.ranking td:nth-child(4), table.ranking td:nth-child(5) { text-align: right; font-variant-numeric: tabular-nums; }
    blockquote { margin: 8px 0; padding: 8px 14px; border-left: 4px solid #E69F00; background: #fdf6ea; white-space: pre-line; }
    blockquote footer { padding: 0; margin: 4px 0 0; color: var(--muted); font-size: 0.85rem; }
    footer.page { color: var(--muted); font-size: 0.85rem; padding: 24px; }
    .severity-error { color: var(--bad); font-weight: 600; }
    @media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
    @page { size: A4; margin: 12mm; }
    @media print {
      /* Page 1 is the summary: the header, the key figures and the year's highlights; the rest follows, flowing. */
      body { font-size: 9pt; line-height: 1.35; }
      header, main, footer { max-width: none; padding: 0; }
      h2 { margin: 14px 0 6px; break-after: avoid; }
      h3, caption, figcaption { break-after: avoid; }
      div.summary-page { break-after: page; }
      td .base, th .base { display: inline; margin-left: 0.3em; font-size: 0.9em; }
      table.indicators { table-layout: fixed; }
      table.indicators th:nth-child(1) { width: 27%; }
      table.indicators th:nth-child(2), table.indicators th:nth-child(3) { width: 13%; }
      table.indicators th:nth-child(4) { width: 20%; }
      table.indicators th:nth-child(5) { width: 27%; }
      table.indicators td.number { white-space: normal; }
      table.objectives { table-layout: fixed; }
      table.objectives th:nth-child(1) { width: 22%; }
      table.objectives th:nth-child(2) { width: 10%; }
      table.objectives th:nth-child(3) { width: 12%; }
      table.objectives th:nth-child(4) { width: 11%; }
      table.objectives th:nth-child(5) { width: 15%; }
      table.objectives th:nth-child(6) { width: 18%; }
      table.objectives th:nth-child(7) { width: 12%; }
      table.objectives td.number { white-space: normal; }
      table.objectives .base { display: block; margin-left: 0; font-size: 7pt; }
      table.benchmark { table-layout: fixed; }
      table.benchmark th:nth-child(1) { width: 22%; }
      table.benchmark th:nth-child(2) { width: 13%; }
      table.benchmark th:nth-child(3) { width: 14%; }
      table.benchmark th:nth-child(n+4) { width: 10%; }
      table.benchmark th:nth-child(8) { width: 11%; }
      section.resources { break-inside: avoid; }
      p.note { font-size: 8pt; }
      .trend-ends { font-size: 7pt; }
      .cards { grid-template-columns: repeat(3, 1fr); gap: 8px; }
      figure.chart, .card, blockquote, tr { break-inside: avoid; }
      figure.chart svg { min-width: 0; max-height: 58mm; width: auto; }
      section.method table { font-size: 7pt; }
      section.method th, section.method td { padding: 1px 4px; }
      footer.page { padding: 6px 0 0; }
      /* Formulas and references are in the workbook's Method sheet and the JSON; print keeps the definitions. */
      table.definitions th:nth-child(n+3), table.definitions td:nth-child(n+3) { display: none; }
      section.method td code { font-size: 7pt; }
      table { font-size: 8pt; margin: 2px 0 8px; }
      th, td { padding: 2px 5px; }
      h3 { margin: 10px 0 4px; }
      blockquote { margin: 4px 0; padding: 4px 10px; }
      .scroll { overflow: visible; }
      details.data { display: none; }
      a { color: inherit; text-decoration: none; }
    }
    """
}
