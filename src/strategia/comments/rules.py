"""Who may moderate comments (the object is the municipality). Writing a comment needs only a logged-in user while
the governing activity runs (checked by the service)."""

import rules

from strategia.accounts.rules import is_office_staff

rules.add_perm("comments.moderate", is_office_staff)
