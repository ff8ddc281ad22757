"""A word-level head on the encoder's token vectors: loaded wording is in a few words, not in the average.

Each token of a sentence gets a score from a small network (one hidden layer of ``HIDDEN`` units) on its
vectors at the encoder's layers; the sentence's score is the log-mean-exp of its token scores, a smooth
maximum, so that one strongly loaded word can carry a sentence as an average over all its words cannot
(multiple-instance learning: only sentences are labelled, never words). It is trained with torch, which
``framing[encoder]`` installs, and applied in numpy; its weights are plain arrays saved in the model file.

Training is deterministic: the seed fixes the initial weights, the dropout and the order of the batches,
and torch runs on one thread while it trains, so the same sentences give the same weights to the byte.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

HIDDEN = 64
EPOCHS = 4
BATCH = 64
LEARNING_RATE = 1e-3
WEIGHT_DECAY = 0.01
DROPOUT = 0.1
WEIGHTS = ("mean", "scale", "w1", "b1", "w2", "b2")


class TokenHead:
    """Score sentences from their token vectors: a per-token network pooled by log-mean-exp.

    Parameters
    ----------
    seed : seed of the initial weights, the dropout and the batch order.
    """

    def __init__(self, *, seed: int = 0) -> None:
        self.seed = seed

    def fit(self, vectors: Sequence[np.ndarray], labels) -> TokenHead:
        """Learn from each sentence's token vectors (rows: tokens) and its 0/1 label."""
        import torch

        labels = np.asarray(labels, dtype=np.float32)
        stacked = np.concatenate(vectors).astype(np.float32)
        self.mean = stacked.mean(axis=0)
        self.scale = stacked.std(axis=0) + 1e-3
        del stacked
        threads = torch.get_num_threads()
        torch.set_num_threads(1)
        try:
            torch.manual_seed(self.seed)
            network = _network(vectors[0].shape[1])
            optimiser = torch.optim.AdamW(network.parameters(), lr=LEARNING_RATE, weight_decay=WEIGHT_DECAY)
            positive = max(float(labels.sum()), 1.0)
            balance = torch.tensor((len(labels) - positive) / positive)
            order = np.random.default_rng(self.seed)
            network.train()
            for _ in range(EPOCHS):
                shuffled = order.permutation(len(labels))
                for start in range(0, len(shuffled), BATCH):
                    batch = shuffled[start:start + BATCH]
                    tokens, mask = (torch.from_numpy(part) for part in self._padded([vectors[i] for i in batch]))
                    logits = _pool(network(tokens).squeeze(-1), mask)
                    loss = torch.nn.functional.binary_cross_entropy_with_logits(
                        logits, torch.from_numpy(labels[batch]), pos_weight=balance)
                    optimiser.zero_grad()
                    loss.backward()
                    optimiser.step()
        finally:
            torch.set_num_threads(threads)
        hidden, output = network[1], network[3]
        self.w1 = hidden.weight.detach().numpy().T.copy()
        self.b1 = hidden.bias.detach().numpy().copy()
        self.w2 = output.weight.detach().numpy()[0].copy()
        self.b2 = output.bias.detach().numpy().copy()
        return self

    def token_scores(self, vectors: np.ndarray) -> np.ndarray:
        """Return the score of each token of one sentence (its rows of vectors)."""
        hidden = self._standardised(vectors) @ self.w1 + self.b1
        return _gelu(hidden) @ self.w2 + self.b2[0]

    def decision_function(self, vectors: Sequence[np.ndarray]) -> np.ndarray:
        """Return each sentence's score: the log-mean-exp of its token scores (a logit; above 0 leans loaded)."""
        scores = []
        for sentence in vectors:
            tokens = self.token_scores(sentence).astype(np.float64)
            top = tokens.max()
            scores.append(top + np.log(np.mean(np.exp(tokens - top))))
        return np.array(scores, dtype=np.float64)

    def to_dict(self) -> dict:
        """Return the head as plain data: its seed and weight arrays."""
        return {"seed": self.seed, **{name: getattr(self, name) for name in WEIGHTS}}

    @classmethod
    def from_dict(cls, data: dict) -> TokenHead:
        """Rebuild a head from :meth:`to_dict`'s plain data."""
        head = cls(seed=int(data["seed"]))
        for name in WEIGHTS:
            setattr(head, name, np.asarray(data[name], dtype=np.float32))
        return head

    def _standardised(self, vectors: np.ndarray) -> np.ndarray:
        """Return one sentence's token vectors centred and scaled by the training tokens' mean and spread."""
        return (vectors.astype(np.float32) - self.mean) / self.scale

    def _padded(self, vectors: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        """Return the standardised token vectors of a batch, padded to its longest sentence, and their mask."""
        longest = max(len(sentence) for sentence in vectors)
        tokens = np.zeros((len(vectors), longest, vectors[0].shape[1]), dtype=np.float32)
        mask = np.zeros((len(vectors), longest), dtype=bool)
        for row, sentence in enumerate(vectors):
            tokens[row, :len(sentence)] = self._standardised(sentence)
            mask[row, :len(sentence)] = True
        return tokens, mask


def _network(width: int):
    import torch

    return torch.nn.Sequential(torch.nn.Dropout(DROPOUT), torch.nn.Linear(width, HIDDEN), torch.nn.GELU(),
                               torch.nn.Linear(HIDDEN, 1))


def _pool(scores, mask):
    """Log-mean-exp of the token scores of each sentence, padding left out."""
    import torch

    scores = scores.masked_fill(~mask, float("-inf"))
    return torch.logsumexp(scores, dim=-1) - torch.log(mask.sum(dim=-1).to(scores.dtype))


def _gelu(values: np.ndarray) -> np.ndarray:
    """The exact GELU, as torch's default: ``x * Phi(x)``."""
    from scipy.special import erf

    return 0.5 * values * (1.0 + erf(values / np.sqrt(2.0)))
