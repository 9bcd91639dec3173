"""Negation in Japanese, read from a MeCab/UniDic analysis (fugashi with unidic-lite).

Japanese negates a predicate with an inflecting auxiliary after it, not with a separate word:
the auxiliary ない (なかった, なく, なければ), the classical ず / ぬ / ん (ません, せず, ざる) and
まい, or the adjective 無い after a noun or a copula (問題はない, 本ではない). UniDic gives each
of them its own token and lemma, so a cue is a token, not a substring.

What the cue table leaves out, and why (Martin, *A Reference Grammar of Japanese*, 1975,
ch. 7 and 16; Kaiser et al., *Japanese: A Comprehensive Grammar*, 2013, ch. on negation;
UD Japanese marks the auxiliaries ない / ず with Polarity=Neg):

- fixed phrases that are not negations of the clause: かもしれない ("may"), に違いない /
  間違いない ("surely"), ほかならない ("nothing but"), しか ... ない ("only", like French
  "ne ... que"), だけでなく / のみならず / ばかりでなく ("not only");
- double negatives meaning "must": なければならない, なくてはいけない, ないといけない,
  ざるを得ない; they count as no negation;
- rhetorical and inviting questions (ではないか, じゃないか, ないだろうか, 行かないか) and
  lexicalised adjectives (つまらない, 仕方がない, 申し訳ない, すまない): polarity there is not
  the clause's, so they are marked `lexical` (the check stays silent when they explain a
  difference);
- the prefixes 不 / 無 / 未 / 非 (不可能, 未確認): negation inside a word, like English "un-",
  marked `lexical`; so are verbs and nouns that negate by meaning (拒否, 禁止, 避ける, ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

__all__ = ["JaToken", "japanese_marks", "tokens"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


@dataclass(frozen=True)
class JaToken:
    surface: str
    pos: str
    lemma: str
    start: int
    end: int


_NEGATIVE_AUX = frozenset({"ない", "ず", "ぬ", "まい"})
_NEGATIVE_ADJ = frozenset({"無い"})
_NEGATIVE_NOUN = frozenset({"無し"})
_ANSWERS = frozenset({"いいえ", "いや"})  # "no" as an answer, like English "No."
_PREFIXES = frozenset({"不", "無", "未", "非", "没"})
# Verbs whose negative is a word of its own ("boring", "unbearable", "I'm sorry", "can't be
# helped"): lemma of the verb before ない.
_LEXICALISED_VERBS = frozenset({"詰まる", "下る", "堪る", "済む", "仕様", "止む", "足りる"})
# Nouns that form an adjective with ない ("no choice", "sorry", "endless", "a waste").
_LEXICALISED_NOUNS = frozenset(
    {"仕方", "仕様", "申し訳", "限り", "絶え間", "勿体", "致し方", "情け"}
)
_CERTAINTY_NOUNS = frozenset({"違い", "間違い", "相違"})
_DESPITE_VERBS = frozenset({"関わる", "拘わる", "相変わる"})
_MUST_VERBS = frozenset({"成る", "行く", "駄目"})  # なら(ない) / いけ(ない) / だめ
_ONLY_PARTICLES = frozenset({"だけ", "のみ", "ばかり"})
_QUESTION_ENDINGS = frozenset({"か", "かしら", "だろう", "でしょう"})
# Verbs and nouns that negate by meaning (refuse, deny, forbid, prevent, avoid, lack, fail,
# oppose, stop, cancel, give up, difficult).
LEXICAL_NEGATIVES = _words(
    "拒否 拒む 拒絶 否定 否認 禁止 禁じる 防ぐ 阻止 防止 避ける 回避 欠く 欠如 欠ける "
    "失敗 反対 中止 停止 止める 辞める 断る 逃す 逃れる 諦める 放棄 取り消す 撤回 困難 "
    "難しい 無理 失う 不足 否決 却下 拒める 妨げる 控える 免れる"
)


@cache
def _tagger() -> Any:
    import fugashi

    return fugashi.Tagger()  # unidic-lite's dictionary


def tokens(text: str) -> list[JaToken]:
    """UniDic tokens of `text` with their character offsets."""
    out = []
    position = 0
    for word in _tagger()(text):
        surface = word.surface
        start = text.find(surface, position)
        if start < 0:
            continue
        position = start + len(surface)
        feature = word.feature
        lemma = str(getattr(feature, "lemma", None) or surface).split("-")[0]
        out.append(JaToken(surface, str(feature.pos1), lemma, start, position))
    return out


def _is_negator(tok: JaToken) -> bool:
    if tok.pos == "助動詞":
        return tok.lemma in _NEGATIVE_AUX
    if tok.pos == "形容詞":
        return tok.lemma in _NEGATIVE_ADJ
    return tok.lemma in _NEGATIVE_NOUN


def _lemmas(toks: list[JaToken], start: int, end: int) -> list[str]:
    return [t.lemma for t in toks[max(0, start) : max(0, end)]]


def _classify(toks: list[JaToken], i: int) -> str | None:
    """'cue', 'lexical', or None (no negation of the clause) for the negator at `i`."""
    j = i - 1
    while j >= 0 and toks[j].lemma == "ます":  # polite forms: しれません, ありません
        j -= 1
    before = _lemmas(toks, j - 2, j + 1)
    prev = toks[j] if j >= 0 else None
    if prev is not None and prev.lemma == "有る" and j >= 1:
        noun = toks[j - 1] if toks[j - 1].pos != "助詞" or j < 2 else toks[j - 2]
        if noun.lemma in _CERTAINTY_NOUNS:
            return None  # 間違いありません: "surely"
        if noun.lemma in _LEXICALISED_NOUNS:
            return "lexical"  # 申し訳ありません, 仕方がありません
    if prev is not None and prev.lemma in _DESPITE_VERBS:
        return None  # にもかかわらず "despite", 相変わらず "as ever"
    after = toks[i + 1 : i + 4]
    after_lemmas = [t.lemma for t in after]
    if prev is not None and prev.lemma == "知れる" and before[-2:-1] == ["も"]:
        return None  # かもしれない: "may"
    if prev is not None and prev.lemma in _CERTAINTY_NOUNS:
        return None  # に違いない, 間違いない: "surely"
    if (
        prev is not None
        and prev.lemma in ("他", "外", "ほか")
        or before[-2:] in (["他", "成る"], ["外", "成る"])
    ):
        return None  # ほかならない: "nothing but"
    if before[-1:] == ["得る"] and before[-2:-1] == ["を"]:
        return None  # ざるを得ない / やむを得ない: "must" / "unavoidable"
    if after_lemmas[:2] == ["を", "得る"]:
        return None  # the ざる of ざるを得ない
    if any(t.lemma in _ONLY_PARTICLES for t in toks[max(0, i - 3) : i]) and (
        "だ" in before or "なり" in before or prev is not None and prev.lemma in _ONLY_PARTICLES
    ):
        return None  # だけでなく, のみならず, ばかりでなく: "not only"
    if _must(toks, i):
        return None  # なければならない, なくてはいけない, ないといけない: "must"
    if _part_of_must(toks, i):
        return None
    if _only(toks, i):
        return None  # しか ... ない: "only"
    if prev is not None and (prev.lemma in _LEXICALISED_VERBS or prev.lemma in _LEXICALISED_NOUNS):
        return "lexical"
    if len(before) >= 2 and before[-1] == "が" and before[-2] in _LEXICALISED_NOUNS:
        return "lexical"  # 仕方がない
    if (
        after_lemmas[:1]
        and after_lemmas[0] in _QUESTION_ENDINGS
        or after_lemmas[:2] in (["だ", "か"], ["です", "か"], ["の", "か"])
    ):
        return "lexical"  # ではないか, ないだろうか, 行かないか: rhetorical or inviting
    return "cue"


def _must(toks: list[JaToken], i: int) -> bool:
    """The first negator of a "must" double negative (なけれ|なく|ない, ば|て(は)|と,
    ならない)."""
    for j in range(i + 1, min(len(toks), i + 5)):
        if toks[j].lemma in _MUST_VERBS and j + 1 < len(toks) and _is_negator(toks[j + 1]):
            return all(t.pos in ("助詞",) for t in toks[i + 1 : j])
        if toks[j].lemma == "駄目":
            return all(t.pos in ("助詞",) for t in toks[i + 1 : j])
    return False


def _part_of_must(toks: list[JaToken], i: int) -> bool:
    """The ない of ならない / いけない after a negator and particles."""
    if i < 2 or toks[i - 1].lemma not in _MUST_VERBS:
        return False
    j = i - 2
    while j >= 0 and toks[j].pos == "助詞":
        j -= 1
    return j >= 0 and _is_negator(toks[j])


def _only(toks: list[JaToken], i: int) -> bool:
    """しか earlier in the same clause (no comma between)."""
    for j in range(i - 1, max(-1, i - 12), -1):
        if toks[j].surface in ("、", "。", "，", ",", "！", "？"):
            return False
        if toks[j].lemma == "しか" and toks[j].pos == "助詞":
            return True
    return False


def japanese_marks(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, text, kind) of the negation marks of `text`: kind 'cue' or 'lexical'."""
    toks = tokens(text)
    marks = []
    for i, tok in enumerate(toks):
        if _is_negator(tok):
            kind = _classify(toks, i)
            if kind is not None:
                marks.append((tok.start, tok.end, tok.surface, kind))
        elif tok.pos == "感動詞" and tok.surface in _ANSWERS:
            marks.append((tok.start, tok.end, tok.surface, "cue"))
        elif (
            tok.pos == "接頭辞"
            and tok.lemma in _PREFIXES
            or tok.lemma in LEXICAL_NEGATIVES
            or tok.surface in LEXICAL_NEGATIVES
        ):
            marks.append((tok.start, tok.end, tok.surface, "lexical"))
        elif (
            tok.pos in ("名詞", "形状詞") and tok.surface[:1] in _PREFIXES and len(tok.surface) > 1
        ):
            marks.append((tok.start, tok.end, tok.surface, "lexical"))  # 不明, 無料, 未定
    return marks
