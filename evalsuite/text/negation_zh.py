"""Negation in Chinese, on jieba's segmentation.

Mandarin negates with a small set of adverbs placed before the predicate: 不 (and 别 / 不要 /
勿 / 莫 / 毋 / 甭 in commands), 没 / 没有 (past, existence), 未 (literary "not yet", "did not"),
无 / 非 / 否 (literary "have not", "is not"), often fused with an adverb (并不, 从未, 尚未, 决不,
毫无) or a modal (不能, 未能, 无法, 不可). jieba may keep such a fusion as one word (并不知道,
从未见过, 请勿吸烟), so a word counts as a cue when it starts with a negative adverb or fusion.

What is no negation of the clause, though it is written with a negator (Li & Thompson,
*Mandarin Chinese: A Functional Reference Grammar*, 1981, ch. 12; Yip & Rimmington, *Chinese:
A Comprehensive Grammar*, 2004, ch. on negation; UD Chinese marks 不 / 没 / 未 / 无 / 非 with
Polarity=Neg only where they negate):

- lexicalised words: 不断 "continuously", 不少 "many", 不久 "soon", 不同 "different", 不过
  "but", 非常 "very", 未来 "future", 无论 / 不管 "regardless", 除非 "unless", 是否 "whether",
  否则 "otherwise", 差不多 "almost", 对不起 "sorry", 了不起 "amazing", and names (非洲, 莫斯科);
- "not only": 不仅, 不但, 不只, 不光, 不单, 非但;
- double negatives, which assert: 不得不 "have to", 不能不, 非 ... 不可 "must", 无不 / 没有不
  "all", 不无 "not without";
- A-not-A questions (是不是, 有没有, 能不能) and rhetorical questions (难道 ... 吗, 岂不,
  何不), marked `lexical`: polarity there is not the clause's;
- words with a negating first syllable that are lexical negatives (不满, 无效, 非法, 不安,
  非暴力 "non-violent", 无症状 "asymptomatic": 非 and 无 before a noun make a word, as "non-"
  and "-less" do; 莫 is left out, being far more often a syllable of a name than a negator),
  and verbs that negate by meaning (拒绝, 否认, 禁止, 避免, 缺乏, 失败, ...), marked `lexical`.
"""

from __future__ import annotations

from functools import cache
from typing import Any

__all__ = ["chinese_marks"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


NEGATORS = frozenset("不没沒未无無非别別勿毋甭否弗")
# Cue words and fusions (a word starting with one of them is a cue).
CUE_PREFIXES = (
    "不", "没有", "沒有", "没", "沒", "未", "无法", "無法", "无人", "無人", "无", "無", "非", "别",
    "別", "勿", "毋", "甭", "并不", "並不", "并没", "並沒", "并未", "並未", "并非", "並非",
    "从未", "從未", "从不", "從不", "从没", "從沒", "尚未", "决不", "決不", "绝不", "絕不", "永不",
    "毫不", "毫无", "毫無", "请勿", "請勿", "切勿", "也不", "也没", "也沒", "都不", "都没", "还没",
    "還沒", "再也不", "一直没", "一直不", "根本不", "根本没", "完全不", "几乎不", "幾乎不",
)  # fmt: skip
# Words starting with a negator that do not negate their clause.
NOT_NEGATING = _words(
    "不断 不斷 不少 不久 不同 不过 不過 不管 不论 不論 无论 無論 非常 未来 未來 不错 不錯 "
    "不仅 不僅 不但 不只 不光 不单 不單 非但 不得不 不能不 不禁 不免 无不 無不 不无 不無 "
    "无非 無非 不料 不觉 不覺 不妨 不愧 不由得 不外乎 无数 無數 无比 無比 无限 無限 无穷 "
    "無窮 不朽 莫斯科 非洲 别人 別人 别的 別的 别处 別處 莫过于 莫過於 莫名 不计其数 "
    "无可置疑 毫无疑问 毫無疑問 无疑 無疑 不言而喻 不约而同 无时无刻 未曾不 未尝不 未嘗不 "
    "不一而足 非凡 无线 無線 不如"
)
# Words with a negator inside that do not negate either (A-not-A questions aside).
_INNER_NOT_NEGATING = _words(
    "差不多 对不起 對不起 了不起 除非 是否 能否 可否 与否 與否 否则 否則 要不 要不然 不然 "
    "特别 特別 分别 分別 区别 區別 类别 類別 级别 級別 告别 告別 个别 個別 识别 識別 离别 "
    "離別 怪不得 巴不得 恨不得 南非 北非 说不定 說不定 禁不住 忍不住 免不了 少不了 靠不住 "
    "舍不得 捨不得 看不起 大不了 不得了 顾不得 顧不得 意想不到"
)
_RHETORICAL = _words("难道 難道 岂 豈 何不 何尝 何嘗 何况 何況 莫非")
# Verbs and nouns that negate by meaning.
LEXICAL_NEGATIVES = _words(
    "拒绝 拒絕 否认 否認 否定 否决 否決 禁止 阻止 防止 避免 缺乏 缺少 失败 失敗 停止 反对 "
    "反對 取消 放弃 放棄 难以 難以 拒 缺 欠缺 制止 中止 终止 終止 撤销 撤銷 撤回 驳回 "
    "駁回 杜绝 杜絕 抵制 阻碍 阻礙 妨碍 妨礙 未知 失去 丧失 喪失 禁 忽视 忽視 拒不"
)
_QUESTION_END = ("吗", "嗎", "么", "麼")


@cache
def _jieba() -> Any:
    import jieba

    jieba.setLogLevel(60)
    return jieba


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(w, s, e) for w, s, e in _jieba().tokenize(text)]


