"""Lark's lexer, trying at each position only the terminals that can begin with the character there.

Lark's scanner is one regex, an alternation of every terminal a parser state accepts, each as a named group. A
capturing group is never skipped on its first character (Python's regex engine skips an alternative early only
when it opens with a literal or a class), so every token start enters all 45 terminals (about 1.4 µs a token,
measured). Here a position tries, one at a time and in Lark's order, only the terminals whose first character can be
the one there: the first that matches is the one Lark's own scanner finds, since an alternation takes the first of
its alternatives that matches, and a terminal that cannot begin with a character cannot match there. Each
terminal's regex is compiled once, for every lexer, when a position first needs it: compiling instead an
alternation for each set of terminals that can begin somewhere (128 sets on the bench corpus) took a tenth of a
second of every worker's start, and which terminals can begin with a character is worked out once a character.

A run of ordinary text (the terminals named as `runs`: a label's characters) is also returned as one token. Lark
would lex it as several, each after shifting the one before, which takes the parser to a state whose lexer is the
same whatever the state before (install() checks it); so the run is continued here with that lexer, and it ends
where Lark's label would: at the first token that is not of a run. A label is the same text either way; what it
saves is Lark's own work a token, in Python (making the token, counting its lines, the parser's step and the
tree's), most of the cost of a sentence.

What a terminal can begin with is read from its regex as Python parses it (re._parser): a literal, a class, a
category (\\d, \\s, \\w and their negations), alternatives, and what follows an optional part or an assertion
(assertions only narrow a match, so they are stepped over). Anything else counts as any character.
"""
from __future__ import annotations

import functools
from collections.abc import Callable

try:
    from re import _constants as C
    from re import _parser as sre_parse
except ImportError:  # Python 3.10
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

from lark import lexer as lark_lexer
from lark.parsers.lalr_analysis import Shift

Test = Callable[[str], bool]
ANY: Test = lambda c: True  # noqa: E731

_CATEGORY: dict = {
    C.CATEGORY_DIGIT: str.isdecimal,
    C.CATEGORY_NOT_DIGIT: lambda c: not c.isdecimal(),
    C.CATEGORY_SPACE: str.isspace,
    C.CATEGORY_NOT_SPACE: lambda c: not c.isspace(),
    C.CATEGORY_WORD: lambda c: c.isalnum() or c == "_",
    C.CATEGORY_NOT_WORD: lambda c: not (c.isalnum() or c == "_"),
}
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT} | ({C.POSSESSIVE_REPEAT} if hasattr(C, "POSSESSIVE_REPEAT") else set())
_FLAGGED = C.SRE_FLAG_IGNORECASE | C.SRE_FLAG_LOCALE | C.SRE_FLAG_ASCII


def first(regexp: str) -> Test:
    """A test of the characters a match of `regexp` can begin with (true of some that cannot, never false of one
    that can)."""
    try:
        parsed = sre_parse.parse(regexp)
    except Exception:  # noqa: BLE001 (not ours to judge: any character)
        return ANY
    if parsed.state.flags & _FLAGGED:
        return ANY
    tests, nullable = _sequence(list(parsed))
    if nullable or ANY in tests:
        return ANY
    return tests[0] if len(tests) == 1 else (lambda c: any(t(c) for t in tests))


def _sequence(items) -> tuple[list[Test], bool]:
    """The tests of a sequence's first character, and whether the sequence can match nothing."""
    tests: list[Test] = []
    for op, av in items:
        got, nullable = _item(op, av)
        tests.extend(got)
        if not nullable:
            return tests, False
    return tests, True


def _item(op, av) -> tuple[list[Test], bool]:
    if op is C.LITERAL:
        ch = chr(av)
        return [ch.__eq__], False
    if op is C.IN:
        return [_member(av)], False
    if op is C.BRANCH:
        tests: list[Test] = []
        nullable = False
        for alternative in av[1]:
            got, empty = _sequence(list(alternative))
            tests.extend(got)
            nullable = nullable or empty
        return tests, nullable
    if op is C.SUBPATTERN:
        _group, add_flags, _del_flags, body = av
        if add_flags & _FLAGGED:
            return [ANY], False
        return _sequence(list(body))
    if op in _REPEATS:
        low, _high, body = av
        got, empty = _sequence(list(body))
        return got, empty or low == 0
    if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
        return [], True  # an assertion narrows the match; what it allows to begin is what follows it
    if getattr(C, "ATOMIC_GROUP", None) is op:
        return _sequence(list(av))
    return [ANY], False  # any character, a back-reference, …: anything


