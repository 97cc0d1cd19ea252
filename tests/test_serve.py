"""`fiscal-lint serve` under load and abuse: a real server on a loopback ephemeral port, plain sockets."""
import time

import pytest
from fiscal_lint.front.serve import MAX_FIELDS, _form_fields


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
