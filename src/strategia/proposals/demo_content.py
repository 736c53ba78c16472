"""The text of the demo's call for ideas (stage 1, "zebranie wniosków"), as data: the call's texts, the sample
residents, and 44 ideas with what happened to each (moderation, merges, supports, comments, the route and the
public answers).

What is real: the gmina's geography the ideas talk about (the Jeziorka, road 724, the spa park and its graduation
tower, the former paper mill in Mirków, Hugonówka at ul. Mostowa 15, the bus lines to Kabaty and Wilanowska, the
Vistula's floodplain) and the localities (``core/data/konstancin-jeziorna-localities.json``).
What is invented and labelled: every idea (its description starts with ``SAMPLE_MARK``), every author (names such as
"Anna Przykładowa"), the supports, the comments (they start with ``SAMPLE_MARK`` too), the teams and departments
("dane przykładowe"), every answer, and the map pins (approximate points inside the gmina, for the map view).

``status`` is where the idea ends when the call is over; ``forward`` adds a "forwarded" step before a final answer
(``status`` = forwarded stops there). An ``answer`` that names a key of ``JOINT_ANSWERS`` is given to all ideas with
that key in one batch."""

from __future__ import annotations

from dataclasses import dataclass, field

from strategia.core.dimensions import Dimension
from strategia.proposals.enums import Channel, ForwardTarget, HideReason, Status

SAMPLE_MARK = "[Przykładowa treść – dane demonstracyjne]"
SAMPLE = "(dane przykładowe)"

TITLE = "Pomysły i oczekiwania (wnioski) do Strategii rozwoju gminy Konstancin-Jeziorna"
INTRO = (
    f"{SAMPLE_MARK} Zanim powstanie projekt strategii, chcemy poznać Państwa pomysły i oczekiwania: co w gminie "
    "Konstancin-Jeziorna warto zmienić, czego brakuje w Państwa sołectwie lub osiedlu, co trzeba chronić. Każdy "
    "pomysł przeczytamy, przekażemy zespołom tematycznym lub do diagnozy i odpowiemy publicznie, co się z nim stało. "
    "Wystarczy tytuł, krótki opis i temat; miejsce, załączniki i dane kontaktowe są nieobowiązkowe."
)
AFTER_CLOSE = (
    f"{SAMPLE_MARK} Zbieranie pomysłów zakończyło się. Wszystkie zgłoszenia są analizowane przez zespoły tematyczne "
    "i wykorzystywane w diagnozie. Przy każdym pomyśle publikujemy jego status i uzasadnienie; ostateczne "
    "odpowiedzi podamy, gdy zostaną sformułowane cele rozwoju. O zmianach informujemy autorów, którzy podali "
    "adres e-mail."
)

UNDER_REVIEW = ("Dziękujemy za zgłoszenie. Pomysł został zarejestrowany i przekazany do analizy zespołowi, który "
                "opracowuje strategię. O dalszych krokach poinformujemy na tej stronie.")

TEAM_SOCIAL = f"Zespół tematyczny „Mieszkańcy i usługi społeczne” {SAMPLE}"
TEAM_ECONOMY = f"Zespół tematyczny „Gospodarka i uzdrowisko” {SAMPLE}"
TEAM_SPACE = f"Zespół tematyczny „Przestrzeń i komunikacja” {SAMPLE}"
TEAM_NATURE = f"Zespół tematyczny „Środowisko i klimat” {SAMPLE}"
ROADS = f"Referat Dróg i Komunikacji Urzędu Miasta i Gminy {SAMPLE}"
UTILITIES = f"Referat Gospodarki Komunalnej Urzędu Miasta i Gminy {SAMPLE}"


@dataclass(frozen=True)
class SampleUser:
    key: str
    email: str
    name: str


# Demo accounts of accounts/demo.py (they exist already) and a few sample residents who only support and comment.
USERS = (
    SampleUser("maria", "mieszkaniec@demo.strategia.example", "Maria Mieszkanka"),
    SampleUser("irena", "interesariusz@demo.strategia.example", "Irena Interesariusz"),
    SampleUser("anna", "anna.przykladowa@demo.strategia.example", "Anna Przykładowa"),
    SampleUser("jan", "jan.przykladowy@demo.strategia.example", "Jan Przykładowy"),
    SampleUser("ewa", "ewa.przykladowa@demo.strategia.example", "Ewa Przykładowa"),
    SampleUser("piotr", "piotr.przykladowy@demo.strategia.example", "Piotr Przykładowy"),
    SampleUser("zofia", "zofia.przykladowa@demo.strategia.example", "Zofia Przykładowa"),
    SampleUser("tomasz", "tomasz.przykladowy@demo.strategia.example", "Tomasz Przykładowy"),
)
STAFF_EMAIL = "pracownik@demo.strategia.example"


