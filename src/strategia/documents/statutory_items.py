"""What a gmina's strategy must contain (art. 10e ust. 3–4 u.s.g.), as tags for chapters and the completeness
checklist. Citations follow shared/domain/legal_pl.md §1.1."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class StatutoryItem:
    code: str
    label: str | Promise
    citation: str
    graphic: bool = False


STATUTORY_ITEMS: tuple[StatutoryItem, ...] = (
    StatutoryItem("diagnosis_conclusions", _("Conclusions of the diagnosis"),
                  "art. 10e ust. 3 u.s.g. (wnioski z diagnozy)"),
    StatutoryItem("strategic_goals", _("Strategic goals in the social, economic and spatial dimensions"),
                  "art. 10e ust. 3 pkt 1 u.s.g."),
    StatutoryItem("action_directions", _("Directions of action"), "art. 10e ust. 3 pkt 2 u.s.g."),
    StatutoryItem("expected_results", _("Expected results and their indicators"), "art. 10e ust. 3 pkt 3 u.s.g."),
    StatutoryItem("spatial_model", _("Model of the functional-spatial structure"), "art. 10e ust. 3 pkt 4 u.s.g."),
    StatutoryItem("spatial_policy", _("Settings and recommendations for spatial policy"),
                  "art. 10e ust. 3 pkt 5 u.s.g."),
    StatutoryItem("osi_voivodeship", _("Areas of strategic intervention of the voivodeship"),
                  "art. 10e ust. 3 pkt 6 u.s.g."),
    StatutoryItem("osi_local", _("Areas of strategic intervention key for the gmina"), "art. 10e ust. 3 pkt 7 u.s.g."),
    StatutoryItem("implementation_system", _("Implementation system, incl. guidelines for implementing documents"),
                  "art. 10e ust. 3 pkt 8 u.s.g."),
    StatutoryItem("financial_frame", _("Financial frame and funding sources"), "art. 10e ust. 3 pkt 9 u.s.g."),
    StatutoryItem("graphic_part", _("Graphic part: model and areas of strategic intervention"),
                  "art. 10e ust. 4 u.s.g.", graphic=True),
)

ITEMS_BY_CODE = {item.code: item for item in STATUTORY_ITEMS}


def choices() -> list[tuple[str, str]]:
    return [(item.code, item.label) for item in STATUTORY_ITEMS]
