"""Every argument check of arnews and the wording of its messages.

A message names the call and the argument, says what was expected and what
came, and where a fix is obvious says it, in one sentence::

    parse() expects str, got bytes; decode it first, e.g. data.decode("utf-8")

Function arguments use ``"<call> expects <what>, got <type>"``; record fields
(attrs validators) use ``"<Record.field> must be <what>, got <type>"``.  Each
check takes the value as ``object`` and returns it narrowed, so callers write
``text = check_str(text, "parse()")`` and need no rebinding to ``object``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

__all__ = [
    "DECODE_HINT",
    "attrs_instance_of",
    "attrs_int",
    "attrs_tuple_of",
    "check_bool",
    "check_callable",
    "check_choice",
    "check_date",
    "check_filter",
    "check_instance",
    "check_int",
    "check_iterable",
    "check_optional_str",
    "check_pair",
    "check_path",
    "check_sequence_of_str",
    "check_str",
    "expected",
    "validate_date",
    "validate_utc_offset",
]

_T = TypeVar("_T")

#: The fix for bytes given where text is expected.
DECODE_HINT = 'decode it first, e.g. data.decode("utf-8")'


def _kind(value: object) -> str:
    """The type name shown in messages."""
    return type(value).__name__


def expected(where: str, what: str, value: object, hint: str = "") -> TypeError:
    """The TypeError for ``where`` receiving ``value`` instead of ``what``.

    >>> str(expected("f()", "str", 3, "pass text"))
    'f() expects str, got int; pass text'
    """
    tail = f"; {hint}" if hint else ""
    return TypeError(f"{where} expects {what}, got {_kind(value)}{tail}")


def check_str(value: object, where: str, hint: str = "") -> str:
    """``value`` if it is a str, else a TypeError (bytes get the decoding hint).

    >>> check_str("نص", "tokenize()")
    'نص'
    >>> check_str(b"x", "tokenize()")
    Traceback (most recent call last):
    ...
    TypeError: tokenize() expects str, got bytes; decode it first, e.g. data.decode("utf-8")

    Raises:
        TypeError: if ``value`` is not a str.
    """
    if isinstance(value, str):
        return value
    if isinstance(value, bytes | bytearray | memoryview):
        hint = DECODE_HINT
    raise expected(where, "str", value, hint)


def check_optional_str(value: object, where: str, hint: str = "") -> str | None:
    """``value`` if it is a str or None, else a TypeError.

    >>> check_optional_str(None, "filter(outlet=...)") is None
    True

    Raises:
        TypeError: if ``value`` is neither a str nor None.
    """
    if value is None or isinstance(value, str):
        return value
    raise expected(where, "str or None", value, hint)


def check_bool(value: object, where: str) -> bool:
    """``value`` if it is True or False (not 0 or 1), else a TypeError.

    >>> check_bool(True, "frequencies(stopwords=...)")
    True

    Raises:
        TypeError: if ``value`` is not a bool.
    """
    if isinstance(value, bool):
        return value
    raise expected(where, "True or False", value)


def check_choice(value: object, where: str, choices: Sequence[str]) -> str:
    """``value`` if it is one of ``choices`` (strings), else an error naming them all.

    >>> check_choice("exact", "search(mode=...)", ("exact", "spelling"))
    'exact'
    >>> check_choice("fuzzy", "search(mode=...)", ("exact", "spelling"))
    Traceback (most recent call last):
    ...
    ValueError: search(mode=...) got unknown choice 'fuzzy'; use one of 'exact', 'spelling'

    Raises:
        TypeError: if ``value`` is not a str.
        ValueError: if it is not one of ``choices``.
    """
    listed = ", ".join(repr(choice) for choice in choices)
    if not isinstance(value, str):
        raise expected(where, f"one of {listed}", value)
    if value not in choices:
        msg = f"{where} got unknown choice {value!r}; use one of {listed}"
        raise ValueError(msg)
    return value


def check_int(value: object, where: str, *, minimum: int | None = None, hint: str = "") -> int:
    """``value`` if it is an int (not a bool) of at least ``minimum``.

    >>> check_int(3, "concordance(width=...)", minimum=0)
    3
    >>> check_int(-1, "concordance(width=...)", minimum=0)
    Traceback (most recent call last):
    ...
    ValueError: concordance(width=...) got -1, which is negative; give a number of 0 or more

    Raises:
        TypeError: if ``value`` is not an int (bools are refused).
        ValueError: if it is below ``minimum``.
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise expected(where, "an int", value, hint)
    if minimum is not None and value < minimum:
        low = "negative" if minimum == 0 else f"below {minimum}"
        msg = f"{where} got {value}, which is {low}; give a number of {minimum} or more"
        raise ValueError(msg)
    return value


