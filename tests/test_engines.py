import importlib.util

import pytest

from presslens.engines import analyze_stream
from presslens.errors import InputError, PresslensError
from presslens.ingest.text import document_from_text

STAGES = ("repair", "parse", "entities")
HAS_RAY = importlib.util.find_spec("ray") is not None


def _items():
    return [document_from_text("Minister Ola Berg met farmers in Bergen."), InputError("bad.txt", "empty"),
            document_from_text("Police in Turku arrested two men.")]


def test_local_engine_passes_errors_through_in_place():
    out = list(analyze_stream(_items(), jobs=1, stage_names=STAGES))
    assert isinstance(out[1], InputError)
    assert [e.name for e in out[0].get("entities")][:1] == ["Ola Berg"]
    assert out[0].scratch == {}  # the parse never leaves the engine


def test_a_crashing_stage_fails_only_its_article(monkeypatch):
    from presslens.pipeline import FunctionStage, _REGISTRY

    def boom(analysis):
        if "Turku" in analysis.document.text:
            raise RuntimeError("kaput")
        return {"events": []}

    monkeypatch.setitem(_REGISTRY, "boom", lambda: FunctionStage("boom", "1", ("parsed",), ("events",), boom))
    out = list(analyze_stream(_items(), stage_names=(*STAGES, "boom")))
    assert not isinstance(out[0], InputError)
    assert isinstance(out[2], InputError) and "kaput" in str(out[2])


@pytest.mark.skipif(HAS_RAY, reason="ray is installed")
def test_ray_engine_without_ray_is_a_clear_error():
    from presslens.engines.ray import analyze_stream as ray_stream

    with pytest.raises(PresslensError, match=r"presslens\[ray\]"):
        list(ray_stream(_items(), stage_names=STAGES))


@pytest.mark.skipif(not HAS_RAY, reason="the ray extra is not installed")
def test_ray_engine_gives_the_local_results_in_order():
    from presslens.engines.ray import analyze_stream as ray_stream

    local = [x.to_dict() if hasattr(x, "to_dict") else str(x) for x in analyze_stream(_items(), stage_names=STAGES)]
    remote = [x.to_dict() if hasattr(x, "to_dict") else str(x) for x in ray_stream(_items(), jobs=2, stage_names=STAGES)]
    assert remote == local
