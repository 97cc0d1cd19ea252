"""`fiscal-lint serve`: a local review page. Paste text or pick a file, see the same HTML report.

Standard library only (http.server). Binds to 127.0.0.1 unless told otherwise; uploads are read into
memory, checked and forgotten: nothing is written to disk. One thread reads request heads for every
connection and a fixed pool of workers answers them (Server), so a crowd of slow or idle clients costs
buffers, not threads; each connection has `timeout` seconds to send its request.
"""
from __future__ import annotations

import base64
import hashlib
import html
import io
import ipaddress
import queue
import selectors
import socket
import sys
import threading
import time
from email.parser import BytesParser
from email.policy import HTTP
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs

from ..inputs.decode import InputError, decode
from ..inputs.source import Source
from ..reports import html as html_report
from ..run.engine import lint_source
from ..run.settings import Settings
from ..run.suppress import apply

FORM = {
    "en": ("fiscal-lint review", "Paste the text of a disclosure, or choose a file (.txt or .md, UTF-8 or GB18030).",
           "Check", "or a file:"),
    "zh": ("fiscal-lint 在线核对", "粘贴公开文本，或选择文件（.txt 或 .md，UTF-8 或 GB18030 编码）。", "检查", "或选择文件："),
}


PAGE_STYLE = ("body{font-family:system-ui,sans-serif;margin:24px;max-width:60em}"
              "textarea{width:100%;height:18em;font-family:monospace}.error{color:#cf222e;font-weight:600}")


def page(lang: str, message: str = "") -> str:
    title, hint, button, file_label = FORM[lang]
    note = f'<p class="error" id="error">{html.escape(message)}</p>' if message else ""
    return (f'<!doctype html><html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
            f"<title>{title}</title><style>{PAGE_STYLE}</style>"
            f"</head><body><h1>{title}</h1><p>{hint}</p>{note}"
            '<form method="post" action="/check" enctype="multipart/form-data">'
            '<textarea name="text" id="text"></textarea>'
            f'<p>{file_label} <input type="file" name="file" id="file" accept=".txt,.md,text/plain,text/markdown"></p>'
            f'<p><button type="submit" id="check">{button}</button></p></form></body></html>\n')


def sha256(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(scripts: tuple[str, ...] = (), styles: tuple[str, ...] = ()) -> str:
    """A CSP that allows exactly the inline <script> and <style> blocks we wrote, by hash: markup that got
    into a page any other way does not run."""
    script = " ".join(map(sha256, scripts)) or "'none'"
    style = " ".join(map(sha256, styles)) or "'none'"
    return (f"default-src 'none'; script-src {script}; style-src {style}; form-action 'self'; base-uri 'none'; "
            "frame-ancestors 'none'")


FORM_POLICY = policy(styles=(PAGE_STYLE,))
REPORT_POLICY = policy(scripts=(html_report.SCRIPT,), styles=(html_report.STYLE,))


def headers(length: int, csp: str) -> list[tuple[str, str]]:
    """What every answer carries, error pages included. no-store: a report of an upload stays out of the
    browser's disk cache too."""
    return [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(length)), ("Connection", "close"),
            ("Content-Security-Policy", csp), ("X-Content-Type-Options", "nosniff"), ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "no-referrer"), ("Cache-Control", "no-store")]


# The form has two fields; a browser sends no more. Each multipart part costs a header parse, so a body of
# thousands of them is refused by counting its delimiters, before any parsing.
MAX_FIELDS = 16
PART_HEAD = 8192  # the headers of one part: a Content-Disposition and a Content-Type


def _headers(block: bytes):
    return BytesParser(policy=HTTP).parsebytes(block + b"\r\n\r\n", headersonly=True)


