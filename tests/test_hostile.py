"""Hostile and absurd input: every document gets a result, and a bug costs one relation, not the file."""
import pytest
from conftest import lint_text
from fiscal_lint.check.rule import Broken, guarded

# short inputs that once raised inside a rule and lost every check of the document (issue 12)
REPRODUCERS = [
    "支出决算表|7||\n|||合计",
    "支出决算表\n|合计|+\n||7",
    "2元分别为9999999999999999999999999万元",
    "2元其中5555555555555555555555555元占2%",
    "\t\t全年预算数\t执行数\t执行率\t\n\t\t7\t9\t0.0000000000000000000000001\t",
    "5/9\\\\times0%=9%",
    "预算2元实际支出9元控制率4亿%",
    "府采7,7元占府采0万%",
]


@pytest.mark.parametrize("text", REPRODUCERS)
def test_reproducer_is_read_without_a_rule_error(text):
    result = lint_text(text)
    assert result.error is None and result.rule_errors == []


def test_a_huge_figure_is_checked_exactly():
    result = lint_text("合计2元，分别为9999999999999999999999999万元。")
    (f,) = [f for f in result.findings if f.rule.code == "FL101"]
    assert "99999999999999999999999990000" in f.message.en


def test_a_percent_takes_no_magnitude():
    # "4亿%" is no figure: nothing is checked against it, and nothing raises
    result = lint_text("预算2元，实际支出9元，控制率4亿%。")
    assert not [c for c in result.checks if c.rule.code == "FL411"]


def test_a_division_by_a_zero_multiplier_is_not_an_error():
    result = lint_text("5/9×0%=9%")
    assert result.rule_errors == []
    (f,) = result.findings  # as written, 5 / 9 × 0% is 0%: the slip to "× 100%" cannot be worked out
    assert f.rule.code == "FL412" and f.message.en.startswith("5 / 9 × 0% = 0.00%")


def test_guarded_keeps_what_was_given_and_marks_the_rest():
    def verdicts():
        yield "first"
        raise ZeroDivisionError("x")

    out = list(guarded(verdicts()))
    assert out[0] == "first" and isinstance(out[1], Broken) and isinstance(out[1].error, ZeroDivisionError)


def test_a_relation_that_raises_loses_only_itself(monkeypatch):
    import fiscal_lint.rules.ratio as ratio

    real = ratio._rate
    seen = []

    def flaky(doc, c):
        seen.append(c)
        if len(seen) == 1:
            raise IndexError("list index out of range")
        yield from real(doc, c)

    monkeypatch.setattr(ratio, "_rate", flaky)
    text = ("一、项目预算100万元，实际支出90万元，控制率为90%。\n"
            "二、项目预算200万元，实际支出150万元，控制率为75%。")
    result = lint_text(text)
    rates = [c for c in result.checks if c.rule.code == "FL411"]
    assert len(seen) == 2 and len(rates) == 1 and rates[0].status == "pass"
    assert len(result.rule_errors) == 1 and "IndexError" in result.rule_errors[0]


def test_a_claim_builder_that_raises_loses_only_its_paragraph(monkeypatch):
    from fiscal_lint.claims import kinds

    calls = []
    original = kinds.BUILDERS["rates"][:]

    def broken(doc):
        calls.append(1)
        raise KeyError("boom")

    monkeypatch.setitem(kinds.BUILDERS, "rates", [broken, *original])
    result = lint_text("本年支出合计30万元，其中基本支出10万元，项目支出20万元。项目预算100万元，实际支出90万元，控制率为90%。")
    assert calls == [1]  # built once, though two rules read the rates
    assert any(c.rule.code == "FL101" and c.status == "pass" for c in result.checks)
    assert any(c.rule.code == "FL411" and c.status == "pass" for c in result.checks)
    assert any("rates claims" in e and "KeyError" in e for e in result.rule_errors)


# ---------------------------------------------------------------- paths (issue 12, part 1)
import io  # noqa: E402
import json as _json  # noqa: E402
import os  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import zipfile  # noqa: E402

from click.testing import CliRunner  # noqa: E402
from fiscal_lint.front.cli import main  # noqa: E402
from fiscal_lint.inputs.decode import InputError, decode  # noqa: E402
from fiscal_lint.inputs.limits import Limits, safe_zip  # noqa: E402
from fiscal_lint.inputs.source import read, read_stream  # noqa: E402
from fiscal_lint.run.engine import lint_paths  # noqa: E402
from fiscal_lint.text import caps  # noqa: E402

