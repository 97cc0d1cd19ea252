"""fiscal-lint on real excerpts nobody here wrote (tests/real, and ../shared/corpus/real when present).

The texts are not in the repository; they are rebuilt outside it (tests/real/README.md). Only exact copies
(sha256) are scored. The floors are the measured state, so that a change in how text is read cannot make
the reading of real documents worse unnoticed; raise them as it gets better."""
import hashlib
import json
import os
from pathlib import Path

import pytest
from conftest import HERE, score
from fiscal_lint.reports.json import render
from fiscal_lint.run.engine import lint_paths

ROOT = HERE.parent
CORPORA = {
    "own": (HERE / "real", Path(os.environ.get("FISCAL_LINT_REAL_TEXTS", ROOT.parent / "real-texts" / "own"))),
    "shared": (ROOT.parent / "shared" / "corpus" / "real", ROOT.parent / "real-texts"),
}
# (false alarms at most, errors caught at least, ok claims verified at least), as measured
FLOORS = {"own": (2, 91, 2006), "shared": (0, 12, 158)}


def exact_texts(manifest: Path, folder: Path) -> list[Path]:
    rows = [line.split("\t") for line in manifest.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    out = []
    for name, _url, _query, sha, *_ in rows:
        p = folder / name
        if p.exists() and hashlib.sha256(p.read_bytes()).hexdigest() == sha:
            out.append(p)
    return out


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_real_corpus(name):
    labels_dir, folder = CORPORA[name]
    if not (labels_dir / "MANIFEST.tsv").exists():
        pytest.skip(f"no manifest at {labels_dir}")
    files = exact_texts(labels_dir / "MANIFEST.tsv", folder)
    if not files:
        pytest.skip(f"the texts are not rebuilt in {folder} (see tests/real/README.md)")
    names = {p.name for p in files}
    gold = [g for g in (json.loads(x) for x in (labels_dir / "labels.jsonl").read_text(encoding="utf-8").splitlines()
                        if x.strip()) if g["file"] in names]
    rep = json.loads(render(lint_paths([str(p) for p in files]), "en"))
    s = score(gold, rep)
    most_false, least_caught, least_verified = FLOORS[name]
    print(f"{name}: {len(files)} texts, caught {len(s['caught'])}, false alarms {len(s['false_alarms'])}, "
          f"verified {len(s['verified'])}/{len(s['verified']) + len(s['unverified'])}")
    complete = len(files) == sum(1 for _ in (labels_dir / "MANIFEST.tsv").open(encoding="utf-8")) - 1
    if not complete:
        pytest.skip(f"only {len(files)} texts rebuilt exactly: the floors are for the whole corpus")
    assert len(s["false_alarms"]) <= most_false, [f["message"][:80] for f in s["false_alarms"]]
    assert len(s["caught"]) >= least_caught
    assert len(s["verified"]) >= least_verified
