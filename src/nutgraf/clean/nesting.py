"""Pages whose elements nest deeper than the HTML parser allows, flattened before extraction.

libxml2 (under lxml, under trafilatura) stops parsing at 256 levels of nesting: everything after
the deep point is dropped without an exception, so a page wrapped in thousands of ``<div>`` gives
no text, or only the text that came before. :func:`too_deep` asks the parser itself, and
:func:`flatten` re-writes such a page with the tags beyond :data:`MAX_KEPT_DEPTH` levels left out
(their text stays where it was), using the standard library's tokenizer, which keeps no tree and
so has no depth limit.
"""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser

import lxml.etree

__all__ = ["MAX_KEPT_DEPTH", "PARSER_DEPTH_LIMIT", "flatten", "too_deep"]

PARSER_DEPTH_LIMIT = 256
"""libxml2's nesting limit without XML_PARSE_HUGE; even with it, the limit is 2048."""

MAX_KEPT_DEPTH = 128
"""Levels of elements kept when a page is flattened: real news pages nest a few dozen deep, so
their structure (paragraphs, the article block) survives whole; half the parser's limit leaves
room for the elements it adds itself."""

_VOID = frozenset(
    "area base br col embed hr img input keygen link meta param source track wbr basefont frame".split()
)
_SIBLING_CLOSES = frozenset({"p", "li", "option", "dt", "dd", "tr", "td", "th"})
"""Elements an opening tag of the same name closes (``<li>a<li>b``), as HTML parsers do."""


def too_deep(html: str) -> bool:
    """Whether libxml2 gives up on ``html`` for nesting too deep (it says so in its error log). A page
    with fewer tags than the limit cannot nest that deep, so most pages skip the second parse."""
    if html.count("<") < PARSER_DEPTH_LIMIT:
        return False
    parser = lxml.etree.HTMLParser(encoding="utf-8", recover=True)
    try:
        lxml.etree.fromstring(html.encode("utf-8", "surrogatepass"), parser)
    except (lxml.etree.LxmlError, ValueError):
        pass
    return any("depth" in error.message.lower() for error in parser.error_log)


class _Flattener(HTMLParser):
    def __init__(self, max_depth: int) -> None:
        super().__init__(convert_charrefs=False)
        self.max_depth = max_depth
        self.out: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, written out)
        self.open: Counter[str] = Counter()
        self.kept = 0
        self.dropped = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        raw = self.get_starttag_text() or f"<{tag}>"
        if tag in _VOID:
            self.out.append(raw)
            return
        if tag in _SIBLING_CLOSES and self.stack and self.stack[-1][0] == tag:
            self._pop()
        keep = self.kept < self.max_depth
        if keep:
            self.out.append(raw)
            self.kept += 1
        else:
            self.dropped += 1
        self.stack.append((tag, keep))
        self.open[tag] += 1

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.out.append(self.get_starttag_text() or f"<{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if not self.open[tag]:
            return  # a stray end tag closes nothing
        while True:
            name, kept = self._pop()
            if name == tag:
                if kept:
                    self.out.append(f"</{tag}>")
                return

    def _pop(self) -> tuple[str, bool]:
        name, kept = self.stack.pop()
        self.open[name] -= 1
        self.kept -= kept
        return name, kept

    def handle_data(self, data: str) -> None:
        self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")


def flatten(html: str, max_depth: int = MAX_KEPT_DEPTH) -> str:
    """``html`` with the elements nested deeper than ``max_depth`` unwrapped: their tags go, their
    text and the tags around them stay. Linear in the page's size, whatever its depth."""
    flattener = _Flattener(max_depth)
    flattener.feed(html)
    flattener.close()
    return "".join(flattener.out)
