"""Periodic jobs: one registry, run by ``manage.py run_periodic`` (a loop in ``make run``, cron or a systemd
timer in production). Every job must be idempotent: running it twice in a row does nothing the second time.
Jobs use ``PeriodicJobMark`` to remember what they have already done."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.db import IntegrityError, transaction

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    func: Callable[[dt.datetime], int]
    description: str


PERIODIC_JOBS: dict[str, PeriodicJob] = {}


def periodic_job(name: str, description: str):
    """Register ``func(now) -> number of things done`` as a periodic job."""

    def decorator(func):
        PERIODIC_JOBS[name] = PeriodicJob(name, func, description)
        return func

    return decorator


def mark_once(*, job: str, key: str) -> bool:
    """Record that ``job`` has done ``key``; False when it had already been done (so skip it)."""
    from strategia.core.models import PeriodicJobMark

    try:
        with transaction.atomic():
            PeriodicJobMark.objects.create(job=job, key=key)
    except IntegrityError:
        return False
    return True


def run_all(*, now: dt.datetime) -> dict[str, int]:
    results: dict[str, int] = {}
    for job in PERIODIC_JOBS.values():
        try:
            results[job.name] = job.func(now)
        except Exception:
            logger.exception("Periodic job %s failed", job.name)
            results[job.name] = -1
    return results
