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
    thread = threading.Thread(target=srv.serve_forever, args=(0.05,), daemon=True)
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


@pytest.fixture(autouse=True, scope="module")
def descriptors():
    """500 client sockets and as many on the server's side, in this one process."""
    try:
        import resource
    except ImportError:
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = 4096 if hard == resource.RLIM_INFINITY else min(4096, hard)
    if 0 <= soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
    yield
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def test_500_concurrent_requests_are_all_answered(port, capsys):
    n, go = 500, threading.Barrier(500)
    got: list = [None] * n
    form_type, binary = form({"text": b"\x89PNG\x00\x00binary"})

    def one(i: int) -> None:
        go.wait()
        start = time.perf_counter()
        kind = ("text", "binary", "oversize", "get", "get")[i % 5]
        try:
            if kind == "text":
                status = post(port, {"text": TEXT.encode()})[0]
            elif kind == "binary":
                status = request(port, "POST", "/check", binary, {"Content-Type": form_type})[0]
            elif kind == "oversize":  # says 10 MB, sends 1 kB: the server answers from the head
                status = request(port, "POST", "/check", b"x" * 1000, {"Content-Type": form_type, "Content-Length": "10000000"})[0]
            else:
                status = request(port)[0]
        except (OSError, ValueError, IndexError) as e:
            status = repr(e)
        got[i] = (kind, status, time.perf_counter() - start)

    start = time.perf_counter()
    threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    wall = time.perf_counter() - start
    counts: dict = {}
    for _, status, _ in got:
        counts[status] = counts.get(status, 0) + 1
    with capsys.disabled():
        print(f"\n500 concurrent: {dict(sorted(counts.items(), key=str))} in {wall:.2f} s, "
              f"slowest answer {max(t for _, _, t in got):.2f} s")
    expected = {"text": 200, "get": 200, "binary": 400, "oversize": 413}
    assert all(status in (expected[kind], 503) for kind, status, _ in got), counts


def test_slow_clients_hold_no_threads_and_are_dropped(capsys):
    with serving(timeout=3) as port:
        assert request(port)[0] == 200  # the pool has started
        threads = threading.active_count()
        slow = []
        for _ in range(300):  # a head that never ends
            s = socket.create_connection(("127.0.0.1", port), timeout=10)
            s.sendall(b"POST /check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n")
            slow.append(s)
        time.sleep(0.3)
        held = threading.active_count() - threads
        start = time.perf_counter()
        assert request(port, timeout=5)[0] == 200
        status, _, body = post(port, {"text": TEXT.encode()}, timeout=5)
        normal = time.perf_counter() - start
        assert status == 200 and b'<mark class="finding' in body
        dropped = [parse(read_all(s))[0] for s in slow]  # each is answered 408 and closed when its time is up
        waited = time.perf_counter() - start
        for s in slow:
            s.close()
        with capsys.disabled():
            print(f"\n300 slow clients: {held} more threads; a GET and a POST answered in {normal:.2f} s; "
                  f"all 300 dropped with {set(dropped)} {waited:.1f} s later (timeout 3 s)")
        assert held == 0 and normal < 3 and dropped == [408] * 300 and waited < 6


