"""Who may do what with the call for ideas in the back-office (the object is the municipality)."""

import rules

from strategia.accounts.rules import is_coordinator, is_municipality_staff, is_office_staff, is_process_participant

# The call itself (dates come from the harmonogram; title, introduction, themes, moderation mode).
rules.add_perm("proposals.manage", is_coordinator)
# Keying in ideas received outside the platform, moderation, merging, routing and answers.
rules.add_perm("proposals.moderate", is_office_staff)
# Reading the back-office list (authors' contacts only for the office), exports.
rules.add_perm("proposals.view", is_municipality_staff | is_process_participant)
