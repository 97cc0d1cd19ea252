"""The lexer's first-character dispatch (lint/parse/scan.py): the same tokens as Lark's own scanner."""
from pathlib import Path

import pytest
from fiscal_lint.parse import extract, scan
from fiscal_lint.text.normalize import normalize
from lark import Token, Tree

ROOT = Path(__file__).resolve().parent


@pytest.mark.parametrize("regexp, can, cannot", [
    ("万元", "万", "元亿"),
    ("[,、;:]", ",、;:", "。a"),
    ("[^\\d!%]+", "a万。", "1!%"),
    ("\\d+(?:\\.\\d+)?", "0９", "a."),
    ("(?:完成|占|为)预算", "完占为", "预"),
    ("(?:年初|全年)?预算", "年全预", "初"),
    ("(?<![A-Za-z])\\d+", "1", "A"),
    ("(?!持平)[持平]", "持平", "增"),
    ("(?i:abc)", "aAbZ", ""),  # a flag: any character may begin it
    ("x*y", "xy", "z"),
])
def test_first_characters(regexp, can, cannot):
    test = scan.first(regexp)
    assert all(test(c) for c in can)
    assert not any(test(c) for c in cannot)


def _stock():
    install, scan.install = scan.install, lambda lark, runs=(): 0
    try:
        return extract.parser.__wrapped__()
    finally:
        scan.install = install


def _sentences():
    for folder in (ROOT / "corpus" / "seeds", ROOT / "variants"):
        for path in sorted(folder.iterdir()):
            raw = path.read_bytes()
            try:
                text = normalize(raw.decode("utf-8")).text
            except UnicodeDecodeError:
                text = normalize(raw.decode("gb18030")).text
            for a, b in extract.sentences(text, 0, len(text)):
                yield text[a:b]
    # what no document above has: traditional, fullwidth, a broken figure, a table row, a stray "?"
    yield from ["較上年增長12.5%,決算數為1,010.52萬元。", "支出?8639万元,PM2.5下降3%", "合计 | 12.5 | 13 |", "1420,53万元"]


def _read(tree) -> list:
    """The tree as extract reads it: each label's text and span (its tokens side by side), every other token with
    its place."""
    out = []
    for child in tree.children:
        if isinstance(child, Token) and child.type in extract.LABEL:
            if out and out[-1][0] == "label":
                out[-1] = ("label", out[-1][1] + str(child), out[-1][2], child.end_pos)
            else:
                out.append(("label", str(child), child.start_pos, child.end_pos))
        elif isinstance(child, Tree):
            out.append((child.data, [(t.type, str(t), t.start_pos, t.end_pos) for t in child.children]))
        else:
            out.append((child.type, str(child), child.start_pos, child.end_pos))
    return out


def test_the_same_reading_as_lark():
    stock, fast = _stock(), extract.parser()
    assert type(fast.parser.lexer.lexers[0].scanner) is scan.Scanner
    assert type(stock.parser.lexer.lexers[0].scanner) is not scan.Scanner
    n = tokens = fewer = 0
    for sentence in _sentences():
        a, b = stock.parse(sentence), fast.parse(sentence)
        assert _read(a) == _read(b), sentence
        n += 1
        tokens += sum(1 for _ in a.scan_values(lambda v: isinstance(v, Token)))
        fewer += sum(1 for _ in b.scan_values(lambda v: isinstance(v, Token)))
    assert n > 300
    assert fewer < 0.8 * tokens  # a label is one token, not one a character that could begin a phrase


def test_a_label_is_one_token():
    tree = extract.parser().parse("本单位政府采购支出决算为12.5万元")
    labels = [c for c in tree.children if isinstance(c, Token) and c.type in extract.LABEL]
    assert labels == ["本单位政府采购"]


def test_nothing_to_install_on_another_shape():
    class Other:
        parser = None
    assert scan.install(Other()) == 0


def test_a_lark_that_lexes_plain_strings_keeps_its_own_scanner(monkeypatch):
    # before Lark 1.2's TextSlice the lexer passes plain strings, which this scanner does not read
    from lark import lexer as lark_lexer

    stock = _stock()
    monkeypatch.delattr(lark_lexer, "TextSlice")
    assert scan.install(stock, runs=("WORD", "CHAR")) == 0
    assert type(stock.parser.lexer.lexers[0].scanner) is not scan.Scanner
