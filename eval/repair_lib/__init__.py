"""Helpers of eval/repair.py, the repair task's one entry script.

data.py: trafilatura extractions of the article-extraction benchmark, line labels and the
tune/held-out split; boilerplate.py: line and character scoring of the boilerplate spans;
damage_set.py: the cut-and-glued damage set (recipes in eval/data/repair/damage_set.jsonl);
damage.py: per-kind damage scoring; fresh.py: boilerplate on pages never used for tuning
(section `repair_fresh`); tune_errors.py: the tune-split error listing rules are changed by.
"""
