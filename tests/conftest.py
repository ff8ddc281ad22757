"""Shared test set-up."""

import pytest


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """Keep the sentence cache of every CLI run out of the user's home folder."""
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
