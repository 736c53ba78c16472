"""Choice lists shared by every app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitKind(models.TextChoices):
    VOIVODESHIP = "voivodeship", _("voivodeship")
    POWIAT = "powiat", _("powiat")
    GMINA = "gmina", _("gmina")
    URBAN_PART = "urban_part", _("urban part of a gmina")
    RURAL_PART = "rural_part", _("rural part of a gmina")
    SOLECTWO = "solectwo", _("sołectwo")
    DISTRICT = "district", _("osiedle (part of a town)")
    LOCALITY = "locality", _("locality")


class MunicipalityKind(models.TextChoices):
    URBAN = "miejska", _("urban gmina")
    RURAL = "wiejska", _("rural gmina")
    URBAN_RURAL = "miejsko-wiejska", _("urban-rural gmina")


class ExecutiveTitle(models.TextChoices):
    """The gmina's executive. ``dative`` is used in resolutions ("Wykonanie uchwały powierza się …")."""

    WOJT = "wojt", _("Wójt")
    BURMISTRZ = "burmistrz", _("Burmistrz")
    PREZYDENT = "prezydent", _("Prezydent Miasta")

    @property
    def dative(self) -> str:
        return {"wojt": "Wójtowi", "burmistrz": "Burmistrzowi", "prezydent": "Prezydentowi Miasta"}[self.value]

    @property
    def polish(self) -> str:
        """The title in Polish whatever the interface language: documents are always Polish."""
        return {"wojt": "Wójt", "burmistrz": "Burmistrz", "prezydent": "Prezydent Miasta"}[self.value]
