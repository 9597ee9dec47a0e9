"""Configuration keys as dataclass fields: what each accepts, reading a TOML table by them, documenting them.

A key is a field whose metadata comes from :func:`key` (help text, allowed
values, range).  :func:`read_table` checks a table parsed from TOML against a
dataclass's keys and converts the values to the fields' types, raising one
:class:`~hlmpub.errors.ConfigError` per unknown key or bad value, naming the
file and the key; :func:`markdown_table` documents the same keys.  The
settings themselves are in :mod:`hlmpub.config`.
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import re
import tomllib
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, NoReturn

from ..errors import ConfigError


def key(
    help: str,
    *,
    choices: tuple[str, ...] | None = None,
    keys: tuple[str, ...] | None = None,
    minimum: float | None = None,
    maximum: float | None = None,
    also: tuple[type, ...] = (),
    check: Callable[[Any], str] | None = None,
    allowed: str = "",
    default: str = "",
) -> dict[str, Any]:
    """Field metadata of a configuration key: its help text and what it accepts.

    ``choices``: the values a string (or each item of a list, or each value of a table) may take;
    ``keys``: the same for a table's keys; ``minimum``/``maximum``: a number's range; ``also``: other
    TOML types read as text (``session = 68``); ``check``: value → problem ("" when fine);
    ``allowed``/``default``: the reference's wording where the type alone says too little.
    """
    return {
        "help": help,
        "choices": choices,
        "keys": keys,
        "minimum": minimum,
        "maximum": maximum,
        "also": also,
        "check": check,
        "allowed": allowed,
        "default": default,
    }


class _Bad(Exception):
    """A value that does not fit its key; the message says what would."""


def keys_of(cls: type) -> list[tuple[dataclasses.Field[Any], Any]]:
    """(field, resolved type) of each configuration key of ``cls``: the fields with help text."""
    hints = typing.get_type_hints(cls)  # the annotations are strings (``from __future__ import annotations``)
    return [(f, hints[f.name]) for f in dataclasses.fields(cls) if "help" in f.metadata]


def key_of(cls: type, name: str) -> tuple[dataclasses.Field[Any], Any]:
    """(field, resolved type) of the key ``name`` of ``cls``."""
    return next((f, hint) for f, hint in keys_of(cls) if f.name == name)


def is_table(hint: Any) -> bool:
    """Whether a key's type is itself a dataclass of keys: a nested table."""
    return isinstance(hint, type) and dataclasses.is_dataclass(hint)


def _optional(hint: Any) -> Any:
    """``X`` of ``X | None``: TOML has no None, so a value given is an X."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return next(a for a in typing.get_args(hint) if a is not type(None))
    return hint


def shown(value: Any) -> str:
    """``value`` as TOML would write it, cut short."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, list | tuple):
        text = "[" + ", ".join(shown(v) for v in value) + "]"
    elif isinstance(value, dict):
        text = "{ " + ", ".join(f"{k} = {shown(v)}" for k, v in value.items()) + " }" if value else "{}"
    else:
        text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _one_of(values: tuple[str, ...]) -> str:
    return "expected one of " + ", ".join(values)


def _text(value: Any, spec: dict[str, Any]) -> str:
    if isinstance(value, spec["also"]) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise _Bad("must be a string")
    choices = spec["choices"]
    if choices is not None and value not in choices:
        raise _Bad(_one_of(choices))
    return value


def _number(value: Any, hint: Any, spec: dict[str, Any]) -> int | float:
    whole = hint is int
    low, high = spec["minimum"], spec["maximum"]
    span = f" from {low:g} to {high:g}" if high is not None else f" at least {low:g}" if low is not None else ""
    wrong = isinstance(value, bool) or not isinstance(value, int if whole else int | float)
    if wrong or (low is not None and value < low) or (high is not None and value > high):
        raise _Bad(f"must be {'a whole number' if whole else 'a number'}{span}")
    return value if whole else float(value)


def _strings(value: Any, spec: dict[str, Any]) -> tuple[str, ...]:
    """A list of strings, or one string of comma-separated items (``langs = "zh,en"``)."""
    if isinstance(value, str):
        items = [part.strip() for part in value.split(",") if part.strip()]
    elif isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        items = list(value)
    else:
        raise _Bad("must be a list of strings, or one comma-separated string")
    choices = spec["choices"]
    for item in items:
        if choices is not None and item not in choices:
            raise _Bad(f"{json.dumps(item, ensure_ascii=False)} is not allowed; {_one_of(choices)}")
        if items.count(item) > 1:
            raise _Bad(f"names {json.dumps(item, ensure_ascii=False)} twice")
    return tuple(items)


def _table_of_strings(value: Any, spec: dict[str, Any]) -> dict[str, str]:
    if not isinstance(value, dict):
        raise _Bad("must be a table")
    keys, choices = spec["keys"], spec["choices"]
    for k, v in value.items():
        if keys is not None and k not in keys:
            raise _Bad(f"key {json.dumps(k, ensure_ascii=False)} is not allowed; {_one_of(keys)}")
        if not isinstance(v, str):
            raise _Bad(f"{k} must be a string")
        if choices is not None and v not in choices:
            raise _Bad(f"{k} = {json.dumps(v, ensure_ascii=False)} is not allowed; {_one_of(choices)}")
    return dict(value)


