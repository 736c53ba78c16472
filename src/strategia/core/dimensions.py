"""The one list of dimensions of development, used by every app (themes of proposals, diagnosis areas,
goals, indicators, thematic teams).

Social, economic and spatial are statutory (art. 10e ust. 3 pkt 1 u.s.g.; art. 10a ust. 1 u.z.p.p.r.);
environmental is practice (Konstancin-Jeziorna planned an environmental working group).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Dimension(models.TextChoices):
    SOCIAL = "social", _("social")
    ECONOMIC = "economic", _("economic")
    SPATIAL = "spatial", _("spatial")
    ENVIRONMENTAL = "environmental", _("environmental")

    @property
    def is_statutory(self) -> bool:
        return self in STATUTORY_DIMENSIONS

    @property
    def citation(self) -> str:
        return "art. 10e ust. 3 pkt 1 u.s.g." if self.is_statutory else ""


STATUTORY_DIMENSIONS = frozenset({Dimension.SOCIAL, Dimension.ECONOMIC, Dimension.SPATIAL})
