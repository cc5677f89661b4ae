"""The install path a newcomer takes: a pinned, hash-checked pip reads a fully pinned lock.

The opt-in test at the bottom builds a venv in a temporary folder with the system
Python and the Makefile's own recipe, exactly as `make run` does on a fresh machine.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

_REQ = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*(==|>=|<=|~=|>|<|!=)?\s*([^\s\\;]*)")


def _requirements(path: Path) -> list[tuple[str, str | None, str, list[str]]]:
    """(name, operator, version, hashes) for every requirement of a pip requirements file."""
    text = path.read_text(encoding="utf-8").replace("\\\n", " ")
    reqs = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        m = _REQ.match(line)
        assert m, f"{path.name}: cannot read requirement line {line!r}"
        hashes = re.findall(r"--hash=sha256:([0-9a-f]{64})", line)
        reqs.append((m.group(1), m.group(3), m.group(4), hashes))
    return reqs


def test_bootstrap_pins_a_modern_pip_by_hash():
    reqs = _requirements(ROOT / "requirements-bootstrap.txt")
    assert [r[0] for r in reqs] == ["pip"]
    _, op, version, hashes = reqs[0]
    assert op == "==" and hashes, "the installer itself must be pinned and hash-checked"
    # pip before 23.3 resolves a locked package's extras as new unpinned requirements.
    assert tuple(int(p) for p in version.split(".")[:2]) >= (23, 3)


def test_every_locked_requirement_is_pinned_with_hashes():
    reqs = _requirements(ROOT / "requirements.lock")
    assert len(reqs) > 50
    for name, op, version, hashes in reqs:
        assert op == "==" and version, f"{name} is not pinned with =="
        assert hashes, f"{name} has no hash"


def test_every_direct_dependency_is_in_the_lock():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = list(project["dependencies"]) + project["optional-dependencies"]["web"] + project["optional-dependencies"]["dev"]
    locked = {r[0].lower().replace("_", "-") for r in _requirements(ROOT / "requirements.lock")}
    for spec in wanted:
        name = _REQ.match(spec).group(1).lower().replace("_", "-")
        assert name in locked, f"{name} is a dependency but not in requirements.lock"


def test_makefile_installs_the_bootstrap_before_the_lock():
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8")
    boot = recipe.index("-r requirements-bootstrap.txt")
    lock = recipe.index("-r requirements.lock")
    assert boot < lock
    for line in recipe.splitlines():
        if "-r requirements" in line:
            assert "--require-hashes" in line, line


@pytest.mark.skipif(not os.environ.get("PRESSLENS_INSTALL_TEST"),
                    reason="builds a whole venv (about a minute); set PRESSLENS_INSTALL_TEST=1")
def test_fresh_venv_from_the_system_python_installs_the_lock(tmp_path):
    """`make venv` in a copy of the install inputs, with a venv made by the system python."""
    for name in ("Makefile", "requirements-bootstrap.txt", "requirements.lock", "pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "src", tmp_path / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    system_python = os.environ.get("PRESSLENS_SYSTEM_PYTHON", shutil.which("python3", path="/usr/local/bin:/usr/bin") or sys.executable)
    done = subprocess.run(["make", "venv", f"PYTHON={system_python}"], cwd=tmp_path, capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    check = subprocess.run([str(tmp_path / ".venv/bin/python"), "-m", "pip", "check"], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
