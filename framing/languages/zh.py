"""Chinese: sentences by Punkt's Chinese rules, words by jieba with a small domain dictionary, matched
on whole tokens rather than stems, and Chinese news boilerplate."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from framing.languages.base import WORD, Language, LineRuleSpec

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_NUMBER = re.compile(r"[0-9一二三两四五六七八九十百]+")


@lru_cache(maxsize=1)
def _jieba():
    from framing._lean import without

    # Without pkg_resources jieba opens the same data files by path, and skips an import slower than its own.
    with without("pkg_resources"):
        import jieba

    from framing.languages.zh_prefixes import prefixes

    jieba.setLogLevel(60)
    tokenizer = jieba.Tokenizer()
    # The prefix dictionary read as segmentation asks for it, not unmarshalled whole (the same answers).
    found = prefixes(jieba)
    if found is not None:
        tokenizer.FREQ, tokenizer.total, tokenizer.initialized = found, found.total, True
    # Names such as 阿尔特曼 stay whole.
    with resources.as_file(resources.files("framing.languages") / "data" / "zh_userdict.txt") as path:
        tokenizer.load_userdict(str(path))
    return tokenizer


def _is_word(token: str) -> bool:
    return bool(WORD.fullmatch(token) or _HAN.search(token))


class Chinese(Language):
    """Chinese (simplified and traditional script)."""

    name = "Chinese"
    punkt_model = "chinese"
    spaced = False
    scope_breaks = frozenset({"但", "但是", "却", "而", "而是", "可是", "不过", "然而"})
    not_negations = ("不仅", "不但", "不只", "毫无疑问")
    date_prefixes = ("发布时间", "更新时间", "发布")
    genre_labels = frozenset({"独家", "评论", "社论", "分析", "快讯", "视频", "专访"})
    speech_words = ("说", "称", "表示", "道")
    line_rules = (
        LineRuleSpec("subscription prompt", r"订阅|关注我们|扫码关注|下载.{0,10}(?:APP|App|客户端)", max_words=30),
        LineRuleSpec("newsletter sign-up", r"电子报|新闻简报|通讯订阅", max_words=30),
        LineRuleSpec("photo credit", r"^(?:图片?|照片|摄影|图片来源)\s*[:：/]", max_words=20),
        LineRuleSpec("comment prompt", r"^(?:发表)?评论$|网友评论|^我要评论", max_words=20),
        LineRuleSpec("author promotion", r"^责任编辑|^编辑[:：]", max_words=20),
        LineRuleSpec("navigation", r"^(?:广告|相关阅读|延伸阅读|相关新闻|热门)\s*[:：]?$", max_words=6),
    )
    outlet_patterns = (r"订阅(?P<outlet>[\u4e00-\u9fff]{2,10}(?:新闻|日报|时报|电台|网))",)
    fonts = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK TC", "Droid Sans Fallback")
    script = _HAN

    def token_spans(self, text: str) -> list[tuple[str, int, int]]:
        return [(tok, start, end) for tok, start, end in _jieba().tokenize(text) if _is_word(tok)]

    def diff_tokens(self, text: str) -> list[str]:
        return [tok for tok in _jieba().lcut(text) if tok.strip()]

    def opening_number(self, text: str) -> tuple[int, int] | None:
        # Digits or numerals, written without a space before what they count: 十大理由.
        offset = len(text) - len(text.lstrip())
        number = _NUMBER.match(text, offset)
        return (offset, number.end()) if number else None

    def counts(self, text: str, number: tuple[int, int], start: int) -> bool:
        return start == number[1]


LANGUAGE = Chinese("zh")
