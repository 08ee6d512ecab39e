"""A corpus that looks like third-party Arabic news: the seeds, sprinkled with what they lack.

The seed texts hold nothing outside the fast path's code page.  Real news from
other outlets does (measured on 20 MB, 13,183 articles from six outlets):

* characters outside the code page in 0.9 % of the articles, about 2.8 per such
  article (327 in 20 MB, 68 distinct): Arabic presentation forms, ڨ ڤ ٲ ھ,
  accented Latin letters, ° ® ″ ⬛, emoji;
* LRM/RLM/PDF bidi controls in 0.5 % of the articles;
* NBSP in a third of the articles;
* tatweel in 13 % of the articles.

:func:`articles` cuts the seeds (joined) into articles of about 1,500 characters at
paragraph ends, then gives each article each feature with the probability
above times ``rate`` (capped at 1; with ``rate=10``, NBSP and tatweel are in
every article), the number of occurrences also times ``rate``:

* rare characters: ``round(2.8 * rate)`` (at least one) inserted at random
  positions, drawn from :data:`RARE` (presentation forms replace the letter
  they stand for, so the text still reads);
* bidi controls: ``round(2 * rate)`` LRM/RLM/PDF, each put before a random word;
* NBSP: ``round(3 * rate)`` spaces replaced by U+00A0;
* tatweel: ``round(2 * rate)`` U+0640 put after a random Arabic letter that has
  a letter after it.

Everything is drawn from ``random.Random(seed)``: the same arguments give the
same texts.  :func:`titles` and :func:`short_strings` cut strings of 40-90 and
30-50 characters from the sprinkled articles.  Other benchmarks import this
module (``sys.path`` holding ``benchmarks/``).
"""

from __future__ import annotations

import random
from importlib import resources

__all__ = ["BIDI", "RARE", "articles", "seed_text", "short_strings", "titles"]

#: Characters outside the code page, of the kinds the measured corpus held.
RARE: tuple[str, ...] = (
    # presentation forms: ﻟ ﺎ ﺔ ﻣ ﻷ ﺍ ﻠ ﻌ ﻰ ﻬ ﺑ ﻦ ﻋ ﻴ ﺮ ﷺ (and the letters they stand for)
    *"\ufedf\ufe8e\ufe94\ufee3\ufef7\ufe8d\ufee0\ufecc\ufef0\ufeec\ufe91\ufee6\ufecb\ufef4\ufeae",
    "\ufdfa",
    "\u06a8",  # ڨ ARABIC LETTER QAF WITH THREE DOTS ABOVE
    "\u06a4",  # ڤ ARABIC LETTER VEH
    "\u0672",  # ٲ ARABIC LETTER ALEF WITH WAVY HAMZA ABOVE
    "\u06be",  # ھ ARABIC LETTER HEH DOACHASHMEE
    *"éèêàçôüïâÉ",
    *"°®″⬛©™€£′½✓★►",
    "\U0001f600",  # GRINNING FACE
    "\U0001f44d",  # THUMBS UP SIGN
    "\u2764",  # HEAVY BLACK HEART
    "\U0001f534",  # LARGE RED CIRCLE
    "\U0001f4f7",  # CAMERA
    "\u2705",  # WHITE HEAVY CHECK MARK
    "\U0001f447",  # WHITE DOWN POINTING BACKHAND INDEX
)
_FORMS = {
    "\ufedf": "\u0644",
    "\ufe8e": "\u0627",
    "\ufe94": "\u0629",
    "\ufee3": "\u0645",
    "\ufe8d": "\u0627",
    "\ufee0": "\u0644",
    "\ufecc": "\u0639",
    "\ufef0": "\u0649",
    "\ufeec": "\u0647",
    "\ufe91": "\u0628",
    "\ufee6": "\u0646",
    "\ufecb": "\u0639",
    "\ufef4": "\u064a",
    "\ufeae": "\u0631",
}
#: LRM, RLM, PDF.
BIDI = ("\u200e", "\u200f", "\u202c")
_ARABIC_LETTERS = frozenset(map(chr, range(0x0628, 0x064B))) - {"\u0640"}

# Per-article probabilities at rate 1 (from the measured corpus) and counts per article.
_P_RARE, _N_RARE = 0.009, 2.8
_P_BIDI, _N_BIDI = 0.005, 2
_P_NBSP, _N_NBSP = 1 / 3, 3
_P_TATWEEL, _N_TATWEEL = 0.13, 2


