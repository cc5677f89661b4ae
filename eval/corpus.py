"""Corpus layer evaluation: stories, reprints and cross-language quote matching.

    python eval/corpus.py                 # everything; writes the "corpus" section of eval/RESULTS.md
    python eval/corpus.py --only stories  # one part (no RESULTS.md update)

Every set goes through the real CLI: `presslens analyze SET.jsonl --stages repair`
(in publication-date order, as articles would arrive), then `presslens stories
--json` / `duplicates --json`, scored by ../shared/eval/story_score.py and
dup_score.py. One setting (src/presslens/corpus/stories.py, dedup.py) for all sets.
Baseline for stories: TF-IDF + average-linkage agglomerative clustering at
fixed cosine-distance thresholds.
"""
from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import itertools
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import corpus_data as data  # noqa: E402
from _results import markdown_table, shared_path, write_section  # noqa: E402

from presslens.cli import main as presslens  # noqa: E402

BASELINE_THRESHOLDS = (0.5, 0.7, 0.9)
BSNLP_TUNE = ("asia_bibi", "brexit")


def _run(*argv: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        presslens(list(argv))
    return out.getvalue()


def _score(scorer: str, gold: dict, pred_lines: str, tmp: Path, label: str) -> str:
    (tmp / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    (tmp / "pred.jsonl").write_text(pred_lines, encoding="utf-8")
    res = subprocess.run([sys.executable, str(shared_path("eval", scorer)), str(tmp / "gold.json"),
                          str(tmp / "pred.jsonl"), "--label", label], capture_output=True, text=True, check=True)
    return res.stdout.strip()


def _numbers(line: str, *names: str) -> list[float]:
    out = []
    for n in names:
        i = line.index(n) + len(n)
        out.append(float(line[i:].split()[0]))
    return out


def _ingest(articles: list[dict], tmp: Path) -> tuple[Path, dict, float]:
    ordered = sorted(articles, key=lambda a: (a.get("published") or "9999", a["url"]))
    gold = data.write_jsonl(ordered, tmp / "set.jsonl")
    db = tmp / "set.db"
    t = time.perf_counter()
    _run("analyze", str(tmp / "set.jsonl"), "--stages", "repair", "--db", str(db), "--format", "none", "--quiet")
    return db, gold, time.perf_counter() - t


def cross_language(stories_jsonl: str, gold: dict, langs: dict) -> tuple[float, int]:
    """Share of same-story article pairs in different languages that share a predicted story."""
    pred = {}
    for line in stories_jsonl.splitlines():
        s = json.loads(line)
        for a in s["articles"]:
            pred[a["url"]] = s["id"]
    pairs = [(x, y) for x, y in itertools.combinations(sorted(gold), 2)
             if gold[x] == gold[y] and langs[x] != langs[y]]
    if not pairs:
        return 0.0, 0
    return sum(pred.get(x) == pred.get(y) for x, y in pairs) / len(pairs), len(pairs)


def baseline(articles: list[dict], gold: dict, threshold: float, tmp: Path, label: str) -> str:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    x = TfidfVectorizer(sublinear_tf=True, min_df=1).fit_transform([a["text"] for a in articles]).toarray()
    labels = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                     distance_threshold=threshold).fit_predict(x)
    groups: dict[int, list] = {}
    for a, lab in zip(articles, labels):
        groups.setdefault(int(lab), []).append({"url": a["url"]})
    lines = "".join(json.dumps({"id": k, "articles": v}) + "\n" for k, v in groups.items())
    return _score("story_score.py", gold, lines, tmp, label)


def eval_stories(rows: list[list], notes: list[str]) -> None:
    notes.append("Story settings (threshold, window, story merge; src/presslens/corpus/stories.py) were tuned on "
                 "GVC val and on the BSNLP stories " + " and ".join(BSNLP_TUNE) + " only: those rows are not "
                 "held-out numbers. The other four BSNLP stories were not used to choose anything: they were "
                 "scored for the old setting, after story merging and after the c/k fold, and no setting changed "
                 "on what they showed. BSNLP's gold stories are whole topics over up to two years, sampled "
                 "25 articles per language. The shipped encoder (all-MiniLM-L6-v2) is English-only, so it "
                 "plays no part across languages; across languages the glue is names, places and numbers "
                 "folded to Latin consonant skeletons. 'Cross-language pairs joined': share of same-story "
                 "article pairs in two languages that share a predicted story.")
    bsnlp = data.bsnlp_articles()
    sets = {"gvc/val (37 shooting incidents, en; tuned on)": data.gvc_articles(),
            "bsnlp " + "+".join(BSNLP_TUNE) + " (tuned on)": [a for a in bsnlp if a["gold"] in BSNLP_TUNE],
            "bsnlp held-out: " + "+".join(s for s in data.BSNLP_STORIES if s not in BSNLP_TUNE):
                [a for a in bsnlp if a["gold"] not in BSNLP_TUNE],
            "bsnlp all six stories, sample": bsnlp}
    for name, arts in sets.items():
        with tempfile.TemporaryDirectory() as t:
            tmp = Path(t)
            db, gold, secs = _ingest(arts, tmp)
            lines = _run("stories", "--json", "--db", str(db))
            res = _score("story_score.py", gold, lines, tmp, name)
            p, r, f, pp = _numbers(res, "B3 P", "R", "B3 F1", "pair P")
            xl, npairs = cross_language(lines, gold, {a["url"]: a["language"] for a in arts})
            n_pred = len(lines.splitlines())
            rows.append([name, "presslens (online)", len(arts), n_pred, p, r, f, pp,
                         f"{xl:.3f} of {npairs}" if npairs else "–"])
            print(res, f"cross-language pairs joined {xl:.3f} ({npairs})", f"{secs:.0f}s", flush=True)
            for th in BASELINE_THRESHOLDS:
                res = baseline(arts, gold, th, tmp, f"{name} baseline {th}")
                p, r, f, pp = _numbers(res, "B3 P", "R", "B3 F1", "pair P")
                n_pred = int(res.split("predicted ")[1].split()[0])
                rows.append([name, f"TF-IDF + average linkage, distance {th}", len(arts), n_pred, p, r, f, pp, ""])
                print(res, flush=True)


def eval_duplicates(rows: list[list], notes: list[str]) -> None:
    arts = data.reprints()
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        db, gold, _ = _ingest(arts, tmp)
        res = _score("dup_score.py", gold, _run("duplicates", "--json", "--db", str(db)), tmp, "reprints")
        p, r, f = _numbers(res, "pair P", "R", "F1")
        rows.append(["GVC articles + syndicated copies (headline swap, widgets, trims, reorders, typos), "
                     f"mixed with same-incident articles ({len(arts)} articles)", p, r, f])
        print(res, flush=True)
    pairs = data.paraphraser_pairs()
    arts = []
    # gold groups: class-1 pairs, and a headline that recurs in several pairs is one text
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for i, (a, b, cls) in enumerate(pairs):
        if cls == 1:
            parent[find(a)] = find(b)
    for i, (a, b, cls) in enumerate(pairs):
        for j, text in enumerate((a, b)):
            arts.append({"url": f"pp:{i}:{j}", "title": None, "text": text, "language": "ru",
                         "source": "paraphraser", "gold": find(text)})
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        db, gold, _ = _ingest(arts, tmp)
        res = _score("dup_score.py", gold, _run("duplicates", "--json", "--db", str(db)), tmp, "paraphraser")
        p, r, f = _numbers(res, "pair P", "R", "F1")
        rows.append([f"ParaPhraser headline pairs, first {len(pairs)} (gold: class 1 'same news')", p, r, f])
        print(res, flush=True)
    notes.append("ParaPhraser pairs are rewordings of a headline by different outlets, not copies of one text: "
                 "the reprint detector is meant to leave them apart (precision is what matters there; "
                 "recall near zero is by design, headlines are under the 8-shingle minimum).")


def half(doc: str) -> str:
    """The split of the WMT21 documents the cross-language settings were tuned on ('tuned on') or not."""
    return "tuned on" if hashlib.blake2b(doc.encode(), digest_size=2).digest()[0] % 2 == 0 else "held out"


def _match(by_doc: dict, score, need: float) -> tuple[int, int]:
    """(right, wrong): each Russian segment joins the best-scoring unused English one at or above `need`."""
    right = wrong = 0
    for items in by_doc.values():
        used: set[int] = set()
        for i, (kr, _, pr) in enumerate(items):
            best, best_s = None, 0.0
            for j, (_, ke, pe) in enumerate(items):
                if j in used:
                    continue
                s = score(kr, pr, ke, pe)
                if s >= need and s > best_s:
                    best, best_s = j, s
            if best is not None:
                used.add(best)
                right += best == i
                wrong += best != i
    return right, wrong


def eval_quotes(rows: list[list], notes: list[str]) -> None:
    """A Russian document's quotes against its English translation's, by the rule the corpus step uses
    across languages (same speaker and story assumed: every quote of a document is treated as one
    speaker's, the hardest case for telling them apart); and by content alone, without the place in
    the article, with and without the word-translation table."""
    import dataclasses
    from collections import defaultdict

    from presslens.corpus import quotes as q

    def no_table(k):
        return dataclasses.replace(k, translated=(), targets=frozenset())

    pairs = data.wmt21_quote_pairs()
    for part in ("tuned on", "held out", None):
        by_doc: dict[str, list] = defaultdict(list)
        for d, ru, en, pos in pairs:
            if part is None or half(d) == part:
                by_doc[d].append((q.quote_keys(ru, {"name": "X"}), q.quote_keys(en, {"name": "X"}), pos))
        n = sum(len(v) for v in by_doc.values())
        right, wrong = _match(by_doc, q.translation_score, q.CROSS)
        alone, _ = _match(by_doc, lambda a, pa, b, pb: q.content_agreement(a, b), 1e-9)
        alone_old, _ = _match(by_doc, lambda a, pa, b, pb: q.content_agreement(no_table(a), no_table(b)), 1e-9)
        content = sum(q.content_agreement(kr, ke) >= q.MIN_CONTENT_UNNAMED for d in by_doc.values() for kr, ke, _ in d)
        content_old = sum(q.content_agreement(no_table(kr), no_table(ke)) >= q.MIN_CONTENT_UNNAMED
                          for d in by_doc.values() for kr, ke, _ in d)
        rows.append([f"WMT21 ru→en {part or 'all'}: {n} quoted segments in {len(by_doc)} documents",
                     f"{right / n:.3f}", f"{wrong / n:.3f}", f"{alone_old / n:.3f} → {alone / n:.3f}",
                     f"{content_old / n:.3f} → {content / n:.3f}"])
    notes.append("Rule-level quote matching (src/presslens/corpus/quotes.py, translation_score) on quoted WMT21 "
                 "segments paired with their reference translation, speaker and story taken as equal (every quote "
                 "of a document treated as one speaker's, the hardest case for telling them apart). The "
                 "place-in-article signal is optimistic here: WMT translations keep every segment in order, so "
                 "'by content alone' matches each segment to the best unused one by content_agreement only "
                 "(names, numbers, cognate skeletons and, after the arrow, the Russian→English word table "
                 "models/xling/ru_en_words.json; before the arrow the same code with the table switched off). "
                 "'Content agreement' column: share of pairs whose content agrees at least as much as a "
                 "described speaker needs (MIN_CONTENT_UNNAMED), without → with the table.")


def _segment_of(content: str, segments: list[str]) -> int | None:
    """Index of the segment a quote's text lies in (None when it spans or misses them)."""
    probe = " ".join(content.split())[:40]
    hits = [i for i, seg in enumerate(segments) if probe and probe in " ".join(seg.split())]
    return hits[0] if len(hits) == 1 else None


def _segments_covered(q: dict, segments: list[str]) -> set[int]:
    """Indexes of the segments a quote's characters touch (the article text is its segments joined by
    blank lines); the probe's single segment when the offsets do not read back the quote's text."""
    text = "\n\n".join(segments)
    if text[q["start"]:q["end"]] != q["content"]:
        seg = _segment_of(q["content"], segments)
        return set() if seg is None else {seg}
    out, pos = set(), 0
    for i, seg in enumerate(segments):
        if pos < q["end"] and q["start"] < pos + len(seg):
            out.add(i)
        pos += len(seg) + 2
    return out


def _why_apart(ru: dict, ens: list[dict]) -> str:
    """Why a Russian quote shares no group with the English quotes of its segment, by the rules of
    src/presslens/corpus/quotes.py: the speakers' surname keys, else the translation content score."""
    from presslens.corpus import quotes as cq

    if not ens:
        return "no English quote in the segment"
    rk = cq.speaker_key({"name": ru.get("speaker"), "latin": ru.get("speaker_latin")})
    reasons = []
    for en in ens:
        ek = cq.speaker_key({"name": en.get("speaker"), "latin": en.get("speaker_latin")})
        if rk != ek and cq.is_named(ru.get("speaker")) and cq.is_named(en.get("speaker")):
            reasons.append(f"speaker mismatch ({rk or '-'} vs {ek or '-'})")
            continue
        if not rk and not ek:
            reasons.append("no speaker on either side")
            continue
        a = cq.quote_keys(ru["content"], None)
        b = cq.quote_keys(en["content"], None)
        c = cq.content_agreement(a, b)
        reasons.append(f"content score {c:.2f} (speaker keys {rk or '-'} / {ek or '-'})")
    return "; ".join(reasons)


def _print_errors(by_seg: dict, half) -> None:
    """Each unpaired Russian quote of the tuned-on half, beside the English quotes of its segment."""
    def who(q: dict) -> str:
        return f"{q.get('speaker')!r}" + (f" [{q.get('speaker_latin')}]" if q.get("speaker_latin") else "")

    n = 0
    for (doc, lang, seg), qs in sorted(by_seg.items()):
        if lang != "ru" or half(doc) != "tuned on":
            continue
        ens = by_seg.get((doc, "en", seg), [])
        groups = {e.get("group") for e in ens}
        for q in qs:
            if q.get("group") in groups:
                continue
            n += 1
            print(f"\n[{n}] {doc} segment {seg}: {_why_apart(q, ens)}")
            print(f"  ru {q.get('kind')}/{q.get('act')} {who(q)}: {q['content'][:220]}")
            for e in ens:
                print(f"  en {e.get('kind')}/{e.get('act')} {who(e)}: {e['content'][:220]}")
    for (doc, lang, seg), qs in sorted(by_seg.items()):
        if lang == "en" and half(doc) == "tuned on" and not by_seg.get((doc, "ru", seg)):
            for q in qs:
                print(f"\n[ru side found no quote] {doc} segment {seg}: en {q.get('kind')}/{q.get('act')} {who(q)}: "
                      f"{q['content'][:220]}")


def eval_quotes_end_to_end(rows: list[list], notes: list[str], errors: bool = False, reference: str = "A") -> None:
    """Each WMT21 Russian original (Russian pipeline) and its English reference translation (English
    pipeline) analysed into one store; a Russian quote agrees when it shares its `group` with an English
    quote of the same segment."""
    from collections import Counter, defaultdict

    from presslens.corpus.quotes import is_named, speaker_key

    docs = data.wmt21_documents(reference=reference)
    ref = "" if reference == "A" else f" (translation {reference})" if reference == "B" else f" ({reference})"
    articles, segments = [], {}
    for doc, ru, en in docs:
        for lang, segs in (("ru", ru), ("en", en)):
            url = f"wmt21:{doc}:{lang}"
            segments[url] = segs
            articles.append({"url": url, "title": segs[0], "text": "\n\n".join(segs), "language": lang,
                             "source": doc.rsplit(".", 1)[0] if lang == "ru" else "translation", "gold": doc})
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        data.write_jsonl(articles, tmp / "set.jsonl")  # originals first, each followed by its translation
        db = tmp / "set.db"
        t0 = time.perf_counter()
        _run("analyze", str(tmp / "set.jsonl"), "--db", str(db), "--format", "none", "--quiet")
        secs = time.perf_counter() - t0
        quotes = [json.loads(x) for x in _run("quotes", "--json", "--expand", "--limit", "100000", "--db", str(db)).splitlines()]
        urls = {a["id"]: a["url"] for s in map(json.loads, _run("stories", "--json", "--db", str(db)).splitlines())
                for a in s["articles"]}
    by_seg: dict[tuple[str, str, int], list[dict]] = defaultdict(list)
    members: dict[str, list[tuple[str, str, int | None, str]]] = defaultdict(list)
    for q in quotes:
        url = urls.get(q["article"], "")
        _, doc, lang = url.split(":") if url.count(":") == 2 else ("", "", "")
        seg = _segment_of(q["content"], segments.get(url, []))
        if seg is not None:
            by_seg[(doc, lang, seg)].append(q)
        if q.get("group"):
            members[q["group"]].append((doc, lang, seg, speaker_key({"name": q.get("speaker"),
                                                                     "latin": q.get("speaker_latin")}),
                                        q.get("speaker"), frozenset(_segments_covered(q, segments.get(url, [])))))
    if errors:
        _print_errors(by_seg, half)
    paired: Counter = Counter()
    agreed: Counter = Counter()
    for (doc, lang, seg), qs in by_seg.items():
        if lang != "ru":
            continue
        en_groups = {q.get("group") for q in by_seg.get((doc, "en", seg), [])} - {None}
        for q in qs:
            if q.get("group") and en_groups:
                paired[half(doc)] += 1
                agreed[half(doc)] += q["group"] in en_groups
    # where one pipeline found a quote and the other none in the same segment: the recall limit of each side
    only_en: Counter = Counter()
    only_ru: Counter = Counter()
    for (doc, lang, seg), qs in by_seg.items():
        other = "ru" if lang == "en" else "en"
        if not by_seg.get((doc, other, seg)):
            (only_en if lang == "en" else only_ru)[half(doc)] += len(qs)
    wrong_statement: Counter = Counter()
    wrong_speaker: Counter = Counter()
    across: list[str] = []
    for ms in members.values():
        for (d1, l1, s1, k1, n1, c1), (d2, l2, s2, k2, n2, c2) in itertools.combinations(ms, 2):
            wrong = []
            if d1 != d2:
                across.append(f"{d1} {l1} segment {s1} + {d2} {l2} segment {s2}")
            elif l1 != l2 and not c1 & c2:  # a quote running over two segments shares the one it covers
                wrong_statement[half(d1)] += 1
                wrong.append("joined to another statement")
            if is_named(n1) and is_named(n2) and k1 != k2:
                wrong_speaker[half(d1)] += 1
                wrong.append("two different names")
            if errors and wrong and half(d1) == "tuned on":  # the held-out half's joins are counted, not shown
                print(f"\n[{', '.join(wrong)}] {d1} {l1} segment {s1} {n1!r} + {d2} {l2} segment {s2} {n2!r}")
    for part in ("tuned on", "held out"):
        n_docs = sum(half(d) == part for d, *_ in docs)
        rows.append([f"WMT21{ref} {part} half ({n_docs} documents)", paired[part],
                     f"{agreed[part] / paired[part]:.3f}" if paired[part] else "–", wrong_statement[part],
                     wrong_speaker[part], only_en[part], only_ru[part]])
    total_p, total_a = sum(paired.values()), sum(agreed.values())
    n_ru = sum(1 for q in quotes if urls.get(q["article"], "").endswith(":ru"))
    n_en = sum(1 for q in quotes if urls.get(q["article"], "").endswith(":en"))
    rows.append([f"WMT21{ref} all ({len(docs)} documents with quotations; {n_ru} ru / {n_en} en quotes)", total_p,
                 f"{total_a / total_p:.3f}" if total_p else "–", sum(wrong_statement.values()),
                 sum(wrong_speaker.values()), sum(only_en.values()), sum(only_ru.values())])
    print(f"end to end: paired {dict(paired)}, agreed {dict(agreed)}, wrong statement {dict(wrong_statement)}, "
          f"wrong speaker {dict(wrong_speaker)}, en quote with no ru quote in its segment {dict(only_en)}, "
          f"ru quote with no en quote {dict(only_ru)}, {secs:.0f}s", flush=True)
    print("groups across documents:", *across, sep="\n  ")
    notes.append("End-to-end quote grouping: `presslens analyze` (default stages; the Russian pipeline reads the "
                 "originals, the English one the references) into one store, then `quotes --json`. A Russian "
                 "quote is 'paired' when the English pipeline found a quote in the same segment of the "
                 "translation, and 'agrees' when one of those shares its group. 'Joined to another statement': "
                 "member pairs of a group in a document and its translation from different segments. 'Two names': "
                 "member pairs whose speakers are both proper names with different surname keys (a described "
                 "speaker such as 'the acting governor' may join a named one across languages). Translation "
                 "settings (CONTENT_WEIGHT, MIN_CONTENT_UNNAMED, CROSS in src/presslens/corpus/quotes.py) were "
                 "chosen on the 'tuned on' half only; PARALLEL (place in article counts only between articles "
                 "that share enough names and cognates) was added after a cross-document wrong join (one "
                 "Degtyarev statement given to another) showed on the whole set. "
                 f"Groups spanning documents: {len(across)} member pairs "
                 "(" + "; ".join(across[:6]) + "), read by hand: Izvestiya and Interfax quoting the same sentences "
                 "of one Putin speech. Second pass (issue 12/13, errors read with `python eval/corpus.py --wmt-errors` on "
                 "the tuned-on half only; before it, on the same code base: tuned on 27/32 = 0.844, held out "
                 "25/32 = 0.781): a cue phrase inside a sentence ('X, по словам Y, Z') keeps the clause on both "
                 "sides; a name in the genitive of a role noun ('пресс-секретаря Путина Дмитрия Пескова', "
                 "'защитника Семиларски, присяжного адвоката Оливера Няэса') is not the source, its apposition is; "
                 "a described speaker with a person named in apposition right after it ('the senior economist "
                 "for Otkritie Bank's analytical department Maxim Petronevich') is keyed as that name in either "
                 "language (so it never joins another name); organisations that the two languages name with "
                 "unrelated words (МВФ/IMF) share a key from models/ru/organisations.json. "
                 "Third pass (issue 12): a Russian→English word table (models/xling/ru_en_words.json, IBM Model 1 "
                 "over WMT21 documents without a quotation, which are in neither half, and SemEval Russian "
                 "articles with their translation; Russian lemmatised with pymorphy3) adds translated words to "
                 "the content score and to the lookup keys, so a translation that shares no name, number or "
                 "cognate is found and scored; no setting changed. Before it, on the same code base: tuned on "
                 "31/33 = 0.939, held out 26/33 = 0.788; after: the rows above. It joined the two tuned-on "
                 "errors left: a described speaker on both sides with no name, number or cognate in common "
                 "('женщина': 'супруг пропал' / 'the woman': 'that her husband had disappeared'), and 'Полиция "
                 "безопасности' (a description by its lower-case last word, so it may stand for a name) with "
                 "the same statement that the English pipeline gave to Margus Gross for 'the Security Police': "
                 "the same words of the same source, an attribution error on the English side. The held-out "
                 "half did not move: its errors were not read. "
                 "Fourth pass (issue 12): the one group pair joined to another statement on the held-out half "
                 "(it appeared with issue 14's attribution span changes) was read, by the decision that a join "
                 "the issue forbids may be read wherever it shows; no other held-out error was read. "
                 "lenta.ru.344722 carries the quoted phrase 'пропаганде ЛГБТ и феминизма' / 'propaganda of LGBT "
                 "and feminism' in its headline and again in its first sentence; the Russian pipeline quoted it "
                 "in the first sentence (given to Stephen Thomas Oxner), the English one in the headline (given "
                 "to 'Russian TV series actor'; both are the accusers' words, an attribution error on each side), "
                 "and the quotes' places in the articles (0.075 and 0.016) were close enough to join them. Cause: "
                 "the place in the article tells which occurrence of a repeated phrase a translation renders, "
                 "and it was read as if each quote occurred once. Fix (own_occurrences in "
                 "src/presslens/corpus/quotes.py): a translation joined by place must be the other quote's "
                 "nearest occurrence; when either article repeats its quote's quoted words word for word nearer "
                 "the other quote's place, the two are different occurrences. Tuned-on rows and held-out recall "
                 "did not move; the wrong join is gone. A length gate counting the words a translation keeps in "
                 "number (every Russian word; English less articles, auxiliaries and copula, 'to', 'of', 'it', "
                 "'there', 'that': English/Russian 1.04 at the median on the tuned-on quoted segments, 1.30 in "
                 "plain words) was tried with the fix: translation B tuned on 33/34 (its two length-gate errors "
                 "joined; the English quote cut to a name stayed apart, which a content-word gate had joined by "
                 "place alone), translation A tuned on 33/33, held out unchanged (A 26/33, B 20/29), and one "
                 "group pair joined to another statement on the held-out half of translation A (a different "
                 "pair in the same document, also made by a content-word gate; not read). Not kept.")
    notes.append("Fifth pass (issue 12, part 3): the tuned-on half of translation A had no error left to read, so "
                 "the errors were read on more translations of the same tuned-on documents: WMT21 system outputs "
                 "(`python eval/corpus.py --wmt-errors --reference Online-B`, also Facebook-AI; machine "
                 "translations from newstest2021.ru-en.all.xml), and translation B. Before it, on the same code "
                 "base: A tuned on 34/34, held out 27/34 = 0.794; B tuned on 31/34, held out 23/31 = 0.742; "
                 "Online-B tuned on 31/35 with a tuned-on group pair joined to another statement. Causes read and "
                 "fixed: (1) one pipeline quotes a sentence whole and the other its two clauses apart (kp.235631: "
                 "'Врач пояснил, что сахар … а конфета на ночь, по его словам, …' against 'that sugar in itself "
                 "is not dangerous to health' and 'is not the worst snack'): the length gate refused the pair, and "
                 "a speakerless quote two segments earlier took the English clause by place. Now a quote's place is "
                 "its span (start and end as shares of the text) and two overlapping spans agree fully on place; a "
                 "quote out of proportion in length joins only as a part, its span within the other's and "
                 "PART_CONTENT of its content found there (translation_score in src/presslens/corpus/quotes.py). "
                 "(2) A pair sharing two names joined on their anchor overlap (0.5) and was ranked on that below a "
                 "neighbour's translation score (vesti.ru.343831: ТАСС's sentence lost its group to an English "
                 "false quote 'at the Severnaya Verf shipyards' of a described speaker): such pairs are now "
                 "ranked by their translation score too. (3) A described speaker's quote that shared a tenth of its "
                 "words with a neighbouring statement joined it by place (rus.err.ee.56473, Online-B: "
                 "Semilarski's words against the English pipeline's \"the prosecutor's office\"): under "
                 "UNNAMED_APART of shared content a described speaker now needs overlapping spans. (4) The Russian "
                 "side missed quotes whose cue is an imperfective verb after the quote ('…, передает ТАСС', "
                 "'уточняет он', 'комментировал Семиларски'): передавать, уточнять, объяснять, комментировать, "
                 "заверять, возражать added to models/ru/lexicon.json (the Russian attribution rows of "
                 "eval/russian.py do not move). The measure now places a quote by its offsets: a quote running "
                 "over two segments shares the statement of each segment it covers (an English quote that "
                 "starts at the closing mark of the previous segment was counted as joined to another "
                 "statement). Columns 'en quotes, no ru quote in the segment' and 'ru quotes, no en quote': where "
                 "one pipeline found a quote and the other none. On the tuned-on half of translation A, 4 of the "
                 "11 English quotes without a Russian one are English false quotes ('sharing her observations'); "
                 "the other 7 are shapes quotes_ru does not read: a quotation opened in the previous segment "
                 "('…\", - сообщили в управлении'), a report as a noun ('сообщило об уничтожении'), 'По мнению "
                 "X, …', an interview answer after a dash with no cue, a cue with words before its speaker "
                 "('- рассказала о своем опыте Татьяна Красильникова', '- цитирует Овечкина … сайта'), a cue "
                 "verb far from its что. Not fixed (tuned-on): English attribution errors (an 'according to the IMF' "
                 "clause given to Doha, a quote cut to a name, Zhukov's words given to Dziuba), organisations the "
                 "two pipelines name by different heads ('Комитете водного хозяйства реки Янцзы' / 'Yangtze "
                 "River Water Management Committee', 'МЧС России' / 'Main Directorate'; their surname keys "
                 "differ). Then the length gate allows LENGTH_SLACK words over its ratio ('супруг пропал' / 'that "
                 "her spouse had gone missing'): translation B tuned on 36/38 -> 38/38, A and Online-B's tuned "
                 "on unchanged, no tuned-on wrong join. The held-out half's errors were not read.")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", choices=("stories", "duplicates", "quotes", "quotes-e2e"))
    ap.add_argument("--wmt-errors", action="store_true",
                    help="list each unpaired Russian quote of the WMT21 tuned-on half and why, and the half's wrong "
                         "joins (implies quotes-e2e)")
    ap.add_argument("--reference", default="A",
                    help="which WMT21 human translation (A, B) the English side of the quote rows reads, or the "
                         "name of a WMT21 system (e.g. Online-B) whose machine translation stands in for it: more "
                         "translations of the tuned-on half to read errors on")
    args = ap.parse_args()
    if args.wmt_errors and args.only is None:
        args.only = "quotes-e2e"
    story_rows: list[list] = []
    dup_rows: list[list] = []
    quote_rows: list[list] = []
    notes: list[str] = []
    if args.only in (None, "stories"):
        eval_stories(story_rows, notes)
    if args.only in (None, "duplicates"):
        eval_duplicates(dup_rows, notes)
    if args.only in (None, "quotes"):
        eval_quotes(quote_rows, notes)
    e2e_rows: list[list] = []
    if args.only in (None, "quotes-e2e"):
        eval_quotes_end_to_end(e2e_rows, notes, errors=args.wmt_errors, reference=args.reference)
    if args.only is None:  # the second, independent human translation: the same originals, other wording
        eval_quotes_end_to_end(e2e_rows, [], reference="B")
        notes.append("Rows '(translation B)': the same WMT21 originals against the second, independent human "
                     "translation (newstest2021.ru-en.ref.B.en; which documents are in each half is decided by "
                     "document id, so the halves are the same documents). Before the word table, on the same code "
                     "base: tuned on 29/33 = 0.879, held out 20/29 = 0.690. Its tuned-on errors were read "
                     "(`python eval/corpus.py --wmt-errors --reference B`): with the table, two of the three left "
                     "are the length gate (LENGTH_RATIO counts all words, and English spends words on articles and "
                     "auxiliaries: 'супруг пропал' / 'that her spouse had gone missing'), one an English quote "
                     "the English pipeline cut to a name. Counting content words for the length gate instead joined "
                     "all three (tuned on 33/33, held out 21/29 on translation B) but made one group pair joined to "
                     "another statement on the held-out half of translation A, so it was not kept.")
    body = []
    if story_rows:
        body.append("Story grouping, B-cubed (story_score.py); presslens is online (articles in date order, "
                    "one setting for every set):\n\n" + markdown_table(
                        ["set", "system", "articles", "stories", "B3 P", "B3 R", "B3 F1", "pair P",
                         "cross-language pairs joined"], story_rows))
    if dup_rows:
        body.append("Reprints and near-duplicates, pair scores (dup_score.py):\n\n" +
                    markdown_table(["set", "pair P", "pair R", "pair F1"], dup_rows))
    if quote_rows:
        body.append("Cross-language quote matching, rule level (segment pairs):\n\n" + markdown_table(
            ["set", "quote matched to its translation", "matched to another quote",
             "by content alone: without → with word table", "content agreement ≥ 0.1: without → with"],
            quote_rows))
    if e2e_rows:
        body.append("Quote groups end to end across translation (a Russian original and its English translation "
                    "in one store):\n\n" + markdown_table(
                        ["set", "ru quotes with an en quote in the same segment", "share grouped with it",
                         "group pairs joined to another statement", "group pairs with two different names",
                         "en quotes, no ru quote in the segment", "ru quotes, no en quote in the segment"],
                        e2e_rows))
    body += notes
    text = "\n\n".join(body)
    print(text)
    if args.only is None:
        write_section("corpus", "Corpus layer: stories, reprints, quote matching", text)


if __name__ == "__main__":
    main()
