"""The style sheet and script inlined into the HTML report.

Both are inlined (never linked) so the report is one file that opens offline, from a CI
artifact or an e-mail attachment. The script is progressive: without it every segment is
still shown and every span still highlighted; with it the reader can filter segments and see
which spans belong to a finding by pointing at it.
"""

from __future__ import annotations

CSS = """
:root { --critical: #c62828; --major: #e65100; --minor: #9e7b00; --line: #d9dde3;
        --muted: #5f6b7a; --bar: #4a78b5; --bg-soft: #f5f7fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans",
       "Liberation Sans", Arial, sans-serif; color: #1d2733; background: #fff; }
header.top { background: #1f2f46; color: #fff; padding: 16px 28px; }
header.top h1 { margin: 0 0 6px; font-size: 22px; }
header.top dl { display: flex; flex-wrap: wrap; gap: 4px 22px; margin: 0; font-size: 12px; }
header.top dt { opacity: .7; }
header.top dd { margin: 0 0 0 4px; font-family: ui-monospace, Menlo, Consolas, monospace; }
header.top .pair { display: flex; }
nav.toc { padding: 8px 28px; background: var(--bg-soft); border-bottom: 1px solid var(--line); }
nav.toc a { margin-right: 16px; color: #1f4f8f; text-decoration: none; }
main { padding: 4px 28px 40px; max-width: 1500px; }
h2 { margin: 26px 0 8px; font-size: 19px; border-bottom: 2px solid var(--line);
     padding-bottom: 4px; }
h3 { margin: 18px 0 6px; font-size: 15px; }
.muted { color: var(--muted); font-size: 12px; }
table.grid { border-collapse: collapse; margin: 6px 0 10px; }
table.grid th, table.grid td { border: 1px solid var(--line); padding: 3px 9px; }
table.grid th { background: var(--bg-soft); font-weight: 600; text-align: center; }
table.grid td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.grid td.sys { font-weight: 600; }
table.grid .ci { display: block; color: var(--muted); font-size: 11px; }
.charts { display: flex; flex-wrap: wrap; gap: 10px 26px; margin: 8px 0; }
svg.chart { font-size: 11px; }
svg.chart .heading { font-weight: 600; font-size: 12px; }
svg.chart .note { font-weight: 400; fill: var(--muted); }
svg.chart rect { fill: var(--bar); }
svg.chart .whisker { stroke: #10233d; stroke-width: 1.5; fill: none; }
svg.chart .grid { stroke: #e3e7ec; }
svg.chart .tick, svg.chart .value { fill: var(--muted); }
.pill { display: inline-block; min-width: 22px; padding: 0 6px; margin: 1px; border-radius: 9px;
        color: #fff; font-size: 12px; text-align: center; }
.pill.critical { background: var(--critical); }
.pill.major { background: var(--major); }
.pill.minor { background: var(--minor); }
.zero { color: #b0b8c2; }
.notes { margin: 4px 0; padding-left: 18px; color: var(--muted); font-size: 12px; }
.toolbar { position: sticky; top: 0; z-index: 2; background: #fff; padding: 8px 0;
           border-bottom: 1px solid var(--line); display: flex; gap: 14px; align-items: center;
           flex-wrap: wrap; }
.toolbar input[type=search] { width: 260px; padding: 3px 6px; }
details.seg { border: 1px solid var(--line); border-radius: 6px; margin: 8px 0; }
details.seg, main h3 { scroll-margin-top: 52px; }  /* clear the sticky toolbar */
details.seg > summary { cursor: pointer; padding: 6px 10px; background: var(--bg-soft);
                        border-radius: 6px; }
details.seg > summary .id { font-weight: 600; font-family: ui-monospace, Menlo, monospace; }
details.seg > summary .scores { color: var(--muted); font-size: 12px; margin-left: 8px; }
.panels { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr));
          gap: 10px; padding: 10px; }
.panel h4 { margin: 0 0 4px; font-size: 12px; text-transform: uppercase; color: var(--muted); }
.panel .text { white-space: pre-wrap; border: 1px solid var(--line); border-radius: 4px;
               padding: 6px 8px; max-height: 22em; overflow: auto; unicode-bidi: plaintext; }
mark { border-radius: 2px; padding: 0 1px; color: inherit; }
mark.sev-critical { background: #ffcdd2; border-bottom: 2px solid var(--critical); }
mark.sev-major { background: #ffe0b2; border-bottom: 2px solid var(--major); }
mark.sev-minor { background: #fff3b0; border-bottom: 2px solid var(--minor); }
mark:empty { display: inline-block; width: 6px; height: 1em; vertical-align: middle; }
mark.active { outline: 2px solid #1f4f8f; background: #bbdefb; }
ol.findings { margin: 0 10px 10px; padding-left: 24px; }
ol.findings li { margin: 3px 0; cursor: pointer; }
ol.findings li:hover { background: #eef4fb; }
ol.findings .check { font-family: ui-monospace, Menlo, monospace; font-weight: 600; }
ol.findings details { display: inline; }
ol.findings pre { white-space: pre-wrap; font-size: 11px; background: var(--bg-soft);
                  padding: 4px 6px; margin: 2px 0; }
.more { color: var(--muted); font-style: italic; margin: 6px 0 14px; }
"""

SCRIPT = """
(function () {
  "use strict";
  function marksOf(item) {
    var seg = item.closest(".seg");
    var id = item.getAttribute("data-f");
    return Array.prototype.filter.call(seg.querySelectorAll("mark[data-f]"), function (m) {
      return m.getAttribute("data-f").split(" ").indexOf(id) >= 0;
    });
  }
  document.querySelectorAll("li.finding[data-f]").forEach(function (item) {
    item.addEventListener("mouseenter", function () {
      marksOf(item).forEach(function (m) { m.classList.add("active"); });
    });
    item.addEventListener("mouseleave", function () {
      marksOf(item).forEach(function (m) { m.classList.remove("active"); });
    });
    item.addEventListener("click", function () {
      marksOf(item).forEach(function (m) { m.scrollIntoView({block: "nearest"}); });
    });
  });
  var query = document.getElementById("seg-query");
  var flagged = document.getElementById("seg-flagged");
  var severity = document.getElementById("seg-severity");
  var count = document.getElementById("seg-count");
  var segs = document.querySelectorAll("details.seg");
  function apply() {
    var q = query ? query.value.trim().toLowerCase() : "";
    var sev = severity ? severity.value : "";
    var shown = 0;
    segs.forEach(function (seg) {
      var ok = (!flagged || !flagged.checked || seg.getAttribute("data-findings") !== "0") &&
        (!sev || (" " + seg.getAttribute("data-severities") + " ").indexOf(" " + sev + " ") >= 0) &&
        (!q || seg.textContent.toLowerCase().indexOf(q) >= 0);
      seg.hidden = !ok;
      if (ok) { shown += 1; }
    });
    if (count) { count.textContent = "showing " + shown + " of " + segs.length + " segments"; }
  }
  [query, flagged, severity].forEach(function (el) {
    if (el) { el.addEventListener("input", apply); el.addEventListener("change", apply); }
  });
  apply();
  document.body.setAttribute("data-js", "ready");
})();
"""
