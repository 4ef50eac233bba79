/// The page's only styling, inlined in `<style>`: a system font stack, a 960px column, verdict
/// colours that repeat the verdict word, and print rules (no page break inside a chart, a card or
/// a table row; table headers repeated; the contents list left out).
enum PageStyle {
    static let css = """
    :root{--ink:#222;--muted:#555;--line:#ddd;--real:#0072B2;--synth:#E69F00;--good:#1b7f3b;--check:#9a6700;--concern:#b42318}
    *{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%}
    body{margin:0;color:var(--ink);background:#fff;font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,'DejaVu Sans',sans-serif}
    main{max-width:960px;margin:0 auto;padding:24px 20px 48px}
    h1{font-size:1.7em;margin:0 0 .3em}
    h2{font-size:1.35em;margin:2em 0 .5em;padding-bottom:.2em;border-bottom:2px solid var(--line)}
    h3{font-size:1.1em;margin:1.5em 0 .4em}
    h4{font-size:1em;margin:1.2em 0 .3em}
    p{margin:.4em 0 .8em}
    .lead{font-size:1.05em}
    .muted,.note{color:var(--muted)}
    .note{font-size:.92em}
    nav.toc{font-size:.92em;margin:.6em 0 1em;color:var(--muted)}
    nav.toc a{color:inherit;margin-right:.9em}
    .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(290px,1fr));gap:12px;align-items:start}
    .card{border:1px solid var(--line);border-left:6px solid #999;border-radius:6px;padding:10px 14px;break-inside:avoid}
    .card.v-good{border-left-color:var(--good)}
    .card.v-check{border-left-color:var(--check)}
    .card.v-concern{border-left-color:var(--concern)}
    .card h3{margin:0 0 .2em;display:flex;justify-content:space-between;align-items:baseline;gap:8px}
    .card .state{font-size:.85em;color:var(--muted)}
    .card ul.keys{list-style:none;padding:0;margin:.4em 0}
    .card ul.keys li{display:flex;justify-content:space-between;gap:8px;border-bottom:1px dotted var(--line);padding:1px 0}
    .card ul.keys li .label{flex:1 1 auto;min-width:0;overflow-wrap:anywhere}
    .card ul.keys li .figure{flex:0 0 auto;white-space:nowrap;text-align:right}
    .card .threshold{font-size:.85em;color:var(--muted);margin-bottom:0}
    .verdict{display:inline-block;font-size:.8em;font-weight:600;padding:0 .5em;border-radius:1em;border:1px solid currentColor;white-space:nowrap}
    .verdict.v-good{color:var(--good)}
    .verdict.v-check{color:var(--check)}
    .verdict.v-concern{color:var(--concern)}
    .verdict.v-na{color:var(--muted)}
    .table-wrap{overflow-x:auto;margin:.5em 0 1em}
    table{border-collapse:collapse;font-size:.9em;min-width:50%}
    caption{text-align:left;font-weight:600;padding:.2em 0}
    th,td{padding:3px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
    th{background:#f5f5f5;font-weight:600}
    td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
    td.n{white-space:nowrap}
    tr.erased td{background:#fdecea}
    tr.erased td:first-child{font-weight:600}
    tr.tstr td{background:#fffaf0}
    .num,.derived{font-variant-numeric:tabular-nums}
    .derived{border-bottom:1px dotted var(--muted)}
    .na{color:var(--muted)}
    .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(440px,1fr));gap:10px 16px}
    figure.chart{margin:.3em 0 1em;break-inside:avoid}
    figure.chart.wide{grid-column:1/-1}
    figure.chart svg{display:block;max-width:680px;height:auto}
    figcaption{font-size:.85em;color:var(--muted)}
    ul.issues li{margin-bottom:.3em}
    code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,'DejaVu Sans Mono',monospace;font-size:.88em;overflow-wrap:anywhere}
    dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:.5em 0 1em}
    dl.facts dt{color:var(--muted)}
    dl.facts dd{margin:0}
    details{margin:.5em 0 1em}
    summary{cursor:pointer;color:var(--muted)}
    footer{margin-top:3em;font-size:.85em;color:var(--muted);border-top:1px solid var(--line);padding-top:.5em}
    @media (max-width:520px){.charts{grid-template-columns:1fr}}
    @media print{
      body{font-size:11pt}
      main{max-width:none;padding:0}
      nav.toc{display:none}
      h2{break-after:avoid}
      .table-wrap{overflow:visible}
      thead{display:table-header-group}
      tr,figure.chart,.card{break-inside:avoid}
      .charts{grid-template-columns:1fr 1fr}
    }
    """
}