def check_date(value: object, where: str) -> dt.date:
    """``value`` if it is a ``datetime.date`` (a ``datetime.datetime`` is refused).

    >>> check_date(dt.date(2015, 9, 29), "filter(since=...)")
    datetime.date(2015, 9, 29)

    Raises:
        TypeError: if ``value`` is not a date, or is a datetime.
    """
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    raise expected(where, "datetime.date", value, "e.g. datetime.date(2015, 9, 29)")


def check_filter(
    since: object, until: object, outlet: object, where: object, include_inferred: object
) -> None:
    """The arguments of ``filter()`` (of a Corpus or an index), each checked.

    >>> check_filter(dt.date(2016, 1, 1), None, "الخليج الجديد", None, True)

    Raises:
        TypeError: if a date bound is not a ``datetime.date`` (a datetime is
            refused too), ``outlet`` is not a str, ``where`` is not callable, or
            ``include_inferred`` is not a bool.
        ValueError: if ``since`` is after ``until``.
    """
    first = None if since is None else check_date(since, "filter(since=...)")
    last = None if until is None else check_date(until, "filter(until=...)")
    if first is not None and last is not None and first > last:
        msg = f"filter(since={first}) is after until={last}; swap them"
        raise ValueError(msg)
    check_optional_str(outlet, "filter(outlet=...)")
    check_bool(include_inferred, "filter(include_inferred=...)")
    if where is not None:
        check_callable(where, "filter(where=...)", "a function Article -> bool")


def check_path(value: object, where: str, what: str = "a path") -> str | os.PathLike[str]:
    """``value`` if it is a str or path-like object.

    >>> check_path("out.jsonl", "to_jsonl()")
    'out.jsonl'

    Raises:
        TypeError: if ``value`` is neither.
    """
    if isinstance(value, str | os.PathLike):
        return value
    raise expected(where, f"{what} (str or pathlib.Path)", value)


def check_callable(value: object, where: str, what: str) -> Callable[..., Any]:
    """``value`` if it is callable.

    >>> check_callable(len, "filter(where=...)", "a function Article -> bool") is len
    True

    Raises:
        TypeError: if ``value`` is not callable.
    """
    if callable(value):
        return value
    raise expected(where, what, value)


def check_instance(
    value: object, kind: type[_T], where: str, hint: str = "", *, name: str | None = None
) -> _T:
    """``value`` if it is an instance of ``kind`` (called ``name`` in the message, if given).

    >>> check_instance(3, int, "f()")
    3

    Raises:
        TypeError: if it is not.
    """
    if isinstance(value, kind):
        return value
    shown = name or kind.__name__
    article = "an" if shown[:1] in "AEIOU" else "a"
    raise expected(where, f"{article} {shown}", value, hint)


def check_pair(
    where: str, first: tuple[object, type], second: tuple[object, type], hint: str = ""
) -> None:
    """Both values are instances of their types, else one TypeError naming both.

    >>> check_pair("f()", (1, int), ("x", int))
    Traceback (most recent call last):
    ...
    TypeError: f() expects (int, int), got (int, str)

    Raises:
        TypeError: if either is not.
    """
    pairs = (first, second)
    if all(isinstance(value, kind) for value, kind in pairs):
        return
    wanted = ", ".join(kind.__name__ for _, kind in pairs)
    got = ", ".join(_kind(value) for value, _ in pairs)
    tail = f"; {hint}" if hint else ""
    msg = f"{where} expects ({wanted}), got ({got}){tail}"
    raise TypeError(msg)


def check_sequence_of_str(value: object, where: str, what: str) -> list[str]:
    """``value`` as a list of str, if it is a list or tuple of str (not a str or bytes).

    >>> check_sequence_of_str(("search", "بغداد"), "main()", "arguments")
    ['search', 'بغداد']
    >>> check_sequence_of_str(b"search", "main()", "arguments such as ['list']")
    Traceback (most recent call last):
    ...
    TypeError: main() expects a list of str, got bytes; pass arguments such as ['list']

    Raises:
        TypeError: if ``value`` is not a list or tuple, or holds something else than str.
    """
    if not isinstance(value, list | tuple):
        raise expected(where, "a list of str", value, f"pass {what}")
    for item in value:
        if not isinstance(item, str):
            hint = DECODE_HINT if isinstance(item, bytes) else f"pass {what}"
            raise expected(where, "a list of str", item, hint)
    return list(value)


