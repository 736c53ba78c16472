from django.db import models
from django.utils.translation import gettext_lazy as _


class ConsultationStatus(models.TextChoices):
    DRAFT = "draft", _("being prepared")
    ANNOUNCED = "announced", _("announced")
    CLOSED = "closed", _("comment period over")
    REPORTED = "reported", _("report published")


class Channel(models.TextChoices):
    PLATFORM = "platform", _("form on the platform")
    EMAIL = "email", _("e-mail")
    POST = "post", _("post or in person at the office")
    EDORECZENIA = "edoreczenia", _("e-Doręczenia")
    EPUAP = "epuap", _("ePUAP")
    ORAL = "oral", _("orally to the record at a meeting")


class DecisiveDate(models.TextChoices):
    RECEIPT = "receipt", _("the date of receipt decides")
    POSTMARK = "postmark", _("the postmark date decides")


class ConsultedDocument(models.TextChoices):
    STRATEGY = "strategy", _("draft strategy")
    FORECAST = "forecast", _("environmental impact forecast")


class SubmitterKind(models.TextChoices):
    PERSON = "person", _("private person")
    ORGANISATION = "organisation", _("organisation or institution")
    ANONYMOUS = "anonymous", _("anonymous")


class SubmitterCategory(models.TextChoices):
    RESIDENT = "resident", _("resident")
    NGO = "ngo", _("non-governmental organisation")
    BUSINESS = "business", _("business")
    PUBLIC_INSTITUTION = "public_institution", _("public institution")
    NEIGHBOURING_GMINA = "neighbouring_gmina", _("neighbouring gmina or union of gminas")
    WATER_AUTHORITY = "water_authority", _("RZGW Wody Polskie")
    OTHER = "other", _("other")


class MeetingKind(models.TextChoices):
    MEETING = "meeting", _("consultation meeting")
    PUBLIC_DISCUSSION = "public_discussion", _("public discussion")


class MeetingForm(models.TextChoices):
    IN_PERSON = "in_person", _("in person")
    ONLINE = "online", _("online")
    HYBRID = "hybrid", _("in person and online")


class Screening(models.TextChoices):
    """Whether a remark is shown on the portal. A hidden remark stays in the register, gets a stance and appears in
    the report."""

    PENDING = "pending", _("awaiting screening")
    PUBLISHED = "published", _("published")
    HIDDEN = "hidden", _("hidden")


class Stance(models.TextChoices):
    """The stance taken on a remark (the report's column "sposób rozpatrzenia")."""

    ACCEPTED = "accepted", _("accepted")
    PARTLY = "partly", _("partly accepted")
    REJECTED = "rejected", _("not accepted")
    EXPLANATION = "explanation", _("explanation")
    NOT_CONSIDERED = "not_considered", _("left unconsidered")


class AddresseeKind(models.TextChoices):
    """Who art. 6 ust. 3 u.z.p.p.r. says the draft is consulted with."""

    NEIGHBOURING_GMINA = "neighbouring_gmina", _("neighbouring gmina")
    GMINA_UNION = "gmina_union", _("union of gminas")
    WATER_AUTHORITY = "water_authority", _("director of the RZGW Wody Polskie")
    PARTNER = "partner", _("local social or economic partner")
    RESIDENTS = "residents", _("residents")


class DispatchChannel(models.TextChoices):
    EDORECZENIA = "edoreczenia", _("e-Doręczenia")
    EPUAP = "epuap", _("ePUAP")
    POST = "post", _("registered post")
    EMAIL = "email", _("e-mail")
    IN_PERSON = "in_person", _("delivered in person")
    PUBLIC_NOTICE = "public_notice", _("public announcement (BIP, website, notice board)")


class ReportVariant(models.TextChoices):
    PUBLIC = "public", _("public (anonymised)")
    INTERNAL = "internal", _("internal (full data)")


class ReportFormat(models.TextChoices):
    DOCX = "docx", "DOCX"
    PDF = "pdf", "PDF"
    XLSX = "xlsx", "XLSX"