@dataclass(frozen=True)
class Forward:
    target: str
    to: str
    justification: str


@dataclass(frozen=True)
class DemoComment:
    user: str
    body: str
    replies: tuple[tuple[str, str], ...] = ()  # (user, body)


@dataclass(frozen=True)
class DemoIdea:
    key: str
    title: str
    description: str
    theme: str
    status: str
    answer: str = ""  # the final answer's justification, or a key of JOINT_ANSWERS
    forward: Forward | None = None
    locality: str = ""
    address: str = ""
    point: tuple[str, str] | None = None  # approximate (latitude, longitude), a sample pin
    channel: str = Channel.PLATFORM
    user: str = ""  # a USERS key: sent while logged in
    author_name: str = ""
    consent: bool = False
    email: str = ""
    hide: tuple[str, str] | None = None  # (reason, explanation to the author)
    merge_into: str = ""  # the key of the idea it duplicates
    supporters: tuple[str, ...] = ()
    comments: tuple[DemoComment, ...] = field(default=())


S, E, P, N = Dimension.SOCIAL, Dimension.ECONOMIC, Dimension.SPATIAL, Dimension.ENVIRONMENTAL

JOINT_ANSWERS = {
    "tourism": ("Pomysł uwzględniony w projekcie strategii: cel operacyjny dotyczący marki uzdrowiska i turystyki "
                "kulturowej obejmuje wspólną promocję Konstancina-Zdroju i szlak zabytkowych willi."),
    "bikes": ("Pomysł uwzględniony: w kierunkach polityki przestrzennej wskazano główną trasę rowerową wzdłuż drogi "
              "wojewódzkiej nr 724 do granicy Warszawy oraz połączenia sołectw z miastem."),
}

# Forwarded together, in one batch.
TO_SOCIAL_TEAM = Forward(ForwardTarget.THEMATIC_TEAM, TEAM_SOCIAL,
                         "Przekazano zespołowi tematycznemu „Mieszkańcy i usługi społeczne”, który przygotowuje cele "
                         "dotyczące usług dla seniorów, dzieci i rodzin.")