def seed_text() -> str:
    """The bundled seed texts joined with blank lines, in file-name order."""
    data = resources.files("arnews") / "data"
    names = sorted(p.name for p in data.iterdir() if p.name.endswith(".txt"))
    return "\n\n".join((data / n).read_text(encoding="utf-8") for n in names)


def _plain_articles(megabytes: float, rng: random.Random) -> list[str]:
    """Articles of about 1,500 characters, cut from the seeds at paragraph ends."""
    paragraphs = [p for p in seed_text().split("\n") if p.strip()]
    out: list[str] = []
    size = 0
    while size < megabytes * 1e6:
        start = rng.randrange(len(paragraphs))
        parts: list[str] = []
        length = 0
        i = start
        while length < 1500:
            parts.append(paragraphs[i % len(paragraphs)])
            length += len(parts[-1])
            i += 1
        article = "\n".join(parts)
        out.append(article)
        size += len(article.encode("utf-8"))
    return out


def _times(count: float, rate: float) -> int:
    return max(1, round(count * rate))


def _sprinkle(text: str, rate: float, rng: random.Random) -> str:
    """One article with each feature at its probability times rate (see the module doc)."""
    chars = list(text)
    if rng.random() < min(1.0, _P_TATWEEL * rate):
        spots = [i for i in range(len(chars) - 1) if chars[i] in _ARABIC_LETTERS]
        spots = [i for i in spots if chars[i + 1] in _ARABIC_LETTERS]
        for i in sorted(rng.sample(spots, min(len(spots), _times(_N_TATWEEL, rate))), reverse=True):
            chars.insert(i + 1, "\u0640")
    if rng.random() < min(1.0, _P_NBSP * rate):
        spaces = [i for i, c in enumerate(chars) if c == " "]
        for i in rng.sample(spaces, min(len(spaces), _times(_N_NBSP, rate))):
            chars[i] = "\u00a0"
    if rng.random() < min(1.0, _P_BIDI * rate):
        starts = [i + 1 for i, c in enumerate(chars[:-1]) if c == " "]
        for i in sorted(rng.sample(starts, min(len(starts), _times(_N_BIDI, rate))), reverse=True):
            chars.insert(i, rng.choice(BIDI))
    if rng.random() < min(1.0, _P_RARE * rate):
        for _ in range(_times(_N_RARE, rate)):
            ch = rng.choice(RARE)
            letter = _FORMS.get(ch)
            where = [i for i, c in enumerate(chars) if c == letter] if letter else []
            if where:
                chars[rng.choice(where)] = ch
            else:
                chars.insert(rng.randrange(len(chars) + 1), ch)
    return "".join(chars)


def articles(megabytes: float = 20.0, rate: float = 1.0, seed: int = 2016) -> list[str]:
    """Articles of about 1,500 characters totalling ``megabytes`` MB, sprinkled at ``rate``.

    >>> a = articles(0.05, rate=10, seed=1)
    >>> a == articles(0.05, rate=10, seed=1), any("\\u0640" in t for t in a)
    (True, True)
    """
    rng = random.Random(seed)
    return [_sprinkle(a, rate, rng) for a in _plain_articles(megabytes, rng)]


def titles(count: int, rate: float = 1.0, seed: int = 2016) -> list[str]:
    """``count`` strings of 40-90 characters cut at word starts from sprinkled articles."""
    return _cuts(count, rate, seed, 40, 90)


def short_strings(count: int, rate: float = 1.0, seed: int = 2016) -> list[str]:
    """``count`` strings of 30-50 characters cut at random from sprinkled articles."""
    return _cuts(count, rate, seed, 30, 50)


def _cuts(count: int, rate: float, seed: int, lo: int, hi: int) -> list[str]:
    rng = random.Random(seed)
    # Enough sprinkled text that every cut is drawn at the rate (one article per 20 cuts).
    pool = "\n".join(articles(max(0.2, count * 1500 / 20 / 1e6), rate, seed + 1))
    out = []
    for _ in range(count):
        n = rng.randint(lo, hi)
        i = rng.randrange(0, len(pool) - n)
        out.append(pool[i : i + n])
    return out
