"""Genre, frames and persuasion techniques on top of the shared encoder pass.

heads.py: numpy inference for the small trained heads (weights in
models/framing/<lang>/heads.npz); lexical.py: pattern detectors; predict.py: one
article's paragraphs -> genre, frames, techniques with evidence spans.
"""
