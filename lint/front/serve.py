"""`fiscal-lint serve`: a local review page. Paste text or pick a file, see the same HTML report.

Standard library only (http.server). Binds to 127.0.0.1 unless told otherwise; uploads are read into
memory, checked and forgotten: nothing is written to disk.
"""
from __future__ import annotations

import base64
import hashlib
import html
import ipaddress
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

from ..inputs.decode import InputError, decode
from ..inputs.source import Source
from ..reports import html as html_report
from ..run.engine import lint_source

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


def make_handler(lang: str, max_bytes: int):
    class Handler(BaseHTTPRequestHandler):
        server_version = "fiscal-lint"
        # http.server answers a request line it cannot read as HTTP/0.9 would, a bare body with no status line
        # and no headers; nothing speaks 0.9 any more
        default_request_version = "HTTP/1.0"

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

        def do_GET(self):  # noqa: N802
            if self.path.split("?")[0] in ("/", "/index.html"):
                self._send(200, page(lang))
            else:
                self._send(404, page(lang, "not found"))

        def do_POST(self):  # noqa: N802
            if self.path != "/check":
                self._send(404, page(lang, "not found"))
                return
            try:
                length = int(self.headers.get("Content-Length") or 0)
            except ValueError:
                length = -1
            if length < 0:
                self._send(400, page(lang, "bad Content-Length"))
                return
            if length > max_bytes:
                self._send(413, page(lang, f"too large: {length} bytes (the limit is {max_bytes})"))
                return
            body = self.rfile.read(length)
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
            from ..run.settings import Settings
            from ..run.suppress import apply

            apply([result], lambda _p: Settings())
            self._send(200, html_report.render([result], lang), REPORT_POLICY)

    return Handler


def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def make_server(host: str, port: int, lang: str, max_bytes: int) -> ThreadingHTTPServer:
    return ThreadingHTTPServer((host, port), make_handler(lang, max_bytes))
