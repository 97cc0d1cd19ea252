import json
from pathlib import Path

import pytest
from fiscal_lint.inputs.source import Source
from fiscal_lint.run.engine import lint_source

HERE = Path(__file__).parent


def lint_text(text: str, path: str = "doc.txt", rounding: str = "round"):
    return lint_source(Source(path=path, text=text, encoding="utf-8"), rounding=rounding)


def codes(result) -> list[str]:
    return [f.rule.code for f in result.findings]


def statuses(result, code: str) -> list[str]:
    """The status of each check of one rule, in order."""
    return [c.status for c in result.checks if c.rule.code == code]


def passed(result, family: str | None = None) -> list:
    return [c for c in result.checks if c.status == "pass" and (family is None or c.rule.family == family)]


@pytest.fixture
def lint():
    return lint_text


def score(expected: list[dict], report: dict, slack: int = 2) -> dict:
    """The scoring of ../shared/tools/score.py, kept here so a fresh clone can test itself."""
    base = lambda p: Path(str(p)).name
    findings = [f for f in report["findings"] if f["severity"] != "info"]
    checks = [c for c in report["checks"] if c["status"] == "pass"]

    def near(item, g):
        return (base(item["path"]) == base(g["file"]) and item["family"] == g["family"]
                and abs(item["line"] - g["line"]) <= slack)

    out = {"caught": [], "missed": [], "verified": [], "unverified": [], "false_alarms": []}
    for g in expected:
        if g["expect"] == "error":
            (out["caught"] if any(near(f, g) for f in findings) else out["missed"]).append(g)
        elif g["expect"] == "ok":
            flagged = any(f["line"] == g["line"] and base(f["path"]) == base(g["file"])
                          and f["family"] == g["family"] for f in findings)
            ok = any(near(c, g) for c in checks) and not flagged
            (out["verified"] if ok else out["unverified"]).append(g)
    excused = [g for g in expected if g["expect"] in ("error", "either")]
    out["false_alarms"] = [f for f in findings if not any(near(f, g) for g in excused)]
    return out


def load_expected(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))
