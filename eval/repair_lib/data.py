"""Data helpers for eval/repair.py: trafilatura extractions of the
article-extraction benchmark (cached under .train/repair/, git-ignored) and a
deterministic tune/held-out split by page id.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import re
import sys
from pathlib import Path

from _results import HERE, shared_path

CACHE = HERE.parent / ".train" / "repair" / "extractions.json"


def benchmark_dir() -> Path:
    return shared_path("data", "article-extraction-benchmark")


def ground_truth() -> dict[str, str]:
    gt = json.loads((benchmark_dir() / "ground-truth.json").read_text(encoding="utf-8"))
    return {k: v.get("articleBody") or "" for k, v in gt.items()}


def extract_html(raw: bytes, source: str) -> str:
    """The text presslens's own HTML ingest produces (trafilatura inside);
    a plain trafilatura call stands in when that ingest is absent."""
    try:
        from presslens.errors import InputError
        from presslens.ingest.html import html_to_document
    except ImportError:
        import trafilatura

        html = raw.decode("utf-8", errors="replace")
        return trafilatura.extract(html, include_comments=False, favor_precision=False) or ""
    try:
        return html_to_document(raw, source).text
    except InputError:
        return ""


def extractions(refresh: bool = False) -> dict[str, str]:
    """{page id: extracted text}, computed once and cached."""
    if CACHE.exists() and not refresh:
        return json.loads(CACHE.read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    for p in sorted((benchmark_dir() / "html").glob("*.html.gz")):
        out[p.name.split(".")[0]] = extract_html(gzip.decompress(p.read_bytes()), p.name)
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    CACHE.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    return out


def split_of(page_id: str) -> str:
    """Deterministic split: 1 page in 2 held out, chosen by a hash of its id."""
    return "heldout" if int(hashlib.sha1(page_id.encode()).hexdigest(), 16) % 2 else "tune"


_WS = re.compile(r"\s+")


def norm_line(s: str) -> str:
    return _WS.sub(" ", s).strip()


def refresh() -> None:
    """`python eval/repair.py extractions [--refresh]`: (re)build the cached extractions."""
    ex = extractions(refresh="--refresh" in sys.argv)
    print(len(ex), "pages;", sum(split_of(k) == "heldout" for k in ex), "held out")


_WORD = re.compile(r"\w+", re.UNICODE)


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, trailing whitespace excluded."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while e > s and text[e - 1].isspace():
            e -= 1
        while s < e and text[s].isspace():
            s += 1
        if e > s:
            out.append((s, e))
    return out


def body_coverage(line: str, gt_words: str, gt_shingles: set) -> float:
    """Share of the line's word 4-shingles found in the true body (short
    lines: 1.0 when their whole word sequence occurs in it). Word-level, like
    the benchmark's own scorer, so list bullets and table pipes do not count."""
    words = [w.lower() for w in _WORD.findall(line)]
    if not words:
        return 1.0  # punctuation only: neutral, never labelled boilerplate
    if len(words) < 4:
        return 1.0 if f" {' '.join(words)} " in gt_words else 0.0
    sh = [tuple(words[i:i + 4]) for i in range(len(words) - 3)]
    return sum(s in gt_shingles for s in sh) / len(sh)


LABELLINGS = ("context", "substring")


def _short_line_in_context(words: list[str], a: int, b: int, gt_words: str, gt_shingles: set) -> bool:
    """A line of fewer than 4 words has no 4-shingle of its own, and its
    words alone ("comments", "© Reuters", "12 30") occur somewhere in most
    bodies. Judge it in context instead: it is body when a 4-word window of
    the extraction that holds the whole line and reaches into the previous
    or the next line occurs in the true body, i.e. the truth keeps the line
    next to at least one of its neighbours. A page too short for any such
    window falls back to the plain occurrence test."""
    k = b - a
    windows = []
    if a - (4 - k) >= 0:
        windows.append(tuple(words[a - (4 - k):b]))
    if a + 4 <= len(words):
        windows.append(tuple(words[a:a + 4]))
    if not windows:
        return f" {' '.join(words[a:b])} " in gt_words
    return any(w in gt_shingles for w in windows)


def label_lines(text: str, truth: str, labelling: str = "context"):
    """Yield (start, end, is_boilerplate) for every line of `text`, judged
    against the true body `truth`.

    Label: a line is boilerplate when fewer than half of its word 4-shingles
    occur in the true body (what the extraction keeps but the truth drops);
    otherwise it is body. Lines of fewer than 4 words have no shingle: with
    labelling="context" (default) they are judged by the windows that join
    them to their neighbours (_short_line_in_context); "substring" is the
    first rule (body when the line's words occur anywhere in the truth), kept
    to report both side by side."""
    assert labelling in LABELLINGS
    gw = [w.lower() for w in _WORD.findall(truth)]
    gset = {tuple(gw[i:i + 4]) for i in range(len(gw) - 3)}
    gstr = f" {' '.join(gw)} "
    spans = line_spans(text)
    lw = [[w.lower() for w in _WORD.findall(text[s:e])] for s, e in spans]
    allw = [w for ws in lw for w in ws]
    a = 0
    for (s, e), ws in zip(spans, lw):
        b = a + len(ws)
        if labelling == "context" and 0 < len(ws) < 4:
            body = _short_line_in_context(allw, a, b, gstr, gset)
        else:
            body = body_coverage(text[s:e], gstr, gset) >= 0.5
        yield s, e, not body
        a = b


def labelled_lines(page_ids=None, labelling: str = "context"):
    """Yield (page id, text, start, end, is_boilerplate) for every extracted
    line of the benchmark pages (labels: label_lines)."""
    ex, gt = extractions(), ground_truth()
    for pid in sorted(ex):
        if page_ids is not None and pid not in page_ids:
            continue
        text = ex[pid]
        for s, e, is_bp in label_lines(text, gt.get(pid, ""), labelling):
            yield pid, text, s, e, is_bp


AUDIT = HERE / "data" / "repair" / "boilerplate_audit.tsv"


def line_key(line: str) -> str:
    """A stable key for one line (its text is not stored in the repository)."""
    return hashlib.sha1(norm_line(line).encode("utf-8")).hexdigest()[:12]


def load_audit() -> dict[tuple[str, str, str], str]:
    """{(set, page, line key): 'debris' | 'body'} from the hand audit of flagged lines."""
    out = {}
    for row in AUDIT.read_text(encoding="utf-8").splitlines():
        if row and not row.startswith("#"):
            dataset, page, key, _kind, verdict, _why = row.split("\t")
            assert verdict in ("debris", "body"), row
            out[(dataset, page, key)] = verdict
    return out
