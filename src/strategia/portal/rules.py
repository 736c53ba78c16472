import rules

from strategia.accounts.rules import is_office_staff

# Edit the portal's own pages: the accessibility statement and the sign-language (PJM) recordings.
rules.add_perm("portal.manage_pages", is_office_staff)
