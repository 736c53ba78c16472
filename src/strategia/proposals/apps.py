from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    name = "strategia.proposals"
    verbose_name = _("Ideas and expectations (wnioski)")

    def ready(self):
        from strategia.comments.registry import commentable
        from strategia.processes import activity_types
        from strategia.proposals.models import Proposal

        activity_types.add_feature("call_for_proposals", "proposals")
        commentable(Proposal, activity=lambda proposal: proposal.call.activity,
                    is_visible=lambda proposal: proposal.is_public)
