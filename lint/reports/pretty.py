"""json.dumps(obj, ensure_ascii=False, indent=2), byte for byte, at a fraction of its cost.

With an indent the standard library encodes in pure Python, a generator per level; a report of a
province's documents is millions of values, and under --jobs it is written by the one process that
waits for the workers. Here each string is escaped by the C escaper and each container joined once."""
from __future__ import annotations

import json
from json.encoder import encode_basestring

def dumps(obj) -> str:
    try:
        return _encode(obj, "\n")
    except _Unusual:
        return json.dumps(obj, ensure_ascii=False, indent=2)  # a float, a key that is not a string …


def item(v, inner: str = "\n    ") -> str:
    """What dumps() makes of `v` where it stands indented by `inner` (a newline and its spaces): an item of a
    list that is a member of the top-level object, by default."""
    try:
        return _value(v, inner)
    except _Unusual:  # json.dumps puts a newline only between members, never inside a string
        return json.dumps(v, ensure_ascii=False, indent=2).replace("\n", inner)


class _Unusual(Exception):
    pass


def _value(v, inner: str) -> str:
    t = type(v)
    if t is str:
        return encode_basestring(v)
    if t is int:
        return int.__repr__(v)
    if v is None:
        return "null"
    if t is bool:
        return "true" if v else "false"
    return _encode(v, inner)


def _encode(o, newline: str) -> str:
    t = type(o)
    inner = newline + "  "
    if t is dict:
        if not o:
            return "{}"
        parts = []
        for k, v in o.items():
            if type(k) is not str:
                raise _Unusual
            t = type(v)  # the common scalars inline: a call per value is most of the cost
            parts.append(encode_basestring(k) + ": " + (encode_basestring(v) if t is str else int.__repr__(v)
                                                         if t is int else _value(v, inner)))
        return "{" + inner + ("," + inner).join(parts) + newline + "}"
    if t is list or t is tuple:
        if not o:
            return "[]"
        return "[" + inner + ("," + inner).join([_value(v, inner) for v in o]) + newline + "]"
    if t is str or t is int or t is bool or o is None:
        return _value(o, newline)
    raise _Unusual
