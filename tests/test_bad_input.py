"""Every kind of bad input: one clear line naming the file, the batch goes on, exit 1 with a count."""
import gzip
import json
import sqlite3

import pytest

from presslens.errors import InputError
from presslens.ingest import read_inputs

GOOD = "A good article. The minister resigned on Friday."


def _errors(paths, **kw):
    return [i for i in read_inputs([str(p) for p in paths], **kw) if isinstance(i, InputError)]


@pytest.mark.parametrize("name,content,reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n \t", "empty"),
    ("binary.txt", bytes(range(256)) * 20, "binary"),
    ("bad-bom.txt", b"\xff\xfe" + b"\x00\xd8" * 3, "undecodable"),
    ("trunc.txt.gz", gzip.compress(GOOD.encode() * 50)[:-20], "truncated gzip"),
    ("corrupt.html.gz", b"\x1f\x8b" + b"nonsense" * 10, "gzip"),
])
def test_each_bad_file_gets_one_line_naming_it(tmp_path, name, content, reason):
    p = tmp_path / name
    p.write_bytes(content)
    [err] = _errors([p])
    assert str(p) in str(err) and reason in str(err) and "\n" not in str(err)


def test_undecodable_text_is_reported(tmp_path):
    p = tmp_path / "mixed.txt"
    # random high bytes: not UTF-8, and no 8-bit table makes them read as text
    import random

    rnd = random.Random(7)
    p.write_bytes(bytes(rnd.randrange(128, 256) for _ in range(3000)))
    errs = _errors([p])
    assert len(errs) == 1 and str(p) in str(errs[0])


def test_size_cap_rejects_without_reading_everything(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as f:
        f.truncate(50 * 1024 * 1024)  # 50 MB (sparse): must be refused by the default 10 MB cap
    [err] = _errors([p])
    assert "size cap" in str(err) and str(p) in str(err)
    [err] = _errors([p], max_bytes=1000)
    assert "1,000 bytes" in str(err)


def test_gzip_bomb_is_capped_on_decompressed_size(tmp_path):
    p = tmp_path / "bomb.txt.gz"
    p.write_bytes(gzip.compress(b"a" * 5_000_000))
    [err] = _errors([p], max_bytes=100_000)
    assert "decompressed" in str(err)


def test_malformed_jsonl_line_names_the_line_and_the_rest_goes_on(tmp_path):
    p = tmp_path / "batch.jsonl"
    p.write_text("\n".join([json.dumps({"text": GOOD}), "{not json", json.dumps({"title": "no text"}),
                            json.dumps({"text": GOOD + " Again."})]))
    items = list(read_inputs([str(p)]))
    errs = [str(i) for i in items if isinstance(i, InputError)]
    assert len(items) == 4 and len(errs) == 2
    assert errs[0].startswith(f"{p}:2: malformed JSON") and errs[1].startswith(f"{p}:3: no non-empty")


def test_missing_file_is_reported(tmp_path):
    [err] = _errors([tmp_path / "nope.txt"])
    assert "No such file" in str(err)


def test_cli_batch_goes_on_and_exits_1_with_a_count(tmp_path, cli):
    good = tmp_path / "in" / "good.txt"
    good.parent.mkdir()
    good.write_text(GOOD)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "trunc.txt.gz").write_bytes(gzip.compress(GOOD.encode() * 40)[:-12])
    db = tmp_path / "s.db"
    r = cli("analyze", str(tmp_path / "in"), "--db", str(db), "--format", "json", "--stages", "repair,parse,entities")
    assert r.returncode == 1
    out = [json.loads(x) for x in r.stdout.decode().splitlines()]
    assert [o["text"] for o in out] == [GOOD]
    err = r.stderr.decode().strip().splitlines()
    assert sum("empty.txt: empty" in e for e in err) == 1
    assert sum("trunc.txt.gz: truncated gzip" in e for e in err) == 1
    assert err[-1].startswith("presslens: 2 of 3 inputs failed")
    with sqlite3.connect(db) as c:
        assert c.execute("select count(*) from documents").fetchone()[0] == 1
        assert c.execute("pragma integrity_check").fetchone()[0] == "ok"


def test_windows_1251_file_decodes_through_the_cli(tmp_path, cli):
    text = "Министр подал в отставку в пятницу. Премьер принял отставку."
    p = tmp_path / "ru.txt"
    p.write_bytes(text.encode("cp1251"))
    r = cli("analyze", str(p), "--no-store", "--format", "json", "--stages", "repair")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["text"] == text