def _convert(value: Any, hint: Any, spec: dict[str, Any]) -> Any:
    """``value`` from TOML as the field's type, or :class:`_Bad`."""
    hint = _optional(hint)
    origin = typing.get_origin(hint)
    if origin is Literal:
        return _text(value, {**spec, "choices": typing.get_args(hint)})
    if hint is bool:
        if not isinstance(value, bool):
            raise _Bad("must be true or false")
        converted: Any = value
    elif hint in (int, float):
        converted = _number(value, hint, spec)
    elif hint is str:
        converted = _text(value, spec)
    elif hint is Path:
        if not isinstance(value, str | Path) or not str(value):
            raise _Bad("must be a folder name")
        converted = Path(value)
    elif origin is tuple:
        converted = _strings(value, spec)
    elif origin is dict:
        converted = _table_of_strings(value, spec)
    else:  # a new kind of field needs a rule here
        raise TypeError(f"no rule to read {hint!r}")
    problem = spec["check"](converted) if spec["check"] else ""
    if problem:
        raise _Bad(problem)
    return converted


def checked(value: Any, field: dataclasses.Field[Any], hint: Any, label: str, path: Path | None) -> Any:
    """``value`` converted to ``field``'s type, or a ConfigError ``path: label = value: problem``."""
    try:
        return _convert(value, hint, dict(field.metadata))
    except _Bad as bad:
        raise ConfigError(f"{label} = {shown(value)}: {bad}", path) from None


def _unknown(name: str, allowed: list[str], table: str, path: Path | None) -> NoReturn:
    close = difflib.get_close_matches(name, allowed, n=1)
    hint = f" (did you mean {close[0]}?)" if close else ""
    where = f"{table} " if table else ""
    raise ConfigError(f"{where}unknown key {json.dumps(name)}{hint}; allowed: {', '.join(allowed)}", path)


def read_table(
    cls: type, table: Any, path: Path | None, name: str, more: tuple[str, ...] = (), tables: tuple[str, ...] = ()
) -> dict[str, Any]:
    """The keys of ``cls`` that ``table`` sets, checked and converted (nested tables are left to the caller).

    ``more``: other keys the table may hold, read by the caller; ``tables``: which of them are sub-tables
    (``[review]`` in the list of allowed keys).  ``name`` (``[tool.hlmpub.review]``, ``[versions] en``, or
    "" for a file's top level) and ``path`` name the key in an error message.
    """
    if not isinstance(table, dict):
        raise ConfigError(f"{name or 'the file'} must be a table, not {shown(table)}", path)
    specs = {f.name: (f, hint) for f, hint in keys_of(cls) if not is_table(hint)}
    values = {}
    for k, value in table.items():
        if k in more:
            continue
        if k not in specs:
            _unknown(k, [*specs, *(f"[{m}]" if m in tables else m for m in more)], name, path)
        f, hint = specs[k]
        values[k] = checked(value, f, hint, f"{name} {k}".strip(), path)
    return values


# ------------------------------------------------------------------ reference


def _default_text(f: dataclasses.Field[Any], spec: dict[str, Any]) -> str:
    if spec["default"]:
        return str(spec["default"])
    value = f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default
    if value is None or value == "":
        return "—"
    return f"`{shown(str(value) if isinstance(value, Path) else value)}`"


def _allowed_text(hint: Any, spec: dict[str, Any]) -> str:
    if spec["allowed"]:
        return str(spec["allowed"])
    hint = _optional(hint)
    choices = typing.get_args(hint) if typing.get_origin(hint) is Literal else spec["choices"]
    listed = ", ".join(f"`{c}`" for c in choices or ())
    if hint is bool:
        return "`true`, `false`"
    if hint in (int, float):
        kind = "a whole number" if hint is int else "a number"
        low, high = spec["minimum"], spec["maximum"]
        if low is not None and high is not None:
            return f"{kind} from {low:g} to {high:g}"
        return f"{kind} ≥ {low:g}" if low is not None else kind
    if typing.get_origin(hint) is tuple:
        return f"a list of {listed}, or one comma-separated string" if listed else "a list of strings"
    if listed:
        return listed
    return "text or a number" if int in spec["also"] else "text or a date" if spec["also"] else "text"


def markdown_table(cls: type) -> list[str]:
    """The lines of a Markdown table of ``cls``'s keys (nested tables left out): key, default, allowed, meaning."""
    lines = ["| key | default | allowed | meaning |", "|---|---|---|---|"]
    for f, hint in keys_of(cls):
        if is_table(hint):
            continue
        spec = dict(f.metadata)
        meaning = spec["help"].replace("|", "\\|")
        lines.append(f"| `{f.name}` | {_default_text(f, spec)} | {_allowed_text(hint, spec)} | {meaning} |")
    return lines


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file as a dict; a missing file (a source folder without its document.toml) or malformed TOML is a
    ConfigError naming it."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("no document.toml: a source folder needs one", path) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"malformed TOML: {exc}", path) from None


def web_address(value: str) -> str:
    """A check for :func:`key`: "" for an http(s) address naming a host, else what is wrong."""
    from urllib.parse import urlsplit

    parts = urlsplit(value)
    ok = parts.scheme in ("http", "https") and parts.netloc
    return "" if ok else "must start with http:// or https:// and name a host"


def sha256_hex(value: str) -> str:
    """A check for :func:`key`: "" for a sha256 in lower-case hex, else what is wrong."""
    return "" if re.fullmatch(r"[0-9a-f]{64}", value) else "must be 64 lower-case hex digits"
