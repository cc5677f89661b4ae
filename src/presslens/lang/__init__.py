"""Language first: which language an article is in, and which stages can read it.

`detect` names the language (py3langid plus a Cyrillic/Latin script ratio,
per paragraph where the text mixes languages); `routing` picks the stage
variants for that language, or only the language-free stages (repair) for
a language presslens does not analyse.
"""
from .detect import LanguageReading, detect_language

ANALYSED = ("en", "ru")

__all__ = ["ANALYSED", "LanguageReading", "detect_language"]