IDEAS = (
    # --- early ideas (the first weeks of the call): moderated and routed first ---------------------------------
    DemoIdea(
        "senior_club", "Klub seniora w Skolimowie",
        "W Skolimowie mieszka wielu seniorów, a najbliższe zajęcia są w Jeziornie. Proponuję klub seniora z "
        "zajęciami ruchowymi, kawiarenką i dyżurami doradcy, np. w budynku po dawnej przychodni.",
        S, Status.INCLUDED, locality="Skolimów", user="maria", consent=True,
        answer=("Pomysł uwzględniony: projekt strategii przewiduje sieć klubów seniora w Skolimowie, na Grapie i w "
                "Bielawie w ramach celu „Gmina przyjazna wszystkim pokoleniom”."),
        forward=TO_SOCIAL_TEAM,
        supporters=("irena", "anna", "jan", "ewa", "zofia"),
        comments=(DemoComment("anna", "Świetny pomysł, moja mama chętnie by przychodziła. Ważny byłby dojazd "
                                      "dla osób, które nie prowadzą samochodu.",
                              replies=(("maria", "Dziękuję! Może wystarczyłby bus gminny raz w tygodniu."),)),
                  DemoComment("jan", "Popieram, ale proszę też pomyśleć o zajęciach w sobotę."))),
    DemoIdea(
        "bike_kabaty", "Ścieżka rowerowa z Konstancina do metra Kabaty",
        "Brakuje bezpiecznej drogi rowerowej wzdłuż ulicy Warszawskiej (droga 724) do granicy Warszawy i dalej do "
        "stacji metra Kabaty. Dziś rowerzyści jadą jezdnią razem z ciężarówkami.",
        P, Status.INCLUDED, answer="bikes", locality="Klarysew", address="ul. Warszawska (droga wojewódzka 724)",
        point=("52.104500", "21.101000"), user="anna", consent=True,
        supporters=("maria", "jan", "piotr", "tomasz", "ewa", "irena"),
        comments=(DemoComment("piotr", "Koniecznie z oświetleniem – zimą po 16 jest już ciemno."),)),
    DemoIdea(
        "bike_kabaty_dup", "Rowerem do Kabat",
        "Proszę o drogę rowerową do Kabat, żeby dzieci mogły bezpiecznie dojeżdżać do szkół w Warszawie.",
        P, Status.SUBMITTED, merge_into="bike_kabaty", locality="Jeziorna", author_name="Ewa Przykładowa",
        consent=True, supporters=("zofia", "maria")),
    DemoIdea(
        "jeziorka_walk", "Bulwar i ścieżka spacerowa nad Jeziorką",
        "Brzegi Jeziorki między ulicą Mostową a Parkiem Zdrojowym są zarośnięte i nieoświetlone. Ścieżka spacerowa "
        "z ławkami połączyłaby Hugonówkę z parkiem i Starą Papiernią.",
        N, Status.INCLUDED, locality="Jeziorna", address="ul. Mostowa, most na Jeziorce",
        point=("52.088500", "21.116500"), user="ewa", consent=True,
        answer=("Pomysł uwzględniony: dolina Jeziorki jest w projekcie strategii osią systemu przyrodniczego miasta, "
                "a ciąg spacerowy od ul. Mostowej do Parku Zdrojowego – przedsięwzięciem kluczowym."),
        supporters=("maria", "anna", "jan", "zofia"),
        comments=(DemoComment("zofia", "Tylko proszę nie wycinać starych olch przy brzegu."),)),
    DemoIdea(
        "jeziorka_dup", "Ścieżka nad rzeką Jeziorką",
        "Proponuję ścieżkę wzdłuż Jeziorki od mostu na Mostowej do parku, z oświetleniem.",
        N, Status.SUBMITTED, merge_into="jeziorka_walk", locality="Jeziorna", channel=Channel.EMAIL,
        author_name="Jan Przykładowy", consent=False, supporters=()),
    DemoIdea(
        "paper_museum", "Muzeum papiernictwa w dawnej fabryce papieru",
        "Jeziorna ma kilkusetletnią tradycję wyrobu papieru. W zabytkowej części dawnej fabryki w Mirkowie mogłaby "
        "powstać izba pamięci lub małe muzeum z warsztatami czerpania papieru dla szkół i turystów.",
        E, Status.PARTLY_INCLUDED, locality="Mirków", address="ul. Warszawska 15 (Stara Papiernia)",
        point=("52.093000", "21.112500"), user="jan", consent=True,
        answer=("Pomysł uwzględniony częściowo: strategia wskazuje ochronę i popularyzację dziedzictwa papierniczego, "
                "ale budynki należą do prywatnego właściciela, więc zamiast muzeum planujemy izbę pamięci we "
                "współpracy z nim i z biblioteką."),
        supporters=("anna", "piotr")),
    DemoIdea(
        "pothole", "Dziura w jezdni na ulicy Bielawskiej",
        "Od miesiąca na ul. Bielawskiej przy skrzyżowaniu z Mirkowską jest głęboka dziura. Samochody ją omijają, "
        "wjeżdżając na przeciwny pas.",
        P, Status.FORWARDED, locality="Mirków", address="ul. Bielawska przy ul. Mirkowskiej",
        point=("52.095500", "21.120500"), author_name="Piotr Przykładowy", email="piotr.zglaszajacy@example.org",
        forward=Forward(ForwardTarget.DEPARTMENT, ROADS,
                        "To bieżąca naprawa, nie sprawa strategii: zgłoszenie przekazaliśmy do referatu, który "
                        "utrzymuje drogi gminne. Naprawę zaplanowano w ciągu dwóch tygodni.")),
    DemoIdea(
        "hidden_ad", "Sprzedam działkę budowlaną – okazja",
        "Sprzedam działkę budowlaną, tanio, kontakt pod numerem w ogłoszeniu.",
        E, Status.SUBMITTED, locality="Kierszek", author_name="Ogłoszeniodawca",
        hide=(HideReason.ADVERTISING, "Ogłoszenia sprzedaży nie są pomysłami do strategii, dlatego zgłoszenie "
                                      "nie zostało opublikowane.")),
    DemoIdea(
        "bus_kabaty", "Częstsze autobusy do metra Kabaty i Wilanowskiej",
        "Autobusy 710, 724 i 742 w szczycie są przepełnione, a wieczorem jeżdżą rzadko. Proszę o częstsze kursy i "
        "lepsze połączenie z Wilanowem i Sadybą, nie tylko z Kabatami.",
        P, Status.PARTLY_INCLUDED, locality="Grapa", user="tomasz", consent=True,
        answer=("Pomysł uwzględniony częściowo: rozkłady ustala ZTM w Warszawie na podstawie porozumienia z gminą. "
                "Strategia zakłada rozszerzenie tego porozumienia i przegląd częstotliwości kursów; decyzja o "
                "konkretnych liniach nie należy do strategii."),
        forward=Forward(ForwardTarget.DIAGNOSIS, "",
                        "Przekazano do diagnozy: dane o liczbie pasażerów i częstotliwości kursów opiszemy w części "
                        "o komunikacji."),
        supporters=("maria", "anna", "ewa", "piotr", "jan")),
    DemoIdea(
        "bus_dup", "Więcej kursów 724 wieczorem",
        "Ostatni autobus z Kabat jest za wcześnie, po pracy nie da się wrócić.",
        P, Status.SUBMITTED, merge_into="bus_kabaty", locality="Chylice", user="zofia", consent=True,
        supporters=("irena", "maria")),
    DemoIdea(
        "hugonowka_youth", "Więcej zajęć dla młodzieży w Hugonówce",
        "W Konstancińskim Domu Kultury „Hugonówka” większość zajęć jest dla dzieci i dorosłych. Brakuje miejsca, "
        "gdzie nastolatki mogą spotkać się po szkole, nagrać muzykę, pograć w planszówki.",
        S, Status.PARTLY_INCLUDED, locality="Jeziorna", address="ul. Mostowa 15 (Hugonówka)",
        point=("52.087800", "21.117500"), user="piotr", consent=False,
        answer=("Pomysł uwzględniony częściowo: strategia przewiduje program zajęć dla młodzieży w domach kultury i "
                "świetlicach; osobny klub młodzieżowy w Hugonówce nie mieści się w obecnym budynku."),
        supporters=("anna",)),
    DemoIdea(
        "flood", "Ochrona przed powodzią w dolinie Wisły",
        "Przy wysokiej wodzie na Wiśle mieszkańcy Gassów i Łęgu żyją w niepewności. Potrzebny jest przegląd wałów, "
        "plan ewakuacji i informacja, kto za co odpowiada.",
        N, Status.PARTLY_INCLUDED, locality="Gassy", point=("52.058000", "21.178000"), channel=Channel.MEETING,
        author_name="Sołectwo Gassy – zebranie wiejskie (dane przykładowe)", consent=True,
        answer=("Pomysł uwzględniony częściowo: strategia zawiera cel adaptacji do zmian klimatu z planem "
                "zarządzania ryzykiem powodziowym; utrzymanie wałów należy do Wód Polskich, z którymi gmina "
                "będzie współpracować."),
        forward=Forward(ForwardTarget.DIAGNOSIS, "",
                        "Przekazano do diagnozy: zagrożenie powodziowe opiszemy w części o środowisku na podstawie "
                        "map zagrożenia powodziowego."),
        supporters=("jan", "tomasz")),
    DemoIdea(
        "spa_brand", "Wspólna marka „Konstancin-Zdrój”",
        "Uzdrowisko jest naszym największym atutem, ale każde sanatorium i kawiarnia promuje się osobno. Proponuję "
        "wspólną markę, kalendarz wydarzeń i informację turystyczną przy tężni.",
        E, Status.INCLUDED, answer="tourism", locality="Konstancin", address="Park Zdrojowy, tężnia solankowa",
        point=("52.084300", "21.117900"), user="irena", consent=True, supporters=("maria", "piotr", "jan")),
    DemoIdea(
        "pedestrian_724", "Bezpieczne przejście dla pieszych na drodze 724 w Klarysewie",
        "Przejście przy przystanku w Klarysewie nie ma sygnalizacji, a samochody jadą szybko. Dzieci idą tędy do "
        "szkoły.",
        P, Status.OUT_OF_SCOPE, locality="Klarysew", address="ul. Warszawska, przystanek w Klarysewie",
        point=("52.106800", "21.097500"), user="maria", consent=True,
        answer=("To sprawa zarządcy drogi wojewódzkiej (Mazowiecki Zarząd Dróg Wojewódzkich), a nie strategii. "
                "Gmina przekazała wniosek zarządcy i poinformuje o jego odpowiedzi."),
        forward=Forward(ForwardTarget.DEPARTMENT, ROADS,
                        "Przekazano do referatu, który uzgadnia sprawy dróg wojewódzkich z ich zarządcą."),
        supporters=("anna", "zofia", "ewa")),
    DemoIdea(
        "smog_sensors", "Czujniki jakości powietrza w każdym sołectwie",
        "Zimą w sołectwach czuć dym z pieców. Czujniki z publiczną mapą pokazałyby, gdzie problem jest największy, i "
        "pomogły kierować dopłaty do wymiany pieców.",
        N, Status.FORWARDED, locality="Bielawa", user="jan", consent=True,
        forward=Forward(ForwardTarget.THEMATIC_TEAM, TEAM_NATURE,
                        "Przekazano zespołowi tematycznemu „Środowisko i klimat”, który przygotowuje cele dotyczące "
                        "jakości powietrza."),
        supporters=("ewa", "zofia")),
    DemoIdea(
        "hidden_personal", "Sąsiad parkuje na chodniku",
        "Pan Jan Kowalski-Przykładowy z ul. Przykładowej 5 codziennie parkuje na chodniku, proszę go ukarać.",
        P, Status.SUBMITTED, locality="Grapa", author_name="",
        hide=(HideReason.PERSONAL_DATA, "Zgłoszenie zawiera dane osobowe innej osoby i dotyczy wykroczenia, a nie "
                                        "strategii. Sprawy parkowania prosimy zgłaszać Straży Miejskiej.")),
    DemoIdea(
        "coworking", "Coworking dla osób pracujących zdalnie",
        "Wiele osób pracuje zdalnie z domu. Małe biuro do wynajęcia na godziny, np. w bibliotece albo Starej "
        "Papierni, pozwoliłoby nie jeździć codziennie do Warszawy.",
        E, Status.FORWARDED, locality="Mirków", user="ewa", consent=True,
        forward=Forward(ForwardTarget.THEMATIC_TEAM, TEAM_ECONOMY,
                        "Przekazano zespołowi tematycznemu „Gospodarka i uzdrowisko” do analizy razem z innymi "
                        "pomysłami o lokalnej przedsiębiorczości.")),
    DemoIdea(
        "respite_care", "Opieka wytchnieniowa dla rodzin osób z niepełnosprawnościami",
        "Rodzice dorosłych dzieci z niepełnosprawnościami nie mają nikogo, kto by ich zastąpił choćby na kilka "
        "godzin. Proszę o program opieki wytchnieniowej w gminie.",
        S, Status.INCLUDED, channel=Channel.POST, author_name="Zofia Przykładowa", consent=False,
        answer=("Pomysł uwzględniony: projekt strategii zawiera działanie „usługi wytchnieniowe i asystencja "
                "osobista” w celu dotyczącym włączenia społecznego."),
        supporters=("irena",)),
    DemoIdea(
        "wind_farm", "Farma wiatrowa na polach w Kawęczynie",
        "Gmina mogłaby produkować własny prąd z wiatru na nieużytkach w Kawęczynie i obniżyć rachunki mieszkańców.",
        N, Status.NOT_INCLUDED, locality="Kawęczyn", author_name="Tomasz Przykładowy", consent=True,
        answer=("Pomysł nieuwzględniony: tereny w Kawęczynie leżą w dolinie Wisły w obszarze chronionego krajobrazu "
                "i blisko zabudowy, gdzie przepisy wykluczają elektrownie wiatrowe. Strategia stawia na "
                "fotowoltaikę na budynkach publicznych i społeczności energetyczne.")),
    DemoIdea(
        "market_grapa", "Zadaszone targowisko na Grapie",
        "Targowisko przy Parku Zdrojowym jest ważne dla mieszkańców Grapy, ale w deszczu i zimą handel zamiera. "
        "Zadaszenie i toalety ożywiłyby to miejsce.",
        E, Status.UNDER_REVIEW, locality="Grapa", address="targowisko miejskie, Grapa",
        point=("52.083000", "21.113500"), user="tomasz", consent=True, supporters=("maria",)),
    DemoIdea(
        "lighting_cieciszew", "Modernizacja oświetlenia drogi w Cieciszewie",
        "Lampy na głównej drodze w Cieciszewie są stare i świecą słabo. Wymiana na LED poprawi bezpieczeństwo i "
        "obniży koszty.",
        P, Status.SUBMITTED, locality="Cieciszew", channel=Channel.EMAIL, author_name="Rada sołecka Cieciszewa "
        "(dane przykładowe)", consent=True),
    DemoIdea(
        "senior_sport", "Bezpłatne zajęcia ruchowe dla seniorów w Parku Zdrojowym",
        "Latem w Parku Zdrojowym mogłyby się odbywać poranne zajęcia nordic walking i gimnastyki dla seniorów, "
        "prowadzone przez trenera.",
        S, Status.UNDER_REVIEW, locality="Konstancin", address="Park Zdrojowy", user="zofia", consent=True,
        supporters=("maria", "irena")),
    DemoIdea(
        "tax_cut", "Niższy podatek od nieruchomości dla małych firm",
        "Lokalne firmy płacą wysokie podatki, a konkurują z Warszawą. Proponuję obniżkę dla firm do 10 osób.",
        E, Status.OUT_OF_SCOPE, channel=Channel.EDORECZENIA, author_name="Konstanciński Klub Przedsiębiorców "
        "(dane przykładowe)", consent=True,
        answer=("Stawki podatków lokalnych ustala co roku Rada Miejska w odrębnej uchwale, a nie strategia rozwoju. "
                "Przekazaliśmy pomysł do Referatu Podatków jako wniosek do projektu uchwały na przyszły rok.")),
    DemoIdea(
        "pool", "Kryty basen w Jeziornie",
        "Najbliższy basen jest w Piasecznie. Gmina potrzebuje własnej krytej pływalni dla szkół i mieszkańców.",
        S, Status.NOT_INCLUDED, locality="Jeziorna", user="jan", consent=True,
        answer=("Pomysł nieuwzględniony: analiza kosztów w diagnozie wskazała, że budowa i utrzymanie pływalni "
                "przekraczają możliwości budżetu w horyzoncie strategii. Strategia zakłada zamiast tego "
                "dofinansowanie nauki pływania dla uczniów na pływalniach sąsiednich gmin."),
        supporters=("piotr", "tomasz", "anna")),
    DemoIdea(
        "chylice_plan", "Ochrona willowego charakteru Chylic",
        "W Chylicach w miejsce starych willi powstają bloki. Proszę, aby strategia i plan ogólny chroniły niską "
        "zabudowę w zieleni.",
        P, Status.UNDER_REVIEW, locality="Chylice", user="irena", consent=True, supporters=("ewa",)),
    DemoIdea(
        "trees_warszawska", "Szpaler drzew wzdłuż ulicy Warszawskiej",
        "Ulica Warszawska w Jeziornie jest latem rozgrzana. Drzewa i zieleń w pasie drogowym dałyby cień i "
        "zatrzymywały wodę.",
        N, Status.UNDER_REVIEW, locality="Jeziorna", address="ul. Warszawska", user="anna", consent=True),
    DemoIdea(
        "dog_bins", "Więcej koszy na psie odchody w Parku Zdrojowym",
        "W parku brakuje koszy i torebek dla psów, trawniki są zaniedbane.",
        N, Status.OUT_OF_SCOPE, locality="Konstancin", address="Park Zdrojowy", author_name="Ewa Przykładowa",
        consent=True,
        answer=("To bieżące utrzymanie parku, a nie sprawa strategii: przekazaliśmy wniosek do Referatu Gospodarki "
                "Komunalnej, który ustawi dodatkowe kosze."),
        forward=Forward(ForwardTarget.DEPARTMENT, UTILITIES,
                        "Przekazano do referatu odpowiedzialnego za utrzymanie terenów zieleni.")),
    DemoIdea(
        "day_care_czarnow", "Dom dziennego pobytu dla seniorów w Czarnowie",
        "W Czarnowie i okolicznych sołectwach przybywa starszych osób mieszkających samotnie. Dom dziennego pobytu "
        "z posiłkiem i opieką pielęgniarki bardzo by pomógł.",
        S, Status.SUBMITTED, locality="Czarnów", user="maria", consent=True),
    # --- later ideas ------------------------------------------------------------------------------------------
    DemoIdea(
        "villa_trail", "Szlak zabytkowych willi z aplikacją",
        "Konstancin ma dziesiątki zabytkowych willi, ale turyści o nich nie wiedzą. Oznakowany szlak z tablicami i "
        "aplikacją z historiami domów i ich mieszkańców przyciągnąłby gości.",
        E, Status.INCLUDED, answer="tourism", locality="Konstancin", user="piotr", consent=True,
        supporters=("irena", "zofia")),
    DemoIdea(
        "nursery_grapa", "Więcej miejsc w żłobku na Grapie",
        "Na Grapie jest dużo młodych rodzin, a w żłobku brakuje miejsc. Proszę o rozbudowę albo nowy oddział.",
        S, Status.FORWARDED, locality="Grapa", channel=Channel.EMAIL, author_name="Anna Przykładowa",
        consent=True, email="anna.rodzic@example.org",
        forward=Forward(ForwardTarget.DIAGNOSIS, "",
                        "Przekazano do diagnozy: liczbę dzieci i miejsc w żłobkach porównamy w części społecznej.")),
    DemoIdea(
        "school_path_bielawa", "Bezpieczna droga do szkoły w Bielawie",
        "Dzieci idą do szkoły w Bielawie poboczem bez chodnika. Potrzebny chodnik i progi zwalniające.",
        P, Status.INCLUDED, locality="Bielawa", user="ewa", consent=True,
        answer=("Pomysł uwzględniony: program „Bezpieczna droga do szkoły” obejmuje chodnik i uspokojenie ruchu "
                "przy szkole w Bielawie."),
        supporters=("maria", "jan", "tomasz")),
    DemoIdea(
        "strefa", "Strefa aktywności gospodarczej przy przyszłej obwodnicy",
        "Przy obwodnicy mogłyby powstać tereny dla firm logistycznych, które dadzą miejsca pracy i podatki.",
        E, Status.NOT_INCLUDED, locality="Kawęczynek", author_name="Jan Przykładowy", consent=True,
        answer=("Pomysł nieuwzględniony: diagnoza wskazała, że duży ruch ciężarowy kłóci się ze statusem "
                "uzdrowiska i ochroną doliny Wisły. Strategia wspiera usługi, turystykę i małe firmy.")),
    DemoIdea(
        "oxbow_obory", "Ochrona starorzecza Wisły przy Oborach",
        "Starorzecze przy Oborach zarasta i jest zaśmiecane. Warto je chronić i udostępnić z kładką obserwacyjną "
        "dla ptaków.",
        N, Status.SUBMITTED, locality="Obory", point=("52.068000", "21.142000"), user="zofia", consent=True),
    DemoIdea(
        "farmers_market", "Targ rolników z nadwiślańskich sołectw",
        "Gospodarze z Obórek, Kępy Oborskiej i Łęgu mogliby sprzedawać warzywa bezpośrednio mieszkańcom miasta na "
        "cotygodniowym targu.",
        E, Status.SUBMITTED, locality="Obórki", channel=Channel.MEETING, author_name="Sołectwo Obórki – zebranie "
        "wiejskie (dane przykładowe)", consent=True),
    DemoIdea(
        "saturday_office", "Urząd otwarty w soboty",
        "Pracuję w Warszawie i nie mogę załatwić spraw w urzędzie w tygodniu. Proszę o dyżur w jedną sobotę w "
        "miesiącu.",
        S, Status.OUT_OF_SCOPE, user="tomasz", consent=True,
        answer=("Godziny pracy urzędu ustala burmistrz w regulaminie organizacyjnym, a nie strategia. Wniosek "
                "przekazaliśmy sekretarzowi gminy; wiele spraw można już załatwić przez ePUAP i e-Doręczenia.")),
    DemoIdea(
        "park_ride", "Parking „Parkuj i jedź” przy pętli w Skolimowie",
        "Parking dla samochodów i rowerów przy pętli autobusowej pozwoliłby przesiąść się do autobusu do metra.",
        P, Status.NOT_INCLUDED, locality="Skolimów", author_name="Piotr Przykładowy", consent=True,
        answer=("Pomysł nieuwzględniony w tym miejscu: teren przy pętli jest za mały i leży w strefie uzdrowiskowej. "
                "Strategia wskazuje parkingi przesiadkowe przy drodze 724 w Klarysewie."),
        supporters=("jan",)),
    DemoIdea(
        "forest_path", "Ścieżka edukacyjna w lasach słomczyńskich",
        "Lasy Chojnowsko-Słomczyńskie są piękne, ale mało kto zna ich rezerwaty. Ścieżka z tablicami dla szkół "
        "uczyłaby szacunku do przyrody.",
        N, Status.FORWARDED, locality="Słomczyn", channel=Channel.POST, author_name="Nauczycielka biologii "
        "(dane przykładowe)", consent=False,
        forward=Forward(ForwardTarget.THEMATIC_TEAM, TEAM_NATURE,
                        "Przekazano zespołowi tematycznemu „Środowisko i klimat” i nadleśnictwu do wspólnej "
                        "analizy.")),
    DemoIdea(
        "habdzin_club", "Zajęcia dla dzieci w świetlicy w Habdzinie",
        "Świetlica w Habdzinie stoi pusta po południu. Zajęcia plastyczne i sportowe dla dzieci byłyby dużą pomocą "
        "dla rodziców.",
        S, Status.FORWARDED, locality="Habdzin", user="anna", consent=True,
        forward=TO_SOCIAL_TEAM),
    DemoIdea(
        "opacz_sidewalk", "Chodnik do przystanku w Opaczy",
        "Z Opaczy do przystanku autobusowego idzie się poboczem ruchliwej drogi. Chodnik albo ścieżka "
        "pieszo-rowerowa są bardzo potrzebne.",
        P, Status.FORWARDED, locality="Opacz", channel=Channel.POST, author_name="Stanisława Przykładowa",
        consent=False,
        forward=Forward(ForwardTarget.DIAGNOSIS, "",
                        "Przekazano do diagnozy: brakujące chodniki w sołectwach zinwentaryzujemy w części o "
                        "infrastrukturze.")),
    DemoIdea(
        "rainwater", "Mała retencja – zbiorniki na deszczówkę przy budynkach gminnych",
        "Latem brakuje wody, a po ulewach zalewa ulice w Bielawie. Zbiorniki na deszczówkę przy szkołach i "
        "świetlicach, z których woda podlewałaby zieleń.",
        N, Status.INCLUDED, locality="Bielawa", user="piotr", consent=True,
        answer=("Pomysł uwzględniony: projekt strategii zawiera program małej retencji na terenach i budynkach "
                "gminnych w celu adaptacji do zmian klimatu."),
        supporters=("ewa",)),
    DemoIdea(
        "resident_card", "Karta mieszkańca Konstancina-Jeziorny",
        "Karta ze zniżkami do domu kultury, na basen w sąsiedniej gminie i w lokalnych sklepach zachęciłaby do "
        "meldowania się i płacenia podatków w gminie.",
        E, Status.PARTLY_INCLUDED, user="maria", consent=True,
        answer=("Pomysł uwzględniony częściowo: strategia przewiduje kartę mieszkańca dla usług gminnych; zniżki w "
                "sklepach zależą od przedsiębiorców, do których gmina skieruje zaproszenie."),
        supporters=("jan", "piotr")),
    DemoIdea(
        "workshops_czarnow", "Warsztaty rzemiosła dla młodzieży w Czarnowie",
        "Starsi rzemieślnicy z okolicy mogliby uczyć młodzież stolarstwa i napraw w warsztacie przy świetlicy.",
        E, Status.UNDER_REVIEW, locality="Czarnów", channel=Channel.POST, author_name="Sołtys Czarnowa "
        "(dane przykładowe)", consent=True),
    DemoIdea(
        "library_slomczyn", "Biblioteka otwarta w soboty w Słomczynie",
        "Filia biblioteki mogłaby być otwarta w sobotę rano, gdy rodzice mają czas przyjść z dziećmi.",
        S, Status.SUBMITTED, locality="Słomczyn", channel=Channel.POST, author_name="Czytelniczka "
        "(dane przykładowe)", consent=False),
)
