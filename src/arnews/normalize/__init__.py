r"""Arabic normalization: one function per operation, pipelines, and offset maps.

Every operation takes a ``str`` and returns a ``str``; :class:`Normalizer`
chains them, and the two presets cover the common needs:

* :data:`SEARCH` folds spelling variants (diacritics, alef/yeh/hamza forms,
  teh marbuta, digits, punctuation) so that an index and its queries agree;
* :data:`CLEAN` changes no letter: presentation forms, invisible characters,
  tatweel and whitespace only.

>>> from arnews.normalize import SEARCH, CLEAN
>>> SEARCH("إِلى المَدْرَسَةِ  ١٢٣")
'الي المدرسه 123'
>>> CLEAN("ﻷن ـــــ  النص\u200f")
'لأن النص'

:meth:`Normalizer.align` returns the normalized text together with an
:class:`Alignment` mapping spans back to the original.

The presets run a fast path that gives exactly what their steps give;
``Normalizer.reference`` is the same pipeline step by step, the specification
the tests hold the fast path to.  The modules behind this facade, from the
bottom up: ``_tables`` (character tables and their Unicode rules),
``_align`` (offset maps), ``_operations`` (the operations and their
metadata), ``_pipeline`` (:class:`Step`, :class:`Normalizer`),
``_fastpath`` (the one-byte code page) and ``_presets``.
"""

from __future__ import annotations

from ._align import Alignment
from ._operations import (
    normalize_alef,
    normalize_digits,
    normalize_hamza,
    normalize_persian_letters,
    normalize_presentation_forms,
    normalize_punctuation,
    normalize_teh_marbuta,
    normalize_whitespace,
    normalize_yeh,
    remove_invisible,
    strip_diacritics,
    strip_harakat,
    strip_tatweel,
)
from ._pipeline import Change, Normalizer, Step
from ._presets import CLEAN, SEARCH

__all__ = [
    "CLEAN",
    "SEARCH",
    "Alignment",
    "Change",
    "Normalizer",
    "Step",
    "normalize_alef",
    "normalize_digits",
    "normalize_hamza",
    "normalize_persian_letters",
    "normalize_presentation_forms",
    "normalize_punctuation",
    "normalize_teh_marbuta",
    "normalize_whitespace",
    "normalize_yeh",
    "remove_invisible",
    "strip_diacritics",
    "strip_harakat",
    "strip_tatweel",
]
