"""Build models/places/countries.json from ISO 3166-1 (pycountry) and press.json.

Every country gets one canonical name (pycountry's common name where it has
one, else its ISO name, unless press.json renames it to the name newsrooms
use) and the variants a text may use for it: ISO name, official name, common
name, the un-inverted form of "Korea, Republic of", the name without a
parenthesis, and press.json's short forms ("U.S.", "UK", "Burma").
Two-letter ISO codes are left out on purpose: "CA", "IN", "DE" are also US
state abbreviations.

    pip install pycountry==26.2.16   # the `train` extra
    python -m presslens.train.places
"""
from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "models" / "places"


def _forms(name: str) -> list[str]:
    out = [name]
    bare = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if bare != name:
        out.append(bare)
    m = re.fullmatch(r"(.+?), (.+)", bare)
    if m:  # "Korea, Republic of" -> "Republic of Korea"; "Virgin Islands, British" -> "British Virgin Islands"
        out.append(f"{m.group(2)} {m.group(1)}")
    return out


def _version() -> str:
    from importlib.metadata import version

    return version("pycountry")


def build() -> dict:
    import pycountry

    press = json.loads((HERE / "press.json").read_text(encoding="utf-8"))
    countries: dict[str, list[str]] = {}
    for c in pycountry.countries:
        common = getattr(c, "common_name", None)
        canonical = press["rename"].get(c.name, common or c.name)
        names = [c.name, getattr(c, "official_name", None), common, c.alpha_3 if c.alpha_3 == "USA" else None]
        variants = [f for n in names if n for f in _forms(n)]
        countries[canonical] = list(dict.fromkeys(v for v in variants if v != canonical))
    for canonical, extra in press["variants"].items():
        if canonical not in countries:
            raise SystemExit(f"press.json: {canonical!r} is not a canonical country name")
        countries[canonical] = list(dict.fromkeys(countries[canonical] + [v for v in extra if v != canonical]))
    return {
        "source": f"ISO 3166-1 via pycountry {_version()} + press.json",
        "countries": dict(sorted(countries.items())),
    }


def main() -> None:
    data = build()
    out = HERE / "countries.json"
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{out}: {len(data['countries'])} countries, {sum(map(len, data['countries'].values()))} variants")


if __name__ == "__main__":
    main()
