import rules

from strategia.accounts.enums import MunicipalityRole as MR
from strategia.accounts.rules import (
    has_municipality_role,
    is_coordinator,
    is_municipality_staff,
    is_process_participant,
)

is_author = has_municipality_role(MR.ADMINISTRATOR, MR.COORDINATOR, MR.STAFF, MR.CONTRACTOR)

# Write and import into working versions: office staff and the contractor who drafts the strategy.
rules.add_perm("documents.edit_document", is_author)
# Freeze a version (it becomes citable and, for the consultation, public).
rules.add_perm("documents.freeze_version", is_coordinator)
# Read working versions in the back-office.
rules.add_perm("documents.view_working", is_municipality_staff | is_process_participant)
