"""UN-rule cases of the sentence splitter, shared by tests/ingest/test_sentences.py and benchmarks/sentences.py.

Each case: language, text, the sentences expected, and which plain splitter gets it wrong —
``naive`` (:func:`naive_split`: after every end mark followed by a space, or after any
full-width one), ``pysbd`` (pysbd 0.3.4, ``clean=False``), or both.  The test checks the
``naive`` claims; the benchmark checks the ``pysbd`` ones when pysbd is installed.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Case(NamedTuple):
    """One text and its sentences."""

    lang: str
    text: str
    sentences: list[str]
    beats: str  # "naive", "pysbd", "both" or "none": the plain splitters that fail on it


_NAIVE = re.compile(r"(?<=[.!?…؟۔])\s+|(?<=[。！？])")


def naive_split(text: str) -> list[str]:
    """The splitter every rule here has to beat: after any end mark and a space, or any full-width mark."""
    return [s.strip() for s in _NAIVE.split(text) if s.strip()]


CASES = [
    # symbols and numbering
    Case(
        "en",
        "See para. 5 of resolution A/RES/67/39. The Council met.",
        ["See para. 5 of resolution A/RES/67/39.", "The Council met."],
        "both",
    ),
    Case(
        "en",
        "The draft (A/C.1/68/L.3) was adopted. Mr. Smith spoke.",
        ["The draft (A/C.1/68/L.3) was adopted.", "Mr. Smith spoke."],
        "naive",
    ),
    Case("en", "as noted in paras. 3 and 4. Next.", ["as noted in paras. 3 and 4.", "Next."], "both"),
    Case(
        "en",
        "See No. 5 and vol. 2, p. 13 of the report. Next.",
        ["See No. 5 and vol. 2, p. 13 of the report.", "Next."],
        "both",
    ),
    Case("en", "See art. IV of the Charter. Next.", ["See art. IV of the Charter.", "Next."], "both"),
    Case(
        "en",
        "It acts, i.e. it decides, e.g. on art. 3, etc. as needed.",
        ["It acts, i.e. it decides, e.g. on art. 3, etc. as needed."],
        "naive",
    ),
    Case(
        "en",
        "Some States, e.g. Canada, agreed. Others did not.",
        ["Some States, e.g. Canada, agreed.", "Others did not."],
        "naive",
    ),
    Case(
        "en",
        "Mr. J. Smith (S/2013/123) spoke. Then Ms. Jones.",
        ["Mr. J. Smith (S/2013/123) spoke.", "Then Ms. Jones."],
        "naive",
    ),
    Case(
        "en",
        "Costs rose to 3.5 and then 1,000.5 million. They fell.",
        ["Costs rose to 3.5 and then 1,000.5 million.", "They fell."],
        "none",
    ),
    # words that look like abbreviations but end sentences (found on the Bible)
    Case("en", "He could not see. And he kissed them.", ["He could not see.", "And he kissed them."], "none"),
    # lists, quotations, notes, ellipses
    Case(
        "en",
        "It decided as follows: (a) to adopt; (b) to note. Next.",
        ["It decided as follows: (a) to adopt; (b) to note.", "Next."],
        "pysbd",
    ),
    Case("en", "It decided: (a) to adopt. (b) To note.", ["It decided: (a) to adopt.", "(b) To note."], "pysbd"),
    Case("en", "He said: “It is over.” Then he left.", ["He said: “It is over.”", "Then he left."], "naive"),
    Case(
        "en",
        "in a spirit of brotherhood.1 They are endowed.2",
        ["in a spirit of brotherhood.1", "They are endowed.2"],
        "naive",
    ),
    Case("en", "Wait... He asked what? and left.", ["Wait...", "He asked what? and left."], "both"),
    Case(
        "fr",
        "Voir par. 5 du document. La séance est levée.",
        ["Voir par. 5 du document.", "La séance est levée."],
        "both",
    ),
    Case("fr", "Le n° 5, art. 3 et p. 12. Fin.", ["Le n° 5, art. 3 et p. 12.", "Fin."], "both"),
    Case(
        "fr",
        "M. Dupont prend la parole. Les chiffres : 1 000,5 et 3,5.",
        ["M. Dupont prend la parole.", "Les chiffres : 1 000,5 et 3,5."],
        "naive",
    ),
    Case(
        "fr",
        "Il a dit : « C’est fini. » Puis il est parti.",
        ["Il a dit : « C’est fini. »", "Puis il est parti."],
        "both",
    ),
    Case("fr", "Il agit, c.-à-d. il décide. Fin.", ["Il agit, c.-à-d. il décide.", "Fin."], "both"),
    Case(
        "es",
        "Véase el párr. 5 y el núm. 3 del art. 4. Fin.",
        ["Véase el párr. 5 y el núm. 3 del art. 4.", "Fin."],
        "naive",
    ),
    Case(
        "es",
        "La Sra. Pérez habló. Dijo: «Se acabó.» Luego salió.",
        ["La Sra. Pérez habló.", "Dijo: «Se acabó.»", "Luego salió."],
        "both",
    ),
    Case("es", "¿Está claro? ¡Sí! Sigue.", ["¿Está claro?", "¡Sí!", "Sigue."], "none"),
    Case("ru", "См. п. 5 и ст. 3 резолюции. Конец.", ["См. п. 5 и ст. 3 резолюции.", "Конец."], "both"),
    Case(
        "ru",
        "Права, т.е. свободы и т.д. по списку. Конец.",
        ["Права, т.е. свободы и т.д. по списку.", "Конец."],
        "both",
    ),
    Case("ru", "Права, свободы и т.д. Конец.", ["Права, свободы и т.д.", "Конец."], "none"),
    Case("ru", "Расходы: 5 млн. долл. США. Конец.", ["Расходы: 5 млн. долл. США.", "Конец."], "both"),
    Case("ar", "هل هذا صحيح؟ نعم، انتهى. التالي.", ["هل هذا صحيح؟", "نعم، انتهى.", "التالي."], "pysbd"),
    Case("ar", "انظر الفقرة 5؛ والمادة 3. انتهى۔ التالي.", ["انظر الفقرة 5؛ والمادة 3.", "انتهى۔", "التالي."], "pysbd"),
    Case("ar", "بروح الإخاء.1 التالي.", ["بروح الإخاء.1", "التالي."], "both"),
    Case("ar", "مخترعة.٣ البرنامج خيالي.", ["مخترعة.٣", "البرنامج خيالي."], "both"),
    Case("zh", "他说：“结束了。”然后离开。", ["他说：“结束了。”", "然后离开。"], "both"),
    Case("zh", "第一句！第二句？第三句；第四句。", ["第一句！", "第二句？", "第三句；第四句。"], "none"),
    Case("zh", "并应以兄弟关系的精神相对待。1 人人有资格。", ["并应以兄弟关系的精神相对待。1", "人人有资格。"], "both"),
    Case("zh", "见A/68/563号文件（见附件。）下一句。", ["见A/68/563号文件（见附件。）", "下一句。"], "both"),
    Case(
        "zh",
        "这是真的吗?是的!见第67/39号决议.该决议A/C.1/68/L.3号.",
        ["这是真的吗?", "是的!", "见第67/39号决议.", "该决议A/C.1/68/L.3号."],
        "naive",
    ),
    Case("zh", "增长了3.5%。2013年9月26日举行。", ["增长了3.5%。", "2013年9月26日举行。"], "none"),
]
