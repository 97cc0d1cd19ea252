"""The pre-commit hook, run the way a finance office's repository would run it."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOOD = "本年支出合计1,010.52万元，其中：基本支出331.66万元，项目支出678.86万元。\n"
BAD = "本年支出合计1,010.52万元，其中：基本支出331.66万元，项目支出688.86万元。\n"


def _pre_commit() -> list[str] | None:
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        return None
    return [sys.executable, "-m", "pre_commit"]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_try_repo_flags_the_inconsistent_document_only(tmp_path):
    cmd = _pre_commit()
    if cmd is None:
        pytest.skip("pre-commit is not installed (it is in the test extra)")
    repo = tmp_path / "office"
    repo.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
    (repo / "good.txt").write_text(GOOD, encoding="utf-8")
    (repo / "bad.md").write_text(BAD, encoding="utf-8")
    (repo / "script.py").write_text("x = 1\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env=env)
    subprocess.run(["git", "commit", "-qm", "docs"], cwd=repo, check=True, env=env)
    run = subprocess.run([*cmd, "try-repo", str(ROOT), "fiscal-lint", "--all-files", "--verbose"], cwd=repo,
                         capture_output=True, text=True, env=env, timeout=600)
    out = run.stdout + run.stderr
    assert run.returncode == 1, out
    assert "bad.md:1:7: FL101" in out
    assert "good.txt:" not in out and "script.py" not in out
    # fix the document: the hook passes
    (repo / "bad.md").write_text(GOOD, encoding="utf-8")
    run = subprocess.run([*cmd, "try-repo", str(ROOT), "fiscal-lint", "--all-files"], cwd=repo,
                         capture_output=True, text=True, env=env, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_documents_hook_reads_excel(tmp_path):
    cmd = _pre_commit()
    if cmd is None:
        pytest.skip("pre-commit is not installed (it is in the test extra)")
    openpyxl = pytest.importorskip("openpyxl")
    repo = tmp_path / "office"
    repo.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "三公经费"
    for row in (["项目", "决算数"], ["公务接待费", 1.20], ["公务用车运行维护费", 2.80], ["合计", 4.10]):
        ws.append(row)
    wb.save(repo / "sangong.xlsx")
    (repo / "notes.txt").write_text(BAD, encoding="utf-8")  # not this hook's: left alone
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env=env)
    subprocess.run(["git", "commit", "-qm", "docs"], cwd=repo, check=True, env=env)
    run = subprocess.run([*cmd, "try-repo", str(ROOT), "fiscal-lint-documents", "--all-files", "--verbose"],
                         cwd=repo, capture_output=True, text=True, env=env, timeout=900)
    out = run.stdout + run.stderr
    assert run.returncode == 1, out
    assert "sangong.xlsx [三公经费!B4]: FL101" in out
    assert "notes.txt" not in out
