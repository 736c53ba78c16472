"""The text of the demo's consultation, as data: the consultation's settings, its meetings, the addressees of
art. 6 ust. 3 u.z.p.p.r. and about sixty remarks with their answers.

What is real: the neighbouring gminas of Konstancin-Jeziorna (``legal_pl.md`` §6.1) with their offices' postal
addresses, the RZGW Wody Polskie in Warsaw, the places (Hugonówka, the office at ul. Piaseczyńska 77), the
geography the remarks talk about (the Jeziorka, road 724, Skolimów, Chylice, Mirków, the former paper mill).
What is invented and labelled: every remark (its text starts with ``SAMPLE_MARK``), every submitter (names such as
"Jan Przykładowy", organisations marked "dane przykładowe"), the local partners, electronic addresses, proofs of
sending and receipt, attendance figures and every answer.

Days are counted from the announcement day (day 1 is the first day of the comment period); ``after_end`` counts
from the last day instead (0 = the last day itself, 1 = the day after)."""

from __future__ import annotations

from dataclasses import dataclass

from strategia.consultation.enums import (
    AddresseeKind,
    Channel,
    DispatchChannel,
    MeetingForm,
    MeetingKind,
    Stance,
    SubmitterCategory,
    SubmitterKind,
)

SAMPLE_MARK = "[Przykładowa treść – dane demonstracyjne]"
SAMPLE = "(dane przykładowe)"

TITLE = "Konsultacje społeczne projektu Strategii Rozwoju Gminy Konstancin-Jeziorna do 2030 roku"
FORECAST_TITLE = ("Prognoza oddziaływania na środowisko projektu Strategii Rozwoju Gminy Konstancin-Jeziorna "
                  "do 2030 roku")
PERIOD_DAYS = 36  # one more than the statutory minimum, so the last day is never at the edge
STAFF_EMAIL = "pracownik@demo.strategia.example"


@dataclass(frozen=True)
class DemoMeeting:
    key: str
    kind: str
    day: int
    start: str
    hours: int
    place: str
    form: str
    accessibility: str
    attendance: int


MEETINGS = (
    DemoMeeting(
        key="hugonowka", kind=MeetingKind.MEETING, day=10, start="18:00", hours=2,
        place="Konstanciński Dom Kultury „Hugonówka”, ul. Mostowa 15, Konstancin-Jeziorna",
        form=MeetingForm.IN_PERSON,
        accessibility="Sala na parterze, wejście bez progów. Tłumacz PJM na zgłoszenie do 3 dni przed spotkaniem.",
        attendance=38,
    ),
    DemoMeeting(
        key="dyskusja", kind=MeetingKind.PUBLIC_DISCUSSION, day=31, start="17:00", hours=3,
        place="Sala konferencyjna Urzędu Miasta i Gminy Konstancin-Jeziorna, ul. Piaseczyńska 77, oraz online",
        form=MeetingForm.HYBRID,
        accessibility="Sala dostępna dla osób poruszających się na wózkach, pętla indukcyjna. Transmisja online "
                      "z napisami na żywo. Tłumacz PJM na zgłoszenie do 3 dni przed dyskusją.",
        attendance=64,
    ),
)


@dataclass(frozen=True)
class DemoAddressee:
    kind: str
    name: str
    address: str = ""
    electronic_address: str = ""
    channel: str = DispatchChannel.EDORECZENIA
    sent_day: int = 0  # 0 = the announcement day
    receipt_day: int | None = 1  # None: the proof of receipt has not come back yet


def _ade(code: str) -> str:
    return f"AE:PL-00000-00000-{code}-00 {SAMPLE}"


# The neighbours of legal_pl.md §6.1: m.st. Warszawa (N), Józefów, Otwock and Karczew (E, across the Vistula),
# Góra Kalwaria (S), Piaseczno (W). Warsaw is one gmina: its districts (Wilanów borders the gmina) are not addressees.
ADDRESSEES = (
    DemoAddressee(AddresseeKind.NEIGHBOURING_GMINA, "Prezydent m.st. Warszawy",
                  "pl. Bankowy 3/5, 00-950 Warszawa", _ade("WARSZ")),
    DemoAddressee(AddresseeKind.NEIGHBOURING_GMINA, "Burmistrz Miasta i Gminy Piaseczno",
                  "ul. Kościuszki 5, 05-500 Piaseczno", _ade("PIASE")),
    DemoAddressee(AddresseeKind.NEIGHBOURING_GMINA, "Burmistrz Miasta i Gminy Góra Kalwaria",
                  "ul. 3 Maja 10, 05-530 Góra Kalwaria", _ade("GORAK")),
    DemoAddressee(AddresseeKind.NEIGHBOURING_GMINA, "Burmistrz Miasta Józefowa",
                  "ul. Kardynała Wyszyńskiego 1, 05-420 Józefów", _ade("JOZEF")),
    DemoAddressee(AddresseeKind.NEIGHBOURING_GMINA, "Prezydent Miasta Otwocka",
                  "ul. Armii Krajowej 5, 05-400 Otwock", _ade("OTWOC"), receipt_day=2),
    DemoAddressee(AddresseeKind.NEIGHBOURING_GMINA, "Burmistrz Gminy Karczew",
                  "ul. Warszawska 28, 05-480 Karczew", _ade("KARCZ")),
    DemoAddressee(AddresseeKind.WATER_AUTHORITY,
                  "Dyrektor Regionalnego Zarządu Gospodarki Wodnej w Warszawie Państwowego Gospodarstwa Wodnego "
                  "Wody Polskie", "ul. Zarzecze 13B, 03-194 Warszawa", _ade("RZGWW")),
    DemoAddressee(AddresseeKind.PARTNER, f"Stowarzyszenie Przyjaciół Doliny Jeziorki {SAMPLE}",
                  "ul. Przykładowa 1, 05-520 Konstancin-Jeziorna", "kontakt@jeziorka.example",
                  channel=DispatchChannel.EMAIL, receipt_day=None),
    DemoAddressee(AddresseeKind.PARTNER, f"Konstanciński Klub Przedsiębiorców {SAMPLE}",
                  "ul. Przykładowa 2, 05-520 Konstancin-Jeziorna", channel=DispatchChannel.POST, sent_day=1,
                  receipt_day=None),
    DemoAddressee(AddresseeKind.PARTNER, f"Rada Seniorów Gminy Konstancin-Jeziorna {SAMPLE}",
                  "ul. Piaseczyńska 77, 05-520 Konstancin-Jeziorna", channel=DispatchChannel.IN_PERSON,
                  sent_day=1, receipt_day=None),
    DemoAddressee(AddresseeKind.RESIDENTS, "Mieszkańcy Gminy Konstancin-Jeziorna",
                  channel=DispatchChannel.PUBLIC_NOTICE, receipt_day=None),
)


