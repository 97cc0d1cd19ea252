"""`fiscal-lint serve` under load and abuse: a real server on a loopback ephemeral port, plain sockets."""
import base64
import hashlib
import re
import socket
import threading
import time
from contextlib import contextmanager

import pytest
from fiscal_lint.front.serve import MAX_FIELDS, _form_fields, make_server

TEXT = "会议费1.20万元，培训费2.80万元，合计4.10万元。"


@contextmanager
def serving(max_bytes=50_000, **kw):
    srv = make_server("127.0.0.1", 0, "en", max_bytes, **kw)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield srv.server_address[1]
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join(10)


@pytest.fixture
def port():
    with serving() as p:
        yield p


def form(fields: dict, boundary: str = "b") -> tuple[str, bytes]:
    body = b"".join(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n'.encode() + v + b"\r\n"
                    for k, v in fields.items()) + f"--{boundary}--\r\n".encode()
    return f"multipart/form-data; boundary={boundary}", body


def request(port: int, method: str = "GET", path: str = "/", body: bytes = b"", headers: dict | None = None,
            raw: bytes | None = None, timeout: float = 20) -> tuple[int, dict, bytes]:
    """One request on a fresh connection, read to the server's close: (status, headers, body)."""
    head = {"Host": "127.0.0.1", **({"Content-Length": str(len(body))} if method == "POST" else {}), **(headers or {})}
    data = raw if raw is not None else (f"{method} {path} HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in head.items())
                                        + "\r\n").encode() + body
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(data)
        return parse(read_all(s))


def read_all(s: socket.socket) -> bytes:
    out = b""
    while chunk := s.recv(65536):
        out += chunk
    return out


def parse(answer: bytes) -> tuple[int, dict, bytes]:
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    fields = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
    return int(lines[0].split()[1]), fields, body


def post(port: int, fields: dict, **kw) -> tuple[int, dict, bytes]:
    kind, body = form(fields)
    return request(port, "POST", "/check", body, {"Content-Type": kind}, **kw)


def many_parts(n: int, boundary: str = "xx") -> bytes:
    return (b"".join(f'--{boundary}\r\nContent-Disposition: form-data; name="f{i}"\r\n\r\nv\r\n'.encode() for i in range(n))
            + f"--{boundary}--\r\n".encode())


def test_form_parts_are_counted_before_parsing():
    start = time.perf_counter()
    with pytest.raises(ValueError, match="too many form fields"):
        _form_fields("multipart/form-data; boundary=xx", many_parts(8000))
    with pytest.raises(ValueError, match="too many form fields"):
        _form_fields("application/x-www-form-urlencoded", "&".join(f"f{i}=v" for i in range(8000)).encode())
    assert time.perf_counter() - start < 0.5
    assert len(_form_fields("multipart/form-data; boundary=xx", many_parts(MAX_FIELDS))) == MAX_FIELDS


def test_form_fields_as_browsers_send_them():
    body = (b'--b\r\nContent-Disposition: form-data; name="text"\r\n\r\nline 1\r\n\r\n--b\r\n'
            b'Content-Disposition: form-data; name="file"; filename="\xe4\xb8\xad.txt"\r\nContent-Type: text/plain\r\n\r\nabc\r\n--b--\r\n')
    assert _form_fields('multipart/form-data; boundary="b"', body) == {"text": (None, b"line 1\r\n"), "file": ("中.txt", b"abc")}
    assert _form_fields("multipart/form-data; boundary=b", body.replace(b"\r\n", b"\n"))["text"] == (None, b"line 1\n")
    with pytest.raises(ValueError, match="malformed"):
        _form_fields("multipart/form-data", body)


def inline(page: str, tag: str) -> list[str]:
    return re.findall(rf"<{tag}>(.*?)</{tag}>", page, re.S)


def hashed(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


def test_csp_allows_only_our_own_inline_blocks(port):
    status, head, body = post(port, {"text": TEXT.encode()})
    assert status == 200 and b'<mark class="finding' in body
    csp = head["Content-Security-Policy"]
    script = re.search(r"script-src ([^;]*)", csp).group(1)
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    page = body.decode()
    assert inline(page, "script") and all(hashed(s) in script.split() for s in inline(page, "script"))
    assert all(hashed(s) in csp for s in inline(page, "style"))
    status, head, body = request(port)
    assert status == 200 and "script-src 'none'" in head["Content-Security-Policy"]
    assert all(hashed(s) in head["Content-Security-Policy"] for s in inline(body.decode(), "style"))


def test_report_is_the_html_report(port):
    from fiscal_lint.inputs.source import Source
    from fiscal_lint.reports.html import render
    from fiscal_lint.run.engine import lint_source
    from fiscal_lint.run.settings import Settings
    from fiscal_lint.run.suppress import apply

    result = lint_source(Source(path="pasted.txt", text=TEXT, encoding="utf-8"))
    apply([result], lambda _p: Settings())
    assert post(port, {"text": TEXT.encode()})[2].decode() == render([result], "en")


SECURITY = ("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Cache-Control")


@pytest.mark.parametrize("what", ["404", "400 binary", "400 empty", "413", "501 method", "400 request line", "505 version"])
def test_every_error_page_carries_the_security_headers(port, what):
    status, head, body = {
        "404": lambda: request(port, path="/etc/passwd"),
        "400 binary": lambda: post(port, {"text": b"\x89PNG\x00\x00binary"}),
        "400 empty": lambda: post(port, {"text": b"  "}),
        "413": lambda: post(port, {"text": b"x" * 60_000}),
        "501 method": lambda: request(port, "PUT"),
        "400 request line": lambda: request(port, raw=b"NONSENSE\r\n\r\n"),
        "505 version": lambda: request(port, raw=b"GET / HTTP/2.0\r\n\r\n"),
    }[what]()
    assert status == int(what.split()[0])
    assert all(k in head for k in SECURITY), head
    assert "unsafe-inline" not in head["Content-Security-Policy"] and head["X-Content-Type-Options"] == "nosniff"
    assert b"<title>fiscal-lint review</title>" in body  # our page, not http.server's