def _longest_prefix(word: str) -> str | None:
    found = [p for p in CUE_PREFIXES if word.startswith(p)]
    return max(found, key=len) if found else None


def _not_negating(word: str) -> bool:
    """A lexicalised word, or a longer jieba word that starts with one (无论如何, 不久以后),
    or 非 ... 不可 "must" (非去不可)."""
    if word in _INNER_NOT_NEGATING or word in NOT_NEGATING:
        return True
    if word[:1] == "非" and word.endswith("不可") and len(word) > 3:
        return True
    return any(word.startswith(w) for w in NOT_NEGATING if len(w) >= 2)


def _a_not_a(word: str, words: list[tuple[str, int, int]], i: int) -> bool:
    """是不是 / 有没有 / 能不能, as one word or as three."""
    if len(word) == 3 and word[1] in "不没沒" and word[0] == word[2]:
        return True
    if word in ("不", "没", "沒") and 0 < i < len(words) - 1:
        before, after = words[i - 1][0], words[i + 1][0]
        return bool(before) and bool(after) and before[-1] == after[0]
    return False


def _clause_of(text: str, start: int) -> str:
    """The clause around `start` (up to a comma or full stop on either side)."""
    stops = "，,。！？!?；;：:"
    left = max(text.rfind(ch, 0, start) for ch in stops)
    rights = [p for p in (text.find(ch, start) for ch in stops) if p >= 0]
    right = min(rights) + 1 if rights else len(text)
    return text[left + 1 : right]


def chinese_marks(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, text, kind) of the negation marks of `text`: kind 'cue' or 'lexical'."""
    words = _tokens(text)
    marks: list[tuple[int, int, str, str]] = []
    skip_next_bu_ke = False
    for i, (word, start, end) in enumerate(words):
        if _not_negating(word):
            continue
        if word in _RHETORICAL:
            marks.append((start, end, word, "lexical"))
            continue
        if word in LEXICAL_NEGATIVES or any(word.startswith(x) for x in ("拒绝", "拒絕", "禁止")):
            marks.append((start, end, word, "lexical"))
            continue
        if _a_not_a(word, words, i):
            marks.append((start, end, word, "lexical"))
            continue
        prefix = _longest_prefix(word)
        if prefix is None:
            if _inner_negator(word):
                marks.append((start, end, word, "cue"))  # 看不见 "cannot see", 很久没
            continue
        if word in ("非",) and "不可" in _clause_of(text, end)[0:]:
            skip_next_bu_ke = True  # 非 ... 不可: "must"
            continue
        if skip_next_bu_ke and word.startswith("不可"):
            skip_next_bu_ke = False
            continue
        compound = len(word) == 2 or prefix in "非无無"
        if len(word) >= 2 and prefix == word[:1] and compound and not _verbal(word):
            marks.append((start, end, word, "lexical"))  # 不满, 无效, 非法: a word of its own
            continue
        clause = _clause_of(text, start)
        asks = clause.rstrip("。！？!? ").endswith(_QUESTION_END) and (
            word.startswith("不是") or word.startswith("没有"))  # fmt: skip
        why_not = any(q in clause[: clause.find(word) + 1] for q in _WHY) and clause.rstrip(
            " 。"
        ).endswith(("？", "?", "呢"))
        marks.append((start, end, word, "lexical" if asks or why_not else "cue"))
    return marks


_WHY = ("为什么", "為什麼", "为何", "為何", "何不", "怎么不", "怎麼不")
"""A negation in a question that starts with "why" suggests, it does not negate ("why not")."""


def _inner_negator(word: str) -> bool:
    """A negator inside a word jieba kept whole: a potential complement ("看不见" "cannot
    see", "做不到") or an adverb fused with it ("很久没", "根本无法")."""
    for k in range(1, len(word)):
        rest = word[k:]
        if word[k] in "不没沒未" and len(word) >= 3:
            return True
        if len(rest) >= 2 and any(rest.startswith(p) for p in CUE_PREFIXES if len(p) >= 2):
            return True
    return False


# Second syllables after which a negator word is a negated verb or modal, not a
# word of its own ("cannot", "will not", "did not have", "is not", "need not").
_VERBAL_SECOND = frozenset("能会會是要用必可再得肯敢该該想够夠有在行对對让讓准到见見")


def _verbal(word: str) -> bool:
    """不 / 未 + a modal or verb; 没 and the command negators; 无 and 非 only in the fusions
    listed as cues (无法, 无人)."""
    if word[0] in "没沒别別勿甭":
        return True
    return word[0] in "不未" and word[1] in _VERBAL_SECOND or word[:2] in ("未能", "未曾")
