"""The word-level head on the encoder's token vectors: learns from sentence labels, reproducible, plain data."""

import numpy as np
import pytest

from framing.detection.evaluate import read_labelled
from framing.detection.head import TokenHead, _network, _pool

pytest.importorskip("torch")


def _sentences(seed: int, n: int, width: int = 8):
    """Random token vectors; a loaded sentence has one token pushed along the first axis."""
    rng = np.random.default_rng(seed)
    vectors, labels = [], []
    for index in range(n):
        sentence = rng.normal(size=(int(rng.integers(4, 12)), width)).astype(np.float16)
        label = index % 2
        if label:
            sentence[int(rng.integers(len(sentence))), 0] += 5.0
        vectors.append(sentence)
        labels.append(label)
    return vectors, np.array(labels)


def test_the_head_learns_a_single_loaded_token_that_an_average_would_dilute():
    vectors, labels = _sentences(0, 2000)
    test_vectors, test_labels = _sentences(1, 200)
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    head = TokenHead(seed=0).fit(vectors, labels)
    head_auc = roc_auc_score(test_labels, head.decision_function(test_vectors))
    average = LogisticRegression().fit([v.astype(float).mean(axis=0) for v in vectors], labels)
    average_auc = roc_auc_score(test_labels, average.decision_function([v.astype(float).mean(axis=0) for v in test_vectors]))
    assert head_auc > 0.99 and head_auc > average_auc
    loaded = test_vectors[int(np.flatnonzero(test_labels)[0])]
    token_scores = head.token_scores(loaded)
    assert int(np.argmax(token_scores)) == int(np.argmax(loaded[:, 0].astype(np.float32)))


def test_the_same_seed_gives_the_same_weights_and_another_seed_others():
    vectors, labels = _sentences(0, 120)
    first, second = (TokenHead(seed=5).fit(vectors, labels).to_dict() for _ in range(2))
    other = TokenHead(seed=6).fit(vectors, labels).to_dict()
    for name in ("w1", "b1", "w2", "b2"):
        assert first[name].tobytes() == second[name].tobytes()
    assert first["w1"].tobytes() != other["w1"].tobytes()


def test_numpy_scoring_matches_the_torch_network_it_was_trained_as():
    import torch

    vectors, labels = _sentences(2, 60)
    head = TokenHead(seed=1).fit(vectors, labels)
    network = _network(vectors[0].shape[1]).eval()
    with torch.no_grad():
        network[1].weight.copy_(torch.from_numpy(head.w1.T))
        network[1].bias.copy_(torch.from_numpy(head.b1))
        network[3].weight.copy_(torch.from_numpy(head.w2[None, :]))
        network[3].bias.copy_(torch.from_numpy(head.b2))
        tokens, mask = (torch.from_numpy(part) for part in head._padded(vectors[:10]))
        expected = _pool(network(tokens).squeeze(-1), mask).numpy()
    assert np.allclose(head.decision_function(vectors[:10]), expected, atol=1e-4)


def test_plain_data_round_trip_keeps_the_scores():
    vectors, labels = _sentences(3, 60)
    head = TokenHead(seed=2).fit(vectors, labels)
    again = TokenHead.from_dict(head.to_dict())
    assert again.decision_function(vectors).tobytes() == head.decision_function(vectors).tobytes()


def test_a_model_with_the_encoder_blends_its_head_and_scores_reproducibly(labelled):
    from framing.detection.model import LoadedModel

    data = read_labelled(labelled, text_col="text", label_col="label")
    texts = data["text"].tolist()
    first = LoadedModel(seed=4, encoder="minilm").fit(texts, data["label"])
    second = LoadedModel(seed=4, encoder="minilm").fit(texts, data["label"])
    assert first.head_ is not None and first.blend_.coef_.shape == (1, 2)
    assert first.predict_proba(texts).tobytes() == second.predict_proba(texts).tobytes()
    assert LoadedModel(seed=4).fit(texts, data["label"]).head_ is None
