"""Untrusted text made inert in Markdown: report.md and the gate's pull-request comment.

Suite, dataset, system and check names, segment ids, findings' messages (which quote the
hypothesis) and evidence all come from data files. Markdown passes raw HTML through, and
GitHub renders what survives its filter, so a segment id `<img src=x onerror=...>` or a system
named `**[click](http://...)**` must come out as the characters it is made of. Text gets HTML's
three entities and a backslash before every character that can open inline markup or end a
table cell; code spans get a fence longer than any run of backticks inside them.
"""

from __future__ import annotations

import re

__all__ = ["code_span", "md_text"]

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# What can start inline markup (emphasis, links, images, code, strike-through), a backslash
# escape itself, or split a table row; `<` (raw HTML, autolinks) is an entity above.
_ACTIVE = frozenset("\\`*_[]|~")
_BACKTICKS = re.compile(r"`+")


def md_text(text: str) -> str:
    """`text` on one line, shown as written wherever Markdown puts it (also in table cells).

    An underscore inside a word (`entity_missing`) cannot open emphasis and stays bare."""
    flat = " ".join(text.splitlines())
    out = []
    for i, ch in enumerate(flat):
        if ch in _ENTITIES:
            out.append(_ENTITIES[ch])
        elif ch == "_" and flat[i - 1 : i].isalnum() and flat[i + 1 : i + 2].isalnum():
            out.append(ch)
        elif ch in _ACTIVE:
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def code_span(text: str, *, in_table: bool = False) -> str:
    """`text` as one inline code span: nothing inside is markup, whatever it holds.

    In a table, `|` still splits the row inside a code span (GFM), so it is escaped there."""
    flat = " ".join(text.splitlines())
    if in_table:
        flat = flat.replace("|", "\\|")
    longest = max((len(run) for run in _BACKTICKS.findall(flat)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") or longest else ""
    return f"{fence}{pad}{flat}{pad}{fence}"
