"""Decoding: BOM, UTF-8, GB18030, binary files."""
import codecs

import pytest
from fiscal_lint.inputs.decode import InputError, decode
from fiscal_lint.inputs.source import expand, read

TEXT = "2023年度收入合计986.20万元，其中：财政拨款收入926.20万元。"


@pytest.mark.parametrize("data,encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("utf-16"), "utf-16"),
    (TEXT.encode("gb18030"), "gb18030"),
    (TEXT.encode("gbk"), "gb18030"),
])
def test_detects(data, encoding):
    text, used = decode(data)
    assert text.lstrip("\ufeff") == TEXT
    assert used == encoding


def test_forced_encoding():
    assert decode(TEXT.encode("gbk"), "gbk")[0] == TEXT
    with pytest.raises(InputError, match="cannot decode as utf-8"):
        decode(TEXT.encode("gbk"), "utf-8")


def test_binary_is_refused():
    with pytest.raises(InputError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError):
        decode(bytes(range(1, 32)) * 50)


def test_empty_file_is_text(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    assert read(str(p)).text == ""


def test_crlf_becomes_lf(tmp_path):
    p = tmp_path / "crlf.txt"
    p.write_bytes("一\r\n二\r三".encode())
    assert read(str(p)).text == "一\n二\n三"


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read(str(tmp_path / "nope.txt"))


def test_folders_give_documents_recursively(tmp_path):
    (tmp_path / "a").mkdir()
    for name in ["a/x.txt", "a/y.md", "a/z.pdf", "w.TXT", "a/v.xlsx", "a/u.png", "a/t.py"]:
        (tmp_path / name).write_text("x")
    found = expand([str(tmp_path)])
    assert sorted(p.rsplit("/", 1)[-1] for p in found) == ["v.xlsx", "w.TXT", "x.txt", "y.md", "z.pdf"]
