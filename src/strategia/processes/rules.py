import rules

from strategia.accounts.rules import is_coordinator, is_municipality_staff, is_process_participant

# Set up processes, edit the harmonogram, record the council's resolutions.
rules.add_perm("processes.manage_process", is_coordinator)
# Read the back-office view of a process (read-only for councillors, evaluators, team members).
rules.add_perm("processes.view_process_internal", is_municipality_staff | is_process_participant)
