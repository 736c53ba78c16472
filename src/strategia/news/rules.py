"""Who may do what in the news app (django-rules predicates; the object is the municipality)."""

import rules

from strategia.accounts.rules import is_office_staff

# Writing, scheduling and deleting news; seeing the newsletter's subscriber counts.
rules.add_perm("news.manage_news", is_office_staff)
