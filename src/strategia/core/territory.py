"""The small TERYT fixture we ship (no PyPI package has TERYT data): units needed by the demo and tests.

Codes: TERYT from GUS (TERC: woj. 14, powiat 1418, gmina 1418023 with the rodzaj digit 3 = miejsko-wiejska;
urban part 4, rural part 5). BDL unit ids are 12-digit KTS codes, derived as documented in
shared/domain/monitoring.md (verify once against the BDL API)."""

from __future__ import annotations

from strategia.core.enums import UnitKind
from strategia.core.models import TerritorialUnit


def unit_upsert(*, name: str, kind: str, teryt: str = "", bdl_id: str = "", parent=None) -> TerritorialUnit:
    lookup = {"kind": kind, "teryt": teryt} if teryt else {"kind": kind, "name": name, "parent": parent}
    unit, _ = TerritorialUnit.objects.update_or_create(
        **lookup, defaults={"name": name, "bdl_id": bdl_id, "parent": parent}
    )
    return unit


def load_konstancin_territory() -> TerritorialUnit:
    voivodeship = unit_upsert(name="mazowieckie", kind=UnitKind.VOIVODESHIP, teryt="14", bdl_id="071400000000")
    powiat = unit_upsert(name="piaseczyński", kind=UnitKind.POWIAT, teryt="1418", bdl_id="071413018000",
                         parent=voivodeship)
    gmina = unit_upsert(name="Konstancin-Jeziorna", kind=UnitKind.GMINA, teryt="1418023", bdl_id="071413018023",
                        parent=powiat)
    unit_upsert(name="Konstancin-Jeziorna – miasto", kind=UnitKind.URBAN_PART, teryt="1418024",
                bdl_id="071413018024", parent=gmina)
    unit_upsert(name="Konstancin-Jeziorna – obszar wiejski", kind=UnitKind.RURAL_PART, teryt="1418025",
                bdl_id="071413018025", parent=gmina)
    return gmina
