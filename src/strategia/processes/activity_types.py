"""Activity types are code, activities are data (STYLE.md habit 4).

A harmonogram row (``Activity``) stores dates and texts; its ``activity_type`` names one of the types
registered here. A type declares which participation *features* it opens while its activity runs (later apps
register their features by calling ``add_feature``) and the statutory minimum length of its period, if any.
Buttons, permissions and the public timeline read these declarations.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from strategia.core.statutory import Rule


@dataclass
class ActivityType:
    code: str
    label: str | Promise
    description: str | Promise = ""
    features: set[str] = field(default_factory=set)
    min_days_rule: Rule | None = None
    statutory: bool = False
    citation: str = ""

    def opens(self, feature: str) -> bool:
        return feature in self.features


ACTIVITY_TYPES: dict[str, ActivityType] = {}


def register(activity_type: ActivityType) -> ActivityType:
    if activity_type.code in ACTIVITY_TYPES:
        raise ValueError(f"Activity type {activity_type.code!r} is registered twice")
    ACTIVITY_TYPES[activity_type.code] = activity_type
    return activity_type


def get(code: str) -> ActivityType:
    return ACTIVITY_TYPES.get(code) or ACTIVITY_TYPES[GENERIC]


def add_feature(code: str, feature: str) -> None:
    """Called by a later app (e.g. proposals) to declare that activities of ``code`` open ``feature``."""
    ACTIVITY_TYPES[code].features.add(feature)


def choices() -> list[tuple[str, str]]:
    return [(t.code, t.label) for t in ACTIVITY_TYPES.values()]


GENERIC = "generic"

register(ActivityType(GENERIC, _("Other activity")))
register(ActivityType("information_campaign", _("Information campaign"),
                      _("Residents learn that work on the strategy starts and how to take part."), {"news"}))
register(ActivityType("call_for_proposals", _("Call for ideas and expectations (wnioski)"),
                      _("Residents send ideas and expectations for the strategy.")))
register(ActivityType("stakeholder_signup", _("Stakeholder sign-ups"),
                      _("Organisations, institutions and residents sign up to take part in the work.")))
register(ActivityType("training", _("Training"), _("Training on the rules of drafting strategic documents.")))
register(ActivityType("assumptions", _("Assumptions of the strategy"),
                      _("Vision and preliminary development goals, with stakeholders.")))
register(ActivityType("diagnosis", _("Diagnosis"),
                      _("Social, economic and spatial situation, including functional areas."),
                      statutory=True, citation="art. 10a ust. 1 u.z.p.p.r."))
register(ActivityType("thematic_teams", _("Thematic teams"),
                      _("Teams per preliminary goal are appointed from the stakeholders' sign-ups.")))
register(ActivityType("goals", _("Development goals"), _("The thematic teams formulate the goals.")))
register(ActivityType("implementation_system", _("Implementation and monitoring system"),
                      _("Financial frame, funding sources and the monitoring system."),
                      statutory=True, citation="art. 10e ust. 3 pkt 8–9 u.s.g."))
register(ActivityType("draft", _("Draft strategy"),
                      _("The draft strategy with its environmental impact forecast.")))
register(ActivityType("opinions", _("Opinions"),
                      _("Formal opinions, including the voivodeship board's (30 days)."),
                      statutory=True, citation="art. 10f ust. 2–3 u.s.g."))
register(ActivityType("consultation", _("Public consultation"),
                      _("Remarks on the draft for at least 35 days, with a public discussion."),
                      min_days_rule=Rule.CONSULTATION_MIN_DAYS, statutory=True, citation="art. 6 ust. 3–5 u.z.p.p.r."))
register(ActivityType("consultation_report", _("Consultation report"),
                      _("The report on the course and results of the consultation."),
                      statutory=True, citation="art. 6 ust. 6 u.z.p.p.r."))
register(ActivityType("evaluation", _("Ex-ante evaluation"),
                      _("Relevance, expected effectiveness and efficiency of the strategy."),
                      statutory=True, citation="art. 10a ust. 2 u.z.p.p.r."))
register(ActivityType("adoption", _("Adoption by the council"), _("The council's resolution adopting the strategy."),
                      statutory=True, citation="art. 10f ust. 4 u.s.g."))
register(ActivityType("monitoring", _("Monitoring"), _("Yearly monitoring of the strategy's implementation.")))
