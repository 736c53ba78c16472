"""The registry of write services and the audit log they feed.

Every write service is a plain function with keyword-only arguments, registered with ``@service``. A call of
an audited service writes one ``AuditEntry``: actor (the ``actor`` argument), action, object, its state
before (the ``target`` argument, snapshotted before the call) and after (the returned object), and time.
A service that changes nothing worth auditing says so with ``audit=False`` and a reason; the test
``tests/core/test_audit_registry.py`` walks this registry and holds every service to one of the two.
"""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.utils.functional import Promise


@dataclass(frozen=True)
class ServiceInfo:
    name: str
    action: str
    func: Callable[..., Any]
    target: str | None
    audit: bool
    exempt_reason: str


SERVICE_REGISTRY: dict[str, ServiceInfo] = {}


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, list | tuple):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_value(v) for k, v in value.items()}
    return value


def snapshot(obj: models.Model | None) -> dict[str, Any] | None:
    """The concrete field values of ``obj`` as JSON-able data (foreign keys as ids)."""
    if obj is None or not isinstance(obj, models.Model):
        return None
    data: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        data[field.attname] = _json_value(getattr(obj, field.attname))
    return data


def municipality_of(obj: Any):
    """The municipality an object belongs to, for filtering the audit log (None for global objects)."""
    from strategia.core.models import Municipality

    if obj is None:
        return None
    if isinstance(obj, Municipality):
        return obj
    getter = getattr(obj, "get_municipality", None)
    if callable(getter):
        return getter()
    if getattr(obj, "municipality_id", None):
        return obj.municipality
    return None


def audit_record(*, actor, action: str, obj: Any, before: dict | None, after: dict | None,
                 municipality=None):
    """Write one audit entry. Services use it through ``@service``; call it directly only for changes that
    happen outside a service (e.g. a login)."""
    from strategia.core.models import AuditEntry

    actor_user = actor if getattr(actor, "is_authenticated", False) else None
    content_type = ContentType.objects.get_for_model(obj.__class__) if isinstance(obj, models.Model) else None
    return AuditEntry.objects.create(
        actor=actor_user,
        actor_label=(actor_user.get_username() if actor_user else (str(actor) if actor else "system"))[:200],
        municipality=municipality or municipality_of(obj),
        action=action,
        content_type=content_type,
        object_id=str(getattr(obj, "pk", "") or ""),
        object_repr=str(obj)[:300] if obj is not None else "",
        before=before,
        after=after,
    )


def service(action: str, *, target: str | None = None, audit: bool = True, exempt_reason: str = ""):
    """Register a write service; when ``audit`` is on, every call writes one audit entry atomically with it.

    ``target`` names the keyword argument holding the object that is changed (its state is recorded before
    the call); the service's return value is the object after the change.
    """
    if not audit and not exempt_reason:
        raise ValueError(f"{action}: a service without audit must say why (exempt_reason)")

    def decorator(func: Callable[..., Any]) -> Callable[..., Any]:
        name = f"{func.__module__}.{func.__qualname__}"

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if args:
                raise TypeError(f"{name} takes keyword arguments only")
            if not audit:
                return func(**kwargs)
            with transaction.atomic():
                target_obj = kwargs.get(target) if target else None
                before = snapshot(target_obj) if isinstance(target_obj, models.Model) and target_obj.pk else None
                result = func(**kwargs)
                obj = result if isinstance(result, models.Model) else target_obj
                after = snapshot(result) if isinstance(result, models.Model) else None
                audit_record(actor=kwargs.get("actor"), action=action, obj=obj, before=before, after=after)
                return result

        SERVICE_REGISTRY[name] = ServiceInfo(name, action, wrapper, target, audit, exempt_reason)
        wrapper.service_info = SERVICE_REGISTRY[name]  # type: ignore[attr-defined]
        return wrapper

    return decorator