@dataclass(frozen=True)
class Answer:
    stance: str
    justification: str
    change: str = ""


@dataclass(frozen=True)
class DemoRemark:
    """A remark on a paragraph of the draft (``target``: a phrase of its text), on the forecast (``forecast``:
    chapter and page, as text) or general (``general``: how the fragment is described)."""

    content: str
    answer: Answer | str  # an answer, or the key of a joint answer in JOINT_ANSWERS
    target: str = ""
    forecast: str = ""
    general: str = ""
    proposed: str = ""
    justification: str = ""


@dataclass(frozen=True)
class DemoSubmission:
    channel: str
    time: str
    remarks: tuple[DemoRemark, ...]
    day: int = 0
    after_end: int | None = None
    kind: str = SubmitterKind.PERSON
    category: str = SubmitterCategory.RESIDENT
    name: str = ""
    organisation: str = ""
    consent: bool = False
    email: str = ""
    postmark_day: int | None = None
    postmark_after_end: int | None = None
    meeting: str = ""
    hide: str = ""  # the reason for hiding its remarks


# --- paragraphs of the demo draft the remarks are about (a phrase of each, see documents/demo_content.py) ---------

TRAFFIC = "Układ komunikacyjny opiera się na drogach wojewódzkich"
SPA = "Szczególnym potencjałem gminy jest status uzdrowiska"
SPACE = "Przestrzeń gminy jest zróżnicowana"
NATURE = "Gmina wyróżnia się dużym udziałem terenów leśnych"
ENVIRONMENT = "Najważniejszymi wyzwaniami środowiskowymi"
SOCIAL = "Mieszkańcy wysoko oceniają jakość życia"
DEMOGRAPHY = "Gmina należy do jednostek o dodatnim saldzie migracji"
VISION = "Konstancin-Jeziorna w 2030 roku to zielona gmina"
GOAL1 = "Dotyczy zapewnienia mieszkańcom wszystkich grup"
COMMUNITY = "Istotnym elementem celu jest budowanie wspólnoty lokalnej"
GOAL2 = "Zakłada wykorzystanie statusu uzdrowiska"
GOAL3_LINKS = "Cel obejmuje także poprawę powiązań komunikacyjnych"
CLIMATE = "Gmina będzie zwiększać odporność na skutki zmian klimatu"
ACTIONS1 = "**1.2.** Rozwój usług opiekuńczych"
ACTIONS2 = "**2.1.** Rozwój funkcji uzdrowiskowej"
ACTIONS3 = "**3.4.** Budowa spójnej sieci dróg rowerowych"
ACTIONS4 = "**4.2.** Poprawa jakości powietrza"
INDICATORS = "Długość dróg dla rowerów"
FLOOD_POLICY = "ograniczanie zabudowy na obszarach szczególnego zagrożenia powodzią"
COOPERATION = "Rekomenduje się prowadzenie polityki przestrzennej we współpracy"
VISTULA_OSI = "**dolina Wisły** – zakres planowanych działań"
OSI_CENTRE = "Obszar obejmuje centrum miasta wraz z terenami poprzemysłowymi"
OSI_SPA = "Obszar obejmuje uzdrowisko wraz z parkami"
OSI_SOUTH = "Obszar obejmuje sołectwa o ograniczonej dostępności"
FINANCE = "| Cel strategiczny 4 | 25 |"
MONITORING = "Monitorowanie prowadzi się corocznie"
ZONES = "**strefa uzdrowiskowo-rekreacyjna**"

GENERAL = "uwaga ogólna do projektu Strategii"

LATE_STRATEGY = Answer(
    Stance.NOT_CONSIDERED,
    "Uwaga wpłynęła do urzędu po upływie terminu konsultacji. Zgodnie z uchwałą Rady Miejskiej w sprawie trybu "
    "konsultacji o zachowaniu terminu decyduje data wpływu, a uwag złożonych po terminie nie rozpatruje się. "
    "Postulat zostanie przekazany do wykorzystania przy opracowaniu programów wykonawczych.",
)
LATE_FORECAST = Answer(
    Stance.NOT_CONSIDERED,
    "Uwaga do prognozy oddziaływania na środowisko wpłynęła po upływie terminu; zgodnie z art. 41 ustawy "
    "o udostępnianiu informacji o środowisku i jego ochronie (…) uwagi złożone po terminie pozostawia się bez "
    "rozpatrzenia.",
)
ANONYMOUS = Answer(
    Stance.NOT_CONSIDERED,
    "Uwaga została złożona anonimowo. Uchwała Rady Miejskiej w sprawie trybu konsultacji nie przewiduje "
    "rozpatrywania uwag anonimowych. Problem hałasu przy drodze wojewódzkiej nr 724 jest jednak opisany "
    "w diagnozie i w kierunku działań 3.3.",
)

JOINT_ANSWERS = {
    "chylice": Answer(
        Stance.PARTLY,
        "Droga nr 724 jest drogą wojewódzką, a jej zarządcą jest Mazowiecki Zarząd Dróg Wojewódzkich; gmina nie "
        "może sama wybudować chodnika w pasie drogowym. Strategia wskaże jednak bezpieczne dojścia do szkół jako "
        "priorytet współpracy z zarządcami dróg. Budowa konkretnego przejścia wykracza poza poziom Strategii "
        "i zostanie zgłoszona zarządcy drogi.",
        "W celu strategicznym 3 dopisano: „w tym bezpieczne dojścia do szkół wzdłuż dróg wojewódzkich, "
        "realizowane we współpracy z ich zarządcami”.",
    ),
}

IDENTICAL_CHYLICE = (
    "Mieszkańcy Chylic od lat czekają na chodnik i bezpieczne przejście dla pieszych przy drodze wojewódzkiej "
    "nr 724, którą dzieci chodzą do szkoły. Proszę wpisać to zadanie do Strategii jako priorytet."
)


