"""The HTML report and the review server, without a browser."""
import re
import threading
import urllib.error
import urllib.request

import pytest
from conftest import HERE
from fiscal_lint.reports.html import render
from fiscal_lint.run.engine import lint_paths
from fiscal_lint.run.settings import Settings
from fiscal_lint.run.suppress import apply


def lint(paths):
    results = lint_paths([str(p) for p in paths])
    apply(results, lambda _p: Settings())
    return results


def test_self_contained_and_one_mark_per_finding():
    results = lint(sorted((HERE / "corpus" / "seeds").glob("*.txt")))
    page = render(results, "zh")
    n = sum(len(r.findings) for r in results)
    assert page.count('<mark class="finding') == n
    # nothing is fetched: no external src/href, no @import, no url()
    assert not re.search(r'(?:src|href)\s*=\s*"(?:https?:)?//', page)
    assert "@import" not in page and "url(" not in page
    assert 'id="rule-FL401"' in page and 'href="#rule-FL401"' in page
    assert "<table class=\"doc\">" in page  # tables shown as tables
    assert 'class="bad"' in page  # with the offending cells marked
    assert "检查报告" in page and "检查报告" not in render(results, "en")


def test_document_text_is_escaped(tmp_path):
    doc = tmp_path / "evil.md"
    doc.write_text('<script>alert("x")</script>\n<b onclick="x()">粗体</b> 会议费1.20万元，培训费2.80万元，合计4.10万元。\n',
                   encoding="utf-8")
    page = render(lint([doc]), "en")
    assert "<script>alert" not in page and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert '<b onclick' not in page


def test_unreadable_file_is_listed(tmp_path):
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x00\x01binary")
    page = render(lint([bad]), "en")
    assert "could not be read" in page


@pytest.fixture
def server():
    from fiscal_lint.front.serve import make_server

    srv = make_server("127.0.0.1", 0, "en", 50_000)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


def post(url, fields: dict, files: dict | None = None):
    boundary = "----fiscal-lint-test"
    body = b""
    for k, v in fields.items():
        body += f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n'.encode() + v.encode() + b"\r\n"
    for k, (name, data) in (files or {}).items():
        body += (f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"; filename="{name}"\r\n'
                 "Content-Type: application/octet-stream\r\n\r\n").encode() + data + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    req = urllib.request.Request(url + "/check", data=body, method="POST",
                                 headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8")


def test_review_server(server):
    with urllib.request.urlopen(server + "/", timeout=30) as r:
        assert r.status == 200 and "<textarea" in r.read().decode()
    status, page = post(server, {"text": "会议费1.20万元，培训费2.80万元，合计4.10万元。"})
    assert status == 200 and page.count('<mark class="finding') == 1
    status, page = post(server, {"text": ""}, {"file": ("a.txt", "会议费1.20万元，合计1.20万元。".encode("gb18030"))})
    assert status == 200 and "0 findings" in page
    status, page = post(server, {}, {"file": ("scan.png", b"\x89PNG\x00\x00binary")})
    assert status == 400 and "binary" in page
    status, page = post(server, {"text": "x" * 60_000})
    assert status == 413 and "too large" in page
    status, page = post(server, {"text": "  "})
    assert status == 400 and "nothing to check" in page
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(server + "/etc/passwd", timeout=30)
    assert e.value.code == 404
