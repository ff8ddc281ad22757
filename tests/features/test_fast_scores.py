"""The faster VADER and TextBlob calls give the numbers of NLTK's VADER and TextBlob(s).sentiment exactly."""

from importlib import resources

from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants
from textblob import TextBlob

import framing
from framing.features.sentiment import textblob_sentiment, vader

WORDS = ["good", "GOOD", "bad", "not", "never", "but", "kind", "of", "sort", "extremely", "the", "shit", "yeah",
         "right", "don't", "isn't", "'good'", "--bad", "!!good", "good!!!", '"great"', "great?!?!", "least",
         "at", "very", "so", "this", ":)", ":(", "!", "?", "...", "U.S.", "Mr.", "(!)", "horrible", "really"]


def nltk_vader():
    analyzer = SentimentIntensityAnalyzer.__new__(SentimentIntensityAnalyzer)
    analyzer.lexicon_file = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text("utf-8")
    analyzer.lexicon = analyzer.make_lex_dict()
    analyzer.constants = VaderConstants()
    return analyzer


STOCK = nltk_vader()
texts = st.one_of(st.lists(st.sampled_from(list("ab XY!?.,;:-'\"()") + WORDS), max_size=30).map("".join),
                  st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join), st.text(max_size=40))


@settings(max_examples=400, deadline=None)
@given(texts)
def test_vader_scores_equal_nltks(text):
    assert vader().polarity_scores(text) == STOCK.polarity_scores(text)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_textblob_scores_equal_a_blobs(text):
    blob = TextBlob(text).sentiment
    assert textblob_sentiment(text, lang="en") == (blob.polarity, blob.subjectivity)


def test_every_seed_sentence_scores_as_nltk_and_textblob_score_it():
    sentences = framing.feature_tables(framing.load_corpus()).sentences
    english = sentences[sentences["language"] == "en"]
    assert len(english) > 20
    for text, compound, polarity in zip(english["text"], english["sent_vader_compound"], english["sent_tb_polarity"]):
        assert compound == STOCK.polarity_scores(text)["compound"]
        assert polarity == TextBlob(text).sentiment.polarity
