"""Laomo Desktop: the ledger (台账) of a model-worker innovation studio."""

__version__ = "0.1.0"
