import csv
import io
import json
import re

import pytest

from presslens.cli import build_parser

from .conftest import ROOT

FAST = ("--stages", "repair,parse,entities")


def _commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return sorted(sub.choices)


def test_every_command_has_help_and_is_documented_in_the_readme(cli):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = _commands()
    assert {"analyze", "show", "search", "export", "stats", "quotes", "timeline"} <= set(commands)
    for name in commands:
        r = cli(name, "--help")
        assert r.returncode == 0 and b"usage: presslens " + name.encode() in r.stdout
        assert re.search(rf"presslens {name}\b", readme), f"README does not document `presslens {name}`"
        parser = build_parser()
        sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction").choices[name]
        for action in sub._actions:
            for opt in action.option_strings:
                if opt.startswith("--") and opt != "--help":
                    assert opt in readme, f"README does not mention {name} {opt}"


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    from .conftest import NEWS, run_cli

    tmp = tmp_path_factory.mktemp("cli")
    (tmp / "news.txt").write_text(NEWS)
    (tmp / "more.jsonl").write_text(json.dumps({"text": "Police in Oslo arrested two men on Friday.",
                                                "published": "2025-03-01", "title": "Arrests"}) + "\n")
    db = tmp / "s.db"
    r = run_cli("analyze", str(tmp / "news.txt"), str(tmp / "more.jsonl"), "--db", str(db), "--format", "json", *FAST)
    assert r.returncode == 0, r.stderr
    return tmp, db, [json.loads(x) for x in r.stdout.decode().splitlines()]


def test_analyze_json_prints_the_contract_in_input_order(filled):
    tmp, _, out = filled
    assert [o["source"] for o in out] == [str(tmp / "news.txt"), "%s:1" % (tmp / "more.jsonl")]
    first = out[0]
    assert first["schema"] == "presslens.article/1" and first["text"] == (tmp / "news.txt").read_text()
    for key in ("id", "url", "title", "published", "language", "boilerplate", "damage", "entities", "quotes",
                "events", "genre", "frames", "techniques"):
        assert key in first
    kovacs = [e for e in first["entities"] if e["name"] == "Anna Kovacs"]
    assert kovacs and kovacs[0]["type"] == "PERSON" and len(kovacs[0]["mentions"]) == 2
    assert out[1]["published"] == "2025-03-01"


def test_stdin_is_read_with_dash(cli):
    r = cli("analyze", "-", "--no-store", "--format", "json", *FAST, input=b"Rain fell on Paris all day.")
    assert r.returncode == 0
    assert json.loads(r.stdout)["source"] == "<stdin>"


def test_show_search_stats_export(filled, cli):
    tmp, db, out = filled
    r = cli("show", out[0]["id"][7:20], "--db", str(db))
    assert r.returncode == 0 and b"Anna Kovacs" in r.stdout
    r = cli("show", out[0]["id"], "--db", str(db), "--json")
    assert json.loads(r.stdout)["id"] == out[0]["id"]
    r = cli("search", "bridge", "--db", str(db), "--json")
    assert [json.loads(x)["id"] for x in r.stdout.decode().splitlines()] == [out[0]["id"]]
    r = cli("search", "arrested", "--db", str(db), "--json", "--from", "2025-01-01")
    assert len(r.stdout.splitlines()) == 1
    r = cli("stats", "--db", str(db), "--json")
    assert json.loads(r.stdout)["documents"] == 2
    r = cli("export", "--db", str(db), "--format", "csv", "--table", "entities")
    rows = list(csv.DictReader(io.StringIO(r.stdout.decode())))
    assert {"Anna Kovacs", "Oslo"} <= {x["name"] for x in rows}
    r = cli("export", "--db", str(db), "--format", "jsonl")
    assert [json.loads(x)["id"] for x in r.stdout.decode().splitlines()] == [o["id"] for o in out]
    pq = tmp / "a.parquet"
    r = cli("export", "--db", str(db), "--format", "parquet", "--output", str(pq))
    import pyarrow.parquet as pqm

    assert r.returncode == 0 and pqm.read_table(pq).num_rows == 2


def test_show_unknown_id_is_one_clear_line(filled, cli):
    _, db, _ = filled
    r = cli("show", "deadbeef", "--db", str(db))
    assert r.returncode == 1 and r.stderr.decode().strip() == f"presslens: error: deadbeef: no such article in {db}"


def test_jobs_give_the_same_results_in_the_same_order(tmp_path, cli):
    for i in range(6):
        (tmp_path / f"{i}.txt").write_text(f"Minister Jan Novak {i} visited Brno on Tuesday.")
    one = cli("analyze", str(tmp_path), "--no-store", "--format", "json", *FAST)
    two = cli("analyze", str(tmp_path), "--no-store", "--format", "json", "--jobs", "2", *FAST)
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout
