"""The documented GitHub Actions workflow: its structure, and its commands run here as CI would run them."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml")
ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / "docs" / "ci" / "github-actions.yml"
GOOD = "本年支出合计1,010.52万元，其中：基本支出331.66万元，项目支出678.86万元。\n"
OLD_ERROR = "会议费1.20万元，培训费2.80万元，合计4.10万元。\n"
NEW_ERROR = "2021年度收入合计1,010.52万元，较上年决算数增加210.44万元，增长27.3%。\n"


def steps():
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert flow["permissions"]["security-events"] == "write"
    return flow["jobs"]["check"]["steps"]


def test_workflow_uploads_sarif():
    uploads = [s for s in steps() if s.get("uses", "").startswith("github/codeql-action/upload-sarif")]
    assert uploads and uploads[0]["with"]["sarif_file"] == "fiscal-lint.sarif"
    assert uploads[0]["if"] == "always()"


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_workflow_commands_run(tmp_path):
    exe = Path(sys.executable).parent / "fiscal-lint"
    if not exe.exists():
        pytest.skip("the fiscal-lint command is not installed next to this Python")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(GOOD + OLD_ERROR, encoding="utf-8")
    env = {**os.environ, "PATH": f"{exe.parent}{os.pathsep}{os.environ['PATH']}",
           "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md")}
    env.pop("FISCAL_LINT_LANG", None)
    subprocess.run(["fiscal-lint", "check", "--write-baseline", "fiscal-lint-baseline.json", "docs/"],
                   cwd=tmp_path, env=env, check=True, capture_output=True)
    commands = [s["run"] for s in steps() if "run" in s and "fiscal-lint check" in s["run"]]
    assert len(commands) == 2

    def run_all():
        return [subprocess.run(["bash", "-c", c], cwd=tmp_path, env=env, capture_output=True, text=True)
                for c in commands]

    gate, sarif = run_all()
    assert gate.returncode == 0, gate.stdout + gate.stderr  # the old error is in the baseline
    assert json.loads((tmp_path / "fiscal-lint.sarif").read_text(encoding="utf-8"))["runs"][0]["results"] == []
    (tmp_path / "docs" / "b.txt").write_text(NEW_ERROR, encoding="utf-8")
    gate, sarif = run_all()
    assert gate.returncode == 1
    assert gate.stdout.startswith("::error file=docs/b.txt,line=1,")
    assert sarif.returncode == 0
    results = json.loads((tmp_path / "fiscal-lint.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["FL201"]
    assert "FL201" in (tmp_path / "summary.md").read_text(encoding="utf-8")
