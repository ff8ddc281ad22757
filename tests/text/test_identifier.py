"""py3langid's identifier read from the cache folder scores exactly as py3langid's own loader does."""

import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from framing.text import identifier as module

TEXTS = ["Microsoft unveils Azure OpenAI Service for Government & AI customer commitments",
         "Regeringen införde nya sanktioner i går", "Die Regierung verhängte neue Sanktionen",
         "OpenAI首席执行官呼吁与中国合作", "SHOCK: Mayor's plan EXPOSED!"]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path))
    module.identifier.cache_clear()
    yield tmp_path
    module.identifier.cache_clear()


def test_the_cached_model_gives_py3langid_s_own_scores(cache):
    own = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    first = module.identifier()  # unpacks the model and keeps it
    assert len(list((cache / "py3langid").glob("*/ptc.npy"))) == 1
    module.identifier.cache_clear()
    second = module.identifier()  # reads it back
    for text in TEXTS:
        assert first.rank(text) == second.rank(text) == own.rank(text)


def test_a_broken_cache_is_unpacked_again(cache):
    module.identifier()
    (ptc,) = (cache / "py3langid").glob("*/ptc.npy")
    ptc.write_bytes(b"not an array")
    module.identifier.cache_clear()
    own = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    assert module.identifier().rank(TEXTS[0]) == own.rank(TEXTS[0])
    module.identifier.cache_clear()
    assert module._read(ptc.parent) is not None  # kept anew
