"""Who may do what in the consultation's back-office (the object is the municipality)."""

import rules

from strategia.accounts.rules import is_coordinator, is_municipality_staff, is_office_staff, is_process_participant

rules.add_perm("consultation.manage", is_coordinator)
rules.add_perm("consultation.intake", is_office_staff)
rules.add_perm("consultation.view", is_municipality_staff | is_process_participant)
