"""Numbers in a text, in any of the digits and separators of the source languages.

A number is found with its span and the values it may stand for: "1.500" in a Turkish
source is 1500, "٢٫٥" is 2.5, "25 ألف" is 25 or 25,000 (a scale word after it), "2.5 million"
is 2.5 or 2,500,000. Written-out English numbers ("three", "twenty-five", "a dozen") and
month names only ever answer for a source number; they are never a number "too many".
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import regex

DIGIT = r"[0-9\u0660-\u0669\u06F0-\u06F9]"
# Digits, then groups of three after a separator, then a decimal part: "1,500.5", "1 500", "٢٬٥٠٠٫٥".
NUMBER = regex.compile(
    rf"(?<!\p{{N}}){DIGIT}+(?:[,.٬،'’\u00a0\u202f ]{DIGIT}{{3}}(?!{DIGIT}))*"
    rf"(?:[.,٫]{DIGIT}+|/[\u06F0-\u06F9]{{1,3}}(?![/\u06F0-\u06F9]))?")  # Persian writes 99.98 as ۹۹/۹۸
SCALES = {
    "en": {"thousand": 3, "thousands": 3, "million": 6, "millions": 6, "billion": 9, "billions": 9,
           "trillion": 12, "bn": 9, "m": 6, "k": 3},
    "ar": {"ألف": 3, "آلاف": 3, "الف": 3, "ألفا": 3, "ألفاً": 3, "مليون": 6, "ملايين": 6, "ملیون": 6,
           "مليار": 9, "مليارات": 9, "بليون": 9, "تريليون": 12},
    "fa": {"هزار": 3, "میلیون": 6, "ميليون": 6, "میلیارد": 9, "ميليارد": 9},
    "tr": {"bin": 3, "milyon": 6, "milyar": 9, "trilyon": 12},
    "ru": {"тыс": 3, "тысяч": 3, "тысячи": 3, "тысяча": 3, "млн": 6, "миллион": 6, "миллиона": 6,
           "миллионов": 6, "млрд": 9, "миллиард": 9, "миллиарда": 9, "миллиардов": 9, "трлн": 12},
    "uk": {"тис": 3, "тисяч": 3, "тисячі": 3, "тисяча": 3, "млн": 6, "мільйон": 6, "мільйона": 6,
           "мільйонів": 6, "млрд": 9, "мільярд": 9, "мільярда": 9, "мільярдів": 9},
}
# Which separators group thousands and which mark decimals, by language (both where usage varies).
GROUPING = {"en": ",", "ar": ",٬،", "fa": ",٬،", "tr": ".", "ru": " \u00a0\u202f.", "uk": " \u00a0\u202f."}
DECIMAL = {"en": ".", "ar": ".٫", "fa": ".٫/", "tr": ",", "ru": ",.", "uk": ",."}
ALWAYS_GROUPING = "\u00a0\u202f'’"
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
WORD_VALUES = {**{word: value for value, word in enumerate(ONES)},
               **{word: 20 + 10 * index for index, word in enumerate(TENS)},
               **{word: index + 1 for index, word in enumerate(ORDINALS)},
               **{word: index + 1 for index, word in enumerate(MONTHS)},
               "hundred": 100, "a hundred": 100, "dozen": 12, "a dozen": 12, "a thousand": 1000, "a million": 10**6}
ROMAN = {"ii": 2, "iii": 3, "iv": 4, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "xi": 11, "xii": 12}
# Roman numerals: II to XII anywhere; I and V only after a word that counts (type I, phase V).
ROMAN_NUMBER = regex.compile(r"\b(?:(?:type|phase|class|stage|grade|war|part|level|category|article|[a-z]{3,}in)[ -]"
                             r"(?P<one>[IV])"
                             r"|(?P<roman>II|III|IV|VI|VII|VIII|IX|XI|XII))\b", regex.IGNORECASE)
_WORDS = "|".join(sorted([*WORD_VALUES, *TENS], key=len, reverse=True))
WRITTEN = regex.compile(rf"\b(?:(?:a )?(?:{_WORDS})(?:-(?:{'|'.join(ONES[1:10])}))?)\b", regex.IGNORECASE)
SCALE_AFTER = regex.compile(r"[ \u00a0-]?(\p{L}+)\.?")


# Numbers the source writes in words, and Arabic duals ("مترين", two metres): a number of the
# translation that one of these answers is not "not in the source" (they are never required).
SOURCE_WORDS = {
    "ar": {"صفر": 0, "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "اثنتين": 2, "ثلاث": 3, "ثلاثة": 3,
           "أربع": 4, "أربعة": 4,
           "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6, "سبع": 7, "سبعة": 7, "ثماني": 8, "ثمانية": 8, "تسع": 9, "تسعة": 9,
           "عشر": 10, "عشرة": 10, "عشرين": 20, "عشرون": 20, "ثلاثين": 30, "أربعين": 40, "خمسين": 50, "مئة": 100,
           "مائة": 100, "ألف": 1000},
    "fa": {"صفر": 0, "یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7, "هشت": 8, "نه": 9, "ده": 10,
           "بیست": 20, "سی": 30, "چهل": 40, "پنجاه": 50, "صد": 100, "هزار": 1000, "اول": 1, "دوم": 2, "سوم": 3,
           "چهارم": 4, "پنجم": 5, "ششم": 6, "هفتم": 7, "هشتم": 8, "نهم": 9, "دهم": 10, "نوزدهم": 19, "بیستم": 20},
    "tr": {"bir": 1, "iki": 2, "üç": 3, "dört": 4, "beş": 5, "altı": 6, "yedi": 7, "sekiz": 8, "dokuz": 9, "on": 10,
           "yirmi": 20, "otuz": 30, "kırk": 40, "elli": 50, "yüz": 100, "bin": 1000},
    "ru": {"один": 1, "одна": 1, "два": 2, "две": 2, "двух": 2, "три": 3, "трех": 3, "трёх": 3, "четыре": 4, "пять": 5,
           "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "двадцать": 20, "тридцать": 30,
           "сорок": 40, "пятьдесят": 50, "сто": 100, "тысяча": 1000, "двум": 2, "двумя": 2, "тремя": 3,
           "первый": 1, "первого": 1, "первом": 1, "второй": 2, "второго": 2, "втором": 2, "третий": 3},
    "uk": {"один": 1, "одна": 1, "два": 2, "дві": 2, "три": 3, "чотири": 4, "п'ять": 5, "шість": 6, "сім": 7,
           "вісім": 8, "дев'ять": 9, "десять": 10, "двадцять": 20, "сто": 100, "тисяча": 1000},
}
ARABIC_DUAL = regex.compile(r"(?:يوم|أسبوع|شهر|عام|سنت|ساعت|دقيقت|متر|كيلومتر|مرت|شخص|طفل|جندي|دولت|مدينت|حزب|طرف|وزير"
                            r"|رئيس|نقطت|جانب|قرن|ليلت|مر|ضعف)(?:ين|ان)$")


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    written: str
    values: frozenset[Decimal]
    # False: a written-out number, a month, or digits in a code (R0, ACE2, H1N1, G20: right after
    # a Latin letter), which only answer for a source number and are never one too many.
    digits: bool = True

    @property
    def shown(self) -> str:
        """As a message quotes it: as written, and in ASCII digits when it was not."""
        if ascii_digits(self.written) == self.written:
            return self.written
        return f"{self.written} ({format_value(self.first)})"

    @property
    def first(self) -> Decimal:
        return min(self.values)


def format_value(value: Decimal) -> str:
    """1,500 and 2.5, but 2024 (a year) without a comma."""
    text = f"{value:f}" if value < 10000 else f"{value:,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def ascii_digits(text: str) -> str:
    return "".join(str(unicodedata.digit(char)) if char.isdigit() else char for char in text)


def values_of(written: str, language: str) -> set[Decimal]:
    """What digits with separators can mean in this language: "1.500" is 1500 in Turkish,
    1.5 in English; "1,500" in Arabic text may be either."""
    text = ascii_digits(written)
    found = set()
    for decimal in DECIMAL[language]:
        head, _, fraction = text.rpartition(decimal) if decimal in text else (text, "", "")
        if not head:
            head, fraction = fraction, ""
        groups = [piece for piece in regex.split(r"[^0-9]", head)]
        separators = set(regex.sub(r"[0-9]", "", head))
        if separators - set(GROUPING[language]) - set(ALWAYS_GROUPING):
            continue
        if len(groups) > 1 and not all(len(group) == 3 for group in groups[1:]):
            continue
        try:
            found.add(Decimal("".join(groups) + ("." + fraction if fraction else "")))
        except InvalidOperation:
            continue
    # One separator before exactly three digits may group thousands in any language: a
    # translation often keeps its source's style ("42.000" in English copy from Turkish).
    if regex.fullmatch(r"[0-9]{1,3}[.,٬٫،][0-9]{3}", text):
        found.add(Decimal(regex.sub(r"[^0-9]", "", text)))
    return found


def numbers(text: str, language: str) -> list[Number]:
    """The numbers of a text in ``language`` (en for a target), in text order."""
    found = []
    scales = SCALES.get(language, {})
    for match in NUMBER.finditer(text):
        written = match.group().rstrip(" \u00a0\u202f")
        if any(char in written for char in " \u00a0\u202f") and language in ("en", "ar", "tr") and " " in written:
            for part in regex.finditer(rf"{DIGIT}+(?:[,.٬٫]{DIGIT}+)*", written):  # a space groups only ru/uk
                found += numbers_at(text, match.start() + part.start(), part.group(), language, scales)
            continue
        found += numbers_at(text, match.start(), written, language, scales)
    return found


def numbers_at(text: str, start: int, written: str, language: str, scales: dict[str, int]) -> list[Number]:
    values = values_of(written, language)
    # A code: right after a Latin letter (R0, ACE2), or a Latin word and a hyphen (COVID-19, SARS-CoV-2).
    code = start > 0 and regex.search(r"\p{Latin}-?$", text[max(0, start - 2):start]) is not None
    code = code or (written == "00" and text[start - 1:start] == ":")  # 8:00: the hour is the number
    if not values:  # separators that fit no reading ("1.50.2"): each run of digits on its own
        return [Number(start + part.start(), start + part.end(), part.group(), frozenset({Decimal(ascii_digits(
            part.group()))}), not code) for part in regex.finditer(DIGIT + "+", written)]
    scale = SCALE_AFTER.match(text, start + len(written))
    if scale and scale.group(1).casefold() in scales:
        values |= {value * 10 ** scales[scale.group(1).casefold()] for value in values}
    if text[start - 1:start] == "." and not text[start - 2:start - 1].isdigit():  # ".08" is 0.08
        values |= {Decimal("0." + ascii_digits(written))} if written.isdigit() else set()
    # A year also stands for its last two digits: "the 1930s" is "دهه ۳۰", "1969–78" is 1969 and 1978.
    values |= {value % 100 for value in values if value == value.to_integral_value() and 1900 <= value < 2100}
    return [Number(start, start + len(written), written, frozenset(values), not code)]


def written_numbers(text: str) -> list[Number]:
    """Numbers written out in English ("three", "twenty-five", "a dozen", "May")."""
    found = []
    for match in WRITTEN.finditer(text):
        words = match.group().casefold().removeprefix("a ").split("-")
        value = sum(WORD_VALUES.get(word, 0) for word in words)
        values = {Decimal(value)}
        scale = SCALE_AFTER.match(text, match.end())
        if scale and scale.group(1).casefold() in SCALES["en"]:
            values.add(Decimal(value) * 10 ** SCALES["en"][scale.group(1).casefold()])
        found.append(Number(match.start(), match.end(), match.group(), frozenset(values), digits=False))
    for match in ROMAN_NUMBER.finditer(text):
        numeral = (match.group("one") or match.group("roman"))
        if numeral.isupper():
            value = {"i": 1, "v": 5}.get(numeral.lower()) or ROMAN[numeral.lower()]
            start, end = match.span("one") if match.group("one") else match.span("roman")
            found.append(Number(start, end, numeral, frozenset({Decimal(value)}), digits=False))
    return found


def worded(text: str, language: str) -> set[Decimal]:
    """Values the source writes in words (ثلاثة, iki, три) or as an Arabic dual (مترين: 2)."""
    from .terms import WORD, arabic_form, arabic_readings
    words = SOURCE_WORDS.get(language, {})
    if language in ("ar", "fa"):
        words = {**words, **{arabic_form(word): value for word, value in words.items()}}
    found = set()
    for match in WORD.finditer(text):
        word = match.group()
        readings = (arabic_readings(word) | {word, arabic_form(word)}) if language in ("ar", "fa") else {word.lower()}
        for reading in readings:
            if reading in words:
                found.add(Decimal(words[reading]))
            if language == "ar" and ARABIC_DUAL.search(reading):
                found.add(Decimal(2))
    return found
