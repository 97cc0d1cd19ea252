"""lint/rx.py: a pattern is compiled at its first use, and then behaves as the compiled one."""
import regex
from fiscal_lint.rx import lazy


def test_compiled_at_first_use_and_then_the_same():
    p = lazy(r"(?<=\d)万(?=元)", regex.V0)
    assert "_pattern" not in vars(p)
    assert p.search("收入12万元").start() == 4
    assert "_pattern" in vars(p) and p.groups == 0 and p.pattern == r"(?<=\d)万(?=元)"
    whole = regex.compile(r"(?<=\d)万(?=元)", regex.V0)
    for text in ("12万元", "万元", "3万人,4万元"):
        assert p.sub("W", text) == whole.sub("W", text)
        assert [m.span() for m in p.finditer(text)] == [m.span() for m in whole.finditer(text)]


def test_a_bad_pattern_fails_where_it_is_used():
    p = lazy(r"(unclosed")
    try:
        p.search("x")
    except regex.error:
        pass
    else:
        raise AssertionError("compiled a bad pattern")