def _member(items) -> Test:
    """A character class as a test, as the regex engine reads it."""
    negate = False
    chars: set[str] = set()
    ranges: list[tuple[int, int]] = []
    others: list[Test] = []
    for op, av in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            chars.add(chr(av))
        elif op is C.RANGE:
            ranges.append(av)
        elif op is C.CATEGORY and av in _CATEGORY:
            others.append(_CATEGORY[av])
        else:
            return ANY

    def inside(c: str) -> bool:
        return c in chars or any(lo <= ord(c) <= hi for lo, hi in ranges) or any(t(c) for t in others)

    return (lambda c: not inside(c)) if negate else inside


class Starts:
    """The names of the terminals that can begin with a character, worked out once a character for every lexer
    (a terminal this was not told of can begin with any)."""

    def __init__(self, tests: dict[str, Test], names) -> None:
        self._tests = [(name, tests.get(name, ANY)) for name in names]
        self._by_char: dict[str, frozenset[str]] = {}

    def __call__(self, c: str) -> frozenset[str]:
        if c not in self._by_char:
            self._by_char[c] = frozenset(name for name, test in self._tests if test(c))
        return self._by_char[c]


class Scanner:
    """Lark's Scanner over `terminals`, matched at each position with only the terminals that can begin there."""

    def __init__(self, terminals, g_regex_flags, re_, use_bytes, starts: Starts, runs: tuple[str, ...] = (),
                 after=None):
        self.terminals = terminals
        self.allowed_types = {t.name for t in terminals}
        self._args = (g_regex_flags, re_, use_bytes)
        self._names = [t.name for t in terminals]
        self._starts = starts
        # what to try at a position holding a character: (the match of a terminal's regex, its name), in Lark's order
        self._by_char: dict[str, tuple] = {}
        self._by_key: dict[tuple[int, ...], tuple] = {}
        self.runs: frozenset[str] = frozenset(runs if after is not None else ())
        self.run_type = runs[0] if self.runs else ""
        self._after = after  # the lexer after a token of a run (install); its scanner is built when a run needs it
        self._follow: Scanner | None = None

    def _for(self, c: str) -> tuple:
        can = self._starts(c)
        key = tuple(i for i, name in enumerate(self._names) if name in can)
        if key not in self._by_key:
            self._by_key[key] = tuple((_compiled(self.terminals[i], *self._args), self.terminals[i].name) for i in key)
        found = self._by_char[c] = self._by_key[key]
        return found

    def prepare(self, chars) -> None:
        """Compile now the terminals that can begin at positions holding these characters."""
        for c in chars:
            if c not in self._by_char:
                self._for(c)

    def _one(self, text, pos):
        string = text.text
        c = string[pos]
        tries = self._by_char[c] if c in self._by_char else self._for(c)
        for match, name in tries:  # in Lark's order: the first that matches is the alternative its regex takes
            m = match(string, pos, text.end)
            if m is not None:
                return m.group(0), name
        return None

    def match(self, text, pos):
        got = self._one(text, pos)
        if got is None or got[1] not in self.runs:
            return got
        follow = self._follow or self._follow_scanner()
        value, end, stop = got[0], pos + len(got[0]), text.end
        pieces = None
        while end < stop:
            nxt = follow._one(text, end)
            if nxt is None or nxt[1] not in self.runs:
                break
            if pieces is None:
                pieces = [value]
            pieces.append(nxt[0])
            end += len(nxt[0])
        return (value, got[1]) if pieces is None else ("".join(pieces), self.run_type)

    def _follow_scanner(self) -> Scanner:
        self._follow = self._after.scanner  # Lark's property: it builds the scanner once
        return self._follow

    @functools.cached_property
    def _whole(self) -> lark_lexer.Scanner:
        return lark_lexer.Scanner(self.terminals, *self._args)

    def fullmatch(self, text: str):
        return self._whole.fullmatch(text)


_COMPILED: dict[tuple, Callable] = {}  # the match of each terminal's regex, compiled once for every lexer


def _compiled(terminal, g_regex_flags, re_, _use_bytes) -> Callable:
    key = (terminal.pattern.to_regexp(), g_regex_flags, re_)
    if key not in _COMPILED:
        _COMPILED[key] = re_.compile(key[0], g_regex_flags).match
    return _COMPILED[key]


