"""The two presets, SEARCH and CLEAN, each holding its fast path.

>>> SEARCH("إِلى المَدْرَسَةِ  ١٢٣")
'الي المدرسه 123'
"""

from __future__ import annotations

from ._fastpath import FastPath
from ._operations import (
    _drop_hamza_marks,
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
    strip_tatweel,
)
from ._pipeline import Normalizer, Step

__all__ = ["CLEAN", "SEARCH"]

_SEARCH_STEPS = (
    Step(normalize_presentation_forms),
    Step(remove_invisible, (("keep_persian_zwnj", False),)),
    Step(strip_tatweel),
    Step(strip_diacritics),
    Step(_drop_hamza_marks),
    Step(normalize_alef),
    Step(normalize_hamza),
    Step(normalize_persian_letters),
    Step(normalize_yeh),
    Step(normalize_teh_marbuta),
    Step(normalize_digits),
    Step(normalize_punctuation),
    Step(normalize_whitespace),
)
_CLEAN_STEPS = (
    Step(normalize_presentation_forms),
    Step(remove_invisible),
    Step(strip_tatweel),
    Step(normalize_whitespace),
)

#: Folds spelling variants; what an index and its queries both use.  In order:
#: presentation forms, invisible characters (every ZWNJ), tatweel, diacritics
#: (composing hamza), leftover combining hamza, alef, hamza carriers, Persian
#: keheh and yeh (ک → ك), yeh, teh marbuta, digits, punctuation, whitespace
#: (line breaks kept).  Every deletion comes before the digit step, whose
#: separators depend on their neighbours.
SEARCH = Normalizer(_SEARCH_STEPS, name="SEARCH", fast=FastPath(_SEARCH_STEPS))

#: Changes no letter: presentation forms, invisible characters (ZWNJ kept in
#: Persian/Urdu words), tatweel and whitespace (line breaks kept).
CLEAN = Normalizer(_CLEAN_STEPS, name="CLEAN", fast=FastPath(_CLEAN_STEPS))
