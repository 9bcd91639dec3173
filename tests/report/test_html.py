"""The HTML report's structure, read back with html.parser: spans, escaping, offline-ness."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from evalsuite.checks.base import Finding, Span
from evalsuite.report import html_segments
from evalsuite.report.html_report import render_html
from evalsuite.results import RunRecord, SegmentRecord, load_results
from tests.report.results_fixture import ARABIC, CHINESE, build_runs, write_results

VOID = {"meta", "br", "input", "img", "hr", "link", "area", "base", "col", "source", "wbr"}
SVG_EMPTY = {"line", "rect", "path"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self) -> list[Node]:
        out = [self]
        for child in self.children:
            if isinstance(child, Node):
                out += child.walk()
        return out

    def find_all(self, tag: str, **attrs: str) -> list[Node]:
        return [
            n for n in self.walk()
            if n.tag == tag
            and all(attr_has(n, k.rstrip("_").replace("_", "-"), v) for k, v in attrs.items())
        ]  # fmt: skip


def attr_has(node: Node, name: str, value: str) -> bool:
    """`class` matches one of its words; other attributes match exactly."""
    got = node.attrs.get(name)
    if got is None:
        return False
    return value in got.split() if name == "class" else got == value


class TreeBuilder(HTMLParser):
    """A DOM-ish tree; fails on mismatched tags, so the test also checks well-formedness."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]
        self.all_attrs: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.all_attrs += [(tag, k, v or "") for k, v in attrs]
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))
        self.all_attrs += [(tag, k, v or "") for k, v in attrs]

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        open_tag = self.stack.pop().tag
        assert open_tag == tag, f"</{tag}> closes <{open_tag}>"

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(page: str) -> TreeBuilder:
    builder = TreeBuilder()
    builder.feed(page)
    builder.close()
    assert builder.stack == [builder.root], "unclosed elements"
    return builder


def _page(tmp_path: Path, runs: list[RunRecord] | None = None) -> str:
    return render_html(load_results(write_results(tmp_path, runs)))


def _marked_text(card: Node, panel: str, finding: int) -> str:
    (box,) = [p for p in card.find_all("div", class_="panel") if attr_has(p, "class", panel)]
    return "".join(
        m.text() for m in box.find_all("mark") if str(finding) in m.attrs["data-f"].split()
    )


def test_every_locatable_span_is_highlighted_in_its_panel(tmp_path: Path) -> None:
    tree = parse(_page(tmp_path)).root
    cards = {c.attrs["id"]: c for c in tree.find_all("details", class_="seg")}
    checked = 0
    for d, run in enumerate(build_runs()):  # one run per dataset: run index 0 in each
        for s, segment in enumerate(html_segments.shown_segments(run)):
            card = cards[f"seg-{d}-0-{s}"]
            assert card.find_all("span", class_="id")[0].text() == segment.id
            for i, finding in enumerate(segment.findings):
                if finding.hyp_span and finding.hyp_span.start < len(segment.hypothesis):
                    marked = _marked_text(card, "hypothesis", i)
                    if finding.evidence.get("against") == "body":  # both spans in one panel
                        assert marked.startswith(finding.hyp_span.text)
                    else:
                        assert marked == finding.hyp_span.text
                    checked += 1
                if finding.ref_span:
                    panel = {"reference": "reference", "source": "source", "body": "hypothesis"}
                    target = panel[finding.evidence["against"]]
                    assert finding.ref_span.text in _marked_text(card, target, i)
                    checked += 1
    assert checked == 2 * 3 + 1 + 1 + 2  # mt s1: 3 with both sides + 1 hyp; s2: stale; doc: 2


def test_overlapping_spans_keep_every_finding_and_the_worst_colour(tmp_path: Path) -> None:
    tree = parse(_page(tmp_path)).root
    card = [c for c in tree.find_all("details", class_="seg") if c.attrs["id"] == "seg-0-0-0"][0]
    marks = card.find_all("div", class_="hypothesis")[0].find_all("mark")
    police = [m for m in marks if m.text() == "police"]
    assert police and police[0].attrs["data-f"] == "0 3"
    assert attr_has(police[0], "class", "sev-critical")  # role_reversal beats the major one
    kiev = [m for m in marks if m.text() == "Kiev"][0]
    assert kiev.attrs["data-f"] == "1 3" and attr_has(kiev, "class", "sev-major")


