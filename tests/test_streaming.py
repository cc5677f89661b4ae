"""Bulk inputs are read record by record; the size cap applies to each article."""
import gzip
import json

from presslens.errors import InputError
from presslens.ingest import read_inputs
from presslens.ingest.limits import capped_lines, gunzip_stream


def _jsonl(n: int, big_at: int | None = None, cap: int = 2_000) -> bytes:
    lines = []
    for i in range(n):
        text = f"Reporter {i} wrote that the council in Town{i} met on Monday."
        if i == big_at:
            text += " filler" * cap
        lines.append(json.dumps({"id": f"a{i}", "text": text}))
    return ("\n".join(lines) + "\n").encode()


def test_a_jsonl_far_past_the_cap_is_read_and_only_the_oversized_line_refused(tmp_path):
    raw = _jsonl(400, big_at=7)
    assert len(raw) > 10 * 2_000
    p = tmp_path / "many.jsonl"
    p.write_bytes(raw)
    out = list(read_inputs([str(p)], max_bytes=2_000))
    errors = [x for x in out if isinstance(x, InputError)]
    assert len(out) == 400 and len(errors) == 1
    assert errors[0].where == f"{p}:8" and "size cap" in errors[0].reason
    assert [d.source for d in out if not isinstance(d, InputError)][:8] == [f"a{i}" for i in range(9) if i != 7]


def test_a_gzip_jsonl_streams_the_same_records(tmp_path):
    raw = _jsonl(300)
    plain, packed = tmp_path / "a.jsonl", tmp_path / "b.jsonl.gz"
    plain.write_bytes(raw)
    packed.write_bytes(gzip.compress(raw[:5000]) + gzip.compress(raw[5000:]))  # two members
    ids = lambda path: [d.id for d in read_inputs([str(path)], max_bytes=2_000)]  # noqa: E731
    assert ids(packed) == ids(plain) and len(ids(plain)) == 300


def test_a_truncated_gzip_jsonl_keeps_the_whole_records_and_names_the_cut(tmp_path):
    p = tmp_path / "cut.jsonl.gz"
    p.write_bytes(gzip.compress(_jsonl(200))[:-40])
    out = list(read_inputs([str(p)], max_bytes=2_000))
    assert isinstance(out[-1], InputError) and "truncated gzip" in out[-1].reason
    assert sum(not isinstance(x, InputError) for x in out) > 100


def test_capped_lines_splits_across_chunks_and_skips_long_lines():
    chunks = [b"ab", b"c\r\nxxxx", b"xxxxxx\nlast"]
    assert list(capped_lines(chunks, 5)) == [(1, b"abc"), (2, None), (3, b"last")]
    assert list(capped_lines([b"12345\r\n", b"123456\n"], 5)) == [(1, b"12345"), (2, None)]


def test_gunzip_stream_output_comes_in_bounded_steps():
    blob = gzip.compress(b"0" * (5 << 20))  # a small bomb: 5 MiB from a few KiB
    sizes = [len(c) for c in gunzip_stream([blob], "bomb.gz")]
    assert sum(sizes) == 5 << 20 and max(sizes) <= 1 << 20


def test_a_non_jsonl_file_still_has_the_whole_file_cap(tmp_path):
    p = tmp_path / "long.txt"
    p.write_text("word " * 1000)
    [err] = list(read_inputs([str(p)], max_bytes=2_000))
    assert isinstance(err, InputError) and "size cap" in err.reason
