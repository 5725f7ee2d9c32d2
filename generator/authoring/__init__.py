"""Helping a publisher write content: a new cycle's draft from an earlier cycle."""
