"""Language names and three-letter codes -> ISO 639-1 codes, for "did you mean 'pt'?" when an
author writes `languages: [Portuguese]` (or `português`, `portugais`, `por`).

Names in English, Portuguese and French (the languages of the people who write missions),
from the Unicode CLDR through Babel; three-letter codes (ISO 639-2/3) from CLDR's language
aliases. A key is the name casefolded, without accents, with single spaces (`key`), so
`Portugues` and `PORTUGUÊS` find `pt` too. A name that two codes share is left out.

Imported only when a language code is wrong, to build the message: never at `check`'s
start-up. The table is data, generated (`python -m missionctl.language_names > FILE` with
Babel installed; `tests/test_language_names.py` checks it against Babel when present, and
against Debian's iso-codes names). CLDR data: Unicode License v3.
"""

from __future__ import annotations

import unicodedata

# Generated from CLDR 49 (Babel 2.19.0): do not edit by hand.
# ISO 639-1 code -> its names and three-letter codes, as `key` writes them, '|' between.
BY_CODE: dict[str, str] = {
    'aa': 'aar|afar',
    'ab': 'abcazio|abk|abkhaze|abkhazian',
    'ae': 'ave|avestan|avestico|avestique',
    'af': 'afr|africaner|afrikaans',
    'ak': 'aka|akan',
    'am': 'amarico|amh|amharic|amharique',
    'an': 'aragonais|aragones|aragonese|arg',
    'ar': 'ara|arabe|arabic|arb',
    'as': 'asm|assamais|assames|assamese',
    'av': 'ava|avar|avaric|avarico',
    'ay': 'aimara|aym|aymara|ayr',
    'az': 'aze|azerbaidjanais|azerbaijani|azerbaijano|azj',
    'ba': 'bachkir|bak|bashkir',
    'be': 'bel|belarusian|bielorrusso|bielorusse',
    'bg': 'bul|bulgare|bulgarian|bulgaro',
    'bi': 'bichelamar|bis|bislama',
    'bm': 'bam|bambara',
    'bn': 'bangla|ben|bengali',
    'bo': 'bod|tib|tibetain|tibetan|tibetano',
    'br': 'bre|bretao|breton',
    'bs': 'bos|bosnian|bosniaque|bosnio',
    'ca': 'cat|catalan|catalao',
    'ce': 'che|chechen|checheno|tchetchene',
    'ch': 'cha|chamorro',
    'co': 'corse|corsican|corso|cos',
    'cr': 'cre|cree|cwd',
    'cs': 'ces|cze|czech|tcheco|tcheque',
    'cu': 'chu|church slavic|eslavo eclesiastico|slavon d’eglise',
    'cv': 'chuvash|chv|tchouvache|tchuvache',
    'cy': 'cym|gales|gallois|wel|welsh',
    'da': 'dan|danish|danois|dinamarques',
    'de': 'alemao|allemand|deu|ger|german',
    'dv': 'div|divehi|maldivien',
    'dz': 'adp|dzo|dzonga|dzongkha',
    'ee': 'ewe',
    'el': 'ell|gre|grec|greek|grego',
    'en': 'anglais|eng|english|ingles',
    'eo': 'epo|esperanto',
    'es': 'espagnol|espanhol|spa|spanish',
    'et': 'ekk|est|estonian|estoniano|estonien',
    'eu': 'baq|basco|basque|eus',
    'fa': 'fas|per|persa|persan|persian|pes',
    'ff': 'fuc|ful|fula|peul',
    'fi': 'fin|finlandes|finnish|finnois',
    'fj': 'fidjien|fij|fijian|fijiano',
    'fo': 'fao|faroese|feroes|feroien',
    'fr': 'fra|francais|frances|fre|french',
    'fy': 'frisio ocidental|frison occidental|fry|western frisian',
    'ga': 'gle|irish|irlandais|irlandes',
    'gd': 'gaelico escoces|gaelique ecossais|gla|scottish gaelic',
    'gl': 'galego|galician|galicien|glg',
    'gn': 'grn|guarani|gug',
    'gu': 'goudjarati|guj|gujarati|guzerate|prp',
    'gv': 'glv|mannois|manx',
    'ha': 'haoussa|hau|hauca|hausa',
    'he': 'heb|hebraico|hebreu|hebrew',
    'hi': 'hin|hindi',
    'ho': 'hiri motu|hmo',
    'hr': 'croata|croate|croatian|hrv|scr',
    'ht': 'creole haitien|haitian creole|haitiano|hat',
    'hu': 'hongrois|hun|hungarian|hungaro',
    'hy': 'arm|armenian|armenien|armenio|hye',
    'hz': 'her|herero',
    'ia': 'ina|interlingua',
    'id': 'ind|indonesian|indonesien|indonesio',
    'ie': 'ile|interlingue',
    'ig': 'ibo|igbo',
    'ii': 'iii|sichuan yi|yi du sichuan',
    'ik': 'esk|inupiaq|inupiaque|ipk',
    'io': 'ido',
    'is': 'ice|icelandic|isl|islandais|islandes',
    'it': 'ita|italian|italiano|italien',
    'iu': 'ike|iku|inuktitut',
    'ja': 'japanese|japonais|japones|jpn',
    'jv': 'jav|javanais|javanes|javanese',
    'ka': 'geo|georgian|georgiano|georgien|kat',
    'kg': 'congoles|kikongo|kng|kon|kongo',
    'ki': 'kik|kikuyu|quicuio',
    'kj': 'cuanhama|kua|kuanyama',
    'kk': 'cazaque|kaz|kazakh',
    'kl': 'groenlandais|groenlandes|kal|kalaallisut',
    'km': 'khm|khmer',
    'kn': 'canarim|kan|kannada',
    'ko': 'coreano|coreen|kor|korean',
    'kr': 'canuri|kanouri|kanuri|kau|knc',
    'ks': 'cachemiri|caxemira|kas|kashmiri',
    'ku': 'curdo|kmr|kur|kurde|kurdish',
    'kv': 'kom|komi|kpv',
    'kw': 'cor|cornico|cornique|cornish',
    'ky': 'kir|kirghize|kyrgyz|quirguiz',
    'la': 'lat|latim|latin',
    'lb': 'ltz|luxembourgeois|luxembourgish|luxemburgues',
    'lg': 'ganda|lug|luganda',
    'li': 'lim|limbourgeois|limburgish|limburgues',
    'ln': 'lin|lingala',
    'lo': 'lao|laosiano',
    'lt': 'lit|lithuanian|lituanien|lituano',
    'lu': 'lub|luba-catanga|luba-katanga|luba-katanga (kiluba)',
    'lv': 'latvian|lav|letao|letton|lvs',
    'mg': 'malagasy|malgache|malgaxe|mlg|plt',
    'mh': 'mah|marshales|marshallais|marshallese',
    'mi': 'mao|maori|mri',
    'mk': 'mac|macedonian|macedonien|macedonio|mkd',
    'ml': 'mal|malaiala|malayalam',
    'mn': 'drh|khk|mon|mongol|mongolian',
    'mr': 'mar|marathi|marati',
    'ms': 'malaio|malais|malay|may|msa|zsm',
    'mt': 'maltais|maltes|maltese|mlt',
    'my': 'birman|birmanes|bur|burmese|mya',
    'na': 'nau|nauru|nauruan|nauruano',
    'nb': 'bokmal noruegues|nob|norvegien bokmal|norwegian bokmal',
    'nd': 'nde|ndebele do norte|ndebele du nord|north ndebele',
    'ne': 'nep|nepalais|nepales|nepali|npi',
    'ng': 'dongo|ndo|ndonga',
    'nl': 'dut|dutch|holandes|neerlandais|nld',
    'nn': 'nno|norvegien nynorsk|norwegian nynorsk|nynorsk noruegues',
    'no': 'nor|noruegues|norvegien|norwegian',
    'nr': 'nbl|ndebele do sul|ndebele du sud|south ndebele',
    'nv': 'nav|navajo',
    'ny': 'chewa|nianja|nya|nyanja',
    'oc': 'occitan|occitanico|oci',
    'oj': 'ojg|oji|ojibwa',
    'om': 'gaz|orm|oromo',
    'or': 'odia|ori|oria|ory',
    'os': 'oss|ossete|ossetic|osseto',
    'pa': 'pan|panjabi|pendjabi|punjabi',
    'pi': 'pali|pli',
    'pl': 'pol|polish|polonais|polones',
    'ps': 'pachto|pashto|pbu|pus',
    'pt': 'por|portugais|portugues|portuguese',
    'qu': 'que|quechua|quichua|quz',
    'rm': 'roh|romanche|romansh',
    'rn': 'roundi|run|rundi',
    'ro': 'mol|romanian|romeno|ron|roumain|rum',
    'ru': 'rus|russe|russian|russo',
    'rw': 'kin|kinyarwanda|quiniaruanda',
    'sa': 'cls|san|sanscrito|sanskrit',
    'sc': 'sarde|sardinian|sardo|src|srd',
    'sd': 'sindhi|sindi|snd',
    'se': 'northern sami|same du nord|sami setentrional|sme',
    'sg': 'sag|sango',
    'si': 'cingalais|cingales|sin|sinhala',
    'sk': 'eslovaco|slk|slo|slovak|slovaque',
    'sl': 'esloveno|slovene|slovenian|slv',
    'sm': 'samoan|samoano|smo',
    'sn': 'shona|sna|xona',
    'so': 'som|somali',
    'sq': 'alb|albanais|albanes|albanian|als|sqi',
    'sr': 'scc|serbe|serbian|servio|srp',
    'ss': 'ssw|suazi|swati',
    'st': 'sot|sotho du sud|soto do sul|southern sotho',
    'su': 'soundanais|sun|sundanes|sundanese',
    'sv': 'sueco|suedois|swe|swedish',
    'sw': 'suaili|swa|swahili|swh',
    'ta': 'tam|tamil|tamoul',
    'te': 'tel|telougou|telugo|telugu',
    'tg': 'tadjik|tadjique|tajik|tgk',
    'th': 'tailandes|tha|thai',
    'ti': 'tigrigna|tigrinia|tigrinya|tir',
    'tk': 'tuk|turcomeno|turkmen|turkmene',
    'tl': 'tagalo|tagalog',
    'tn': 'tsn|tswana',
    'to': 'ton|tongan|tonganes|tongien',
    'tr': 'tur|turc|turco|turkish',
    'ts': 'tso|tsonga',
    'tt': 'tartaro|tat|tatar',
    'ty': 'tah|tahitian|tahitien|taitiano',
    'ug': 'ouighour|uig|uigur|uyghur',
    'uk': 'ucraniano|ukr|ukrainian|ukrainien',
    'ur': 'ourdou|urd|urdu',
    'uz': 'ouzbek|uzb|uzbek|uzbeque|uzn',
    've': 'ven|venda',
    'vi': 'vie|vietnamese|vietnamien|vietnamita',
    'vo': 'vol|volapuk|volapuque',
    'wa': 'valao|wallon|walloon|wln',
    'wo': 'uolofe|wol|wolof',
    'xh': 'xho|xhosa',
    'yi': 'iidiche|ydd|yid|yiddish',
    'yo': 'ioruba|yor|yoruba',
    'za': 'zha|zhuang|zyb',
    'zh': 'chi|chines|chinese|chinois|cmn|zho',
    'zu': 'zoulou|zul|zulu',
}