def install(lark, runs: tuple[str, ...] = ()) -> int:
    """Give each lexer of `lark`'s contextual lexer the scanner above, and a next_token that counts no lines;
    returns how many lexers took them (0, and Lark's own stay, where this version of Lark keeps its lexers
    otherwise). `runs`: the terminals of ordinary text, whose runs become one token of the first of them, where
    that is sure to parse the same."""
    contextual = getattr(lark.parser, "lexer", None)
    lexers = _lexers(lark, root=True)
    needed = ("terminals", "g_regex_flags", "re", "use_bytes", "user_callbacks", "ignore_types", "_scanner",
              "_build_scanner")
    if (not lexers or not all(hasattr(x, a) for x in lexers for a in needed) or not hasattr(lark_lexer, "_create_unless")
            or not hasattr(lark_lexer, "TextSlice")  # a Lark that lexes plain strings (before 1.2) keeps its own
            or any(x.use_bytes for x in lexers)):
        return 0
    starts = Starts({t.name: first(t.pattern.to_regexp()) for t in lark.terminals},
                    {t.name for x in lexers for t in x.terminals})
    after = _after_run(lark, contextual, runs)
    for lexer in lexers:
        if lexer._scanner is None:  # each is built when a sentence first needs it, as Lark builds its own
            lexer._build_scanner = functools.partial(_build, lexer, starts, runs, after)
    return len(lexers)


def _lexers(lark, root: bool = False) -> list:
    """The distinct lexers of `lark`'s contextual lexer (one per set of terminals a parser state accepts), and its
    root lexer with `root`; none where this version of Lark keeps them otherwise."""
    contextual = getattr(lark.parser, "lexer", None)
    found = [*(getattr(contextual, "lexers", None) or {}).values()]
    if root:
        found.append(getattr(contextual, "root_lexer", None))
    return list({id(x): x for x in found if isinstance(x, lark_lexer.BasicLexer)}.values())


def scanners(lark) -> int:
    """Build now each lexer's scanner, which Lark otherwise builds at the first sentence that needs it, with the
    scanners of each character the grammar's terminals are written with, so that a process forked after this
    compiles none for its first files. Returns how many lexers were built."""
    lexers = _lexers(lark)
    chars = {c for t in lark.terminals for c in t.pattern.to_regexp()} | set("0123456789的")
    for lexer in lexers:
        scanner = getattr(lexer, "scanner", None)  # the property builds it and keeps it
        if isinstance(scanner, Scanner):
            scanner.prepare(chars)
    return len(lexers)


def _after_run(lark, contextual, runs: tuple[str, ...]):
    """The one lexer of every parser state reached by shifting a token of `runs`, where the terminals of `runs`
    are accepted together or not at all; None otherwise (runs are then left to Lark)."""
    try:
        states = lark.parser.parser.parser.parse_table.states
        by_state = contextual.lexers
    except AttributeError:
        return None
    if not runs:
        return None
    after = set()
    for actions in states.values():
        present = [name in actions for name in runs]
        if any(present) != all(present):
            return None
        for name in runs:
            action, target = actions.get(name, (None, None))
            if action is Shift:  # a reduction leads to a state where the token is shifted: that state counts
                after.add(by_state[target])
    return after.pop() if len(after) == 1 else None


def _build(lexer, starts: Starts, runs: tuple[str, ...] = (), after=None) -> Scanner:
    """BasicLexer._build_scanner with this module's Scanner."""
    terminals, lexer.callback = lark_lexer._create_unless(lexer.terminals, lexer.g_regex_flags, lexer.re,
                                                          lexer.use_bytes)
    for type_, f in lexer.user_callbacks.items():
        if type_ in lexer.callback:
            lexer.callback[type_] = lark_lexer.CallChain(lexer.callback[type_], f, lambda t, type_=type_: t.type == type_)
        else:
            lexer.callback[type_] = f
    scanner = Scanner(terminals, lexer.g_regex_flags, lexer.re, lexer.use_bytes, starts, runs, after)
    lexer.match = scanner.match  # BasicLexer.match only passes the call on to its scanner
    if not lexer.ignore_types:
        lexer.next_token = functools.partial(_next_token, lexer, scanner.match, lexer.callback)
    return scanner


_new_str = str.__new__
_Token = lark_lexer.Token


def _next_token(lexer, match, callback, lex_state, parser_state=None):
    """BasicLexer.next_token, for a lexer that ignores no terminal, without counting lines: a sentence is parsed
    for its tokens' offsets (start_pos, end_pos), and their lines and columns are left None. Where the text
    cannot be lexed, Lark's own raises its error."""
    line_ctr = lex_state.line_ctr
    pos = line_ctr.char_pos
    if pos >= lex_state.text.end:
        raise EOFError(lexer)
    got = match(lex_state.text, pos)
    if not got:
        return lark_lexer.BasicLexer.next_token(lexer, lex_state, parser_state)
    value, type_ = got
    t = _new_str(_Token, value)
    t.type, t.value, t.start_pos, t.end_pos = type_, value, pos, pos + len(value)
    t.line = t.column = t.end_line = t.end_column = None
    line_ctr.char_pos = t.end_pos
    if type_ in callback:
        t = callback[type_](t)
    lex_state.last_token = t
    return t
