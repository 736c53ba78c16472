"""Working on the register of remarks: screening (publish or hide with a reason), assignment to staff, and the
answers (stance + mandatory justification), one remark at a time or several identical ones together.

Rules the answers follow (``legal_pl.md`` §2.2–2.4, §5.2):
- every stance needs a justification, including "left unconsidered";
- a late remark on the environmental forecast is always left unconsidered (art. 41 u.o.o.ś.);
- a late remark on the strategy is left unconsidered unless the council's procedure resolution allows late remarks
  to be considered (the justification then says why);
- an anonymous remark is left unconsidered unless the resolution accepts anonymous remarks;
- once the report is published, the answers are final.
A hidden remark stays in the register, gets a stance and appears in the report.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from strategia.accounts.enums import MunicipalityRole as MR
from strategia.accounts.rules import municipality_roles
from strategia.consultation.enums import ConsultedDocument, Screening, Stance, SubmitterKind
from strategia.consultation.models import Consultation, Remark, RemarkResponse
from strategia.core.services import service
from strategia.documents.enums import FROZEN_STAGES

# Who can be given remarks to work on: the office (not the contractor, not approvers).
OFFICE = frozenset({MR.ADMINISTRATOR, MR.COORDINATOR, MR.STAFF})
# Remarks on the forecast submitted after the deadline are left unconsidered: a rule, not a period.
LATE_FORECAST_CITATION = "art. 41 u.o.o.ś."


def _require_open_register(consultation: Consultation) -> None:
    if consultation.report_published_at is not None:
        raise ValidationError(_("The report has been published: the answers are final."))


# --- screening ----------------------------------------------------------------------------------------------

@service("remark.publish", target="remark")
def remark_publish(*, actor, remark: Remark) -> Remark:
    """Show the remark on the portal (after the consultation's report, with its answer)."""
    remark.screening = Screening.PUBLISHED
    remark.hidden_reason = ""
    remark.screened_by = actor if getattr(actor, "is_authenticated", False) else None
    remark.screened_at = timezone.now()
    remark.save(update_fields=["screening", "hidden_reason", "screened_by", "screened_at"])
    return remark


@service("remark.hide", target="remark")
def remark_hide(*, actor, remark: Remark, reason: str) -> Remark:
    """Keep the remark off the portal, with a reason (insults, third parties' data…). It stays in the register,
    gets a stance and appears in the report (the public report shows the reason instead of its text)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Please give the reason for hiding the remark.")]})
    remark.screening = Screening.HIDDEN
    remark.hidden_reason = reason[:300]
    remark.screened_by = actor if getattr(actor, "is_authenticated", False) else None
    remark.screened_at = timezone.now()
    remark.save(update_fields=["screening", "hidden_reason", "screened_by", "screened_at"])
    return remark


# --- assignment ---------------------------------------------------------------------------------------------

@service("remarks.assign", target="consultation")
@transaction.atomic
def remarks_assign(*, actor, consultation: Consultation, remarks: list[Remark], assignee) -> int:
    """Give remarks to a member of the office (or take them back with ``assignee=None``). Returns how many."""
    if assignee is not None and not (municipality_roles(assignee, consultation.process.municipality) & OFFICE):
        raise ValidationError({"assignee": [_("Remarks can only be assigned to the office's staff.")]})
    ids = [r.pk for r in remarks if r.consultation_id == consultation.pk]
    return Remark.objects.filter(pk__in=ids).update(assigned_to=assignee)


# --- answers ------------------------------------------------------------------------------------------------

def allowed_stances(remark: Remark) -> list[str]:
    """The stances the law allows for this remark (see the module docstring)."""
    submission = remark.submission
    consultation = remark.consultation
    if submission.is_late and remark.document == ConsultedDocument.FORECAST:
        return [Stance.NOT_CONSIDERED]
    if submission.is_late and not consultation.late_remarks_considered:
        return [Stance.NOT_CONSIDERED]
    if submission.submitter_kind == SubmitterKind.ANONYMOUS and not consultation.anonymous_remarks_considered:
        return [Stance.NOT_CONSIDERED]
    return list(Stance.values)


def stance_limit_reason(remark: Remark) -> str:
    submission = remark.submission
    if submission.is_late and remark.document == ConsultedDocument.FORECAST:
        return _("Remark %(number)s on the environmental forecast came after the deadline: it is left unconsidered "
                 "(%(citation)s).") % {"number": remark.number, "citation": LATE_FORECAST_CITATION}
    if submission.is_late:
        return _("Remark %(number)s came after the deadline and the procedure resolution does not allow late "
                 "remarks to be considered: it is left unconsidered.") % {"number": remark.number}
    return _("Remark %(number)s is anonymous and the procedure resolution does not accept anonymous remarks: it is "
             "left unconsidered.") % {"number": remark.number}


def _validate_answer(*, consultation: Consultation, remarks: list[Remark], stance: str, justification: str,
                     change_version) -> None:
    _require_open_register(consultation)
    errors: dict[str, list[str]] = {}
    if stance not in Stance.values:
        errors["stance"] = [_("Choose the stance.")]
    if not (justification or "").strip():
        errors["justification"] = [_("Every stance needs a justification (art. 6 ust. 6 u.z.p.p.r.): please "
                                     "explain it.")]
    if stance in Stance.values:
        refused = [r for r in remarks if stance not in allowed_stances(r)]
        if refused:
            errors.setdefault("stance", []).extend(stance_limit_reason(r) for r in refused)
    if change_version is not None:
        consulted = consultation.document_version
        if (change_version.document_id != consulted.document_id or change_version.number <= consulted.number
                or not change_version.is_frozen or change_version.stage not in FROZEN_STAGES):
            errors["change_version"] = [_("Choose a later frozen version of the same document.")]
    if errors:
        raise ValidationError(errors)


def _clean_remarks(consultation: Consultation, remarks: list[Remark]) -> list[Remark]:
    if not remarks:
        raise ValidationError({"remarks": [_("Choose at least one remark to answer.")]})
    if any(r.consultation_id != consultation.pk for r in remarks):
        raise ValidationError({"remarks": [_("The remarks belong to another consultation.")]})
    return list(Remark.objects.select_related("submission", "consultation")
                .filter(pk__in=[r.pk for r in remarks]).order_by("number"))


@service("response.create", target="consultation")
@transaction.atomic
def response_create(*, actor, consultation: Consultation, remarks: list[Remark], stance: str, justification: str,
                    resulting_change: str = "", change_version=None) -> RemarkResponse:
    """Answer one remark, or several identical ones together (they then share this answer). A remark that had
    another answer is moved to this one; an answer left with no remark is removed."""
    consultation = Consultation.objects.select_for_update().select_related("document_version").get(pk=consultation.pk)
    remarks = _clean_remarks(consultation, remarks)
    _validate_answer(consultation=consultation, remarks=remarks, stance=stance, justification=justification,
                     change_version=change_version)
    previous = {r.response_id for r in remarks if r.response_id}
    user = actor if getattr(actor, "is_authenticated", False) else None
    response = RemarkResponse.objects.create(
        consultation=consultation, stance=stance, justification=justification.strip(),
        resulting_change=(resulting_change or "").strip(), change_version=change_version, created_by=user,
        updated_by=user)
    Remark.objects.filter(pk__in=[r.pk for r in remarks]).update(response=response)
    RemarkResponse.objects.filter(pk__in=previous, remarks__isnull=True).delete()
    return response


@service("response.update", target="response")
@transaction.atomic
def response_update(*, actor, response: RemarkResponse, stance: str, justification: str, resulting_change: str = "",
                    change_version=None) -> RemarkResponse:
    """Change an answer (for every remark that shares it)."""
    response = RemarkResponse.objects.select_for_update().select_related("consultation__document_version").get(
        pk=response.pk)
    remarks = list(response.remarks.select_related("submission", "consultation"))
    _validate_answer(consultation=response.consultation, remarks=remarks, stance=stance,
                     justification=justification, change_version=change_version)
    response.stance = stance
    response.justification = justification.strip()
    response.resulting_change = (resulting_change or "").strip()
    response.change_version = change_version
    response.updated_by = actor if getattr(actor, "is_authenticated", False) else None
    response.save()
    return response


@service("response.detach", target="remark")
@transaction.atomic
def response_detach(*, actor, remark: Remark) -> Remark:
    """Take a remark out of a joint answer (it then awaits its own stance)."""
    remark = Remark.objects.select_for_update().select_related("consultation").get(pk=remark.pk)
    _require_open_register(remark.consultation)
    previous = remark.response_id
    remark.response = None
    remark.save(update_fields=["response"])
    RemarkResponse.objects.filter(pk=previous, remarks__isnull=True).delete()
    return remark
