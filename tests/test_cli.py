"""The command line as a user meets it: help, version, stdin, bad input, exit status, formats."""
import hashlib
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import HERE
from fiscal_lint import __version__
from fiscal_lint.run.registry import families
from fiscal_lint.front import launch
from fiscal_lint.front.cli import main

GOOD = "2021年度收入合计1010.52万元,较上年决算数增加210.44万元,增长26.3%。\n"
BAD = "2021年度收入合计1010.52万元,较上年决算数增加210.44万元,增长27.3%。\n"


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def test_help_and_version():
    r = run("--help")
    assert r.exit_code == 0 and "check" in r.output
    r = run("check", "--help")
    assert r.exit_code == 0 and "--format" in r.output and "--fail-on" in r.output
    r = run("--version")
    assert r.exit_code == 0 and __version__ in r.output


def test_console_script_answers_version_without_click():
    # the console script's fast path must say what click's --version says, without loading click
    probe = ("import sys; sys.argv = ['fiscal-lint', '--version']; from fiscal_lint.front.launch import main; "
             "main(); print('click' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == [run("--version").output.strip(), "False"]


@pytest.mark.parametrize("argv, expected", [
    (["check", "--jobs", "2", "docs"], True), (["check", "-j", "4", "docs"], True), (["check", "-j2", "docs"], True),
    (["check", "--jobs=3", "docs"], True), (["check", "docs", "--format", "json", "-j", "2"], True),
    (["check", "--jobs", "1", "docs"], False), (["check", "docs"], False), (["check", "-j", "x", "docs"], False),
    (["check", "-j", "2", "--scheduler", "tcp://h:8786", "docs"], False), (["check", "-j", "2", "--show-settings"], False),
    (["check", "--", "-j", "2"], False), (["rule", "-j", "2"], False), ([], False),
])
def test_the_console_script_starts_the_workers_server_for_a_check_with_jobs(argv, expected):
    assert launch.pooled(argv) is expected


def test_stdin():
    r = run("check", "--format", "json", "-", input=BAD.encode())
    assert r.exit_code == 1
    doc = json.loads(r.stdout)
    assert doc["findings"][0]["code"] == "FL201"
    assert doc["findings"][0]["path"] == "-"


def test_stdin_gb18030():
    r = run("check", "--format", "json", "-", input=BAD.encode("gb18030"))
    assert r.exit_code == 1
    assert json.loads(r.stdout)["files"][0]["encoding"] == "gb18030"


def test_exit_status(tmp_path):
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(GOOD, encoding="utf-8")
    bad.write_text(BAD, encoding="utf-8")
    assert run("check", str(good)).exit_code == 0
    assert run("check", str(bad)).exit_code == 1
    assert run("check", "--fail-on", "never", str(bad)).exit_code == 0
    warn = tmp_path / "warn.txt"
    warn.write_text("项目预算137.95万元，实际支出137.60万元，预算执行率100%。", encoding="utf-8")
    assert run("check", str(warn)).exit_code == 0
    assert run("check", "--fail-on", "warning", str(warn)).exit_code == 1


def test_binary_file_is_exit_2_and_others_still_checked(tmp_path):
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    bad = tmp_path / "bad.txt"
    bad.write_text(BAD, encoding="utf-8")
    r = run("check", "--format", "json", str(binary), str(bad))
    assert r.exit_code == 2
    doc = json.loads(r.stdout)
    statuses = {f["path"].rsplit("/", 1)[-1]: f["status"] for f in doc["files"]}
    assert statuses == {"scan.txt": "error", "bad.txt": "checked"}
    assert doc["findings"][0]["code"] == "FL201"
    assert "binary" in r.stderr and "Traceback" not in r.output + r.stderr


def test_missing_file_and_no_input(tmp_path):
    r = run("check", str(tmp_path / "nope.txt"))
    assert r.exit_code == 2 and "no such file" in r.stderr
    r = run("check")
    assert r.exit_code == 2 and "no input" in r.output
    r = run("check", "--encoding", "no-such-codec", "-", input=b"x")
    assert r.exit_code == 2


def test_empty_file_has_no_findings(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    r = run("check", "--format", "json", str(p))
    assert r.exit_code == 0
    assert json.loads(r.stdout)["findings"] == []


def test_json_contract_fields():
    r = run("check", "--format", "json", "--lang", "zh", "-", input=BAD.encode())
    doc = json.loads(r.stdout)
    assert doc["version"] == 1 and set(doc) >= {"files", "findings", "checks"}
    f = doc["findings"][0]
    assert set(f) >= {"path", "line", "column", "end_line", "end_column", "code", "name", "family",
                      "severity", "message", "figures"}
    assert (f["line"], f["column"], f["end_line"], f["end_column"]) == (1, 40, 1, 45)
    assert "文中为" in f["message"]
    assert f["figures"][0] == {"role": "percent", "text": "27.3%", "label": "", "location": None, "line": 1, "column": 40,
                               "end_line": 1, "end_column": 45}
    for c in doc["checks"]:
        assert set(c) >= {"path", "line", "family", "status", "figures"}
        assert c["status"] in ("pass", "fail")
        assert c["family"] in {f.name for f in families()}


def test_text_output_shows_arithmetic_and_source(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_text("第一行\n" + BAD, encoding="utf-8")
    r = run("check", "--lang", "en", str(p))
    assert f"{p}:2:40: FL201 [error] change-percent" in r.output
    assert "210.44万元 / (1010.52万元 − 210.44万元) = 26.30%, stated 27.3%" in r.output
    assert "consistent figure: 26.3%" in r.output
    assert "^^^^^" in r.output
    r = run("check", "--lang", "zh", str(p))
    assert "一致的数字应为" in r.output


def test_folder_and_output_file(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "docs" / "b.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "docs" / "c.png").write_bytes(b"\x89PNG")
    out = tmp_path / "report.json"
    r = run("check", "--format", "json", "-o", str(out), str(tmp_path / "docs"))
    assert r.exit_code == 1
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert sorted(f["path"].rsplit("/", 1)[-1] for f in doc["files"]) == ["a.txt", "b.md"]
    # a damaged PDF in the folder: exit 2 and a message, the others still checked
    (tmp_path / "docs" / "d.pdf").write_bytes(b"%PDF-1.4 damaged")
    r = run("check", "--format", "json", str(tmp_path / "docs"))
    assert r.exit_code == 2
    files = {f["path"].rsplit("/", 1)[-1]: f["status"] for f in json.loads(r.stdout)["files"]}
    assert files == {"a.txt": "checked", "b.md": "checked", "d.pdf": "error"}
    assert "not a readable PDF" in r.stderr and "Traceback" not in r.output


def test_checked_files_are_never_changed(tmp_path):
    p = tmp_path / "doc.txt"
    p.write_bytes(("\ufeff" + BAD).encode("utf-8"))
    before = hashlib.sha256(p.read_bytes()).hexdigest()
    run("check", str(p))
    run("check", "--format", "json", str(p))
    assert hashlib.sha256(p.read_bytes()).hexdigest() == before


def test_rules_listing():
    r = run("rules", "--lang", "en")
    assert r.exit_code == 0
    for code in ("FL101", "FL102", "FL201", "FL202", "FL203", "FL204", "FL301", "FL302", "FL303"):
        assert code in r.output


def test_installed_command_runs_on_the_seeds():
    # the console script as installed, as the README's first command uses it
    seeds = sorted(str(p) for p in (HERE / "corpus" / "seeds").glob("*.txt"))
    r = subprocess.run([sys.executable, "-m", "fiscal_lint", "check", "--format", "json", *seeds],
                       capture_output=True, text=True, encoding="utf-8")
    assert r.returncode in (0, 1), r.stderr
    assert len(json.loads(r.stdout)["files"]) == 5