def _chylice(day: int, time: str, channel: str, name: str, *, consent: bool = False,
             email: str = "", postmark_day: int | None = None) -> DemoSubmission:
    return DemoSubmission(
        channel=channel, day=day, time=time, name=name, consent=consent, email=email, postmark_day=postmark_day,
        remarks=(DemoRemark(IDENTICAL_CHYLICE, "chylice", target=GOAL3_LINKS,
                            proposed="Dopisać: „budowa chodników i bezpiecznych przejść dla pieszych przy drodze "
                                     "wojewódzkiej nr 724 w Chylicach”.",
                            justification="Bezpieczeństwo dzieci w drodze do szkoły."),),
    )


SUBMISSIONS: tuple[DemoSubmission, ...] = (
    DemoSubmission(
        Channel.PLATFORM, day=1, time="19:42", name="Jan Przykładowy", consent=True,
        email="jan.przykladowy@przyklad.example",
        remarks=(DemoRemark(
            "Diagnoza nie mówi wprost, że droga wojewódzka nr 724 jest w godzinach szczytu zakorkowana od "
            "Skolimowa do granicy z Warszawą. Bez tego wniosku kierunki działań w sferze transportu są zbyt ogólne.",
            Answer(Stance.PARTLY,
                   "Diagnoza zostanie uzupełniona o wniosek dotyczący przeciążenia drogi nr 724. Wskazanie "
                   "konkretnych inwestycji drogowych (np. obwodnicy) wykracza poza poziom Strategii.",
                   "W punkcie dotyczącym układu komunikacyjnego dopisano zdanie o przeciążeniu drogi wojewódzkiej "
                   "nr 724 w godzinach szczytu."),
            target=TRAFFIC,
            proposed="Dopisać: „Szczególnie obciążona jest droga wojewódzka nr 724 na odcinku od Skolimowa do "
                     "granicy z Warszawą.”",
            justification="Codzienne dojazdy do pracy w Warszawie zajmują ponad godzinę."),),
    ),
    DemoSubmission(
        Channel.EMAIL, day=2, time="08:15", name="Anna Testowa", email="anna.testowa@przyklad.example",
        remarks=(DemoRemark(
            "Brakuje połączenia rowerowego wzdłuż Jeziorki z Powsinem i Wilanowem. Wiele osób jeździłoby rowerem "
            "do pracy w Warszawie, gdyby trasa była ciągła i bezpieczna.",
            Answer(Stance.ACCEPTED,
                   "Uwaga słuszna: ciągłość tras rowerowych z Warszawą jest warunkiem ich użyteczności.",
                   "Kierunek działań 3.4 uzupełniono o „połączenia rowerowe z Warszawą (Wilanów) i gminami "
                   "sąsiednimi, w tym wzdłuż doliny Jeziorki”."),
            target=ACTIONS3,
            proposed="„3.4. Budowa spójnej sieci dróg rowerowych i ciągów pieszych, w tym połączeń z Wilanowem "
                     "wzdłuż doliny Jeziorki.”"),),
    ),
    DemoSubmission(
        Channel.PLATFORM, day=2, time="23:05", kind=SubmitterKind.ANONYMOUS,
        remarks=(DemoRemark(
            "Hałas z drogi 724 w nocy jest nie do wytrzymania, a w Strategii nie ma ani słowa o ekranach "
            "akustycznych.", ANONYMOUS, target=TRAFFIC),),
    ),
    _chylice(3, "07:30", Channel.PLATFORM, "Maria Wzorcowa", consent=True),
    _chylice(3, "21:10", Channel.PLATFORM, "Piotr Fikcyjny"),
    _chylice(4, "12:00", Channel.EMAIL, "Ewa Przykładowa", email="ewa.przykladowa@przyklad.example"),
    _chylice(6, "10:20", Channel.POST, "Tomasz Testowy", postmark_day=4),
    _chylice(9, "18:45", Channel.PLATFORM, "Barbara Demonstracyjna", consent=True),
    _chylice(14, "09:05", Channel.PLATFORM, "Krzysztof Wzorcowy"),
    DemoSubmission(
        Channel.EDORECZENIA, day=4, time="11:30", kind=SubmitterKind.ORGANISATION,
        category=SubmitterCategory.NEIGHBOURING_GMINA, organisation="Gmina Piaseczno",
        name=f"Jan Urzędniczy {SAMPLE}",
        remarks=(
            DemoRemark(
                "Dolina Jeziorki łączy nasze gminy. Proponujemy wpisać wspólne planowanie ciągu rowerowego "
                "i korytarza ekologicznego wzdłuż rzeki od Piaseczna do ujścia do Wisły.",
                Answer(Stance.ACCEPTED, "Propozycja zgodna z kierunkiem współpracy z gminami sąsiednimi.",
                       "W rekomendacjach polityki przestrzennej dopisano dolinę Jeziorki jako obszar wspólnego "
                       "planowania z Gminą Piaseczno."),
                target=COOPERATION),
            DemoRemark(
                "Prosimy o wskazanie wspólnych linii autobusowych Piaseczno–Konstancin-Jeziorna jako formy "
                "realizacji kierunku działań 3.3.",
                Answer(Stance.EXPLANATION,
                       "Kierunek 3.3 obejmuje rozwój transportu zbiorowego we współpracy z gminami sąsiednimi; "
                       "konkretne linie zostaną ustalone w porozumieniu komunikacyjnym, nie w Strategii."),
                target=GOAL3_LINKS),
        ),
    ),
    DemoSubmission(
        Channel.PLATFORM, day=5, time="20:30", name="Katarzyna Przykładowa", consent=True,
        remarks=(DemoRemark(
            "Tężnia w Parku Zdrojowym przyciąga gości z całej okolicy, ale brakuje wokół niej ławek w cieniu "
            "i alejek dostępnych dla wózków. To powinno być w Strategii.",
            Answer(Stance.EXPLANATION,
                   "Dostępność parków uzdrowiskowych mieści się w kierunkach działań 1.5 i 2.1; konkretne prace "
                   "w Parku Zdrojowym zostaną zaplanowane w programie wykonawczym."),
            target=SPA),),
    ),
    DemoSubmission(
        Channel.EMAIL, day=6, time="14:10", kind=SubmitterKind.ORGANISATION, category=SubmitterCategory.BUSINESS,
        organisation=f"Pensjonat „Pod Sosnami” {SAMPLE}", name="Adam Fikcyjny",
        email="recepcja@pod-sosnami.example",
        remarks=(DemoRemark(
            "Proponujemy wspólną kartę turystyczną uzdrowiska (noclegi, tężnia, wypożyczalnia rowerów, Hugonówka) "
            "jako przykład produktu turystycznego.",
            Answer(Stance.PARTLY,
                   "Idea wspólnych produktów turystycznych jest w kierunku 2.3; Strategia nie przesądza formy "
                   "karty, ale wskazuje wspólną ofertę przedsiębiorców jako przykład.",
                   "W kierunku działań 2.3 dodano przykład „wspólna oferta pakietowa uzdrowiska”."),
            target=ACTIONS2),),
    ),
    DemoSubmission(
        Channel.POST, day=7, time="10:00", postmark_day=5, name="Stanisław Próbny",
        remarks=(DemoRemark(
            "W Czarnowie, Habdzinie i Obórkach nie ma żadnego miejsca dla seniorów. Trzeba dojeżdżać do miasta, "
            "a autobus kursuje rzadko.",
            Answer(Stance.ACCEPTED,
                   "Uwaga zgodna z wnioskami z diagnozy o ograniczonej dostępności usług w sołectwach.",
                   "Kierunek działań 1.2 uzupełniono o „kluby seniora w sołectwach południowej części gminy”."),
            target=ACTIONS1, proposed="Dopisać kluby seniora w sołectwach południowej części gminy."),),
    ),
    DemoSubmission(
        Channel.EPUAP, day=8, time="09:40", kind=SubmitterKind.ORGANISATION, category=SubmitterCategory.NGO,
        organisation=f"Fundacja Młodzi dla Konstancina {SAMPLE}", name="Joanna Próbna",
        remarks=(DemoRemark(
            "Młodzież nie ma w gminie miejsca spotkań poza szkołą. Proponujemy młodzieżowy klub w dawnej "
            "papierni i młodzieżową radę gminy.",
            Answer(Stance.PARTLY,
                   "Poszerzenie oferty dla młodzieży jest w kierunku 1.3; lokalizacja klubu zostanie rozważona "
                   "w programie rewitalizacji, a Młodzieżowa Rada Gminy zostanie wpisana jako forma udziału.",
                   "W celu strategicznym 1 dopisano Młodzieżową Radę Gminy."),
            target=COMMUNITY),),
    ),
    DemoSubmission(
        Channel.PLATFORM, day=9, time="22:15", name="Marek Przykładowy",
        hide="Zawiera imię, nazwisko i adres osoby trzeciej (sąsiada).",
        remarks=(DemoRemark(
            "Mój sąsiad [imię, nazwisko i adres osoby trzeciej] co wieczór pali śmieci w piecu i nikt nic z tym "
            "nie robi. Strategia powinna to zmienić.",
            Answer(Stance.EXPLANATION,
                   "Poprawa jakości powietrza jest celem kierunku działań 4.2 (wymiana źródeł ciepła, kontrole "
                   "palenisk). Zgłoszenie dotyczące konkretnej posesji przekazano straży miejskiej."),
            target=ACTIONS4),),
    ),
    DemoSubmission(
        Channel.ORAL, day=10, time="18:40", meeting="hugonowka", name="Tomasz Przykładowy", consent=True,
        remarks=(DemoRemark(
            "Po dawnej fabryce papieru w Jeziornie zostały zabytkowe budynki. Strategia powinna chronić to "
            "dziedzictwo przemysłowe, np. izbą pamięci papiernictwa.",
            Answer(Stance.PARTLY,
                   "Ochrona dziedzictwa poprzemysłowego zostanie wskazana w OSI 1; forma (izba pamięci, muzeum) "
                   "zostanie ustalona z właścicielami terenu.",
                   "W opisie OSI 1 dopisano „ochronę i udostępnienie dziedzictwa dawnej papierni”."),
            target=OSI_CENTRE),),
    ),
    DemoSubmission(
        Channel.ORAL, day=10, time="19:05", meeting="hugonowka", name="Grzegorz Testowy",
        remarks=(DemoRemark(
            "W Skolimowie przy uzdrowisku brakuje parkingów, goście parkują na trawnikach. Proszę zaplanować duży "
            "parking przy parku.",
            Answer(Stance.REJECTED,
                   "Duży parking w strefie uzdrowiskowo-rekreacyjnej byłby sprzeczny z ochroną jej walorów. "
                   "Strategia stawia na transport zbiorowy i rowerowy; parkingi przesiadkowe poza strefą zostaną "
                   "rozważone w planie zrównoważonej mobilności."),
            target=ZONES),),
    ),
    DemoSubmission(
        Channel.EMAIL, day=11, time="13:25", kind=SubmitterKind.ORGANISATION,
        category=SubmitterCategory.PUBLIC_INSTITUTION,
        organisation=f"Przykładowa Szkoła Podstawowa w Mirkowie {SAMPLE}",
        name="Helena Przykładowa", email="sekretariat@szkola-przyklad.example",
        remarks=(DemoRemark(
            "Szkoła w Mirkowie pracuje na dwie zmiany. Strategia powinna wprost przewidywać rozbudowę bazy "
            "oświatowej w północnej części miasta.",
            Answer(Stance.EXPLANATION,
                   "Kierunek 1.1 obejmuje rozwój infrastruktury edukacji dostosowanej do liczby uczniów; "
                   "konkretne inwestycje wskaże gminna strategia oświatowa i wieloletnia prognoza finansowa."),
            target=GOAL1),),
    ),
    DemoSubmission(
        Channel.EDORECZENIA, day=12, time="10:50", kind=SubmitterKind.ORGANISATION,
        category=SubmitterCategory.WATER_AUTHORITY,
        organisation="Państwowe Gospodarstwo Wodne Wody Polskie, Regionalny Zarząd Gospodarki Wodnej w Warszawie",
        name=f"Paweł Próbny {SAMPLE}",
        remarks=(
            DemoRemark(
                "Ustalenie dotyczące ograniczania zabudowy na obszarach szczególnego zagrożenia powodzią należy "
                "powiązać z mapami zagrożenia powodziowego i planem zarządzania ryzykiem powodziowym dla dorzecza "
                "Wisły.",
                Answer(Stance.ACCEPTED, "Uwaga zasadna.",
                       "Ustalenie uzupełniono o odesłanie do map zagrożenia powodziowego i planu zarządzania "
                       "ryzykiem powodziowym."),
                target=FLOOD_POLICY),
            DemoRemark(
                "W prognozie brakuje oceny wpływu ustaleń Strategii na stan jednolitej części wód Jeziorki i na "
                "cele środowiskowe planu gospodarowania wodami.",
                Answer(Stance.ACCEPTED, "Uwaga zasadna.",
                       "Prognozę uzupełniono o ocenę wpływu na stan wód Jeziorki i cele środowiskowe."),
                forecast="Prognoza, rozdz. 4.3 „Wody powierzchniowe”, s. 27"),
        ),
    ),
    DemoSubmission(
        Channel.PLATFORM, day=13, time="07:55", name="Agnieszka Wzorcowa", consent=True,
        remarks=(DemoRemark(
            "Autobusy do stacji metra Wilanowska jeżdżą za rzadko wieczorem. Strategia powinna przewidywać "
            "nocne połączenie z Warszawą.",
            Answer(Stance.PARTLY,
                   "Strategia przewiduje rozwój transportu zbiorowego z Warszawą (kierunek 3.3); rozkład jazdy "
                   "i linie nocne są przedmiotem porozumienia z Warszawą.",
                   "W kierunku działań 3.3 dopisano „w tym połączenia wieczorne i nocne z Warszawą”."),
            target=GOAL3_LINKS),),
    ),
    DemoSubmission(
        Channel.POST, day=14, time="11:15", postmark_day=12, kind=SubmitterKind.ORGANISATION,
        category=SubmitterCategory.BUSINESS, organisation=f"Konstanciński Klub Przedsiębiorców {SAMPLE}",
        name="Andrzej Przykładowy",
        remarks=(
            DemoRemark(
                "Tereny pod działalność gospodarczą powinny zostać wskazane także przy granicy strefy "
                "uzdrowiskowej, gdzie jest popyt na usługi.",
                Answer(Stance.REJECTED,
                       "Ustalenia polityki przestrzennej lokalizują działalność gospodarczą poza strefą "
                       "uzdrowiskowo-rekreacyjną, aby chronić status uzdrowiska; propozycja jest z nimi sprzeczna."),
                target=GOAL2),
            DemoRemark(
                "W ramach finansowych brakuje wsparcia dla przedsiębiorców w celu 2.",
                Answer(Stance.EXPLANATION,
                       "Ramy finansowe pokazują nakłady gminy i środki zewnętrzne; wsparcie przedsiębiorców "
                       "(obsługa inwestora, promocja) jest ujęte w kierunkach 2.3 i 2.5."),
                target=FINANCE),
        ),
    ),
    DemoSubmission(
        Channel.EMAIL, day=15, time="16:40", name="Teresa Próbna", consent=True,
        email="teresa.probna@przyklad.example",
        remarks=(DemoRemark(
            "Wizja powinna mówić o Konstancinie jako o mieście-ogrodzie, bo tak go postrzegają mieszkańcy.",
            Answer(Stance.REJECTED,
                   "Wizja jest wynikiem warsztatów strategicznych i opisuje całą gminę, także jej część wiejską; "
                   "określenie „miasto-ogród” dotyczy tylko części miejskiej."),
            target=VISION),),
    ),
    DemoSubmission(
        Channel.PLATFORM, day=15, time="21:20", name="Jacek Demonstracyjny",
        remarks=(
            DemoRemark(
                "Wartość docelowa 45 km dróg rowerowych jest za niska, proponuję 60 km.",
                Answer(Stance.REJECTED,
                       "Wartość docelowa wynika z ram finansowych; zwiększenie jej bez źródeł finansowania "
                       "uczyniłoby wskaźnik nierealnym. Zostanie zweryfikowana przy ewaluacji śródokresowej."),
                target=INDICATORS, proposed="Wartość docelowa 2030: 60 km."),
            DemoRemark(
                "Proszę dodać wskaźnik liczby miejsc w klubach seniora.",
                Answer(Stance.ACCEPTED, "Wskaźnik dobrze mierzy kierunek 1.2.",
                       "Do tabeli 1 dodano wskaźnik „Liczba miejsc w klubach seniora”."),
                target=INDICATORS),
        ),
    ),
    DemoSubmission(
        Channel.EPUAP, day=16, time="12:35", name="Irena Wzorcowa", consent=True,
        remarks=(DemoRemark(
            "Dolina Jeziorki to najcenniejsze miejsce gminy. Proszę wpisać szlak kajakowy i zakaz zabudowy w jej "
            "dnie.",
            Answer(Stance.ACCEPTED,
                   "Ochrona doliny Jeziorki jako korytarza ekologicznego jest zgodna z celem 4.",
                   "W diagnozie i w kierunku 4.1 wskazano dolinę Jeziorki wraz z turystyką kajakową o niskim "
                   "wpływie na przyrodę."),
            target=NATURE),),
    ),
    DemoSubmission(
        Channel.PLATFORM, day=17, time="21:35", name="Wiktoria Przykładowa", consent=True,
        remarks=(
            DemoRemark(
                "W sezonie grzewczym w Jeziornie i Mirkowie czuć dym z pieców. Diagnoza powinna podawać, ile "
                "kopciuchów zostało do wymiany.",
                Answer(Stance.ACCEPTED, "Uwaga zasadna; liczba źródeł ciepła do wymiany jest podstawą wskaźnika.",
                       "W diagnozie środowiska dopisano szacunkową liczbę źródeł ciepła niespełniających norm "
                       "(wartość przykładowa)."),
                target=ENVIRONMENT),
            DemoRemark(
                "Nowe osiedla w Opaczy i Kawęczynie powstają bez chodników i szkół. Proszę napisać wprost, że "
                "gmina nie będzie wyznaczać nowych terenów mieszkaniowych bez infrastruktury.",
                Answer(Stance.EXPLANATION,
                       "Ustalenia polityki przestrzennej przewidują koncentrację zabudowy na obszarach wyposażonych "
                       "w infrastrukturę; szczegółowe zasady określi plan ogólny gminy."),
                target=SPACE),
        ),
    ),
    DemoSubmission(
        Channel.POST, day=19, time="09:30", postmark_day=17, kind=SubmitterKind.ORGANISATION,
        category=SubmitterCategory.NGO, organisation=f"Stowarzyszenie Przyjaciół Doliny Jeziorki {SAMPLE}",
        name="Monika Fikcyjna",
        remarks=(
            DemoRemark(
                "W kierunku 4.1 należy wymienić z nazwy korytarz ekologiczny doliny Jeziorki.",
                Answer(Stance.ACCEPTED, "Uwaga zasadna.", "W kierunku 4.1 wymieniono dolinę Jeziorki."),
                target="**4.1.** Ochrona terenów cennych przyrodniczo"),
            DemoRemark(
                "Retencja wód opadowych powinna objąć odtworzenie starorzeczy i mokradeł w Łęgu i Obórkach.",
                Answer(Stance.PARTLY,
                       "Kierunek 4.4 obejmuje retencję, także naturalną; wskazanie konkretnych miejsc wymaga "
                       "analiz hydrologicznych.",
                       "W kierunku 4.4 dopisano „w tym odtwarzanie naturalnej retencji w dolinie Wisły”."),
                target=CLIMATE),
            DemoRemark(
                "Prognoza nie ocenia wpływu planowanej ścieżki rowerowej wzdłuż Jeziorki na siedliska nadrzeczne.",
                Answer(Stance.EXPLANATION,
                       "Strategia nie przesądza przebiegu ścieżki; jej wpływ na siedliska zostanie oceniony "
                       "w postępowaniu o wydanie decyzji środowiskowej dla konkretnej inwestycji."),
                forecast="Prognoza, rozdz. 6 „Przewidywane oddziaływania”, s. 41"),
            DemoRemark(
                "Proponujemy coroczne otwarte spotkanie, na którym burmistrz przedstawi postępy realizacji "
                "Strategii.",
                Answer(Stance.EXPLANATION,
                       "Wyniki monitorowania są przedstawiane w raporcie o stanie gminy i omawiane na sesji "
                       "Rady Miejskiej z udziałem mieszkańców (art. 28aa u.s.g.)."),
                target=MONITORING),
            DemoRemark(
                "Gmina powinna ogłaszać mikrogranty na inicjatywy sąsiedzkie.",
                Answer(Stance.PARTLY,
                       "Wsparcie inicjatyw sąsiedzkich jest w kierunku 1.4; forma (mikrogranty) zostanie "
                       "określona w programie współpracy z organizacjami pozarządowymi.",
                       "W kierunku 1.4 dodano przykład „mikrogranty na inicjatywy sąsiedzkie”."),
                general=GENERAL),
        ),
    ),
    DemoSubmission(
        Channel.PLATFORM, day=19, time="18:05", category=SubmitterCategory.OTHER, name="Łukasz Testowy",
        remarks=(DemoRemark(
            "Jako właściciel domu letniskowego w Skolimowie (bez meldunku) zwracam uwagę, że wielu "
            "„letników” chętnie włączyłoby się w życie gminy, ale nie ma dla nich oferty.",
            Answer(Stance.EXPLANATION,
                   "Integracja nowych i sezonowych mieszkańców jest wskazana w diagnozie i w celu 1; Strategia "
                   "nie różnicuje oferty według miejsca zameldowania."),
            target=SOCIAL),),
    ),
    DemoSubmission(
        Channel.EMAIL, day=20, time="10:10", kind=SubmitterKind.ORGANISATION,
        category=SubmitterCategory.PUBLIC_INSTITUTION, organisation=f"Przykładowa Biblioteka Publiczna {SAMPLE}",
        name="Zofia Testowa", email="biblioteka@przyklad.example",
        remarks=(DemoRemark(
            "W diagnozie warto wspomnieć o wykluczeniu cyfrowym seniorów, a w kierunkach działań o kursach "
            "w bibliotekach.",
            Answer(Stance.ACCEPTED, "Uwaga zasadna.",
                   "W diagnozie sfery społecznej dopisano wykluczenie cyfrowe seniorów."),
            target=DEMOGRAPHY),),
    ),
    DemoSubmission(
        Channel.PLATFORM, day=21, time="08:45", name="Paulina Próbna",
        remarks=(DemoRemark(
            "W południowej części gminy nie ma przychodni. Proszę wpisać punkt podstawowej opieki zdrowotnej "
            "w OSI 3.",
            Answer(Stance.ACCEPTED, "Uwaga zgodna z zakresem OSI 3.",
                   "W opisie OSI 3 dopisano „dostęp do podstawowej opieki zdrowotnej”."),
            target=OSI_SOUTH),),
    ),
    DemoSubmission(
        Channel.EDORECZENIA, day=22, time="11:00", kind=SubmitterKind.ORGANISATION,
        category=SubmitterCategory.NEIGHBOURING_GMINA, organisation="Gmina Góra Kalwaria",
        name=f"Anna Urzędnicza {SAMPLE}",
        remarks=(DemoRemark(
            "Proponujemy wpisać wspólne działania na rzecz wiślanej trasy rowerowej na wale przeciwpowodziowym "
            "od Konstancina do Góry Kalwarii.",
            Answer(Stance.ACCEPTED, "Propozycja zgodna z zakresem OSI „dolina Wisły”.",
                   "W OSI „dolina Wisły” dodano „trasę rowerową wzdłuż Wisły, we współpracy z gminami "
                   "sąsiednimi”."),
            target=VISTULA_OSI),),
    ),
    DemoSubmission(
        Channel.EMAIL, day=22, time="19:30", category=SubmitterCategory.OTHER, name="Robert Fikcyjny",
        email="robert.fikcyjny@przyklad.example",
        remarks=(DemoRemark(
            "Jako kuracjusz z Warszawy proszę o parking przesiadkowy przy granicy gminy, skąd można dojechać do "
            "parku autobusem.",
            Answer(Stance.EXPLANATION,
                   "Węzły przesiadkowe są ujęte w kierunku 3.3; ich lokalizację określi plan zrównoważonej "
                   "mobilności."),
            target=OSI_SPA),),
    ),
    DemoSubmission(
        Channel.PLATFORM, day=23, time="20:50", name="Natalia Wzorcowa", consent=True,
        remarks=(DemoRemark(
            "Na cel 4 przeznaczono w ramach finansowych za mało pieniędzy z budżetu gminy.",
            Answer(Stance.REJECTED,
                   "Cel 4 ma najwyższy udział środków zewnętrznych; zwiększenie udziału budżetu gminy "
                   "wymagałoby ograniczenia innych celów, czego wyniki konsultacji nie uzasadniają."),
            target=FINANCE),),
    ),
    # --- after day 23 (in the default demo, where today is about day 24, these have not come yet) ---------------
    DemoSubmission(
        Channel.EMAIL, day=25, time="10:30", kind=SubmitterKind.ORGANISATION, category=SubmitterCategory.NGO,
        organisation=f"Klub Seniora „Jeziorka” {SAMPLE}", name="Halina Przykładowa",
        remarks=(
            DemoRemark(
                "Prosimy o ławki i toalety publiczne na trasach spacerowych w Parku Zdrojowym i nad Jeziorką.",
                Answer(Stance.PARTLY,
                       "Dostępność przestrzeni publicznych dla seniorów jest w kierunku 1.5; szczegóły określi "
                       "program wykonawczy.",
                       "W kierunku 1.5 dodano „infrastrukturę przyjazną seniorom w parkach i na trasach "
                       "spacerowych”."),
                target=OSI_SPA),
            DemoRemark(
                "Brakuje w Strategii słowa o przeciwdziałaniu samotności osób starszych.",
                Answer(Stance.ACCEPTED, "Uwaga zasadna.",
                       "W celu strategicznym 1 dopisano przeciwdziałanie samotności osób starszych."),
                target=GOAL1),
        ),
    ),
    DemoSubmission(
        Channel.EPUAP, day=26, time="13:15", kind=SubmitterKind.ORGANISATION, category=SubmitterCategory.BUSINESS,
        organisation=f"Przykładowa Spółdzielnia Energetyczna {SAMPLE}", name="Wojciech Próbny",
        remarks=(DemoRemark(
            "Proponujemy wpisać wspieranie spółdzielni energetycznych jako formy rozwoju odnawialnych źródeł "
            "energii.",
            Answer(Stance.ACCEPTED, "Uwaga zgodna z celem 4.",
                   "W kierunku 4.3 dodano „wspieranie społeczności i spółdzielni energetycznych”."),
            target="**4.3.** Rozwój odnawialnych źródeł energii"),),
    ),
    DemoSubmission(
        Channel.EMAIL, day=26, time="07:10", name="Oskar Testowy", email="oskar.testowy@przyklad.example",
        remarks=(DemoRemark(
            "Po każdej ulewie zalewa ul. Wilanowską. Proszę wpisać ogrody deszczowe i zbiorniki retencyjne przy "
            "budynkach gminnych.",
            Answer(Stance.ACCEPTED, "Uwaga zgodna z kierunkiem 4.4.",
                   "W kierunku 4.4 dodano przykłady: ogrody deszczowe i zbiorniki retencyjne przy budynkach "
                   "gminnych."),
            target=CLIMATE),),
    ),
    DemoSubmission(
        Channel.EDORECZENIA, day=27, time="09:20", kind=SubmitterKind.ORGANISATION,
        category=SubmitterCategory.NEIGHBOURING_GMINA, organisation="Miasto Józefów",
        name=f"Karol Urzędniczy {SAMPLE}",
        remarks=(DemoRemark(
            "Proponujemy współpracę w zakresie turystyki nadwiślańskiej po obu brzegach Wisły.",
            Answer(Stance.EXPLANATION,
                   "Współpraca z gminami sąsiednimi w dolinie Wisły jest ujęta w OSI „dolina Wisły”; jej formy "
                   "zostaną ustalone w porozumieniu międzygminnym."),
            target=VISTULA_OSI),),
    ),
    DemoSubmission(
        Channel.POST, day=28, time="12:40", postmark_day=27, name="Dorota Przykładowa",
        remarks=(DemoRemark(
            "Mieszkam przy ul. Warszawskiej w Skolimowie; ruch ciężarówek trwa całą dobę. Proszę o ograniczenie "
            "tranzytu ciężkiego.",
            Answer(Stance.EXPLANATION,
                   "Ograniczenia ruchu na drodze wojewódzkiej ustala jej zarządca; Strategia wskazuje poprawę "
                   "powiązań komunikacyjnych i ochronę strefy uzdrowiskowej przed uciążliwościami."),
            target=TRAFFIC),),
    ),
    DemoSubmission(
        Channel.PLATFORM, day=29, time="17:25", name="Michał Testowy", consent=True,
        remarks=(DemoRemark(
            "Hugonówka i Biblioteka powinny mieć filie w Chylicach i Mirkowie, gdzie mieszka najwięcej młodych "
            "rodzin.",
            Answer(Stance.PARTLY,
                   "Kierunek 1.3 obejmuje poszerzenie oferty kulturalnej; lokalizacja filii zostanie rozważona "
                   "w programie rozwoju kultury.",
                   "W kierunku 1.3 dodano „zwiększanie dostępności oferty kulturalnej w osiedlach"
                   " o dużej liczbie młodych rodzin”."),
            target=GOAL1),),
    ),
    DemoSubmission(
        Channel.EDORECZENIA, day=30, time="10:05", kind=SubmitterKind.ORGANISATION,
        category=SubmitterCategory.NEIGHBOURING_GMINA, organisation="Gmina Karczew",
        name=f"Ewa Urzędnicza {SAMPLE}",
        remarks=(DemoRemark(
            "Przeprawa promowa Gassy–Karczew łączy nasze gminy; prosimy o jej wskazanie w Strategii.",
            Answer(Stance.ACCEPTED, "Uwaga zasadna.",
                   "W OSI „dolina Wisły” dodano utrzymanie przeprawy promowej Gassy–Karczew."),
            target=VISTULA_OSI),),
    ),
    DemoSubmission(
        Channel.ORAL, day=31, time="17:40", meeting="dyskusja", name="Elżbieta Przykładowa", consent=True,
        remarks=(DemoRemark(
            "Park Zdrojowy wymaga rewitalizacji alejek i oświetlenia; to wizytówka gminy.",
            Answer(Stance.EXPLANATION,
                   "Rewitalizacja parku mieści się w OSI 2 (strefa uzdrowiskowa); zakres prac określi program "
                   "wykonawczy."),
            target=OSI_SPA),),
    ),
    DemoSubmission(
        Channel.ORAL, day=31, time="18:10", meeting="dyskusja", name="Krystyna Testowa",
        remarks=(DemoRemark(
            "Droga rowerowa przez Powsin do Wilanowa powinna powstać jeszcze przed 2030 rokiem.",
            Answer(Stance.ACCEPTED,
                   "Uwaga zbieżna z uwagą złożoną drugiego dnia konsultacji (połączenie rowerowe z Wilanowem); "
                   "termin realizacji określi program wykonawczy.",
                   "Kierunek działań 3.4 uzupełniono o połączenia rowerowe z Warszawą (Wilanów)."),
            target=ACTIONS3),),
    ),
    DemoSubmission(
        Channel.ORAL, day=31, time="18:35", meeting="dyskusja", kind=SubmitterKind.ORGANISATION,
        category=SubmitterCategory.NGO, organisation=f"Fundacja Młodzi dla Konstancina {SAMPLE}",
        name="Joanna Próbna",
        remarks=(DemoRemark(
            "Prosimy, by młodzież miała swojego przedstawiciela w zespole monitorującym Strategię.",
            Answer(Stance.ACCEPTED, "Uwaga zasadna.",
                   "Do składu zespołu monitorującego dodano przedstawiciela Młodzieżowej Rady Gminy."),
            target=MONITORING),),
    ),
    DemoSubmission(
        Channel.EDORECZENIA, day=32, time="14:30", kind=SubmitterKind.ORGANISATION,
        category=SubmitterCategory.NEIGHBOURING_GMINA, organisation="Miasto Stołeczne Warszawa",
        name=f"Biuro Przykładowe {SAMPLE}",
        remarks=(
            DemoRemark(
                "Połączenia rowerowe z Wilanowem należy planować z uwzględnieniem sieci tras rowerowych Warszawy "
                "i ochrony Lasu Kabackiego.",
                Answer(Stance.PARTLY, "Uwaga zasadna co do koordynacji; przebieg tras określą dokumenty "
                                      "wykonawcze.",
                       "W rekomendacjach polityki przestrzennej dopisano koordynację tras rowerowych z Warszawą."),
                target=COOPERATION),
            DemoRemark(
                "Integracja taryfowa z transportem warszawskim wymaga porozumienia międzygminnego.",
                Answer(Stance.EXPLANATION,
                       "Strategia przewiduje współpracę w transporcie zbiorowym (kierunek 3.3); porozumienie "
                       "zostanie zawarte odrębnie."),
                target=GOAL3_LINKS),
        ),
    ),
    DemoSubmission(
        Channel.EMAIL, day=33, time="22:10", name="Rafał Przykładowy", email="rafal.przykladowy@przyklad.example",
        remarks=(DemoRemark(
            "W Mirkowie brakuje przedszkola publicznego, dzieci dojeżdżają do Jeziorny.",
            Answer(Stance.ACCEPTED, "Uwaga zgodna z wnioskami diagnozy.",
                   "W kierunku 1.1 wskazano rozwój opieki przedszkolnej w północnej części miasta."),
            target=DEMOGRAPHY),),
    ),
    DemoSubmission(
        Channel.PLATFORM, day=34, time="15:45", name="Sylwia Wzorcowa", consent=True,
        remarks=(DemoRemark(
            "Analiza jakości powietrza w prognozie opiera się na danych sprzed kilku lat; warto użyć pomiarów "
            "z czujników w uzdrowisku.",
            Answer(Stance.EXPLANATION,
                   "Prognoza korzysta z oficjalnej oceny jakości powietrza; dane z czujników zostaną "
                   "wykorzystane w monitorowaniu Strategii."),
            forecast="Prognoza, rozdz. 5.1 „Powietrze atmosferyczne”, s. 33"),),
    ),
    DemoSubmission(
        Channel.PLATFORM, day=35, time="12:05", name="Dariusz Wzorcowy",
        remarks=(DemoRemark(
            "Dotacje do wymiany pieców powinny być wyższe dla seniorów o niskich dochodach.",
            Answer(Stance.PARTLY,
                   "Strategia nie ustala wysokości dotacji; wskaże jednak szczególne wsparcie gospodarstw "
                   "zagrożonych ubóstwem energetycznym.",
                   "W kierunku 4.2 dopisano „ze szczególnym uwzględnieniem gospodarstw zagrożonych ubóstwem "
                   "energetycznym”."),
            target=ACTIONS4),),
    ),
    DemoSubmission(
        Channel.PLATFORM, after_end=0, time="23:50", name="Kamil Fikcyjny",
        remarks=(DemoRemark(
            "Strategia dobrze opisuje wyzwania, ale w przestrzeni brakuje wzmianki o zabytkowych willach "
            "Konstancina, które niszczeją.",
            Answer(Stance.PARTLY,
                   "Ochrona historycznej zabudowy willowej jest w ustaleniach polityki przestrzennej; diagnoza "
                   "zostanie uzupełniona o stan zabytkowych willi.",
                   "W diagnozie sfery przestrzennej dopisano zły stan części zabytkowych willi."),
            target=SPACE),),
    ),
    DemoSubmission(
        Channel.POST, after_end=2, time="10:30", postmark_after_end=0, name="Leszek Próbny",
        remarks=(DemoRemark(
            "Proszę dopisać do Strategii budowę krytej pływalni w gminie.", LATE_STRATEGY, general=GENERAL),),
    ),
    DemoSubmission(
        Channel.EMAIL, after_end=1, time="08:20", name="Beata Fikcyjna", email="beata.fikcyjna@przyklad.example",
        remarks=(DemoRemark(
            "Prognoza pomija wpływ nowych terenów inwestycyjnych na siedliska w otulinie parku krajobrazowego.",
            LATE_FORECAST, forecast="Prognoza, rozdz. 6.2, s. 44"),),
    ),
)
