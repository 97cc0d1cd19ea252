"""One quantity stated twice: the verdict every rule comparing two statements gives."""
from __future__ import annotations

from collections.abc import Iterator

from .explain import same_quantity, value_text
from .rule import Check, Finding, Message, Rule, figure

NEAR = Message(" (one in the last digit: each may have been rounded from its own sum)",
               "（末位相差1，可能是分别舍入所致）")


def two_statements(doc, rule: Rule, later, earlier, message: Message, roles=("second", "first"),
                   doubtful: bool | str = False) -> Iterator[Check | Finding]:
    """Check `later` against `earlier`; report with `message` when they differ. A difference of one in
    the last digit is a warning rather than an error; a doubtful pairing (`doubtful`, or why it is) is unsure."""
    same = same_quantity(doc, later, earlier)
    if same is None:
        return
    figures = [figure(doc, later, roles[0]), figure(doc, earlier, roles[1])]
    if same == "same":
        yield Check(rule, "pass", figures[0], figures)
        return
    if same == "near":
        message = Message(message.en + NEAR.en, message.zh + NEAR.zh)
    severity = "warning" if same == "near" else "error"
    unsure = doubtful if isinstance(doubtful, str) else "the basis (budget or actual) of one statement is not written" \
        if doubtful else ""
    yield Finding(rule, severity, message, figures[0], figures, expected=value_text(earlier.q), unsure=unsure)
