"""Pathological documents of issue 12, written to a folder: each is absurd in one way (huge, wide, deep,
long) and must still be checked, or refused with one line, within seconds and a bounded amount of memory.

    python benchmarks/pathological.py OUT_DIR          # write them all
    python benchmarks/pathological.py OUT_DIR NAME...  # only these
"""
from __future__ import annotations

import random
import sys
from pathlib import Path


def table_columns(n: int) -> str:
    """A tab-separated table `n` columns wide under a label column, two rows and their 合计 (321 KB at 10,000
    columns): every column is a total to check."""
    rng = random.Random(n)
    a = [rng.randint(0, 999) for _ in range(n)]
    b = [rng.randint(0, 999) for _ in range(n)]
    rows = ["收入支出决算总表", "单位：万元", "项目\t" + "\t".join(f"栏目{k}" for k in range(n)),
            "基本支出\t" + "\t".join(f"{x}.00" for x in a), "项目支出\t" + "\t".join(f"{x}.00" for x in b),
            "合计\t" + "\t".join(f"{x + y}.00" for x, y in zip(a, b, strict=True))]
    return "\n".join(rows) + "\n"


def parts(n: int) -> str:
    """One sentence naming a total and `n` parts of one name."""
    return "本年支出合计100万元，其中" + "、".join(f"办公费{k}万元" for k in range(n)) + "。\n"


def one_line(size: int, stop: str = "") -> str:
    """One line of `size` bytes (UTF-8) of figures and claims; with `stop` ("。") many sentences, without it one."""
    piece = f"本年收入合计100万元，比上年增加10万元，增长11.1%，其中基本支出60万元、项目支出40万元{stop or '，'}"
    return piece * (size // len(piece.encode()) + 1) + "\n"


def many_lines(n: int) -> str:
    return "合计1万元，其中\n" * n


def html_tags(n: int) -> str:
    body = "".join(f"<p>支出{k % 97}万元</p>" for k in range(n // 2))
    return f"<html><body><div class=\"article\">{body}</div></body></html>\n"


def html_deep(n: int) -> str:
    return "<html><body>" + "<div>" * n + "合计3万元，其中甲1万元、乙1万元。" + "</div>" * n + "</body></html>\n"


def document(lines: int) -> str:
    """A plausible disclosure `lines` lines long (our own wording), with a finding every tenth line."""
    rng = random.Random(lines)
    out = []
    for k in range(lines):
        a, b = rng.randint(10, 900), rng.randint(10, 900)
        total = a + b + (1 if k % 10 == 0 else 0)
        out.append(f"{k + 1}、第{k + 1}项经费支出合计{total}.00万元，其中基本支出{a}.00万元、项目支出{b}.00万元，"
                   f"比上年增加{a // 10}.00万元。")
    return "\n".join(out) + "\n"


CASES = {
    "table-250.txt": lambda: table_columns(250),
    "table-500.txt": lambda: table_columns(500),
    "table-1000.txt": lambda: table_columns(1000),
    "table-10000.txt": lambda: table_columns(10_000),
    "parts-1500.txt": lambda: parts(1500),
    "line-20mb-one-sentence.txt": lambda: one_line(20_000_000),
    "line-20mb-sentences.txt": lambda: one_line(20_000_000, "。"),
    "lines-1m.txt": lambda: many_lines(1_000_000),
    "html-1m-tags.html": lambda: html_tags(1_000_000),
    "html-100k-deep.html": lambda: html_deep(100_000),
    "doc-5000-lines.txt": lambda: document(5000),
    # as large as --max-bytes lets through by default, in the two shapes that cost most per byte
    "50mb-short-lines.txt": lambda: "1\n" * 24_999_000,
    "50mb-dense-text.txt": lambda: one_line(49_000_000, "。\n"),
}


def write(out: Path, names=None) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in CASES.items():
        if names and name not in names:
            continue
        path = out / name
        path.write_text(make(), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for p in write(Path(sys.argv[1]), sys.argv[2:]):
        print(p, p.stat().st_size)
