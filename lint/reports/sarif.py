"""--format sarif: SARIF 2.1.0 for GitHub code scanning and other viewers.

Each result has the blamed figure as its location and every other figure of the relation (the total
and its parts, the base of a change) as relatedLocations; partialFingerprints carry the claim
fingerprint, so a viewer tracks a finding across edits the way the baseline does. Artifact URIs are
relative to a root (--sarif-root; by default the top of the git repository around the current folder, else
the current folder), named as the base SRCROOT, so the same run gives the same URIs from any folder.
"""
from __future__ import annotations

import functools
import json
import os
from pathlib import Path

from .. import __version__
from ..check.rule import Figure
from ..inputs.source import resolved
from ..run.engine import FileResult
from ..run.registry import all_rules
from .common import message

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def default_root() -> Path:
    """The top of the git repository holding the current folder, else the current folder."""
    here = resolved(os.getcwd())
    return next((d for d in (here, *here.parents) if (d / ".git").exists()), here)


def _location(path: str, root: Path) -> dict:
    """An artifactLocation: relative to SRCROOT where the file is under the root, else an absolute file URI."""
    if path == "-":
        return {"uri": "stdin"}
    p = resolved(path)
    try:
        return {"uri": p.relative_to(root).as_posix(), "uriBaseId": "SRCROOT"}
    except ValueError:
        return {"uri": p.as_uri()}


def _physical(doc, uri: dict, fig: Figure) -> dict:
    """Text files get a region; PDF and Office files, whose lines mean nothing to a viewer, get the
    artifact alone (the page or cell is in the message and in properties.location)."""
    if doc.source.locator is not None:
        return {"artifactLocation": dict(uri)}
    p = fig.at
    return {"artifactLocation": dict(uri),
            "region": {"startLine": p.line, "startColumn": p.column, "endLine": p.end_line, "endColumn": p.end_column,
                       "snippet": {"text": fig.text}}}


# The driver (31 rules with their help) is the same in every run of a language and is most of a small report;
# json's indented encoder is pure Python, so it is encoded once and put in place of a marker.
_DRIVER = "\u2063fiscal-lint driver\u2063"


@functools.lru_cache(maxsize=4)
def _driver_json(lang: str) -> str:
    driver = {
        "name": "fiscal-lint",
        "version": __version__,
        "rules": [{
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.summary.get(lang)},
            "fullDescription": {"text": (r.explanation or r.summary).get(lang)},
            "help": {"text": f"{(r.explanation or r.summary).get(lang)}\n\n{r.bad}",
                     "markdown": f"{(r.explanation or r.summary).get(lang)}\n\n```text\n{r.bad.rstrip()}\n```"},
            "defaultConfiguration": {"level": LEVEL[r.severity]},
            "properties": {"family": r.family, "tags": [r.family]},
        } for r in all_rules()],
    }
    # at the depth the driver sits in the log: $schema's object, runs, the run, tool
    return json.dumps(driver, ensure_ascii=False, indent=2).replace("\n", "\n" + " " * 8)


def render(results: list[FileResult], lang: str, root: str | None = None) -> str:
    base = resolved(root) if root else default_root()
    index = {r.code: i for i, r in enumerate(all_rules())}
    out_results = []
    artifacts = []
    for r in results:
        uri = _location(r.path, base)
        artifacts.append({"location": dict(uri), **({"encoding": r.encoding} if r.encoding else {})})
        if r.error:
            continue
        for f in r.findings:
            related = [{
                "id": k,
                "message": {"text": f"{fig.role}: {fig.text}" + (f" ({fig.label})" if fig.label else "")},
                "physicalLocation": _physical(r.doc, uri, fig),
            } for k, fig in enumerate(f.figures) if fig is not f.anchor]
            result = {
                "ruleId": f.rule.code,
                "ruleIndex": index[f.rule.code],
                "level": LEVEL[f.severity],
                "message": {"text": message(f, lang)},
                "locations": [{"physicalLocation": _physical(r.doc, uri, f.anchor)}],
                "partialFingerprints": {"fiscalLint/claim/v1": f.fingerprint},
                "properties": {"family": f.rule.family, "expected": f.expected, "location": f.at.place},
            }
            if related:
                result["relatedLocations"] = related
            out_results.append(result)
    notifications = [{"level": "error", "message": {"text": f"{r.path}: {r.error}"},
                      "locations": [{"physicalLocation": {"artifactLocation": _location(r.path, base)}}]}
                     for r in results if r.error]
    notes = [{"level": "note", "message": {"text": f"{r.path}: {note}"},
              "locations": [{"physicalLocation": {"artifactLocation": _location(r.path, base)}}]}
             for r in results for note in r.notes]
    run = {
        "tool": {"driver": _DRIVER},
        "originalUriBaseIds": {"SRCROOT": {"uri": base.as_uri().rstrip("/") + "/"}},
        "artifacts": artifacts,
        "results": out_results,
        "columnKind": "unicodeCodePoints",
        "invocations": [{"executionSuccessful": not notifications,
                         "toolExecutionNotifications": notifications + notes}],
    }
    log = json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2)
    # the tool comes before anything a document or a path wrote, so the first marker is the driver's
    return log.replace(json.dumps(_DRIVER, ensure_ascii=False), _driver_json(lang), 1) + "\n"
