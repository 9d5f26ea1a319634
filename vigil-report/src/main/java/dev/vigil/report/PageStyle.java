package dev.vigil.report;

/**
 * The report's stylesheet, inlined so the file needs nothing else to open. Kept free of {@code <} and
 * {@code &} so the page stays well-formed XML as well as HTML (the tests rely on it).
 */
final class PageStyle {

    private PageStyle() {
    }

    static final String CSS = """
            :root{--fg:#1e293b;--muted:#52606d;--line:#dde3ea;--bg:#f5f7fa;--card:#fff;\
            --critical:#7f1d1d;--high:#c81e1e;--medium:#b45309;--low:#1d4ed8;--informational:#52606d}
            *{box-sizing:border-box}
            html{-webkit-text-size-adjust:100%}
            body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;\
            color:var(--fg);background:var(--bg)}
            a{color:#1d4ed8}
            .top{background:#0f172a;color:#f1f5f9;padding:20px 32px 16px}
            .top h1{margin:0 0 6px;font-size:24px;font-weight:650;letter-spacing:-.01em}
            .top .meta{margin:0;color:#cbd5e1;font-size:13px}
            .top .meta b{color:#f1f5f9;font-weight:600}
            nav.toc{background:#fff;border-bottom:1px solid var(--line);padding:8px 32px;font-size:13px}
            nav.toc a{margin-right:18px;text-decoration:none;font-weight:600}
            main{max-width:1320px;margin:0 auto;padding:8px 32px 48px}
            section{margin:28px 0}
            h2{font-size:18px;margin:0 0 12px;padding-bottom:6px;border-bottom:2px solid var(--line)}
            h3{font-size:17px;margin:0}
            h4{font-size:13px;margin:18px 0 6px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
            .muted{color:var(--muted)}
            .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:16px;align-items:start}
            .card.wide{margin-top:16px}
            .skipgrid{display:grid;grid-template-columns:minmax(240px,1fr) minmax(0,3fr);gap:8px 32px}
            @media (max-width:800px){.skipgrid{grid-template-columns:1fr}}
            .card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px 18px}
            .card h3{font-size:15px;margin:0 0 10px}
            .banner{border-radius:8px;padding:12px 18px;margin:18px 0 0;font-size:15px}
            .banner.partial{background:#fff4e5;border:2px solid #b45309;color:#5c2a05}
            .banner.partial strong{font-size:16px}
            .banner.complete{background:#ecfdf3;border:1px solid #15803d;color:#14532d}
            .banner.capped{background:#eef2ff;border:1px solid #4338ca;color:#312e81}
            .badge{display:inline-block;min-width:7.5em;text-align:center;padding:1px 8px;border-radius:4px;\
            color:#fff;font-weight:650;font-size:12px;line-height:1.6;print-color-adjust:exact;\
            -webkit-print-color-adjust:exact}
            .sev-critical{background:var(--critical)}
            .sev-high{background:var(--high)}
            .sev-medium{background:var(--medium)}
            .sev-low{background:var(--low)}
            .sev-informational{background:var(--informational)}
            table{border-collapse:collapse;width:100%}
            th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top}
            th{font-size:11.5px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);background:#eef2f6;\
            white-space:nowrap}
            td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            td.time{white-space:nowrap;font-variant-numeric:tabular-nums}
            .list{background:var(--card);border:1px solid var(--line);border-radius:8px;overflow:hidden}
            .list tbody tr:hover{background:#f8fafc}
            .mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:12.5px}
            .wrap{overflow-wrap:anywhere;word-break:break-word}
            .word{overflow-wrap:break-word}
            td.error{color:#9a3412;font-weight:600}
            .bar{height:12px;border-radius:3px;display:block;print-color-adjust:exact;-webkit-print-color-adjust:exact}
            table.sevcounts td{border:0;padding:3px 6px}
            table.sevcounts td.barcell{width:55%}
            dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:3px 18px;margin:0}
            dl.facts dt{color:var(--muted);font-weight:600}
            dl.facts dd{margin:0}
            article.finding{content-visibility:auto;contain-intrinsic-size:auto 700px;background:var(--card);border:1px solid var(--line);border-left:6px solid var(--informational);\
            border-radius:8px;padding:14px 20px;margin:18px 0;break-inside:auto}
            article.finding.edge-critical{border-left-color:var(--critical)}
            article.finding.edge-high{border-left-color:var(--high)}
            article.finding.edge-medium{border-left-color:var(--medium)}
            article.finding.edge-low{border-left-color:var(--low)}
            .finding header{display:flex;gap:12px;align-items:center;flex-wrap:wrap;margin-bottom:6px}
            .finding .desc{margin:6px 0 12px;max-width:90ch}
            .two{display:grid;grid-template-columns:repeat(auto-fit,minmax(380px,1fr));gap:8px 32px}
            .note{font-size:13px;color:var(--muted);margin:4px 0 8px}
            .note.capped{color:#312e81;font-weight:600}
            table.evidence{font-size:12.5px}
            details.more{margin:6px 0}
            details.more>summary{cursor:pointer;font-size:13px;font-weight:600;color:#1d4ed8;padding:4px 0}
            details.raw{margin:6px 0;border:1px solid var(--line);border-radius:6px;background:#fbfcfd}
            details.raw summary{cursor:pointer;padding:5px 10px;font-size:12.5px}
            details.raw[open] summary{border-bottom:1px solid var(--line)}
            pre{margin:0;padding:10px 12px;background:#0f172a;color:#e2e8f0;border-radius:0 0 6px 6px;\
            overflow:auto;max-height:520px;white-space:pre-wrap;overflow-wrap:anywhere;font-size:12px;line-height:1.45}
            .ctl{background:#fde047;color:#422006;border-radius:2px;padding:0 2px;font-family:ui-monospace,Menlo,\
            Consolas,monospace;font-weight:700}
            svg.timeline{width:100%;height:auto;background:var(--card);border:1px solid var(--line);border-radius:8px}
            svg.timeline .grid{stroke:#e5e9ef;stroke-width:1}
            svg.timeline .baseline,svg.timeline .tick{stroke:#94a3b8;stroke-width:1}
            svg.timeline .axis{font-size:11px;fill:#52606d}
            svg.metric{width:100%;height:auto;background:var(--card)}
            svg.metric .grid{stroke:#e5e9ef;stroke-width:1}
            svg.metric .baseline{stroke:#94a3b8;stroke-width:1}
            svg.metric .axis{font-size:11px;fill:#52606d}
            svg.metric .bar{fill:#1d4ed8}
            svg.metric .bar.breach{fill:#c81e1e}
            svg.metric .band{fill:#cbd5e1;opacity:.7}
            svg.metric .alarm-zone{fill:#fde8e8}
            svg.metric .threshold{stroke:#b45309;stroke-width:1.5;stroke-dasharray:6 4}
            svg.metric .threshold-label{font-size:11px;fill:#b45309}
            svg.metric .change{stroke-width:2}
            svg.metric .change.to-alarm{stroke:#c81e1e}
            svg.metric .change.to-ok{stroke:#15803d}
            svg.metric .change.to-other{stroke:#52606d;stroke-dasharray:2 3}
            .metric-figure{margin:0 0 16px}
            .metric-figure figcaption{margin-bottom:6px}
            .metric-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:12px}
            .metric-small{margin:0;padding:8px 10px}
            .metric-small figcaption{font-size:12px;margin-bottom:4px;overflow-wrap:anywhere}
            .state{display:inline-block;padding:0 6px;border-radius:4px;font-size:12px;font-weight:650;color:#fff}
            .state-alarm{background:#c81e1e}
            .state-ok{background:#15803d}
            .state-other{background:#52606d}
            .chart-caption{font-size:12.5px;color:var(--muted);margin:6px 0 2px}
            .legend{font-size:12.5px;margin:4px 0}
            .legend .key{margin-right:14px;white-space:nowrap}
            .swatch{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:5px;vertical-align:-1px;\
            print-color-adjust:exact;-webkit-print-color-adjust:exact}
            .print-only{display:none}
            footer{max-width:1320px;margin:0 auto;padding:0 32px 32px;font-size:12px;color:var(--muted)}
            @page{size:A4 landscape;margin:10mm}
            @media print{
            body{background:#fff;font-size:10px}
            .top{background:#fff;color:#000;padding:0 0 8px;border-bottom:2px solid #000}
            .top .meta,.top .meta b{color:#000}
            nav.toc,.backlink,details.raw,.rawnote{display:none}
            .print-only{display:block}
            main{max-width:none;padding:0}
            .card,article.finding,.list{border-color:#999}
            .list{overflow:visible}
            .mono,pre{font-size:9px}
            th{font-size:8.5px}
            h2,h3,h4{break-after:avoid}
            article.finding{content-visibility:visible;box-shadow:none}
            .finding header,dl.facts,tr{break-inside:avoid}
            a{color:#000;text-decoration:none}
            details.more>summary{display:none}
            details.more::details-content{content-visibility:visible;display:block}
            }
            """;
}
