import pytest

from presslens.errors import PipelineError
from presslens.ingest.text import document_from_text
from presslens.assembly import DEFAULT_STAGES
from presslens.pipeline import FunctionStage, Pipeline, get_stage, registered


def _stage(name, requires=(), assigns=(), out=None):
    return FunctionStage(name, "1", tuple(requires), tuple(assigns), lambda a: dict(out or {k: [] for k in assigns}))


def test_default_stages_are_registered_in_a_valid_order():
    assert set(DEFAULT_STAGES) <= set(registered())
    Pipeline.from_names(DEFAULT_STAGES)  # raises when mis-ordered


def test_order_check_names_the_missing_input():
    with pytest.raises(PipelineError, match="quotes.*requires.*entities"):
        Pipeline([get_stage("repair"), get_stage("parse"), get_stage("quotes")])


def test_stage_that_breaks_its_contract_fails_loudly():
    p = Pipeline([_stage("liar", assigns=("quotes",), out={"events": []})])
    with pytest.raises(PipelineError, match="liar"):
        p.run(document_from_text("x"))


def test_unknown_stage_is_a_clear_error():
    with pytest.raises(PipelineError, match="unknown stage 'nope'"):
        get_stage("nope")


def test_version_names_every_stage_and_is_stored_with_the_analysis():
    p = Pipeline([_stage("a", assigns=("boilerplate",)), _stage("b", requires=("boilerplate",), assigns=("damage",))])
    a = p.run(document_from_text("hello"))
    assert p.version == "a@1+b@1"
    assert a.to_dict()["meta"]["pipeline"] == "a@1+b@1"


def test_parse_blanks_boilerplate_so_no_entity_comes_from_it():
    from presslens.model import Boilerplate

    text = "Maria Lopez met reporters. Related: Barack Obama visits Paris. Lopez left."
    widget = (text.index("Related"), text.index("Lopez left"))
    repair = FunctionStage("repair", "t", (), ("boilerplate", "damage"),
                           lambda a: {"boilerplate": [Boilerplate(*widget, "related-links")], "damage": []})
    p = Pipeline([repair, get_stage("parse"), get_stage("entities")])
    a = p.run(document_from_text(text))
    spans = [(m.start, m.end) for e in a.get("entities") for m in e.mentions]
    assert spans and all(not (widget[0] <= s < widget[1]) for s, _ in spans)
    assert "Barack Obama" not in {e.name for e in a.get("entities")}


def test_the_loop_and_the_registry_import_no_stage():
    # the default pipeline is assembled in presslens.assembly; importing the loop
    # must not pull in the stages (and with them spaCy and the models)
    import subprocess
    import sys

    code = ("import sys, presslens.pipeline, presslens.registry, presslens.assembly; "
            "print(sorted(m for m in sys.modules if m.startswith('presslens.stages')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_language_with_its_own_stage_list_gets_it(monkeypatch):
    from presslens import assembly

    monkeypatch.setitem(assembly.STAGES_BY_LANGUAGE, "xx", ("repair",))
    assert assembly.stage_names("xx") == ("repair",)
    assert assembly.stage_names("en") == DEFAULT_STAGES
    assert assembly.stage_names(None) == DEFAULT_STAGES
    assert [s.name for s in assembly.default_pipeline("xx").stages] == ["repair"]
