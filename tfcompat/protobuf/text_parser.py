"""Protobuf text format parsing (``text_format.Parse``): the inverse of ``text_format``.

Reads what protobuf's printers write: ``name: value`` scalars, ``name { ... }`` (or ``< >``)
messages, repeated fields as repeated lines or ``[a, b]`` lists, maps as ``key``/``value``
entries, ``#`` comments, C-escaped strings split over several literals, enum labels. Fields a
message here does not declare (TensorFlow writes some tfcompat does not model, such as a meta
graph's ``stripped_op_list``) are skipped.
"""

from __future__ import annotations

import math
import re
from typing import Any

from tfcompat.protobuf.message import Field, MapField, Message

_TOKEN = re.compile(r"""
    \s+ | \#[^\n]*                                  # whitespace and comments
    | (?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
    | (?P<word>[-+]?[A-Za-z0-9_.]+(?:[eE][-+]?[0-9]+)?)
    | (?P<punct>[{}<>:\[\],;/])
""", re.VERBOSE)

_SIMPLE_ESCAPES = {"n": 10, "t": 9, "r": 13, "a": 7, "b": 8, "f": 12, "v": 11, "\\": 92,
                   "'": 39, '"': 34, "?": 63}


class ParseError(ValueError):
    """Text that is not a valid text-format message of the expected type."""


def _tokens(text: str) -> list[tuple[str, str]]:
    tokens = []
    pos = 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None:
            raise ParseError(f"Unexpected character {text[pos]!r} at offset {pos}")
        pos = match.end()
        if match.lastgroup:
            tokens.append((match.lastgroup, match.group(match.lastgroup)))
    return tokens


def _unescape(literal: str) -> bytes:
    body = literal[1:-1].encode("utf-8")
    out = bytearray()
    i = 0
    while i < len(body):
        c = body[i]
        if c != 92:  # backslash
            out.append(c)
            i += 1
            continue
        nxt = chr(body[i + 1])
        if nxt in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[nxt])
            i += 2
        elif nxt in "xX":
            digits = re.match(rb"[0-9A-Fa-f]{1,2}", body[i + 2:i + 4]).group()
            out.append(int(digits, 16))
            i += 2 + len(digits)
        else:
            digits = re.match(rb"[0-7]{1,3}", body[i + 1:i + 4]).group()
            out.append(int(digits, 8) & 0xFF)
            i += 1 + len(digits)
    return bytes(out)


class _Parser:
    def __init__(self, text: str):
        self._tokens = _tokens(text)
        self._pos = 0

    def _peek(self) -> tuple[str, str] | None:
        return self._tokens[self._pos] if self._pos < len(self._tokens) else None

    def _next(self) -> tuple[str, str]:
        token = self._peek()
        if token is None:
            raise ParseError("Unexpected end of text")
        self._pos += 1
        return token

    def _accept(self, punct: str) -> bool:
        if self._peek() == ("punct", punct):
            self._pos += 1
            return True
        return False

    def _expect(self, punct: str) -> None:
        if not self._accept(punct):
            raise ParseError(f"Expected {punct!r}, got {self._peek()!r}")

    # -- messages

    def parse_fields(self, msg: Message | None, end: str | None) -> None:
        """Fields until ``end`` (a closing bracket) or the end of the text; ``msg`` None
        skips them."""
        while True:
            token = self._peek()
            if token is None:
                if end is not None:
                    raise ParseError(f"Expected {end!r} before the end of text")
                return
            if end is not None and token == ("punct", end):
                self._pos += 1
                return
            kind, name = self._next()
            if kind != "word":
                raise ParseError(f"Expected a field name, got {name!r}")
            field = None if msg is None else type(msg)._fields_by_name.get(name)
            self._parse_field(msg if field is not None else None, field)
            if not self._accept(";"):
                self._accept(",")

    def _parse_field(self, msg: Message | None, field: Field | None) -> None:
        is_message = field is None or field.kind is None or isinstance(field, MapField)
        has_colon = self._accept(":")
        if field is None:
            self._skip_value()
            return
        if self._accept("["):
            if not self._accept("]"):
                while True:
                    self._parse_one(msg, field, is_message)
                    if self._accept("]"):
                        break
                    self._expect(",")
            return
        if not is_message and not has_colon:
            raise ParseError(f"Expected ':' after {field.name}")
        self._parse_one(msg, field, is_message)

    def _parse_one(self, msg: Message, field: Field, is_message: bool) -> None:
        if isinstance(field, MapField):
            self._parse_map_entry(getattr(msg, field.name), field)
        elif is_message:
            close = self._open()
            if field.repeated:
                target = getattr(msg, field.name).add()
            else:
                target = getattr(msg, field.name)
                target.SetInParent()
            self.parse_fields(target, close)
        elif field.repeated:
            getattr(msg, field.name).append(self._scalar(field))
        else:
            setattr(msg, field.name, self._scalar(field))

    def _open(self) -> str:
        if self._accept("{"):
            return "}"
        self._expect("<")
        return ">"

    def _parse_map_entry(self, container: Any, field: MapField) -> None:
        close = self._open()
        key = None
        value_tokens_start = None
        entry_value: Any = None
        while not self._accept(close):
            _, name = self._next()
            if name == "key":
                self._expect(":")
                key = self._scalar(field.key_field)
            elif name == "value":
                if field.value_field.kind is None:
                    self._accept(":")
                    value_tokens_start = self._pos
                    self._skip_value()
                else:
                    self._expect(":")
                    entry_value = self._scalar(field.value_field)
            else:
                raise ParseError(f"Unexpected {name!r} in an entry of map {field.name}")
            if not self._accept(";"):
                self._accept(",")
        if key is None:
            key = field.key_field.kind.default
        if field.value_field.kind is None:
            target = container[key]
            if value_tokens_start is not None:
                resume = self._pos
                self._pos = value_tokens_start
                self.parse_fields(target, self._open())
                self._pos = resume
        else:
            container[key] = (entry_value if entry_value is not None
                              else field.value_field.kind.default)

    def _skip_value(self) -> None:
        if self._peek() in (("punct", "{"), ("punct", "<")):
            self.parse_fields(None, self._open())
        elif self._accept("["):
            depth = 1
            while depth:
                token = self._next()
                depth += {("punct", "["): 1, ("punct", "]"): -1}.get(token, 0)
        else:
            kind, _ = self._next()
            while kind == "string" and self._peek() and self._peek()[0] == "string":
                self._next()

    # -- scalars

    def _scalar(self, field: Field) -> Any:
        kind, token = self._next()
        name = field.kind.name
        if name in ("string", "bytes"):
            if kind != "string":
                raise ParseError(f"Expected a string for {field.name}, got {token!r}")
            data = _unescape(token)
            while self._peek() and self._peek()[0] == "string":
                data += _unescape(self._next()[1])
            return data if name == "bytes" else data.decode("utf-8")
        if kind != "word":
            raise ParseError(f"Expected a value for {field.name}, got {token!r}")
        if name == "bool":
            if token in ("true", "t", "True", "1"):
                return True
            if token in ("false", "f", "False", "0"):
                return False
            raise ParseError(f"Expected a bool for {field.name}, got {token!r}")
        if name in ("float", "double"):
            return _real(token)
        if name == "enum" and field.enum is not None and not re.fullmatch(r"[-+]?\d+", token):
            return field.enum.Value(token)
        return int(token, 0)


def _real(token: str) -> float:
    lowered = token.lower().rstrip("f") if not token.lower().endswith("inf") else token.lower()
    if lowered.lstrip("-+") in ("inf", "infinity"):
        return -math.inf if lowered.startswith("-") else math.inf
    if lowered.lstrip("-+") == "nan":
        return math.nan
    return float(lowered)


def parse(text: str, message: Message) -> Message:
    """Merges the text-format ``text`` into ``message`` and returns it."""
    _Parser(text).parse_fields(message, None)
    return message
