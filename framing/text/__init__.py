"""Text: normalisation (str -> str), sentence and word segmentation per language, language detection."""

from framing.text.language import detect_language
from framing.text.normalize import normalize_text
from framing.text.segment import sentences, token_spans, tokens, word_count

__all__ = ["detect_language", "normalize_text", "sentences", "token_spans", "tokens", "word_count"]
