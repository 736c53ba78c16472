"""news.manage_news: the office's staff (administrator, coordinator, staff member) and nobody else."""

import pytest

from tests.conftest import ROLE_NAMES

pytestmark = pytest.mark.django_db

ALLOWED = {"administrator", "coordinator", "staff"}


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_manage_news_is_for_office_staff_only(user_for_role, municipality, role):
    user = user_for_role(role)
    allowed = user is not None and user.has_perm("news.manage_news", municipality)
    assert allowed == (role in ALLOWED)