COMMENT = "# ISO 639-1 code -> its names and three-letter codes, as `key` writes them, '|' between."
# name or three-letter code -> ISO 639-1 code
NAMES = {name: code for code, names in BY_CODE.items() for name in names.split("|")}


def key(text: str) -> str:
    """`text` as the table's keys are written: casefolded, accents removed, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.split())


def code_for(text: str) -> str | None:
    """The ISO 639-1 code a language name or three-letter code stands for, if one does."""
    return NAMES.get(key(text))


def generate() -> str:
    """This module's source, with the table made again from Babel's CLDR data."""
    import inspect

    from babel import Locale, __version__
    from babel.core import get_cldr_version, get_global

    from missionctl.codes import LANGUAGES

    found: dict[str, set[str]] = {}
    for locale in ("en", "pt", "fr"):
        names = Locale.parse(locale).languages
        for code in LANGUAGES:
            if code in names:
                found.setdefault(key(names[code]), set()).add(code)
    for alias, target in get_global("language_aliases").items():
        if len(alias) == 3 and alias.isalpha() and target in LANGUAGES:
            found.setdefault(key(alias), set()).add(target)
    for code in LANGUAGES:  # a code is itself, whatever a name says
        found.pop(code, None)
    by_code: dict[str, list[str]] = {}
    for name, codes in found.items():
        if len(codes) == 1:
            by_code.setdefault(codes.pop(), []).append(name)
    entries = "\n".join(f"    {code!r}: {'|'.join(sorted(names))!r},"
                        for code, names in sorted(by_code.items()))
    source = inspect.getsource(inspect.getmodule(generate))  # type: ignore[arg-type]
    head, _, rest = source.partition("# Generated from CLDR ")
    _, _, tail = rest.partition("\n}\n")
    return (f"{head}# Generated from CLDR {get_cldr_version()} (Babel {__version__}): do not "
            f"edit by hand.\n{COMMENT}\nBY_CODE: dict[str, str] = {{\n{entries}\n}}\n{tail}")


if __name__ == "__main__":
    import sys

    sys.stdout.write(generate())
