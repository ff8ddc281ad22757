"""Marker: the lexicon data in this folder ships inside the package as ``framing.lexicons_data``."""