def test_a_slow_body_gets_408_and_a_full_pool_503():
    with serving(timeout=1.5, workers=1, queued=1) as port:
        trickle = []
        for _ in range(2):  # the one worker waits on the first body, the second waits in the queue
            s = socket.create_connection(("127.0.0.1", port), timeout=10)
            s.sendall(b"POST /check HTTP/1.0\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                      b"Content-Length: 100\r\n\r\n--b\r\n")
            trickle.append(s)
            time.sleep(0.2)
        start = time.perf_counter()
        status, head, body = request(port, timeout=5)
        assert status == 503 and time.perf_counter() - start < 0.5 and "Content-Security-Policy" in head
        start = time.perf_counter()
        assert parse(read_all(trickle[0]))[0] == 408
        assert 1 < time.perf_counter() - start < 2.5
        for s in trickle:
            s.close()


def test_an_8000_part_form_gets_400_fast():
    with serving(max_bytes=2_000_000) as port:
        for kind, body in [("multipart/form-data; boundary=xx", many_parts(8000)),
                           ("application/x-www-form-urlencoded", "&".join(f"f{i}=v" for i in range(8000)).encode())]:
            start = time.perf_counter()
            status, _, page = request(port, "POST", "/check", body, {"Content-Type": kind})
            assert status == 400 and b"too many form fields" in page and time.perf_counter() - start < 1


def test_oversize_is_refused_from_the_head():
    with serving(max_bytes=50_000) as port, socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        start = time.perf_counter()
        s.sendall(b"POST /check HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                  b"Content-Length: 1000000000\r\n\r\n" + b"x" * 1000)
        status, head, body = parse(read_all(s))  # the server closes: it is not waiting for the gigabyte
        assert status == 413 and b"too large" in body and head["Connection"] == "close"
        assert time.perf_counter() - start < 1


def test_oversize_answer_survives_a_client_that_keeps_sending():
    """The server lingers, reading, so its close does not reset the connection under the 413."""
    with serving(max_bytes=50_000) as port, socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        s.sendall(b"POST /check HTTP/1.0\r\nContent-Type: text/plain\r\nContent-Length: 3000000\r\n\r\n")
        s.sendall(b"x" * 3_000_000)  # a browser sends the file before it reads the answer
        assert parse(read_all(s))[0] == 413


def test_a_huge_head_gets_431():
    with serving() as port:
        status, head, _ = request(port, headers={"X-Pad": "x" * 40_000})
        assert status == 431 and "Content-Security-Policy" in head


def test_nothing_is_written_to_disk(tmp_path, monkeypatch):
    import os
    import sys
    import tempfile

    writes = []
    watching = threading.Event()

    def audit(event, args):
        if not watching.is_set() or not threading.current_thread().name.startswith("fiscal-lint"):
            return
        if event == "open":
            path, mode, flags = args
            if (mode and any(c in mode for c in "wax+")) or (flags or 0) & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
                writes.append((event, path))
        elif event in ("os.mkdir", "os.rename", "os.remove", "os.symlink", "tempfile.mkstemp", "tempfile.mkdtemp"):
            writes.append((event, args[0]))

    sys.addaudithook(audit)  # stays for the session; it returns at once unless watching
    cwd, temp = tmp_path / "cwd", tmp_path / "temp"
    cwd.mkdir()
    temp.mkdir()
    monkeypatch.chdir(cwd)
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    srv = make_server("127.0.0.1", 0, "en", 50_000)
    started = sorted(temp.iterdir())  # lark's grammar tables, if no earlier run left them: at start, not per request
    thread = threading.Thread(target=srv.serve_forever, args=(0.05,), name="fiscal-lint-serve", daemon=True)
    thread.start()
    port = srv.server_address[1]
    watching.set()
    try:
        kind, body = form({"text": b""}, "b")
        body = (b'--b\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n'
                + "会议费1.20万元，合计1.20万元。".encode("gb18030") + b"\r\n--b--\r\n")
        assert request(port, "POST", "/check", body, {"Content-Type": kind})[0] == 200
        assert post(port, {"text": TEXT.encode()})[0] == 200
        assert post(port, {"text": b"x" * 60_000})[0] == 413
        assert request(port)[0] == 200
    finally:
        watching.clear()
        srv.shutdown()
        srv.server_close()
    assert writes == [] and list(cwd.iterdir()) == [] and sorted(temp.iterdir()) == started


def test_more_slow_clients_than_room_evict_the_oldest():
    srv = make_server("127.0.0.1", 0, "en", 50_000, timeout=5)
    srv.pending_max = 20
    thread = threading.Thread(target=srv.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    port = srv.server_address[1]
    slow = []
    try:
        for _ in range(30):
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            s.sendall(b"GET / HTTP/1.1\r\n")
            slow.append(s)
            time.sleep(0.01)  # accepted in this order
        assert request(port, timeout=5)[0] == 200  # it evicts one more, and is answered
        assert [parse(read_all(s))[0] for s in slow[:11]] == [503] * 11
    finally:
        for s in slow:
            s.close()
        srv.shutdown()
        srv.server_close()
