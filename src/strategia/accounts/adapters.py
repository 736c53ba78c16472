from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Sends allauth's messages through the platform's mail (stored, readable by staff in the demo)."""
