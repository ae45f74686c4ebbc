/** The inline stylesheet of `report.html`; the status filters are pure CSS (checkbox siblings), no script. */
export const HTML_REPORT_CSS = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa;
  --passed: #1a7f37; --passed-bg: #dafbe1; --failed: #cf222e; --failed-bg: #ffebe9;
  --skipped: #7d4e00; --skipped-bg: #fff8c5;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --panel: #151b23;
    --passed: #3fb950; --passed-bg: #12261e; --failed: #f85149; --failed-bg: #2d1417;
    --skipped: #d29922; --skipped-bg: #272115;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
header, main, footer { max-width: 1200px; margin: 0 auto; padding: 1rem 1.5rem; }
header { border-bottom: 1px solid var(--line); }
h1 { font-size: 1.4rem; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 0.75rem; }
h3 { font-size: 1rem; margin: 0 0 0.5rem; }
h4 { font-size: 0.8rem; margin: 0.75rem 0 0.25rem; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85rem; }
.meta { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 0.5rem 1.5rem; margin: 0; }
.meta dt { color: var(--muted); font-size: 0.8rem; }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.cards { display: flex; flex-wrap: wrap; gap: 0.75rem; }
.card { min-width: 8rem; padding: 0.75rem 1rem; border: 1px solid var(--line); border-radius: 8px; background: var(--panel); }
.card strong { display: block; font-size: 1.6rem; line-height: 1.2; }
.card.passed strong { color: var(--passed); }
.card.failed strong { color: var(--failed); }
.card.skipped strong { color: var(--skipped); }
.by-severity { color: var(--muted); margin: 0.75rem 0 0; }
.filter { position: absolute; opacity: 0; pointer-events: none; }
.filters { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; margin-bottom: 0.75rem; }
.filters label { cursor: pointer; user-select: none; padding: 0.2rem 0.75rem; border: 1px solid var(--line); border-radius: 999px; color: var(--muted); text-decoration: line-through; }
#show-failed:checked ~ .filters label[for="show-failed"],
#show-skipped:checked ~ .filters label[for="show-skipped"],
#show-passed:checked ~ .filters label[for="show-passed"] { color: var(--fg); text-decoration: none; background: var(--panel); }
#show-failed:focus-visible ~ .filters label[for="show-failed"],
#show-skipped:focus-visible ~ .filters label[for="show-skipped"],
#show-passed:focus-visible ~ .filters label[for="show-passed"] { outline: 2px solid var(--fg); outline-offset: 2px; }
#show-failed:not(:checked) ~ table tbody.failed,
#show-skipped:not(:checked) ~ table tbody.skipped,
#show-passed:not(:checked) ~ table tbody.passed { display: none; }
table { width: 100%; border-collapse: collapse; }
th { text-align: left; font-size: 0.8rem; color: var(--muted); border-bottom: 2px solid var(--line); padding: 0.4rem 0.5rem; }
td { vertical-align: top; padding: 0.5rem; }
tbody { border-bottom: 1px solid var(--line); }
tr.detail td { padding-top: 0; }
td.id { white-space: nowrap; }
.status, .severity { display: inline-block; padding: 0 0.5rem; border-radius: 999px; font-size: 0.8rem; font-weight: 600; white-space: nowrap; }
.status.passed { color: var(--passed); background: var(--passed-bg); }
.status.failed { color: var(--failed); background: var(--failed-bg); }
.status.skipped { color: var(--skipped); background: var(--skipped-bg); }
.severity { border: 1px solid var(--line); font-weight: 500; }
.severity.kritiek, .severity.hoog { border-color: var(--failed); color: var(--failed); }
.severity.middel { border-color: var(--skipped); color: var(--skipped); }
tbody.failed td:first-child { box-shadow: inset 3px 0 var(--failed); }
details summary { cursor: pointer; color: var(--muted); }
.exchange { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 1rem; margin-top: 0.5rem; }
.exchange section { min-width: 0; padding: 0.75rem; border: 1px solid var(--line); border-radius: 8px; background: var(--panel); }
.exchange .line { margin: 0; overflow-wrap: anywhere; }
pre { margin: 0; padding: 0.5rem; max-height: 32rem; overflow: auto; white-space: pre-wrap; overflow-wrap: anywhere; background: var(--bg); border: 1px solid var(--line); border-radius: 6px; }
.none { color: var(--muted); font-style: italic; margin: 0; }
footer { color: var(--muted); font-size: 0.8rem; }
@media print {
  .filters, .filter { display: none; }
  tbody { display: table-row-group !important; break-inside: avoid; }
}
`;
