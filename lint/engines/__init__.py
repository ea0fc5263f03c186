"""Adapters to the outside engines the checks rely on (dictionary, grammar checkers)."""
