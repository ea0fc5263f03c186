"""Name particles: the Arabic article and its assimilated forms (al-, ash-, ad-Din, Deir ez-Zor),
the words that join the parts of a name (bin, ibn, abu, ould) and a few European ones (de, van).

One table says what each particle does where; the sets the rest of copydesk reads are derived
from it, so a particle is added or changed in one place. The roles differ because each reader
asks something different of the same word.
"""

from __future__ import annotations

import enum


class Role(enum.Flag):
    STRIPPED = enum.auto()   # left out when two spellings are compared (al-Mishri/Almishri)
    ARTICLE = enum.auto()    # joins the name after it with a space or a dash (al Baghdadi, el-Sisi)
    HYPHENED = enum.auto()   # joins the name only with a dash: "as", "at", "an" alone are English
    LINK = enum.auto()       # between two words of one name (Mohammed bin Salman, Abu Bakr al-Baghdadi)
    PREFIX = enum.auto()     # before a dash or a capital: part of a name, never a spelling slip


_S, _A, _H, _L, _P = Role.STRIPPED, Role.ARTICLE, Role.HYPHENED, Role.LINK, Role.PREFIX

PARTICLES: dict[str, Role] = {
    # the article, and its forms assimilated to the next consonant (Salah ad-Din, ash-Sham)
    "al": _S | _A | _L | _P, "el": _S | _A | _L | _P, "il": _S, "ul": _S | _H,
    "ad": _S | _H | _L | _P, "ed": _S | _H | _L, "ag": _S | _P,
    "ar": _S | _H | _L | _P, "er": _S | _H, "as": _S | _H | _L | _P, "es": _S | _H | _L,
    "ash": _S | _H | _L | _P, "esh": _S | _H, "at": _S | _H | _L | _P, "et": _S | _H,
    "az": _S | _H | _L | _P, "ez": _S | _H | _L, "an": _S | _H | _L | _P, "en": _S | _H,
    "ath": _S, "adh": _S,
    # son, daughter, father, servant of; "ould" (Mauritania), "bou" (Maghreb), "wal" (and the)
    "bin": _L | _P, "ibn": _L | _P, "bint": _L | _P, "ben": _L | _P, "abu": _L | _P, "abd": _L | _P,
    "abdel": _P, "abdul": _P, "bou": _P, "ould": _P, "wal": _P,
    # European particles inside a name (Ursula von der Leyen, Luiz Inácio da Silva)
    "de": _L, "du": _L, "da": _L, "van": _L, "von": _L, "der": _L, "la": _L, "le": _L,
}


def having(role: Role) -> frozenset[str]:
    """The particles (folded) that play a role."""
    return frozenset(particle for particle, roles in PARTICLES.items() if role in roles)


STRIPPED = having(Role.STRIPPED)
ARTICLES = having(Role.ARTICLE)
HYPHENED_ARTICLES = having(Role.HYPHENED)
LINKS = having(Role.LINK)
PREFIXES = having(Role.PREFIX)
