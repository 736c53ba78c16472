"""A second, rural gmina with a wójt sets up its process from the template and runs it, end to end."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from docx import Document

from strategia.accounts.enums import MunicipalityRole
from strategia.core.models import AuditEntry
from strategia.processes.enums import ActivityStatus, ScheduleChangeStatus
from strategia.processes.models import Activity, ScheduleChange, StrategyProcess
from tests.factories import MunicipalityFactory, TerritorialUnitFactory, user_with_municipality_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def rural():
    return MunicipalityFactory(
        slug="gmina-wiejska", unit=TerritorialUnitFactory(name="Dębowa Wola", teryt="0612042"), kind="wiejska",
        name="Gmina Dębowa Wola", name_genitive="Gminy Dębowa Wola", name_locative="Gminie Dębowa Wola",
        council_name="Rada Gminy Dębowa Wola", council_name_genitive="Rady Gminy Dębowa Wola",
        office_name="Urząd Gminy Dębowa Wola", executive_title="wojt", executive_name="Jan Kowalski",
    )


def test_a_rural_gmina_runs_its_process_from_the_template(client, rural):
    coordinator = user_with_municipality_role(rural, MunicipalityRole.COORDINATOR)
    client.force_login(coordinator)
    slug = rural.slug

    # 1. The coordinator creates the process from the template.
    response = client.post(reverse("backoffice:processes_staff:create", kwargs={"municipality_slug": slug}), {
        "blueprint": "gmina-strategy-10e", "title": "Strategia rozwoju Gminy Dębowa Wola na lata 2027–2035",
        "slug": "strategia-2035", "horizon_year": 2035, "start_year": 2027, "start_quarter": 2,
    })
    assert response.status_code == 302
    process = StrategyProcess.objects.get(municipality=rural)
    activities = list(Activity.objects.filter(stage__process=process).order_by("stage__number", "position"))
    assert len(activities) == 15
    assert activities[0].planned_start == dt.date(2027, 4, 1)  # 1 kw. in the seed → start quarter
    assert activities[-1].planned_label == "1 kwartał 2028"  # 4 kw. 2022 is 3 quarters after 1 kw. 2022

    # 2. The council's resolution on the procedure and schedule is recorded: planned dates become fixed.
    response = client.post(reverse("backoffice:processes_staff:resolution_create",
                                   kwargs={"municipality_slug": slug, "process_slug": process.slug}),
                           {"kind": "procedure", "number": "XII/85/2027", "adopted_on": "2027-03-20",
                            "title": "w sprawie trybu i harmonogramu"})
    assert response.status_code == 302

    # 3. A change of planned dates now becomes a draft until an amending resolution.
    training = activities[3]
    plan_url = reverse("backoffice:processes_staff:activity_plan",
                       kwargs={"municipality_slug": slug, "process_slug": process.slug, "activity_id": training.pk})
    response = client.post(plan_url, {"planned_precision": "quarter", "planned_start": "2027-07-01",
                                      "planned_end": "2027-09-30", "reason": "Przesunięcie szkolenia"})
    assert response.status_code == 302
    change = ScheduleChange.objects.get(activity=training)
    training.refresh_from_db()
    assert training.planned_label == "2 kwartał 2027"
    response = client.post(reverse("backoffice:processes_staff:resolution_create",
                                   kwargs={"municipality_slug": slug, "process_slug": process.slug}),
                           {"kind": "amendment", "number": "XIV/99/2027", "adopted_on": "2027-06-10",
                            "adopt_changes": [change.pk]})
    assert response.status_code == 302
    training.refresh_from_db()
    change.refresh_from_db()
    assert training.planned_label == "3 kwartał 2027"
    assert change.status == ScheduleChangeStatus.ADOPTED

    # 4. The first activity starts: actual dates and status.
    first = activities[0]
    edit_url = reverse("backoffice:processes_staff:activity_edit",
                       kwargs={"municipality_slug": slug, "process_slug": process.slug, "activity_id": first.pk})
    response = client.post(edit_url, {"title": first.title, "short_title": first.short_title, "description": "",
                                      "responsible_unit": "Referat Rozwoju", "status": "in_progress",
                                      "actual_start": "2027-04-05", "actual_end": ""})
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.status == ActivityStatus.IN_PROGRESS

    # 5. Residents see it on the harmonogram.
    public = client.get(reverse("processes:schedule", kwargs={"municipality_slug": slug,
                                                               "process_slug": process.slug})).text
    assert public.count('aria-current="step"') == 1
    assert "XII/85/2027" in public

    # 6. The draft resolution on the procedure names the wójt and the Rada Gminy.
    docx = client.get(reverse("backoffice:processes_staff:resolution_docx",
                              kwargs={"municipality_slug": slug, "process_slug": process.slug}))
    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert "Wójtowi Gminy Dębowa Wola" in text
    assert "RADY GMINY DĘBOWA WOLA" in text.upper()

    # 7. Every step is in the audit log.
    actions = list(AuditEntry.objects.filter(municipality=rural).values_list("action", flat=True))
    assert actions.count("resolution.record") == 2
    assert "process.create_from_blueprint" in actions and "activity.plan" in actions
    assert "activity.update" in actions


def test_bad_dates_get_a_polish_message_next_to_the_field_and_keep_the_input(client, rural):
    from django.utils import translation

    coordinator = user_with_municipality_role(rural, MunicipalityRole.COORDINATOR)
    client.force_login(coordinator)
    from strategia.processes.services import process_create_from_blueprint

    process = process_create_from_blueprint(actor=None, municipality=rural, title="S", slug="s",
                                            start_year=2027, start_quarter=1)
    activity = Activity.objects.filter(stage__process=process).first()
    url = reverse("backoffice:processes_staff:activity_edit",
                  kwargs={"municipality_slug": rural.slug, "process_slug": process.slug, "activity_id": activity.pk})
    with translation.override("pl"):
        response = client.post(url, {"title": "Mój nowy tytuł działania", "short_title": "krótki", "description": "",
                                     "responsible_unit": "", "status": "in_progress", "actual_start": "2027-05-10",
                                     "actual_end": "2027-05-01"}, HTTP_ACCEPT_LANGUAGE="pl")
    assert response.status_code == 200
    html = response.text
    assert "Data zakończenia nie może być wcześniejsza niż data rozpoczęcia." in html
    assert 'aria-invalid="true"' in html
    assert "Mój nowy tytuł działania" in html
    assert 'value="2027-05-10"' in html
