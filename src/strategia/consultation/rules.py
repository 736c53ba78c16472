"""Who may do what in the consultation's back-office (the object is the municipality)."""

import rules

from strategia.accounts.enums import MunicipalityRole as MR
from strategia.accounts.rules import (
    has_municipality_role,
    is_coordinator,
    is_municipality_staff,
    is_office_staff,
    is_process_participant,
)

rules.add_perm("consultation.manage", is_coordinator)
rules.add_perm("consultation.intake", is_office_staff)
rules.add_perm("consultation.view", is_municipality_staff | is_process_participant)
# Screening remarks (publish, hide with a reason) and assigning them: the office.
rules.add_perm("consultation.screen", is_office_staff)
# Drafting answers: the office and the contractor who writes the strategy.
rules.add_perm("consultation.respond", has_municipality_role(MR.ADMINISTRATOR, MR.COORDINATOR, MR.STAFF,
                                                              MR.CONTRACTOR))
# Submitters' names and contacts, and the internal report: coordinators only (§5.5 of legal_pl.md).
rules.add_perm("consultation.identity", is_coordinator)