GOOD = "本年支出合计3.00万元，其中基本支出1.00万元，项目支出1.00万元。\n"  # FL101


def check(*args, cwd=None):
    return CliRunner().invoke(main, ["check", "--isolated", "--lang", "en", *map(str, args)])


def _one_error_and_the_good_file(r, name, words):
    assert r.exit_code == 2, r.output
    errors = [line for line in r.stderr.splitlines() if line.startswith("fiscal-lint:")]
    assert len(errors) == 1 and name in errors[0] and words in errors[0], r.stderr
    assert "Traceback" not in r.output
    doc = _json.loads(r.stdout)
    assert [f["status"] for f in doc["files"]] == ["error", "checked"]
    assert [f["code"] for f in doc["findings"]] == ["FL101"]


def test_a_symlink_loop_is_one_line_and_the_others_are_checked(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    os.symlink("b", "a")
    os.symlink("a", "b")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    _one_error_and_the_good_file(check("--format", "json", "a", "good.txt"), "a:", "symbolic links")


def test_an_unreadable_file_is_one_line_not_a_usage_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "secret.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    if os.getuid() == 0:  # root reads any file: make opening this one fail as it would for anyone else
        real = os.open

        def refuse(path, *args, **kwargs):
            if str(path).endswith("secret.txt"):
                raise PermissionError(13, "Permission denied", str(path))
            return real(path, *args, **kwargs)

        monkeypatch.setattr(os, "open", refuse)
    else:
        (tmp_path / "secret.txt").chmod(0)
    _one_error_and_the_good_file(check("--format", "json", "secret.txt", "good.txt"), "secret.txt", "permission denied")


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "locked").mkdir()
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    real = os.scandir

    def refuse(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", refuse)
    _one_error_and_the_good_file(check("--format", "json", "locked", "good.txt"), "locked", "cannot list")


def test_a_device_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    _one_error_and_the_good_file(check("--format", "json", "/dev/zero", "good.txt"), "/dev/zero", "character device")


def test_a_fifo_does_not_block(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    os.mkfifo(tmp_path / "fifo.txt")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    # a process of its own, with a timeout: were the FIFO opened for reading, it would wait for a writer forever
    r = subprocess.run([sys.executable, "-m", "fiscal_lint", "check", "--isolated", "--format", "json", "fifo.txt",
                        "good.txt"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and "named pipe" in r.stderr and r.stderr.count("fiscal-lint:") == 1
    assert [f["code"] for f in _json.loads(r.stdout)["findings"]] == ["FL101"]


def test_output_onto_an_input_is_refused_and_nothing_is_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    p = tmp_path / "docs" / "a.txt"
    p.write_text(GOOD, encoding="utf-8")
    for args in (["-o", "docs/a.txt", "docs/a.txt"], ["-o", "docs/a.txt", "docs"], ["--write-baseline", "docs/a.txt", "docs"]):
        r = check(*args)
        assert r.exit_code == 2 and r.stdout == ""
        assert len(r.stderr.strip().splitlines()) == 1 and "refusing to write over docs/a.txt" in r.stderr
        assert p.read_text(encoding="utf-8") == GOOD


def test_a_name_starting_with_a_dash_after_double_dash(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-report.txt").write_text(GOOD, encoding="utf-8")
    r = check("--format", "json", "--", "-report.txt")
    assert r.exit_code == 1 and _json.loads(r.stdout)["files"][0]["path"] == "-report.txt"


# ---------------------------------------------------------------- limits while reading (part 2)

class Endless(io.RawIOBase):
    """A stream that never ends, like /dev/zero; counts what was asked of it."""

    def __init__(self):
        self.given = 0

    def readable(self):
        return True

    def readinto(self, b):
        b[:] = b"0" * len(b)
        self.given += len(b)
        return len(b)


def test_a_stream_is_read_to_the_limit_and_no_further():
    stream = io.BufferedReader(Endless(), buffer_size=1024)
    data = read_stream(stream, Limits(max_bytes=100_000))
    assert len(data) == 100_001 and stream.raw.given < 200_000
    r = CliRunner().invoke(main, ["check", "--isolated", "--max-bytes", "1000", "-"], input=b"1" * 5000)
    assert r.exit_code == 2 and "file too large: more than 1000 bytes" in r.stderr


def _zip(members: dict, method=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


EVIL = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'


@pytest.mark.parametrize("part", [
    EVIL.encode("utf-16"),  # with a BOM
    EVIL.encode("utf-16-le"),  # without: told by the bytes of "<?"
    EVIL.encode("utf-32-be"),
    b'<?xml version="1.0" encoding="UTF-7"?>+ADwAIQ-DOCTYPE x+AD4-<x/>',  # "<!DOCTYPE" has none of its bytes
    ('<?xml version="1.0" encoding="cp037"?>' + EVIL[21:]).encode("cp037"),  # EBCDIC
    ("<x>" + "".join(f"<p>{k}</p>" for k in range(20000)) + "</x><!DOCTYPE y>").encode(),  # past the first 64 KB
])
def test_a_dtd_is_found_in_any_encoding_and_anywhere(part):
    with pytest.raises(InputError, match="DTD or entities"):
        safe_zip(_zip({"[Content_Types].xml": "<Types/>", "word/document.xml": part}, zipfile.ZIP_STORED), Limits())


def test_zip_members_are_measured_as_they_inflate():
    with pytest.raises(InputError, match="cannot check"):
        safe_zip(_zip({"a.xml": b'<?xml version="1.0" encoding="x-unknown"?><a/>'}), Limits())
    with pytest.raises(InputError, match="compression"):
        safe_zip(_zip({"a.xml": b"<a/>"}, zipfile.ZIP_BZIP2), Limits())
    # the sizes the headers state are not believed: a member that says it is small but inflates to more
    data = bytearray(_zip({"a.xml": b"<a>" + b"0" * 100_000 + b"</a>"}))
    cd = data.rfind(b"PK\x01\x02")
    data[cd + 24:cd + 28] = (10).to_bytes(4, "little")  # the central directory's uncompressed size
    lh = data.find(b"PK\x03\x04")
    data[lh + 22:lh + 26] = (10).to_bytes(4, "little")
    with pytest.raises(InputError):
        safe_zip(bytes(data), Limits())
    # a thousandfold in total, over many members: the running count stops it
    with pytest.raises(InputError, match="zip bomb"):
        safe_zip(_zip({f"p{k}.xml": b"<a>" + b"0" * 50_000 + b"</a>" for k in range(40)}), Limits())


def test_a_sheet_that_declares_a_million_rows_costs_the_cells_it_has(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    import re

    book = tmp_path / "small.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "表1"
    ws["A1"], ws["B1"], ws["A2"], ws["B2"] = "合计", 3, "甲", 1
    wb.save(book)
    with zipfile.ZipFile(book) as z:
        members = {i.filename: z.read(i) for i in z.infolist()}
    sheet = members["xl/worksheets/sheet1.xml"].decode()
    sheet = re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A1:XFD1048576"/>', sheet)
    members["xl/worksheets/sheet1.xml"] = sheet.replace(
        "</sheetData>", '<row r="1048576"><c r="C1048576" t="n"><v>7</v></c></row></sheetData>').encode()
    lying = tmp_path / "lying.xlsx"
    lying.write_bytes(_zip(members))
    source = read(str(lying))
    assert "合计\t3" in source.text and source.text.count("\n") < 10
    with pytest.raises(InputError, match="too many cells"):
        read(str(lying), limits=Limits(max_cells=4))


def test_utf16_without_a_bom_is_text():
    text = "2023年度收入合计986.20万元，其中：财政拨款收入926.20万元。\n"
    for encoding in ("utf-16-le", "utf-16-be", "utf-32-le"):
        assert decode(text.encode(encoding)) == (text, encoding)
    with pytest.raises(InputError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_deep_html_is_read_flat_with_a_note(tmp_path):
    page = tmp_path / "deep.html"
    page.write_text("<html><body>" + "<div>" * 100_000 + GOOD + "</div>" * 100_000 + "</body></html>", encoding="utf-8")
    (r,) = lint_paths([str(page)])
    assert r.error is None and [f.rule.code for f in r.findings] == ["FL101"]
    assert any("nested more than" in n for n in r.notes)


# ---------------------------------------------------------------- linear time and caps (part 3)

def test_a_very_long_line_is_skipped_with_a_note_and_the_rest_is_read():
    text = GOOD + "合计1万元，" * (caps.MAX_LINE // 6 + 1) + "\n" + GOOD
    result = lint_text(text)
    assert [f.rule.code for f in result.findings] == ["FL101", "FL101"]
    assert result.notes and result.notes[0].startswith("line 2:") and "not read" in result.notes[0]


def test_a_long_line_of_sentences_is_read_in_pieces():
    text = "。".join(f"第{k}项支出合计3.00万元，其中基本支出1.00万元，项目支出2.00万元" for k in range(600)) + "。\n"
    assert len(text) > caps.MAX_PARAGRAPH
    result = lint_text(text)
    assert not result.findings and len([c for c in result.checks if c.rule.code == "FL101"]) == 600
    assert result.notes == []


def test_too_many_lines_stop_with_a_note(monkeypatch):
    monkeypatch.setattr(caps, "MAX_LINES", 3)
    result = lint_text(GOOD * 5)
    assert len(result.findings) == 3 and result.notes == [
        "line 4: the document has more than 3 lines; the rest of it, from here on, was not read"]


def test_sentences_past_the_document_cap_are_not_read(monkeypatch):
    monkeypatch.setattr(caps, "MAX_SENTENCES", 2)
    result = lint_text(GOOD * 3 + "\n" + GOOD)
    assert len(result.findings) == 2
    assert result.notes == ["line 3: more than 2 sentences with figures: from here on, none was read"]


def test_the_plain_text_report_is_what_rich_would_write(tmp_path):
    from rich.console import Console
    from fiscal_lint.reports import text as text_report

    doc = "项目\t说明\t金额\n支出\t本年支出合计3.00万元，其中基本支出1.00万元，项目支出1.00万元，增长60%。\t3\n" + GOOD
    result = lint_text(doc)
    plain, rich_ = io.StringIO(), io.StringIO()
    text_report.render([result], "zh", Console(file=plain, soft_wrap=True, force_terminal=False), show_unsure=True)
    text_report.render([result], "zh", Console(file=rich_, soft_wrap=True, force_terminal=False, record=True),
                       show_unsure=True)  # record=True: through rich's own rendering
    assert plain.getvalue() == rich_.getvalue() and "FL101" in plain.getvalue()
    stream = io.StringIO()  # a stream that is no terminal: the report is written without rich
    text_report.render([result], "zh", stream, show_unsure=True)
    assert stream.getvalue() == rich_.getvalue()


def test_a_report_line_shows_in_colour_as_the_same_rich_text_would():
    from rich.console import Console
    from rich.text import Text as RichText
    from fiscal_lint.reports import text as text_report

    def line(Text):
        body = Text("支出\t合计3.00万元，其中1.00万元")
        body.stylize("bold red", 5, 11)
        body.stylize("cyan", 15, 99)  # past the end: cut to it, as rich does
        body.stylize("cyan", 40, 50)  # wholly past it: nothing
        head = Text("  12 │ ", style="dim")
        head.append_text(body)
        head.append("  → ", style="dim")
        head.append("4.00万元", style="bold green")
        return Text("a.txt:2:3: ", style="bold") + head

    def shown(text):
        out = io.StringIO()
        Console(file=out, force_terminal=True, color_system="truecolor", width=200, soft_wrap=True).print(text)
        return out.getvalue()

    ours = line(text_report.Text)
    assert shown(ours.rich()) == shown(line(RichText)) and "\x1b[" in shown(ours.rich())
    assert text_report.plain(io.StringIO()) and text_report.plain(io.StringIO(), to_file=True)


def test_a_long_sentence_a_wide_row_and_a_long_list_each_leave_a_note():
    sentence = "合计1万元，" + "其中甲" * (caps.MAX_SENTENCE // 3) + "1万元。\n"
    row = "项目\t" + "\t".join("1" for _ in range(caps.MAX_COLUMNS + 10)) + "\n合计\t" + "\t".join("1" for _ in range(20)) + "\n"
    parts = "本年支出合计1元，其中" + "、".join("甲1元" for _ in range(caps.MAX_PARTS + 1)) + "。\n"
    result = lint_text(sentence + "\n" + row + "\n" + parts)
    notes = "\n".join(result.notes)
    assert "a sentence of" in notes and "a table row of" in notes and "parts was not checked" in notes
    assert result.rule_errors == []
    from fiscal_lint.reports import json as json_report
    from fiscal_lint.reports import text as text_report
    assert _json.loads(json_report.render([result], "en"))["files"][0]["notes"] == result.notes
    from rich.console import Console
    out = io.StringIO()
    text_report.render([result], "en", Console(file=out, force_terminal=False, soft_wrap=True))
    assert "doc.txt: note: line 1: a sentence of" in out.getvalue()


def test_wide_tables_and_long_lists_are_linear():
    # 250/500/1,000 columns took 0.8/2.5/9.4 s, 10,000 more than 300; 1,500 parts more than 40 s
    wide = "项目\t" + "\t".join(f"栏目{k}" for k in range(400)) + "\n" + "基本支出\t" + "\t".join("1.00" for _ in range(400)) \
        + "\n项目支出\t" + "\t".join("2.00" for _ in range(400)) + "\n合计\t" + "\t".join("3.00" for _ in range(400)) + "\n"
    result = lint_text(wide)
    assert len([c for c in result.checks if c.rule.code == "FL101" and c.status == "pass"]) == 400
    listed = "本年支出合计100万元，其中" + "、".join(f"办公费{k}万元" for k in range(1500)) + "。\n"
    result = lint_text(listed)
    assert result.rule_errors == [] and result.error is None


def test_a_file_over_its_time_budget_is_reported_and_the_others_checked(tmp_path, monkeypatch):
    from fiscal_lint.run import budget, engine

    if not budget.available():
        pytest.skip("no SIGALRM here")
    slow, good = tmp_path / "slow.txt", tmp_path / "good.txt"
    slow.write_text("slow", encoding="utf-8")
    good.write_text(GOOD, encoding="utf-8")
    real = engine.lint_source

    def stuck(source, **kwargs):
        if source.path.endswith("slow.txt"):
            while True:  # a rule that never ends, guarded by `except Exception` everywhere
                try:
                    sum(range(1000))
                except Exception:  # noqa: BLE001 - the budget must get through this
                    pass
        return real(source, **kwargs)

    monkeypatch.setattr(engine, "lint_source", stuck)
    first, second = lint_paths([str(slow), str(good)], timeout=0.3)
    assert first.error == "timed out after 0.3 s (see --timeout-per-file)"
    assert [f.rule.code for f in second.findings] == ["FL101"]


# ---------------------------------------------------------------- output hygiene (part 4)

def test_control_characters_are_written_out_not_acted_on(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    name = "evil\x1b[2J\nforged.txt:1:1: FL999 fake.txt"
    (tmp_path / name).write_text("本年支出合计3.00万元，其中\x1b[31m基本支出1.00万元，项目支出1.00万元。\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    for fmt in ("text", "concise", "github"):
        r = CliRunner().invoke(main, ["check", "--isolated", "--lang", "en", "--format", fmt, name],
                               env={"GITHUB_STEP_SUMMARY": str(summary)})
        assert r.exit_code == 1
        assert "\x1b" not in r.output and "\\x1b" in r.output
        assert not any(line.startswith("forged.txt") for line in r.output.splitlines())
    written = summary.read_text(encoding="utf-8")
    assert "\x1b" not in written and "\n" not in written.split("| evil", 1)[1].split(" |", 1)[0]
    from fiscal_lint.reports.github import escape_data, escape_property
    assert escape_data("a\x1b[31m50%\n") == "a\\x1b[31m50%25%0A" and escape_property("a:b,\n") == "a%3Ab%2C%0A"


def test_sarif_uris_do_not_change_with_the_working_directory(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(GOOD, encoding="utf-8")
    uris = []
    for cwd, path in ((tmp_path, "docs/a.txt"), (tmp_path / "docs", "a.txt")):
        monkeypatch.chdir(cwd)
        r = check("--format", "sarif", "--sarif-root", str(tmp_path), path)
        run_ = _json.loads(r.stdout)["runs"][0]
        loc = run_["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        uris.append((loc["uri"], loc["uriBaseId"], run_["originalUriBaseIds"]["SRCROOT"]["uri"]))
    assert uris[0] == uris[1] and uris[0][0] == "docs/a.txt"
