"""jieba with its prefix dictionary read from SQLite on demand segments exactly as jieba on its own."""

from pathlib import Path

import jieba
import pytest

from framing.languages import zh_prefixes

USER_DICT = Path(zh_prefixes.__file__).with_name("data") / "zh_userdict.txt"
SEED = Path(zh_prefixes.__file__).parents[1] / "corpus" / "seed" / "002_25b46b25cb64fa15.txt"
DEFAULT_FILL_AFTER = zh_prefixes.FILL_AFTER
TEXTS = ["OpenAI首席执行官阿尔特曼呼吁与中国合作应对AI风险", "美国周一宣布新的制裁措施。官员表示会谈将继续。",
         "震惊：市长的计划曝光！5个方法让房租降下来"]


def tokenizer(freq=None):
    found = jieba.Tokenizer()
    if freq is not None:
        found.FREQ, found.total, found.initialized = freq, freq.total, True
    found.load_userdict(str(USER_DICT))
    return found


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path))
    return tmp_path


@pytest.mark.parametrize("fill_after", [DEFAULT_FILL_AFTER, 50])
def test_the_same_words_as_jieba_s_own_dictionary(cache, monkeypatch, fill_after):
    monkeypatch.setattr(zh_prefixes, "FILL_AFTER", fill_after)
    jieba.setLogLevel(60)
    own = tokenizer()
    built = zh_prefixes.prefixes(jieba)  # builds the table
    read = zh_prefixes.prefixes(jieba)  # reads it back
    assert list((cache / "jieba").glob("*.sqlite"))
    assert built.total == read.total
    lazy = tokenizer(read)
    assert lazy.total == own.total
    for text in [*TEXTS, SEED.read_text(encoding="utf-8")]:
        assert lazy.lcut(text) == own.lcut(text)
        assert list(lazy.tokenize(text)) == list(own.tokenize(text))
    assert read._full == (fill_after < DEFAULT_FILL_AFTER)  # a large corpus reads the whole table


def test_an_unreadable_table_is_built_again(cache):
    (cache / "jieba").mkdir()
    path = zh_prefixes.prefixes(jieba)._path
    path.write_bytes(b"not a database")
    assert zh_prefixes.prefixes(jieba).total > 0
