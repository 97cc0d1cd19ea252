"""The engine: how the verdicts of the rules become findings and checks."""
from conftest import HERE, lint_text


def test_every_finding_is_one_failing_check():
    """A rule yields a finding or a passing check for each relation; the engine records the failing
    check of each finding, at the finding's place, under the rule whose relation it is."""
    seen = 0
    for path in sorted((HERE / "corpus" / "seeds").glob("*.txt")):
        r = lint_text(path.read_text(encoding="utf-8"))
        fails = [c for c in r.checks if c.status == "fail"]
        assert len(fails) == len(r.findings)
        for f in r.findings:
            assert any(c.anchor is f.anchor and c.figures is f.figures and c.rule is (f.relation or f.rule)
                       for c in fails)
        seen += len(fails)
    assert seen > 10


def test_a_finding_of_another_rule_keeps_the_relation_of_its_check():
    r = lint_text("2020年度财政拨款基本支出预算539.26万元,实际支出550.55万元,其中:人员经费438万元;公用经费101.26万元。")
    assert [f.rule.code for f in r.findings] == ["FL102"]
    assert [(c.rule.code, c.status) for c in r.checks if c.rule.family == "sum"] == [("FL101", "fail")]


def test_a_long_run_settles_the_garbage_collector():
    # the results of every file are kept to the end of a run: collections must not walk them again and again
    import gc

    from fiscal_lint.run import engine as _engine

    before = gc.get_threshold()
    try:
        _engine.settle()
        assert gc.get_threshold()[0] == _engine.GC_THRESHOLD and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def test_a_result_for_a_report_that_reads_no_document_crosses_back_without_it():
    from fiscal_lint.check.rule import fingerprint
    from fiscal_lint.reports import json as json_report
    from fiscal_lint.run import engine

    text, md = HERE / "variants" / "04_yuan_sum_error.txt", HERE / "variants" / "34_markdown_sangong.md"
    full = [engine.check_portable(engine.Job(str(p))) for p in (text, md)]
    light = [engine.check_portable(engine.Job(str(p), view=False)) for p in (text, md)]
    assert light[0].doc is None and light[1].doc is not None  # a Markdown file may hold comments: kept
    assert full[0].findings and all(f.fingerprint == fingerprint(full[0].doc.norm.text, f) for f in full[0].findings)
    assert json_report.render(light, "en") == json_report.render(full, "en")
    assert full[0].portable(view=False).doc is None and full[0].portable().doc is full[0].doc