def test_unlocatable_span_is_reported_not_dropped(tmp_path: Path) -> None:
    text = parse(_page(tmp_path)).root.text()
    assert "'nowhere in the text' [500, 520) in the hypothesis: not found in it" in text
    assert "'Polizei' [200, 207) in the source)" in text  # stale offsets, found by its text


def test_markup_in_texts_is_escaped(tmp_path: Path) -> None:
    page = _page(tmp_path)
    builder = parse(page)
    scripts = builder.root.find_all("script")
    assert len(scripts) == 1  # the report's own
    assert "alert(" not in scripts[0].text()
    assert '<script>alert("x")</script>' not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert not builder.root.find_all("b")  # the hypothesis's <b> stayed text
    assert "sys-&lt;a&gt;" in page and "<a>" not in page
    assert "&#x27;police&#x27; &lt;not&gt; in the reference" in page


def test_self_contained_no_external_resources(tmp_path: Path) -> None:
    builder = parse(_page(tmp_path))
    for tag, name, value in builder.all_attrs:
        if name in ("src", "href", "action", "xlink:href", "srcset", "poster", "data"):
            assert value.startswith("#"), f"<{tag} {name}={value!r}> leaves the file"
    assert not builder.root.find_all("link") and not builder.root.find_all("img")
    style = builder.root.find_all("style")[0].text()
    assert "@import" not in style and "url(" not in style
    page = _page(tmp_path)
    assert "http://" not in page and "https://" not in page
    (csp,) = builder.root.find_all("meta", http_equiv="Content-Security-Policy")
    assert "default-src 'none'" in csp.attrs["content"]


def test_texts_have_dir_auto_and_scripts_survive(tmp_path: Path) -> None:
    tree = parse(_page(tmp_path)).root
    panels = tree.find_all("div", class_="text")
    assert panels and all(p.attrs.get("dir") == "auto" for p in panels)
    texts = [p.text() for p in panels]
    assert ARABIC in texts and CHINESE in texts


def test_header_tables_and_charts(tmp_path: Path) -> None:
    tree = parse(_page(tmp_path)).root
    header = tree.find_all("header")[0].text()
    assert "sha256:abc123" in header and "evalsuite.results/1" in header and "fixture" in header
    (scores,) = tree.find_all("table", class_="scores")
    heads = [th.text() for th in scores.find_all("th")]
    assert heads == ["system", "n", "R-L", "BLEU", "TER"]
    cells = [td.text() for td in scores.find_all("td")]
    assert cells[:3] == ["sys-<a>", "4", "61.2[55.0, 66.0]"]
    charts = tree.find_all("svg", class_="chart")
    assert len(charts) == 3
    ter = [c for c in charts if "TER" in c.text()][0]
    assert "lower is better" in ter.text()
    assert len(ter.find_all("path", class_="whisker")) == 1
    findings = [t for t in tree.find_all("table", class_="findings")]
    assert len(findings) == 2
    assert "No metric was computed" in tree.text()


def test_segments_are_capped_with_flagged_first(tmp_path: Path) -> None:
    flagged_n = html_segments.MAX_FLAGGED_PER_RUN + 7
    clean_n = html_segments.MAX_CLEAN_PER_RUN + 40
    finding = Finding("number_mismatch", "minor", "m", hyp_span=Span(0, 1, "x"))
    worst = Finding("number_mismatch", "critical", "m", hyp_span=Span(0, 1, "x"))
    segments = [SegmentRecord(id=f"c{i}", hypothesis="clean") for i in range(clean_n)]
    segments += [SegmentRecord(id=f"f{i}", hypothesis="x", findings=[finding])
                 for i in range(flagged_n - 1)]  # fmt: skip
    segments.append(SegmentRecord(id="worst", hypothesis="x", findings=[worst]))
    run = RunRecord("big", "translation", "sys", "sig", [], ["number_mismatch"], segments)
    tree = parse(_page(tmp_path, [run])).root
    cards = tree.find_all("details", class_="seg")
    assert len(cards) == html_segments.MAX_FLAGGED_PER_RUN + html_segments.MAX_CLEAN_PER_RUN
    ids = [c.find_all("span", class_="id")[0].text() for c in cards]
    assert ids[0] == "worst" and ids[-1].startswith("c") and ids[1].startswith("f")
    assert all("open" in c.attrs for c in cards if c.attrs["data-findings"] != "0")
    (more,) = tree.find_all("p", class_="more")
    assert "7 more segments with findings and 40 without" in more.text()
