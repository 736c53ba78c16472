"""The seed's schedule is imported exactly: two stages, fifteen activities with the seed's wording."""

from django.utils.translation import override

from strategia.processes.blueprints import seed_schedule
from strategia.processes.enums import DatePrecision
from strategia.processes.periods import period_label


def test_seed_has_two_stages_and_fifteen_activities():
    parsed = seed_schedule()
    assert [s.number for s in parsed.stages] == [1, 2]
    assert [a.number for a in parsed.stages[0].activities] == ["1.1", "1.2", "1.3", "2", "3", "4", "5", "6", "7"]
    assert [a.number for a in parsed.stages[1].activities] == ["1", "2", "3", "4", "5", "6"]


def test_seed_keeps_source_address():
    assert seed_schedule().source_url == "https://strategia.konstancinjeziorna.pl/page/harmonogram-prac"


def test_seed_activities_have_the_seed_wording_and_types():
    stage1, stage2 = seed_schedule().stages
    by_number = {a.number: a for a in stage1.activities}
    assert by_number["1.2"].title == "zebranie wniosków (pomysłów i oczekiwań) do strategii"
    assert by_number["1.2"].activity_type == "call_for_proposals"
    assert by_number["3"].title.startswith("opracowanie założeń (zasad) sporządzania strategii rozwoju gminy")
    assert by_number["7"].activity_type == "implementation_system"
    consultation = stage2.activities[2]
    assert consultation.title == (
        "konsultacje społeczne projektu strategii, w tym przeprowadzenie dyskusji publicznej nt. projektu strategii"
    )
    assert consultation.activity_type == "consultation"
    assert [a.activity_type for a in stage2.activities] == [
        "draft", "opinions", "consultation", "consultation_report", "evaluation", "adoption"
    ]


@override("pl")
def test_seed_quarters_match_the_published_schedule():
    def label(a):

        from strategia.processes.periods import quarter_end, quarter_start

        return period_label(quarter_start(a.first_quarter // 4, a.first_quarter % 4 + 1),
                            quarter_end(a.last_quarter // 4, a.last_quarter % 4 + 1), DatePrecision.QUARTER)

    stage1, stage2 = seed_schedule().stages
    assert [label(a) for a in stage1.activities] == [
        "1 kwartał 2022", "1 kwartał 2022", "1 kwartał 2022", "1 kwartał 2022", "1–2 kwartał 2022",
        "1–2 kwartał 2022", "1–2 kwartał 2022", "1–2 kwartał 2022", "2 kwartał 2022",
    ]
    assert [label(a) for a in stage2.activities] == [
        "2–3 kwartał 2022", "3 kwartał 2022", "3 kwartał 2022", "3 kwartał 2022", "3 kwartał 2022", "4 kwartał 2022",
    ]
