"""The localities of Konstancin-Jeziorna (its sołectwa, the town's osiedla and parts) for the "where" of residents'
ideas: read from ``data/konstancin-jeziorna-localities.json`` and stored as territorial units under the gmina.

The data file names its sources (the gmina's own pages) and marks each entry ``verified``; only verified entries
are loaded. The file says whether it is complete (``status``) and, when not, why: a name no source gave is never
added. No source gives centroids, so none are stored (the map uses addresses and pins instead).
Idempotent: a unit is found by its kind, name and parent, so loading again changes nothing."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from strategia.core.enums import UnitKind
from strategia.core.models import TerritorialUnit
from strategia.core.territory import unit_upsert

DATA_FILE = Path(__file__).resolve().parent / "data" / "konstancin-jeziorna-localities.json"
KINDS = frozenset({UnitKind.SOLECTWO, UnitKind.DISTRICT, UnitKind.LOCALITY})


@dataclass(frozen=True)
class Locality:
    name: str
    kind: str
    source: str  # the address of the page that names it
    note: str = ""


@cache
def localities_data() -> dict:
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


def konstancin_localities() -> list[Locality]:
    """The verified entries of the data file, in its order."""
    data = localities_data()
    return [Locality(name=entry["name"], kind=entry["kind"], source=data["sources"][entry["source"]],
                     note=entry.get("note", ""))
            for entry in data["units"] if entry.get("verified") and entry["kind"] in KINDS]


def localities_load(*, gmina: TerritorialUnit) -> list[TerritorialUnit]:
    """Create (or find) every verified locality as a unit whose parent is ``gmina``."""
    return [unit_upsert(name=locality.name, kind=locality.kind, parent=gmina)
            for locality in konstancin_localities()]
