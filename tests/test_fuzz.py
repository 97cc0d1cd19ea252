"""Random documents built from the claim vocabulary: the grammar accepts every sentence, and no
document makes a rule or a report raise."""
import random

import lark
from conftest import lint_text
from fiscal_lint.parse.extract import parser, sentences
from fiscal_lint.reports import html, json, sarif
from fiscal_lint.text.normalize import normalize
from fuzz.strategies import VOCABULARY
from lark.utils import TextSlice

PIECES = VOCABULARY


def test_random_documents():
    rng = random.Random(20261122)
    for _ in range(400):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 50)))
        n = normalize(text)
        for a, b in sentences(n.text, 0, len(n.text)):
            try:
                parser().parse(TextSlice(n.text, a, b))
            except lark.exceptions.LarkError as e:  # pragma: no cover - the failure explains itself
                raise AssertionError(f"grammar rejects {n.text[a:b]!r}: {e}") from None
        r = lint_text(text)
        json.render([r], "en")
        html.render([r], "zh")
        sarif.render([r], "en")