def check_iterable(value: object, where: str, what: str, hint: str = "") -> tuple[object, ...]:
    """The items of ``value`` as a tuple, if it is an iterable that is not a str or bytes.

    >>> check_iterable([1, 2], "Corpus()", "an iterable of Article objects")
    (1, 2)

    Raises:
        TypeError: if ``value`` is a str, bytes or not iterable.
    """
    if isinstance(value, str | bytes | bytearray) or not isinstance(value, Iterable):
        raise expected(where, what, value, hint)
    return tuple(value)


# -- record fields (attrs converters and validators) ---------------------------------------


def attrs_tuple_of(value: Iterable[object], kind: type, what: str) -> tuple[Any, ...]:
    """Any iterable of ``kind`` items (list, tuple, generator) as a tuple; a str is refused.

    >>> attrs_tuple_of(["a", "b"], str, "Article.keywords")
    ('a', 'b')

    Raises:
        TypeError: if ``value`` is a str, bytes or not iterable, or holds another type.
    """
    if isinstance(value, str | bytes) or not hasattr(value, "__iter__"):
        msg = (
            f"{what} must be a tuple of {kind.__name__}, got {_kind(value)}; "
            f"wrap a single item as ({value!r},)"
        )
        raise TypeError(msg)
    items = tuple(value)
    for item in items:
        if not isinstance(item, kind):
            msg = f"{what} must hold {kind.__name__} items, got {_kind(item)}"
            raise TypeError(msg)
    return items


def attrs_instance_of(kinds: type | tuple[type, ...], what: str, hint: str) -> Callable[..., None]:
    """An attrs validator: the value is an instance of ``kinds``, else TypeError with ``hint``.

    >>> validate = attrs_instance_of(str, "Caption.text", "a str")
    >>> validate(None, None, 3)
    Traceback (most recent call last):
    ...
    TypeError: Caption.text must be a str, got int
    """

    def validate(_instance: object, _attribute: object, value: object) -> None:
        if not isinstance(value, kinds):
            msg = f"{what} must be {hint}, got {_kind(value)}"
            raise TypeError(msg)

    return validate


def attrs_int(
    what: str, minimum: int | None = 0, maximum: int | None = None
) -> Callable[..., None]:
    """An attrs validator: an int (not a bool) from ``minimum`` to ``maximum`` (None: no bound).

    >>> attrs_int("Hit.start")(None, None, -1)
    Traceback (most recent call last):
    ...
    ValueError: Hit.start must be 0 or more, got -1
    >>> attrs_int("Hit.start")(None, None, "3")
    Traceback (most recent call last):
    ...
    TypeError: Hit.start must be an int, got str
    >>> attrs_int("HijriDate.month", 1, 12)(None, None, 13)
    Traceback (most recent call last):
    ...
    ValueError: HijriDate.month must be from 1 to 12, got 13
    """

    def validate(_instance: object, _attribute: object, value: object) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            msg = f"{what} must be an int, got {_kind(value)}"
            raise TypeError(msg)
        low = minimum is not None and value < minimum
        high = maximum is not None and value > maximum
        if low or high:
            if maximum is None:
                msg = f"{what} must be {minimum} or more, got {value}"
            elif minimum is None:
                msg = f"{what} must be {maximum} or less, got {value}"
            else:
                msg = f"{what} must be from {minimum} to {maximum}, got {value}"
            raise ValueError(msg)

    return validate


def validate_date(_instance: Any, _attribute: Any, value: Any) -> None:
    """An attrs validator for ``date`` fields: a datetime.date (not a datetime) or None.

    >>> validate_date(None, None, "2015-09-29")
    Traceback (most recent call last):
    ...
    TypeError: date must be a datetime.date or None, got str; e.g. datetime.date(2015, 9, 29)
    """
    if value is not None and (not isinstance(value, dt.date) or isinstance(value, dt.datetime)):
        msg = (
            f"date must be a datetime.date or None, got {_kind(value)}; "
            f"e.g. datetime.date(2015, 9, 29)"
        )
        raise TypeError(msg)


def validate_utc_offset(_instance: Any, _attribute: Any, value: Any) -> None:
    """An attrs validator for ``utc_offset``: None or a timedelta strictly within a day.

    >>> validate_utc_offset(None, None, dt.timedelta(hours=3))
    >>> validate_utc_offset(None, None, "+03:00")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    TypeError: Article.utc_offset must be a datetime.timedelta or None, got str; ...
    """
    if value is None:
        return
    if not isinstance(value, dt.timedelta):
        msg = (
            f"Article.utc_offset must be a datetime.timedelta or None, got {_kind(value)}; "
            f"e.g. datetime.timedelta(hours=3)"
        )
        raise TypeError(msg)
    if not -dt.timedelta(hours=24) < value < dt.timedelta(hours=24):
        msg = f"Article.utc_offset must be strictly within 24 hours of UTC, got {value!r}"
        raise ValueError(msg)
