"""Helpers of eval/events.py: choose.py, how the labelled paragraphs (eval/data/events/) were drawn."""
