"""Reads of roles. Lists take a fixed number of queries whatever the number of members."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from strategia.accounts.models import MunicipalityMembership, ProcessMembership


def membership_list(*, municipality) -> list[MunicipalityMembership]:
    """The municipality's office roles with their people, in one query."""
    memberships = list(
        MunicipalityMembership.objects.filter(municipality=municipality)
        .select_related("user")
        .order_by("role", "user__display_name", "user__email")
    )
    for membership in memberships:
        membership.municipality = municipality
    return memberships


def process_membership_list(*, municipality) -> list[ProcessMembership]:
    """Roles in the municipality's processes with their people and processes, in one query."""
    return list(
        ProcessMembership.objects.filter(process__municipality=municipality)
        .select_related("user", "process")
        .order_by("process__title", "role", "user__display_name", "user__email")
    )


def membership_get(*, municipality, pk: int) -> MunicipalityMembership:
    """A role in this municipality's office (404 for another municipality's)."""
    membership = get_object_or_404(MunicipalityMembership.objects.select_related("user"),
                                   pk=pk, municipality=municipality)
    membership.municipality = municipality
    return membership


def process_membership_get(*, municipality, pk: int) -> ProcessMembership:
    """A role in one of this municipality's processes (404 for another municipality's)."""
    membership = get_object_or_404(ProcessMembership.objects.select_related("user", "process"),
                                   pk=pk, process__municipality=municipality)
    membership.process.municipality = municipality
    return membership

