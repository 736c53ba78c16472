import rules

from strategia.accounts.rules import is_administrator

rules.add_perm("core.manage_municipality", is_administrator)