def _form_fields(content_type: str, body: bytes) -> dict[str, tuple[str | None, bytes]]:
    """multipart/form-data or urlencoded fields: name -> (filename, bytes)."""
    many = f"too many form fields (more than {MAX_FIELDS})"
    if content_type.startswith("application/x-www-form-urlencoded"):
        try:
            pairs = parse_qs(body.decode("utf-8", "replace"), max_num_fields=MAX_FIELDS)
        except ValueError:
            raise ValueError(many) from None
        return {k: (None, v[0].encode("utf-8")) for k, v in pairs.items()}
    if not content_type.startswith("multipart/form-data"):
        raise ValueError("send the form as multipart/form-data")
    boundary = _headers(f"Content-Type: {content_type}".encode("latin-1", "replace")).get_param("boundary")
    if not boundary:
        raise ValueError("a malformed form")
    delim = b"--" + boundary.encode("latin-1", "replace")
    if body.count(delim) > MAX_FIELDS + 1:  # every part opens with one, and one closes the form
        raise ValueError(many)
    fields = {}
    for piece in (b"\n" + body).split(b"\n" + delim)[1:]:
        if piece.startswith(b"--"):  # the closing delimiter
            break
        piece = piece.partition(b"\n")[2]  # the rest of the delimiter line
        ends = [i for i in (piece.find(b"\r\n\r\n", 0, PART_HEAD), piece.find(b"\n\n", 0, PART_HEAD)) if i >= 0]
        if not ends:
            raise ValueError("a malformed form")
        end = min(ends)
        head = _headers(piece[:end])
        data = piece[end + (4 if piece.startswith(b"\r\n\r\n", end) else 2):]
        data = data.removesuffix(b"\r")  # the CR of the line break before the next delimiter
        name = head.get_param("name", header="content-disposition")
        if name:
            fields[name] = (head.get_filename(), data)
    return fields


def _recv(conn) -> bytes | None:
    """What a non-blocking socket has: None when nothing yet, b"" when it closed or failed."""
    try:
        return conn.recv(1 << 16)
    except (BlockingIOError, InterruptedError):
        return None
    except OSError:
        return b""


class _Replay(io.RawIOBase):
    """What the server thread already read of a request, then the rest from the socket."""

    def __init__(self, head: bytes, raw: io.RawIOBase):
        super().__init__()
        self.head, self.raw = memoryview(head), raw

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        if self.head:
            n = min(len(b), len(self.head))
            b[:n], self.head = self.head[:n], self.head[n:]
            return n
        return self.raw.readinto(b)

    def close(self) -> None:
        self.raw.close()
        super().close()


LINGER = 2.0  # seconds to read what a refused client is still sending
DRAIN = 16 << 20  # and at most this much of it


def make_handler(lang: str, max_bytes: int, timeout: float = 10.0):
    class Handler(BaseHTTPRequestHandler):
        server_version = "fiscal-lint"
        # http.server answers a request line it cannot read as HTTP/0.9 would, a bare body with no status line
        # and no headers; nothing speaks 0.9 any more
        default_request_version = "HTTP/1.0"

        @staticmethod
        def reply(status: int, message: str) -> bytes:
            """A whole answer as bytes, for the server thread, which sends without a handler."""
            data = page(lang, message).encode("utf-8")
            head = [f"HTTP/1.0 {status} {HTTPStatus(status).phrase}", f"Server: {Handler.server_version}"]
            head += [f"{k}: {v}" for k, v in headers(len(data), FORM_POLICY)]
            return ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + data

        def setup(self):
            self.request, head = self.request
            super().setup()
            self.rfile = io.BufferedReader(_Replay(head, self.rfile.detach()))

        def log_message(self, format, *args):  # noqa: A002 - quiet: the terminal is the user's
            pass

        def _send(self, status: int, body: str, csp: str = FORM_POLICY) -> None:
            data = body.encode("utf-8")
            self.send_response(status)
            for k, v in headers(len(data), csp):
                self.send_header(k, v)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

        def send_error(self, code, message=None, explain=None):
            # http.server's own page (a bad request line, an unknown method) would carry none of our headers
            self.close_connection = True
            self._send(code, page(lang, f"{code} {message or self.responses.get(code, ('error',))[0]}"))

        def _refuse(self, status: int, message: str) -> None:
            """Answer without reading the body, then linger: closing a socket with unread data resets the
            connection, and the client can lose the answer before it reads it."""
            self._send(status, page(lang, message))
            conn = self.connection
            try:
                conn.shutdown(socket.SHUT_WR)
                end, left = time.monotonic() + LINGER, DRAIN
                while left > 0 and (wait := end - time.monotonic()) > 0:
                    conn.settimeout(wait)
                    data = conn.recv(min(left, 1 << 16))
                    if not data:
                        break
                    left -= len(data)
            except OSError:
                pass

        def _body(self, length: int) -> bytes | None:
            """The body, within `timeout` in all: a client sending a byte every few seconds would otherwise
            hold a worker for as long as it likes, each read being quick enough."""
            conn = self.connection
            end, chunks, left = time.monotonic() + timeout, [], length
            try:
                while left:
                    wait = end - time.monotonic()
                    if wait <= 0:
                        raise TimeoutError
                    conn.settimeout(wait)
                    chunk = self.rfile.read1(min(left, 1 << 16))
                    if not chunk:
                        break
                    chunks.append(chunk)
                    left -= len(chunk)
            except TimeoutError:
                conn.settimeout(timeout)
                self._send(408, page(lang, f"the upload did not arrive within {timeout:g} s"))
                return None
            conn.settimeout(timeout)
            return b"".join(chunks)

        def do_GET(self):  # noqa: N802
            if self.path.split("?")[0] in ("/", "/index.html"):
                self._send(200, page(lang))
            else:
                self._send(404, page(lang, "not found"))

        def do_POST(self):  # noqa: N802
            if self.path != "/check":
                self._refuse(404, "not found")
                return
            if "Transfer-Encoding" in self.headers:  # a chunked body would be left unread, and taken as empty
                self._refuse(411, "send the form with a Content-Length")
                return
            given = (self.headers.get("Content-Length") or "0").strip()
            length = int(given) if given.isascii() and given.isdigit() else -1
            if length < 0:
                self._refuse(400, "bad Content-Length")
                return
            if length > max_bytes:
                self._refuse(413, f"too large: {length} bytes (the limit is {max_bytes})")
                return
            body = self._body(length)
            if body is None:
                return
            try:
                fields = _form_fields(self.headers.get("Content-Type", ""), body)
                filename, data = fields.get("file", (None, b""))
                name = filename or "pasted.txt"
                if not data:
                    filename, data = None, fields.get("text", (None, b""))[1]
                    name = "pasted.txt"
                if not data.strip():
                    raise ValueError("nothing to check: paste text or choose a file")
                text, encoding = decode(data)
            except (ValueError, InputError) as e:
                self._send(400, page(lang, str(e)))
                return
            result = lint_source(Source(path=name, text=text.replace("\r\n", "\n"), encoding=encoding))
            apply([result], lambda _p: Settings())
            self._send(200, html_report.render([result], lang), REPORT_POLICY)

    Handler.timeout = timeout  # each read and write on the connection
    return Handler


