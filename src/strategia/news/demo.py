"""Sample news of Konstancin-Jeziorna's information campaign (akcja informacyjna). Invented texts, labelled
as sample data; dates relative to ``today``, one item scheduled for the coming days. Idempotent: items are
found by slug and updated, through the same services as production."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from strategia.core.deadlines import start_of_day
from strategia.news.models import NewsItem
from strategia.news.services import news_create, news_newsletter_send, news_update
from strategia.processes.models import Activity

SAMPLE_MARK = "[Przykładowa treść – dane demonstracyjne]"

# (slug, days from today, hour, activity type, title, lead, body)
DEMO_NEWS = [
    (
        "rozpoczynamy-prace-nad-strategia", -200, 10, "information_campaign",
        "Rozpoczynamy prace nad strategią rozwoju gminy",
        "Gmina Konstancin-Jeziorna przygotowuje strategię rozwoju do 2030 roku. Zapraszamy wszystkich "
        "mieszkańców do udziału.",
        "Rada Miejska podjęła uchwałę w sprawie trybu i harmonogramu opracowania strategii rozwoju gminy. "
        "Strategia określi, jak gmina chce się rozwijać w najbliższych latach: w sprawach społecznych, "
        "gospodarczych, przestrzennych i środowiskowych.\n\n"
        "Prace potrwają kilka kwartałów. Najpierw przygotujemy diagnozę sytuacji w gminie, potem wspólnie "
        "z mieszkańcami, organizacjami i przedsiębiorcami sformułujemy cele i kierunki działań.\n\n"
        "Aktualne informacje będą publikowane na tej stronie i w newsletterze.",
    ),
    (
        "zglos-pomysl-do-strategii", -190, 9, "call_for_proposals",
        "Zgłoś swój pomysł na rozwój gminy",
        "Do końca naboru można zgłaszać wnioski – pomysły i oczekiwania wobec strategii.",
        "Co warto zmienić w gminie? Czego brakuje w Państwa sołectwie lub osiedlu? Zachęcamy do zgłaszania "
        "pomysłów i oczekiwań, które powinny znaleźć się w strategii rozwoju.\n\n"
        "Wniosek można złożyć przez formularz na platformie, pocztą elektroniczną lub w urzędzie. "
        "Każdy wniosek zostanie rozpatrzony, a zestawienie wniosków z informacją o sposobie ich "
        "uwzględnienia opublikujemy na platformie.",
    ),
    (
        "zapisy-interesariuszy", -185, 12, "stakeholder_signup",
        "Zapisy do udziału w pracach nad strategią",
        "Organizacje, instytucje, przedsiębiorcy i mieszkańcy mogą zgłosić chęć udziału w zespołach "
        "tematycznych.",
        "Zespoły tematyczne sformułują cele rozwoju i kierunki działań strategii. Zapraszamy do nich "
        "przedstawicieli organizacji pozarządowych, sołectw, przedsiębiorców, szkół i instytucji kultury, "
        "a także mieszkańców, którzy chcą aktywnie włączyć się w prace.\n\n"
        "Zgłoszenie zajmuje kilka minut. Prosimy wskazać obszar, który Państwa najbardziej interesuje.",
    ),
    (
        "trwaja-konsultacje-projektu-strategii", -5, 8, "consultation",
        "Trwają konsultacje społeczne projektu strategii",
        "Projekt strategii rozwoju gminy jest gotowy. Czekamy na Państwa uwagi.",
        "Zapraszamy do zapoznania się z projektem strategii i zgłaszania uwag. Uwagi można złożyć na "
        "formularzu elektronicznym na platformie, pocztą elektroniczną, przez ePUAP, pisemnie w urzędzie "
        "lub ustnie do protokołu podczas spotkań konsultacyjnych.\n\n"
        "Konsultacje trwają co najmniej 35 dni. Po ich zakończeniu opublikujemy sprawozdanie z przebiegu "
        "i wyników konsultacji wraz z odpowiedziami na zgłoszone uwagi.",
    ),
    (
        "zaproszenie-na-dyskusje-publiczna", 5, 9, "consultation",
        "Zaproszenie na dyskusję publiczną o projekcie strategii",
        "Zapraszamy na otwarte spotkanie, podczas którego przedstawimy projekt strategii i wysłuchamy "
        "Państwa uwag.",
        "Dyskusja publiczna odbędzie się w sali konferencyjnej urzędu oraz online. Podczas spotkania "
        "przedstawimy najważniejsze cele i kierunki działań projektu strategii. Uwagi zgłoszone ustnie "
        "zostaną zapisane w protokole.\n\n"
        "Sala jest dostępna dla osób poruszających się na wózkach. Osoby potrzebujące tłumacza języka "
        "migowego prosimy o kontakt z urzędem co najmniej 3 dni przed spotkaniem.",
    ),
]


def _activity(process, activity_type: str):
    if process is None:
        return None
    return (Activity.objects.filter(stage__process=process, activity_type=activity_type)
            .select_related("stage__process").order_by("stage__number", "position").first())


def news_load(*, municipality, process, today: dt.date) -> list[NewsItem]:
    now = timezone.now()
    items = []
    for slug, days, hour, activity_type, title, lead, body in DEMO_NEWS:
        fields = {
            "title": title, "lead": lead, "body": f"{SAMPLE_MARK}\n\n{body}", "process": process,
            "activity": _activity(process, activity_type),
            "published_at": start_of_day(today + dt.timedelta(days=days)) + dt.timedelta(hours=hour),
            "is_sample": True,
        }
        item = NewsItem.objects.filter(municipality=municipality, slug=slug).first()
        if item is None:
            item = news_create(actor=None, municipality=municipality, slug=slug, **fields)
        else:
            item = news_update(actor=None, item=item, **fields)
        if item.published_at <= now and item.newsletter_sent_at is None:
            # Old sample news is sent at once (a fresh demo has no subscribers), so that the job never mails
            # months-old news later.
            item = news_newsletter_send(actor=None, item=item, now=now)
        items.append(item)
    return items
