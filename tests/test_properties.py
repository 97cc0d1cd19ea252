"""Property tests (hypothesis): for random text, mixtures of the claim vocabulary, tables of random cells,
real-style lines cut and spoilt, and random bytes through the decoder, fiscal-lint never raises, no rule
fails, and every report renders without a raw control character. A few thousand examples, derandomized so
that a run is repeatable; tests/fuzz/run.py explores further for as long as it is given (nightly)."""
from fuzz import strategies as S
from fuzz.properties import check_bytes, check_text
from hypothesis import HealthCheck, given, settings

QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]


def fast(n: int):
    return settings(max_examples=n, derandomize=True, deadline=None, database=None, print_blob=True,
                    suppress_health_check=QUIET)


@fast(400)
@given(S.random_text)
def test_random_text(text):
    check_text(text)


@fast(500)
@given(S.vocabulary)
def test_vocabulary_mixtures(text):
    check_text(text)


@fast(300)
@given(S.tables())
def test_tables(text):
    check_text(text)


@fast(400)
@given(S.mutated_lines())
def test_mutated_real_style_lines(text):
    check_text(text)


@fast(500)
@given(S.byte_strings())
def test_random_bytes_through_the_decoder(data):
    check_bytes(data)


@fast(100)
@given(S.documents)
def test_documents_of_every_kind(text):
    check_text(text)
