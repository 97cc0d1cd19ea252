"""Severity that only the whole document can settle. A percent that agrees only if the document truncates
(4.045% written 4.04%) is a note where nothing shows how the document rounds, and an error where another of
its percents agrees as rounded and not as truncated (40.456% written 40.46%): that document rounds."""
from __future__ import annotations

from dataclasses import replace

from ..check.explain import truncated_note
from ..check.rule import Check, Finding, Message


def grade(findings: list[Finding], checks: list[Check]) -> list[Finding]:
    evidence = next((c for c in checks if c.rounds and c.status == "pass"), None)
    out = []
    for f in findings:
        if not f.truncated:
            out.append(f)
        elif evidence is None:
            out.append(replace(f, severity="info", message=truncated_note(f.message)))
        else:
            fig = evidence.anchor
            out.append(replace(f, message=Message(
                f.message.en + f" (it would agree if truncated, but the document rounds: line {fig.at.line}, "
                f"{fig.text})",
                f.message.zh + f"（截尾则一致，但本文件数字为四舍五入：第{fig.at.line}行{fig.text}）")))
    return out
