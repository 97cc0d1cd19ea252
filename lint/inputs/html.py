"""HTML: the article of a saved government page, its paragraphs and tables, page furniture left out.

The standard library parses it. The article is the smallest element holding most of the page's Chinese
text (sites name it TRS_Editor, zoom, article, content …); navigation, headers, footers, scripts and
forms are skipped. Each line remembers the HTML source line it came from.
"""
from __future__ import annotations

from html.parser import HTMLParser

from .located import Extracted, TextBuilder, clean_cell
from ..rx import lazy

SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "select",
        "button", "svg", "template", "head"}
BLOCK = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "section", "article", "main",
         "blockquote", "pre", "dd", "dt", "ul", "ol", "table", "hr", "center"}
VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}
HAN = lazy(r"\p{Han}")
# elements nested deeper than this are read as text of the element they are in: real pages nest a few dozen
# deep, and the tree is walked recursively (100,000 nested <div> would end in a RecursionError)
MAX_DEPTH = 200
# a page of more elements is absurd (a large real one has tens of thousands): the rest of it is not read, since
# the tree of a million elements alone takes half a gigabyte
MAX_ELEMENTS = 200_000


class Node:
    __slots__ = ("tag", "children", "parent", "line", "text", "han")

    def __init__(self, tag: str, parent, line: int) -> None:
        self.tag, self.parent, self.line = tag, parent, line
        self.children: list = []
        self.han = 0


class TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root", None, 1)
        self.cur = self.root
        self.skip_depth = 0
        self.depth = 0
        self.flattened = 0  # start tags past MAX_DEPTH
        self.elements = 0
        self.full_at: int | None = None  # the source line where MAX_ELEMENTS was reached

    def handle_starttag(self, tag, attrs):
        if self.skip_depth or tag in SKIP:
            if tag not in VOID:
                self.skip_depth += 1
            return
        if self.depth >= MAX_DEPTH:
            self.flattened += 1
            return
        self.elements += 1
        if self.elements > MAX_ELEMENTS and self.full_at is None:
            self.full_at = self.getpos()[0]
        node = Node(tag, self.cur, self.getpos()[0])
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node
            self.depth += 1

    def handle_endtag(self, tag):
        if self.skip_depth:
            if tag not in VOID:
                self.skip_depth -= 1
            return
        n, up = self.cur, 1
        while n is not self.root and n.tag != tag:
            n, up = n.parent, up + 1
        if n is not self.root and n.tag == tag:
            self.cur = n.parent
            self.depth -= up

    def handle_data(self, data):
        if self.skip_depth or not data:
            return
        self.cur.children.append((data, self.getpos()[0]))


def _count(node: Node) -> int:
    total = 0
    for c in node.children:
        total += len(HAN.findall(c[0])) if isinstance(c, tuple) else _count(c)
    node.han = total
    return total


def _article(root: Node) -> Node:
    total = _count(root) or 1
    best = root
    stack = [root]
    while stack:
        n = stack.pop()
        for c in n.children:
            if isinstance(c, Node):
                if c.han >= 0.6 * total and c.tag not in ("html", "body"):
                    best = c
                stack.append(c)
    # the deepest element that still holds most of the text
    node = root
    while True:
        inner = [c for c in node.children if isinstance(c, Node) and c.han >= 0.6 * total]
        if not inner:
            return node if node is not root else best
        node = inner[0]


def read(data: bytes) -> Extracted:
    from .decode import decode

    text, _ = decode(data)
    tb = TreeBuilder()
    for k in range(0, len(text), 1 << 16):
        tb.feed(text[k:k + (1 << 16)])
        if tb.full_at is not None:
            break
    tb.close()
    article = _article(tb.root)
    out = TextBuilder()
    buffer: list[str] = []
    state = {"line": article.line}

    def flush():
        joined = "".join(buffer).strip()
        if joined:
            out.line(" ".join(joined.split()), {"line": state["line"]})
        buffer.clear()

    def walk(node: Node):
        for c in node.children:
            if isinstance(c, tuple):
                if not buffer:
                    state["line"] = c[1]
                buffer.append(c[0])
                continue
            if c.tag == "table":
                flush()
                table(c)
                continue
            if c.tag in BLOCK:
                flush()
            walk(c)
            if c.tag in BLOCK:
                flush()

    def cell_text(node: Node) -> str:
        parts = []
        for c in node.children:
            parts.append(c[0] if isinstance(c, tuple) else cell_text(c))
        return clean_cell(" ".join("".join(parts).split()))

    def table(node: Node):
        rows = []

        def collect(n: Node):
            for c in n.children:
                if isinstance(c, Node):
                    if c.tag == "tr":
                        rows.append(c)
                    elif c.tag != "table":
                        collect(c)

        collect(node)
        for r in rows:
            cells = [c for c in r.children if isinstance(c, Node) and c.tag in ("td", "th")]
            if cells:
                out.row([cell_text(c) for c in cells], [{"line": c.line} for c in cells])
        out.blank()

    walk(article)
    flush()
    extracted = out.build("html")
    if tb.full_at is not None:
        extracted.notes.append(f"the page has more than {MAX_ELEMENTS:,} elements: from its line {tb.full_at} on, "
                               f"it was not read")
    if tb.flattened:
        extracted.notes.append(f"{tb.flattened:,} HTML elements nested more than {MAX_DEPTH} deep were read as "
                               f"the text of the element they are in")
    return extracted
