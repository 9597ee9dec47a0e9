"""The front matter of a UN document: session, agenda item, agenda title, title, subtitle.

These blocks come before the first numbered heading or paragraph.  The session
and agenda-item lines are recognised by their wording in each language; the
block after the agenda item is the agenda title; the next two free blocks are
the title and the subtitle (e.g. "Note by the President of the General
Assembly"); any further ones get ``meta:front.N``.  :func:`is_subtitle` knows
the usual subtitles by their wording, so that a reader's two title blocks can
be told from a title and its subtitle.
"""

from __future__ import annotations

import re

SESSION: dict[str, re.Pattern[str]] = {
    "zh": re.compile(r"^第.{1,10}届(?:会议|常会|特别会议)$"),
    "en": re.compile(r"^[\w\s-]{0,40}\bsession$", re.IGNORECASE),
    "fr": re.compile(r"^[\w\s-]{0,40}\bsession$", re.IGNORECASE),
    "es": re.compile(r"^[\w\s-]{0,40}período (?:extraordinario )?de sesiones$", re.IGNORECASE),
    "ru": re.compile(r"^[\w\s-]{0,40}сессия$", re.IGNORECASE),
    "ar": re.compile(r"^الدورة\s+\S+"),
}
AGENDA: dict[str, re.Pattern[str]] = {
    "zh": re.compile(r"^议程项目"),
    "en": re.compile(r"^Agenda items?\s", re.IGNORECASE),
    "fr": re.compile(r"^Points? .{0,40}de l[’']ordre du jour", re.IGNORECASE),
    "es": re.compile(r"^Temas? .{0,40}del programa", re.IGNORECASE),
    "ru": re.compile(r"^Пункты? .{0,40}повестки дня", re.IGNORECASE),
    "ar": re.compile(r"^(?:البند|البنود)\s.{0,40}من جدول الأعمال"),
}

#: Subtitles: who presents the document ("Note by the Secretariat", "Report of the Secretary-General").
SUBTITLE: dict[str, re.Pattern[str]] = {
    "zh": re.compile(r"(?:的说明|的报告|的信|的普通照会|的备忘录)$"),
    "en": re.compile(r"^(?:(?:Note|Report|Letter|Memorandum)\s+(?:by|of|from|dated)\b|Note verbale\b)"),
    "fr": re.compile(r"^(?:(?:Note|Rapport|Lettre|Mémorandum)\s+(?:du|de|des|datée)\b|Note verbale\b)"),
    "es": re.compile(r"^(?:(?:Nota|Informe|Carta|Memorando)\s+(?:de|del)\b|Nota verbal\b)"),
    "ru": re.compile(r"^(?:Записка|Доклад|Письмо|Меморандум|Вербальная нота)\b"),
    "ar": re.compile(r"^(?:مذكرة|تقرير|رسالة|مذكرة شفوية)\s"),
}

SESSION_KEY = "meta:session"
AGENDA_KEY = "meta:agenda-item"
AGENDA_TITLE_KEY = "meta:agenda-title"
FREE_KEYS = ("meta:title", "meta:subtitle")


def is_front_line(line: str, lang: str) -> bool:
    """A session or agenda-item line."""
    return any(table[lang].search(line) for table in (SESSION, AGENDA) if lang in table)


def is_subtitle(text: str, lang: str) -> bool:
    """Does ``text`` (a note mark such as ``*`` at its end allowed) read like a subtitle in ``lang``?"""
    pattern = SUBTITLE.get(lang)
    return pattern is not None and pattern.search(text.strip().rstrip("*†‡ ").strip()) is not None


def front_keys(texts: list[str], lang: str) -> list[str]:
    """A ``meta:`` key for each front-matter block, in order."""
    keys: list[str] = []
    free = 0
    for text in texts:
        if lang in SESSION and SESSION[lang].search(text) and SESSION_KEY not in keys:
            keys.append(SESSION_KEY)
        elif lang in AGENDA and AGENDA[lang].search(text) and AGENDA_KEY not in keys:
            keys.append(AGENDA_KEY)
        elif keys and keys[-1] == AGENDA_KEY:
            keys.append(AGENDA_TITLE_KEY)
        else:
            free += 1
            keys.append(FREE_KEYS[free - 1] if free <= len(FREE_KEYS) else f"meta:front.{free - len(FREE_KEYS)}")
    return keys
