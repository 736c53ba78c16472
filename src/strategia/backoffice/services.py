from django.utils import timezone

from strategia.core.services import service


@service("email.mark_seen", audit=False,
         exempt_reason="Reading a stored e-mail changes only its unread marker; it is not a state change that matters.")
def email_mark_seen(*, actor, email):
    if email.seen_at is None:
        email.seen_at = timezone.now()
        email.save(update_fields=["seen_at"])
    return email


@service("municipality.update", target="municipality")
def municipality_update(*, actor, municipality, **fields):
    """Names, offices, contacts and the coat of arms (only with its licence; Municipality.clean checks it)."""
    for name, value in fields.items():
        setattr(municipality, name, value)
    municipality.full_clean(exclude=["unit", "slug"])
    municipality.save()
    return municipality