def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def _fd_room() -> int:
    try:
        import resource
    except ImportError:  # Windows, where select() takes 512 sockets
        return 512
    soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    return 1 << 20 if soft < 0 else soft


class Server(HTTPServer):
    """One thread accepts connections and reads request heads for all of them; a fixed pool of workers
    answers the requests whose head has arrived.

    A client that connects and sends half a request costs a buffer here, not a thread, and is dropped
    when `timeout` runs out; when every worker is busy and the queue behind them is full, a request gets
    503 at once. Each connection carries one request (HTTP/1.0), so a worker never waits for a second.
    """

    request_queue_size = 1024  # the listen backlog: a burst waits in the kernel instead of being refused
    head_max = 32 << 10

    def __init__(self, address, handler, workers: int = 16, queued: int = 256, timeout: float = 10.0):
        self.workers, self.head_timeout = workers, timeout
        self.jobs: queue.Queue = queue.Queue(max(1, queued))
        # one descriptor per half-sent request, leaving room for the workers' and the process's own
        self.pending_max = max(16, min(1024, _fd_room() // 2 - workers))
        self.heads: dict[socket.socket, tuple[bytearray, float, object]] = {}  # oldest first
        self.lingering: dict[socket.socket, float] = {}  # refused: read until the client closes, then close
        self.stop, self.stopped = threading.Event(), threading.Event()
        super().__init__(address, handler)
        self.replies = {status: handler.reply(status, message) for status, message in (
            (503, "busy: try again in a moment"),
            (408, f"the request did not arrive within {timeout:g} s"),
            (431, "the request head is too large"))}

    def serve_forever(self, poll_interval: float = 0.5) -> None:
        self.stopped.clear()
        pool = [threading.Thread(target=self._work, name=f"fiscal-lint-{i}", daemon=True) for i in range(self.workers)]
        for t in pool:
            t.start()
        self.socket.setblocking(False)
        sel = selectors.DefaultSelector()
        sel.register(self.socket, selectors.EVENT_READ)
        try:
            while not self.stop.is_set():
                for key, _ in sel.select(poll_interval):
                    conn = key.fileobj
                    if conn is self.socket:
                        self._accept(sel)
                    elif conn in self.heads:
                        self._read(sel, conn)
                    elif conn in self.lingering:
                        self._drain(sel, conn)
                self._expire(sel)
        finally:
            for conn in [*self.heads, *self.lingering]:
                conn.close()
            self.heads.clear()
            self.lingering.clear()
            sel.close()
            while True:  # stop now, not after every queued request
                try:
                    job = self.jobs.get_nowait()
                except queue.Empty:
                    break
                job[0].close()
            for _ in pool:
                self.jobs.put(None)
            end = time.monotonic() + self.head_timeout + LINGER  # what a request in hand can still take
            for t in pool:
                t.join(max(0.0, end - time.monotonic()))
            self.stop.clear()
            self.stopped.set()

    def shutdown(self) -> None:
        self.stop.set()
        self.stopped.wait()

    def _accept(self, sel) -> None:
        for _ in range(64):  # a slice at a time, so heads already in keep being read during a burst
            try:
                conn, addr = self.socket.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError:  # out of descriptors: the rest wait in the backlog
                time.sleep(0.05)
                return
            conn.setblocking(False)
            if len(self.heads) >= self.pending_max:
                # full of half-sent requests: the oldest is the likeliest to be a client that never finishes
                self._drop(sel, next(iter(self.heads)), 503)
            self.heads[conn] = (bytearray(), time.monotonic() + self.head_timeout, addr)
            sel.register(conn, selectors.EVENT_READ)

    def _read(self, sel, conn) -> None:
        buf, _, addr = self.heads[conn]
        data = _recv(conn)
        if data is None:
            return
        if not data:
            self._forget(sel, conn)
            conn.close()
            return
        start = max(0, len(buf) - 3)
        buf += data
        ends = [i for i in (buf.find(b"\r\n\r\n", start), buf.find(b"\n\n", start)) if i >= 0]
        if (min(ends) if ends else len(buf)) > self.head_max:
            self._drop(sel, conn, 431)
            return
        if not ends:
            return
        self._forget(sel, conn)
        conn.setblocking(True)  # before a worker has it: the handler then sets its own timeout
        try:
            self.jobs.put_nowait((conn, addr, bytes(buf)))
        except queue.Full:
            conn.setblocking(False)
            self._send(conn, 503)
            if len(self.lingering) >= self.pending_max:
                conn.close()
                return
            try:
                conn.shutdown(socket.SHUT_WR)
            except OSError:
                pass
            self.lingering[conn] = time.monotonic() + LINGER
            sel.register(conn, selectors.EVENT_READ)

    def _drain(self, sel, conn) -> None:
        data = _recv(conn)
        if data is None:
            return
        if not data:
            self._unlinger(sel, conn)

    def _expire(self, sel) -> None:
        now = time.monotonic()
        while self.heads:  # the same timeout for all, so the oldest comes first
            conn = next(iter(self.heads))
            if self.heads[conn][1] > now:
                break
            self._drop(sel, conn, 408)
        while self.lingering:
            conn = next(iter(self.lingering))
            if self.lingering[conn] > now:
                break
            self._unlinger(sel, conn)

    def _forget(self, sel, conn) -> None:
        del self.heads[conn]
        sel.unregister(conn)

    def _unlinger(self, sel, conn) -> None:
        del self.lingering[conn]
        sel.unregister(conn)
        conn.close()

    def _send(self, conn, status: int) -> None:
        try:  # a fresh socket's send buffer takes a page this small whole; if not, the client gets less
            conn.send(self.replies[status])
        except OSError:
            pass

    def _drop(self, sel, conn, status: int) -> None:
        self._forget(sel, conn)
        self._send(conn, status)
        conn.close()

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):  # a client that left is no error
            super().handle_error(request, client_address)

    def _work(self) -> None:
        while (job := self.jobs.get()) is not None:
            conn, addr, head = job
            try:
                self.finish_request((conn, head), addr)
            except Exception:
                self.handle_error(conn, addr)
            finally:
                self.shutdown_request(conn)


def make_server(host: str, port: int, lang: str, max_bytes: int, *, timeout: float = 10.0, workers: int = 16,
                queued: int = 256) -> Server:
    server = Server((host, port), make_handler(lang, max_bytes, timeout), workers, queued, timeout)
    # build the grammar and load the rules before the first request: lark writes its grammar tables to the
    # temp folder the first time, and answering a request should write nothing at all
    lint_source(Source(path="start.txt", text="会议费1.20万元，合计1.20万元。", encoding="utf-8"))
    return server
