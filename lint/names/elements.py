"""Given-name elements that Arabic, Persian and Turkish names share, each written several ways:
Abdel/Abdul, Mohammed/Muhammad/Mohamed, Youssef/Yusuf, and the Turkish forms (Mehmet, Ahmet).

These spellings are too far apart for the sound distance (Abdel and Abdul differ in the one
vowel a short element has) and too common to join blindly: "Mohammed bin Salman" and "Muhammad
Ali" are two men. So two of them are one name only when the rest of the name is the same
(``variants`` asks that the two spellings share the word after or before them).
"""

from __future__ import annotations

from .transliteration import fold_letters

GROUPS = (
    ("abdel", "abdul", "abdal", "abdil", "abdol", "abdoul"),
    ("mohammed", "muhammad", "mohamed", "mohammad", "muhammed", "mohamad", "muhamad", "mehmet", "mehmed"),
    ("youssef", "yusuf", "yousef", "yousif", "youssif", "yusef", "yousuf", "youssouf", "yosef"),
    ("ahmed", "ahmad", "ahmet"),
    ("mahmoud", "mahmud", "mahmut"),
    ("hussein", "husain", "hussain", "hossein", "huseyin", "husayn"),
    ("hassan", "hasan", "hassen"),
    ("omar", "umar", "omer"),
    ("osman", "othman", "uthman", "usman"),
    ("mustafa", "mostafa", "moustafa", "mustapha"),
    ("ibrahim", "ebrahim", "ibraheem"),
    ("suleiman", "sulaiman", "soleiman", "suleyman", "sulayman", "soleyman"),
    ("khaled", "khalid", "halit"),
    ("abu", "abou"),
)
_GROUP_OF = {element: index for index, group in enumerate(GROUPS) for element in group}


def same_element(a: str, b: str) -> bool:
    """Whether two different spellings are one given-name element (Abdel/Abdul)."""
    first, second = fold_letters(a), fold_letters(b)
    return first != second and first in _GROUP_OF and _GROUP_OF[first] == _GROUP_OF.get(second)
