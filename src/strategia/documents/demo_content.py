"""The text of the demo's draft strategy, as data: chapters (levels 1–3) with their statutory tags and
paragraphs (text, Markdown lists and tables, one figure). Written for the demo, in the formal register of Polish
strategic documents; it copies no real strategy. Numbers are invented and said to be sample values wherever
they appear. ``{rok_bazowy}`` is replaced by the base year (the year before the demo's "today")."""

from __future__ import annotations

from dataclasses import dataclass

from strategia.documents.enums import BlockKind

TITLE = "Projekt Strategii Rozwoju Gminy Konstancin-Jeziorna do 2030 roku"
SLUG = "projekt-strategii"
FREEZE_LABEL = "Projekt do konsultacji społecznych"
SAMPLE_MARK = "[Przykładowa treść – dane demonstracyjne]"
SAMPLE_NOTICE = (
    f"{SAMPLE_MARK} Ten dokument został napisany na potrzeby demonstracji platformy i nie jest projektem "
    "strategii przyjętym przez gminę."
)


@dataclass(frozen=True)
class Block:
    text: str
    kind: str = BlockKind.TEXT


@dataclass(frozen=True)
class Figure:
    """A figure drawn by ``demo.py`` (``drawing`` names the function); ``text`` is its caption, plain text (the
    exports print a figure's caption as it is, not as Markdown)."""

    drawing: str
    filename: str
    alt_text: str
    text: str = ""


@dataclass(frozen=True)
class Section:
    title: str
    blocks: tuple[Block | Figure, ...] = ()
    children: tuple[Section, ...] = ()
    statutory_item: str = ""


def _list(*items: str) -> Block:
    return Block("\n".join(f"- {item}" for item in items), kind=BlockKind.LIST)


def _table(header: tuple[str, ...], *rows: tuple[str, ...]) -> Block:
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return Block("\n".join(lines), kind=BlockKind.TABLE)


SAMPLE_SOURCE = "dane przykładowe"

INTRODUCTION = Section(
    "Wprowadzenie",
    blocks=(Block(SAMPLE_NOTICE),),
    children=(
        Section("Cel i charakter dokumentu", blocks=(
            Block(
                "Strategia rozwoju gminy jest podstawowym dokumentem planistycznym samorządu, określającym "
                "długofalowe cele rozwoju oraz sposoby ich osiągania. Niniejszy projekt Strategii Rozwoju Gminy "
                "Konstancin-Jeziorna do 2030 roku (dalej: Strategia) wskazuje, w jakim kierunku gmina zamierza "
                "się rozwijać w wymiarze społecznym, gospodarczym, przestrzennym i środowiskowym, oraz jakie "
                "działania podejmie, aby urzeczywistnić przyjętą wizję rozwoju."
            ),
            Block(
                "Strategia pełni funkcję dokumentu integrującego politykę rozwoju gminy. Stanowi punkt "
                "odniesienia dla programów i polityk gminnych, dla planowania budżetu i wieloletniej prognozy "
                "finansowej oraz dla aktów planowania przestrzennego. Jest także podstawą ubiegania się o środki "
                "zewnętrzne i współpracy z sąsiednimi samorządami w ramach obszaru metropolitalnego Warszawy."
            ),
        )),
        Section("Podstawa prawna", blocks=(
            Block(
                "Podstawę prawną opracowania Strategii stanowią art. 10e i 10f ustawy z dnia 8 marca 1990 r. "
                "o samorządzie gminnym. Zgodnie z art. 10e ust. 3 tej ustawy strategia rozwoju gminy zawiera "
                "wnioski z diagnozy przygotowanej zgodnie z art. 10a ust. 1 ustawy z dnia 6 grudnia 2006 r. "
                "o zasadach prowadzenia polityki rozwoju oraz określa w szczególności cele strategiczne rozwoju, "
                "kierunki działań, oczekiwane rezultaty planowanych działań wraz ze wskaźnikami ich osiągnięcia, "
                "model struktury funkcjonalno-przestrzennej gminy, ustalenia i rekomendacje w zakresie "
                "kształtowania i prowadzenia polityki przestrzennej, obszary strategicznej interwencji, system "
                "realizacji strategii oraz ramy finansowe i źródła finansowania. Zgodnie z art. 10e ust. 4 "
                "Strategia zawiera także część graficzną."
            ),
            Block(
                "Szczegółowy tryb i harmonogram opracowania projektu Strategii, w tym tryb konsultacji, określiła "
                "Rada Miejska w Konstancinie-Jeziornie w drodze uchwały, zgodnie z art. 10f ust. 1 ustawy "
                "o samorządzie gminnym. Projekt podlega konsultacjom, o których mowa w art. 6 ust. 3 ustawy "
                "o zasadach prowadzenia polityki rozwoju, oraz zostanie przedłożony Zarządowi Województwa "
                "Mazowieckiego w celu wydania opinii dotyczącej sposobu uwzględnienia ustaleń i rekomendacji "
                "w zakresie kształtowania i prowadzenia polityki przestrzennej w województwie. Strategię przyjmuje "
                "Rada Miejska w drodze uchwały."
            ),
        )),
        Section("Sposób opracowania Strategii", blocks=(
            Block(
                "Strategia została przygotowana w procesie partycypacyjnym, z udziałem mieszkańców, organizacji "
                "pozarządowych, przedsiębiorców, sołectw, instytucji publicznych oraz radnych. Prace koordynował "
                "zespół w Urzędzie Miasta i Gminy Konstancin-Jeziorna, wspierany przez zespoły tematyczne. "
                "Na poszczególnych etapach prac zastosowano następujące formy udziału:"
            ),
            _list(
                "nabór wniosków – pomysłów i oczekiwań mieszkańców wobec Strategii,",
                "badanie ankietowe mieszkańców i przedsiębiorców,",
                "warsztaty strategiczne zespołów tematycznych,",
                "spotkania otwarte w sołectwach i na osiedlach,",
                "konsultacje społeczne projektu Strategii, trwające nie krócej niż 35 dni.",
            ),
            Block(
                "Wnioski z diagnozy, zgłoszone propozycje oraz rezultaty warsztatów posłużyły do sformułowania "
                "wizji, celów strategicznych i kierunków działań. Sposób rozpatrzenia uwag zgłoszonych "
                "w konsultacjach społecznych zostanie przedstawiony w sprawozdaniu z konsultacji, publikowanym "
                "na platformie oraz w Biuletynie Informacji Publicznej."
            ),
        )),
    ),
)

DIAGNOSIS = Section(
    "Wnioski z diagnozy",
    statutory_item="diagnosis_conclusions",
    blocks=(Block(
        "Diagnoza sytuacji społecznej, gospodarczej i przestrzennej gminy, wraz z analizą obszarów "
        "funkcjonalnych, stanowi odrębne opracowanie, przygotowane na podstawie danych statystyki publicznej, "
        "danych Urzędu Miasta i Gminy oraz wyników badań ankietowych. Poniżej przedstawiono najważniejsze "
        "wnioski z diagnozy, które zdecydowały o kształcie celów i kierunków działań Strategii. Wartości "
        "liczbowe przytoczone w tym rozdziale są danymi przykładowymi."
    ),),
    children=(
        Section("Sfera społeczna", blocks=(
            Block(
                "Gmina należy do jednostek o dodatnim saldzie migracji, co wynika z położenia w bezpośrednim "
                "sąsiedztwie Warszawy oraz z atrakcyjnych warunków zamieszkania. Napływ nowych mieszkańców, "
                "w tym rodzin z dziećmi, zwiększa zapotrzebowanie na miejsca w żłobkach, przedszkolach i szkołach. "
                "Jednocześnie, według danych przykładowych, osoby w wieku poprodukcyjnym stanowią ponad jedną "
                "czwartą ludności, co oznacza rosnące potrzeby w zakresie usług opiekuńczych i zdrowotnych oraz "
                "aktywizacji seniorów."
            ),
            Block(
                "Mieszkańcy wysoko oceniają jakość życia w gminie, wskazując przede wszystkim na walory "
                "przyrodnicze i kameralny charakter zabudowy. Jako najważniejsze problemy wskazywali natomiast "
                "niewystarczającą ofertę spędzania czasu wolnego dla młodzieży, ograniczoną dostępność usług "
                "publicznych w sołectwach oraz słabą integrację nowych mieszkańców ze społecznością lokalną. "
                "Organizacje pozarządowe są aktywne, lecz ich działalność koncentruje się w części miejskiej gminy."
            ),
        )),
        Section("Sfera gospodarcza", blocks=(
            Block(
                "Struktura gospodarcza gminy opiera się na mikroprzedsiębiorstwach oraz małych i średnich "
                "przedsiębiorstwach, działających głównie w usługach, handlu i budownictwie. Liczba podmiotów "
                "gospodarczych w przeliczeniu na 1000 mieszkańców jest – według danych przykładowych – wyraźnie "
                "wyższa od średniej dla województwa. Znaczna część aktywnych zawodowo mieszkańców pracuje poza "
                "gminą, przede wszystkim w Warszawie, co powoduje intensywne codzienne dojazdy."
            ),
            Block(
                "Szczególnym potencjałem gminy jest status uzdrowiska oraz tradycja letniskowa. Funkcja "
                "uzdrowiskowa i turystyczna nie jest jednak w pełni wykorzystana: oferta noclegowa i rekreacyjna "
                "jest rozproszona, a gminie brakuje wspólnej promocji i produktów turystycznych łączących "
                "dziedzictwo kulturowe z walorami przyrodniczymi. Rozwój gospodarczy ograniczają ponadto niedobór "
                "terenów przeznaczonych pod działalność gospodarczą oraz niewystarczająca przepustowość układu "
                "drogowego."
            ),
        )),
        Section("Sfera przestrzenna", blocks=(
            Block(
                "Przestrzeń gminy jest zróżnicowana. Obejmuje miasto o cennych zespołach zabudowy willowej "
                "i dziedzictwie uzdrowiskowym, tereny dawnych zakładów przemysłowych przekształcane na cele "
                "usługowe oraz obszary wiejskie o rozproszonej zabudowie. Presja inwestycyjna prowadzi do "
                "rozprzestrzeniania się zabudowy mieszkaniowej na tereny otwarte, co podnosi koszty obsługi "
                "infrastrukturalnej i utrudnia zapewnienie dostępu do usług publicznych."
            ),
            Block(
                "Układ komunikacyjny opiera się na drogach wojewódzkich i powiatowych, obciążonych ruchem "
                "tranzytowym oraz dojazdami do Warszawy. Transport zbiorowy jest dostępny przede wszystkim "
                "w głównych ciągach komunikacyjnych, a sieć dróg rowerowych ma charakter fragmentaryczny. Wnioski "
                "z diagnozy wskazują na potrzebę koncentrowania nowej zabudowy na obszarach dobrze obsłużonych "
                "transportem zbiorowym i wyposażonych w infrastrukturę techniczną."
            ),
        )),
        Section("Środowisko przyrodnicze i klimat", blocks=(
            Block(
                "Gmina wyróżnia się dużym udziałem terenów leśnych i obszarów objętych formami ochrony przyrody, "
                "w tym terenów parku krajobrazowego oraz obszarów w dolinie Wisły. Doliny Wisły i Jeziorki pełnią "
                "funkcję korytarzy ekologicznych i przewietrzających, istotnych dla całego obszaru metropolitalnego."
            ),
            Block(
                "Najważniejszymi wyzwaniami środowiskowymi są jakość powietrza w sezonie grzewczym, związana "
                "z wykorzystaniem indywidualnych źródeł ciepła, zagrożenie powodziowe w dolinie Wisły oraz skutki "
                "zmian klimatu, w tym okresy suszy i opady nawalne. Dla gminy uzdrowiskowej wysoka jakość "
                "środowiska jest warunkiem zachowania statusu uzdrowiska i podstawą rozwoju gospodarczego."
            ),
        )),
        Section("Najważniejsze wyzwania rozwojowe", blocks=(
            Block("Z przeprowadzonej diagnozy wynikają następujące wyzwania rozwojowe gminy:"),
            _list(
                "dostosowanie sieci usług publicznych do rosnącej i starzejącej się liczby mieszkańców,",
                "wzmocnienie funkcji uzdrowiskowej i turystycznej jako specjalizacji gospodarczej gminy,",
                "uporządkowanie rozwoju przestrzennego i ograniczenie rozpraszania zabudowy,",
                "poprawa powiązań komunikacyjnych, w szczególności transportu zbiorowego i rowerowego,",
                "ochrona zasobów przyrodniczych, poprawa jakości powietrza i adaptacja do zmian klimatu.",
            ),
        )),
    ),
)

VISION = Section("Wizja rozwoju", blocks=(
    Block(
        "Wizja określa pożądany stan gminy w 2030 roku. Została sformułowana na podstawie wniosków z diagnozy "
        "oraz propozycji zgłoszonych przez mieszkańców i uczestników warsztatów strategicznych:"
    ),
    Block(
        "**Konstancin-Jeziorna w 2030 roku to zielona gmina uzdrowiskowa u bram Warszawy – miejsce dobrego "
        "życia dla wszystkich pokoleń, otwarte na mieszkańców i gości, dbające o dziedzictwo, przyrodę "
        "i zrównoważony rozwój.**"
    ),
    Block(
        "Wizję dopełnia misja, wyrażająca rolę samorządu w jej urzeczywistnianiu: *samorząd gminy, we współpracy "
        "z mieszkańcami, organizacjami i przedsiębiorcami, tworzy warunki do wysokiej jakości życia, rozwoju "
        "przedsiębiorczości oraz ochrony walorów przyrodniczych i kulturowych gminy*."
    ),
))

GOAL_TITLES = (
    "Cel strategiczny 1. Wspólnota mieszkańców korzystająca z dostępnych usług publicznych wysokiej jakości",
    "Cel strategiczny 2. Konkurencyjna gospodarka oparta na funkcji uzdrowiskowej, turystyce i przedsiębiorczości",
    "Cel strategiczny 3. Uporządkowana i dostępna przestrzeń, dobrze powiązana z otoczeniem",
    "Cel strategiczny 4. Zielona gmina odporna na zmiany klimatu",
)

GOALS = Section(
    "Cele strategiczne",
    statutory_item="strategic_goals",
    blocks=(Block(
        "Realizacji wizji służą cztery cele strategiczne, odpowiadające wymiarowi społecznemu, gospodarczemu, "
        "przestrzennemu i środowiskowemu rozwoju gminy. Cele są ze sobą powiązane i wzajemnie się wzmacniają: "
        "poprawa jakości środowiska sprzyja rozwojowi funkcji uzdrowiskowej, a uporządkowanie przestrzeni "
        "ułatwia dostęp do usług publicznych."
    ),),
    children=(
        Section(GOAL_TITLES[0], blocks=(
            Block(
                "Cel realizowany jest w wymiarze społecznym. Dotyczy zapewnienia mieszkańcom wszystkich grup "
                "wiekowych dostępu do edukacji, opieki zdrowotnej i społecznej, kultury oraz sportu i rekreacji, "
                "z uwzględnieniem potrzeb rodzin z dziećmi, seniorów oraz osób z niepełnosprawnościami."
            ),
            Block(
                "Istotnym elementem celu jest budowanie wspólnoty lokalnej: integracja nowych mieszkańców, "
                "wspieranie aktywności obywatelskiej i organizacji pozarządowych oraz rozwijanie form "
                "współdecydowania o sprawach gminy, w tym budżetu obywatelskiego."
            ),
        )),
        Section(GOAL_TITLES[1], blocks=(
            Block(
                "Cel realizowany jest w wymiarze gospodarczym. Zakłada wykorzystanie statusu uzdrowiska, "
                "dziedzictwa kulturowego i walorów przyrodniczych do rozwoju usług uzdrowiskowych, "
                "rekreacyjnych i turystycznych, stanowiących specjalizację gospodarczą gminy."
            ),
            Block(
                "Równolegle gmina będzie tworzyć warunki dla rozwoju lokalnej przedsiębiorczości, w szczególności "
                "usług nieuciążliwych dla środowiska, poprzez przygotowanie terenów inwestycyjnych, sprawną "
                "obsługę inwestorów oraz współpracę z instytucjami otoczenia biznesu."
            ),
        )),
        Section(GOAL_TITLES[2], blocks=(
            Block(
                "Cel realizowany jest w wymiarze przestrzennym. Jego istotą jest zahamowanie rozpraszania "
                "zabudowy, ochrona ładu przestrzennego oraz wzmocnienie centrów usługowych miasta i sołectw, "
                "tak aby podstawowe usługi były dostępne w niewielkiej odległości od miejsca zamieszkania."
            ),
            Block(
                "Cel obejmuje także poprawę powiązań komunikacyjnych gminy z Warszawą i gminami sąsiednimi, "
                "rozwój transportu zbiorowego i sieci dróg rowerowych oraz podniesienie bezpieczeństwa ruchu "
                "pieszego w rejonie szkół, przystanków i przestrzeni publicznych."
            ),
        )),
        Section(GOAL_TITLES[3], blocks=(
            Block(
                "Cel realizowany jest w wymiarze środowiskowym. Dotyczy ochrony zasobów przyrodniczych, "
                "w tym terenów leśnych, dolin rzecznych i korytarzy ekologicznych, a także poprawy jakości "
                "powietrza, od której zależy zachowanie funkcji uzdrowiskowej gminy."
            ),
            Block(
                "Gmina będzie zwiększać odporność na skutki zmian klimatu poprzez retencję wód opadowych, "
                "rozwój zielono-niebieskiej infrastruktury, ochronę przed powodzią oraz zwiększanie udziału "
                "odnawialnych źródeł energii i efektywności energetycznej budynków."
            ),
        )),
    ),
)

ACTIONS = Section(
    "Kierunki działań",
    statutory_item="action_directions",
    blocks=(Block(
        "Dla każdego celu strategicznego określono kierunki działań, wskazujące sposób jego osiągnięcia. "
        "Kierunki działań będą realizowane przez przedsięwzięcia ujęte w dokumentach wykonawczych Strategii, "
        "budżecie gminy i wieloletniej prognozie finansowej."
    ),),
    children=(
        Section("Kierunki działań w ramach celu strategicznego 1", blocks=(_list(
            "**1.1.** Rozwój infrastruktury i oferty opieki nad dziećmi oraz edukacji, dostosowanej do liczby "
            "uczniów.",
            "**1.2.** Rozwój usług opiekuńczych, zdrowotnych i aktywizujących dla seniorów.",
            "**1.3.** Poszerzenie oferty kulturalnej, sportowej i rekreacyjnej, w szczególności dla młodzieży.",
            "**1.4.** Wspieranie organizacji pozarządowych, inicjatyw sąsiedzkich i aktywności obywatelskiej.",
            "**1.5.** Zwiększanie dostępności usług publicznych dla osób ze szczególnymi potrzebami.",
        ),)),
        Section("Kierunki działań w ramach celu strategicznego 2", blocks=(_list(
            "**2.1.** Rozwój funkcji uzdrowiskowej i oferty usług prozdrowotnych.",
            "**2.2.** Tworzenie produktów turystycznych opartych na dziedzictwie kulturowym i przyrodniczym.",
            "**2.3.** Wspólna promocja gminy z przedsiębiorcami i organizacjami branży turystycznej.",
            "**2.4.** Przygotowanie i uzbrojenie terenów pod działalność gospodarczą nieuciążliwą dla "
            "środowiska.",
            "**2.5.** Wsparcie lokalnej przedsiębiorczości, w tym w zakresie obsługi inwestora.",
        ),)),
        Section("Kierunki działań w ramach celu strategicznego 3", blocks=(_list(
            "**3.1.** Kształtowanie przestrzeni publicznych i wzmacnianie centrów usługowych miasta i sołectw.",
            "**3.2.** Rewitalizacja obszarów zdegradowanych, w tym terenów poprzemysłowych.",
            "**3.3.** Rozwój transportu zbiorowego i węzłów przesiadkowych we współpracy z gminami sąsiednimi.",
            "**3.4.** Budowa spójnej sieci dróg rowerowych i ciągów pieszych.",
            "**3.5.** Rozbudowa sieci wodociągowej i kanalizacyjnej na obszarach wskazanych do zabudowy.",
        ),)),
        Section("Kierunki działań w ramach celu strategicznego 4", blocks=(_list(
            "**4.1.** Ochrona terenów cennych przyrodniczo i ciągłości korytarzy ekologicznych.",
            "**4.2.** Poprawa jakości powietrza, w tym wymiana źródeł ciepła niespełniających norm.",
            "**4.3.** Rozwój odnawialnych źródeł energii i termomodernizacja budynków publicznych.",
            "**4.4.** Retencja wód opadowych i rozwój zielono-niebieskiej infrastruktury.",
            "**4.5.** Edukacja ekologiczna i działania na rzecz gospodarki o obiegu zamkniętym.",
        ),)),
    ),
)

INDICATOR_HEADER = ("Wskaźnik", "Jednostka", "Wartość bazowa", "Wartość docelowa 2030", "Źródło")


def _indicator(name: str, unit: str, base: str, target: str, origin: str) -> tuple[str, ...]:
    return (name, unit, base, target, f"{SAMPLE_SOURCE} (docelowo: {origin})")


RESULTS = Section(
    "Oczekiwane rezultaty i wskaźniki ich osiągnięcia",
    statutory_item="expected_results",
    blocks=(
        Block("W wyniku realizacji Strategii, w tym w wymiarze przestrzennym, oczekuje się w szczególności:"),
        _list(
            "zwiększenia dostępności opieki żłobkowej i przedszkolnej oraz usług dla seniorów,",
            "wzrostu liczby kuracjuszy i turystów korzystających z oferty gminy,",
            "koncentracji nowej zabudowy na obszarach wyposażonych w infrastrukturę i obsłużonych transportem "
            "zbiorowym,",
            "poprawy jakości powietrza i zwiększenia udziału odnawialnych źródeł energii.",
        ),
        Block(
            "Wskaźniki osiągnięcia rezultatów przedstawiono w tabeli 1. Wartości bazowe odnoszą się do roku "
            "{rok_bazowy}, a wartości docelowe – do roku 2030. **Wszystkie wartości liczbowe w tabeli są "
            "przykładowe** i zostały przygotowane wyłącznie na potrzeby demonstracji platformy."
        ),
        Block("**Tabela 1.** Wskaźniki osiągnięcia rezultatów Strategii (wartości przykładowe)"),
        _table(
            INDICATOR_HEADER,
            _indicator("Liczba miejsc w żłobkach i klubach dziecięcych na 100 dzieci w wieku do lat 3", "miejsca",
                       "30", "45", "GUS BDL"),
            _indicator("Odsetek mieszkańców zadowolonych z dostępności usług publicznych", "%", "62", "75",
                       "badanie ankietowe mieszkańców"),
            _indicator("Liczba udzielonych noclegów w turystycznych obiektach noclegowych", "tys.", "40", "55",
                       "GUS BDL"),
            _indicator("Podmioty gospodarki narodowej wpisane do rejestru REGON na 1000 mieszkańców", "szt.",
                       "200", "215", "GUS BDL"),
            _indicator("Długość dróg dla rowerów", "km", "20", "45", "Urząd Miasta i Gminy"),
            _indicator("Odsetek mieszkańców w odległości do 500 m od przystanku transportu zbiorowego", "%",
                       "70", "85", "analiza przestrzenna Urzędu Miasta i Gminy"),
            _indicator("Liczba wymienionych źródeł ciepła niespełniających norm (narastająco)", "szt.", "0",
                       "1500", "Urząd Miasta i Gminy"),
            _indicator("Moc instalacji odnawialnych źródeł energii w budynkach gminnych", "kW", "150", "600",
                       "Urząd Miasta i Gminy"),
        ),
        Block(
            "Wartości docelowe zostaną zweryfikowane po zakończeniu konsultacji społecznych, a źródła danych "
            "i sposób pomiaru każdego wskaźnika – opisane w kartach wskaźników stanowiących podstawę "
            "monitorowania Strategii."
        ),
    ),
)

SPATIAL_MODEL = Section(
    "Model struktury funkcjonalno-przestrzennej gminy",
    statutory_item="spatial_model",
    blocks=(
        Block(
            "Model struktury funkcjonalno-przestrzennej przedstawia pożądany w 2030 roku układ głównych funkcji "
            "gminy i ich wzajemne powiązania. Stanowi przestrzenne odzwierciedlenie celów Strategii i podstawę "
            "ustaleń polityki przestrzennej. Graficzne przedstawienie modelu zawiera część graficzna Strategii. "
            "W modelu wyróżniono następujące strefy funkcjonalne:"
        ),
        _list(
            "**strefa centralna** – centrum miasta z koncentracją usług publicznych, handlu i administracji, "
            "przeznaczone do wzmacniania i rewitalizacji,",
            "**strefa uzdrowiskowo-rekreacyjna** – obszar uzdrowiska z parkami i zabytkową zabudową, w którym "
            "priorytetem jest ochrona walorów uzdrowiskowych,",
            "**strefa mieszkaniowa** – tereny zabudowy mieszkaniowej o charakterze podmiejskim, w których nowa "
            "zabudowa powinna uzupełniać istniejącą strukturę,",
            "**strefa rolniczo-osadnicza** – obszary wiejskie z lokalnymi centrami usług w wybranych sołectwach,",
            "**strefa przyrodnicza** – kompleksy leśne, tereny parku krajobrazowego oraz doliny Wisły i Jeziorki.",
        ),
        Block(
            "Strefy łączą powiązania funkcjonalne: korytarze transportowe prowadzące do Warszawy i gmin "
            "sąsiednich, planowane ciągi rowerowe wzdłuż dolin rzecznych oraz system powiązań przyrodniczych "
            "zapewniający ciągłość korytarzy ekologicznych. Funkcję głównego ośrodka usługowego pełni miasto, "
            "a lokalnych centrów usług – wybrane sołectwa."
        ),
    ),
)

SPATIAL_POLICY = Section(
    "Ustalenia i rekomendacje w zakresie kształtowania i prowadzenia polityki przestrzennej",
    statutory_item="spatial_policy",
    blocks=(
        Block(
            "Ustalenia i rekomendacje stanowią wytyczne dla planu ogólnego gminy, miejscowych planów "
            "zagospodarowania przestrzennego oraz rozstrzygnięć dotyczących lokalizacji inwestycji celu "
            "publicznego. W zakresie polityki przestrzennej ustala się:"
        ),
        _list(
            "koncentrowanie nowej zabudowy mieszkaniowej w granicach obszarów zurbanizowanych oraz w zasięgu "
            "transportu zbiorowego,",
            "ochronę ładu przestrzennego oraz historycznego układu zabudowy uzdrowiskowej i willowej,",
            "zachowanie ciągłości systemu powiązań przyrodniczych, w szczególności dolin rzecznych i korytarzy "
            "ekologicznych,",
            "rezerwowanie terenów pod usługi publiczne na obszarach intensywnego rozwoju mieszkaniowego,",
            "lokalizowanie terenów działalności gospodarczej w sąsiedztwie głównych dróg, poza strefą "
            "uzdrowiskowo-rekreacyjną,",
            "ograniczanie zabudowy na obszarach szczególnego zagrożenia powodzią.",
        ),
        Block(
            "Rekomenduje się prowadzenie polityki przestrzennej we współpracy z gminami sąsiednimi, "
            "w szczególności w zakresie układu komunikacyjnego, ciągów rowerowych i ochrony korytarzy "
            "ekologicznych, a także systematyczne monitorowanie zmian w zagospodarowaniu przestrzennym w ramach "
            "oceny aktualności planu ogólnego gminy."
        ),
    ),
)

OSI_VOIVODESHIP = Section(
    "Obszary strategicznej interwencji określone w strategii rozwoju województwa",
    statutory_item="osi_voivodeship",
    blocks=(
        Block(
            "Strategia rozwoju województwa mazowieckiego określa obszary strategicznej interwencji, dla których "
            "przewiduje ukierunkowane formy wsparcia. Na potrzeby demonstracji przyjęto przykładowo, że gmina "
            "znajduje się w zasięgu następujących obszarów:"
        ),
        _list(
            "**obszar metropolitalny Warszawy** – zakres planowanych działań: rozwój powiązań komunikacyjnych, "
            "w tym transportu zbiorowego i rowerowego, oraz wspólne planowanie usług publicznych z gminami "
            "sąsiednimi,",
            "**dolina Wisły** – zakres planowanych działań: ochrona przeciwpowodziowa, ochrona przyrody i rozwój "
            "turystyki nadrzecznej,",
            "**obszar o wysokich walorach przyrodniczych i uzdrowiskowych** – zakres planowanych działań: ochrona "
            "zasobów przyrodniczych, rozwój funkcji uzdrowiskowej i poprawa jakości powietrza.",
        ),
        Block(
            "Zakres działań planowanych na tych obszarach wynika z kierunków działań Strategii; ich zasięg "
            "przestrzenny przedstawiono w części graficznej."
        ),
    ),
)

OSI_LOCAL = Section(
    "Obszary strategicznej interwencji kluczowe dla gminy",
    statutory_item="osi_local",
    blocks=(Block(
        "Na podstawie wniosków z diagnozy wyznaczono trzy obszary strategicznej interwencji kluczowe dla gminy, "
        "w których koncentrują się zjawiska problemowe lub szczególne potencjały rozwojowe. Dla każdego z nich "
        "określono zakres planowanych działań."
    ),),
    children=(
        Section("OSI 1. Centrum miasta", blocks=(Block(
            "Obszar obejmuje centrum miasta wraz z terenami poprzemysłowymi. Zakres planowanych działań: "
            "rewitalizacja przestrzeni publicznych, wzmocnienie funkcji usługowych i kulturalnych, poprawa "
            "bezpieczeństwa ruchu pieszego i rowerowego (kierunki działań 1.3, 3.1, 3.2 i 3.4)."
        ),)),
        Section("OSI 2. Strefa uzdrowiskowa", blocks=(Block(
            "Obszar obejmuje uzdrowisko wraz z parkami i zespołami zabytkowej zabudowy. Zakres planowanych "
            "działań: rozwój oferty uzdrowiskowej i turystycznej, ochrona dziedzictwa, poprawa jakości "
            "powietrza (kierunki działań 2.1, 2.2 i 4.2)."
        ),)),
        Section("OSI 3. Obszary wiejskie w południowej części gminy", blocks=(Block(
            "Obszar obejmuje sołectwa o ograniczonej dostępności usług publicznych i transportu zbiorowego. "
            "Zakres planowanych działań: rozwój lokalnych centrów usług, poprawa dostępności komunikacyjnej, "
            "rozbudowa infrastruktury technicznej (kierunki działań 1.2, 3.3 i 3.5)."
        ),)),
    ),
)

IMPLEMENTATION = Section(
    "System realizacji Strategii, w tym wytyczne do sporządzania dokumentów wykonawczych",
    statutory_item="implementation_system",
    children=(
        Section("Zarządzanie realizacją Strategii", blocks=(
            Block(
                "Za realizację Strategii odpowiada Burmistrz Gminy Konstancin-Jeziorna, przy pomocy Urzędu Miasta "
                "i Gminy oraz gminnych jednostek organizacyjnych. Koordynację prac powierza się komórce "
                "właściwej do spraw rozwoju, która przygotowuje informacje o postępach realizacji Strategii "
                "i współpracuje z partnerami społecznymi i gospodarczymi."
            ),
            Block(
                "Rada Miejska uchwala budżet i wieloletnią prognozę finansową z uwzględnieniem priorytetów "
                "Strategii oraz rozpatruje wyniki jej monitorowania. Partnerzy społeczni i gospodarczy uczestniczą "
                "w realizacji Strategii, w szczególności poprzez realizację zadań publicznych, projekty partnerskie "
                "oraz udział w zespole monitorującym."
            ),
        )),
        Section("Wytyczne do sporządzania dokumentów wykonawczych", blocks=(
            Block(
                "Dokumentami wykonawczymi Strategii są programy i polityki gminne, plany rzeczowe oraz akty "
                "planowania przestrzennego. Przy ich sporządzaniu lub aktualizacji stosuje się następujące "
                "wytyczne:"
            ),
            _list(
                "dokument wskazuje cele strategiczne i kierunki działań Strategii, których realizacji służy,",
                "dokument określa wskaźniki spójne ze wskaźnikami Strategii oraz sposób ich monitorowania,",
                "dokument uwzględnia ustalenia i rekomendacje polityki przestrzennej oraz obszary strategicznej "
                "interwencji,",
                "projekt dokumentu podlega konsultacjom z mieszkańcami w zakresie właściwym dla jego przedmiotu,",
                "harmonogram i koszty przedsięwzięć są zgodne z wieloletnią prognozą finansową gminy.",
            ),
        )),
        Section(
            "Monitorowanie i ewaluacja",
            blocks=(Block(
                "Monitorowanie i ewaluacja pozwalają ocenić postęp realizacji Strategii i w razie potrzeby "
                "skorygować sposób jej wdrażania."
            ),),
            children=(
                Section("Monitorowanie", blocks=(
                    Block(
                        "Monitorowanie prowadzi się corocznie, na podstawie wskaźników określonych w rozdziale "
                        "„Oczekiwane rezultaty i wskaźniki ich osiągnięcia”. Wyniki monitorowania są "
                        "przedstawiane w raporcie o stanie gminy, o którym mowa w art. 28aa ustawy "
                        "o samorządzie gminnym, i publikowane na platformie wraz z danymi w formacie otwartym."
                    ),
                    Block(
                        "Zespół monitorujący, złożony z przedstawicieli urzędu, jednostek organizacyjnych gminy "
                        "i partnerów społecznych, ocenia stopień osiągnięcia wartości docelowych i formułuje "
                        "rekomendacje dotyczące dalszej realizacji Strategii."
                    ),
                )),
                Section("Ewaluacja", blocks=(Block(
                    "Strategia podlega ewaluacji ex ante, przeprowadzanej przed jej przyjęciem, ewaluacji "
                    "śródokresowej, przeprowadzanej w połowie okresu realizacji, oraz ewaluacji ex post, po "
                    "zakończeniu okresu jej obowiązywania. Wnioski z ewaluacji mogą stanowić podstawę aktualizacji "
                    "Strategii w trybie art. 10f ust. 5 ustawy o samorządzie gminnym."
                ),)),
            ),
        ),
    ),
)

FINANCE_HEADER = ("Cel strategiczny", "Budżet gminy", "Środki Unii Europejskiej", "Środki krajowe",
                  "Inne źródła", "Razem")

FINANCE = Section(
    "Ramy finansowe i źródła finansowania",
    statutory_item="financial_frame",
    blocks=(
        Block(
            "Ramy finansowe określają szacunkową wartość nakładów na realizację Strategii w okresie jej "
            "obowiązywania, w podziale na cele strategiczne i źródła finansowania. **Kwoty przedstawione "
            "w tabeli 2 są przykładowe** i zostaną doprecyzowane w wieloletniej prognozie finansowej i budżetach "
            "gminy. Wysokość nakładów będzie weryfikowana corocznie, na podstawie wyników monitorowania Strategii "
            "i możliwości finansowych gminy."
        ),
        Block("**Tabela 2.** Szacunkowe ramy finansowe realizacji Strategii (kwoty przykładowe, w mln zł)"),
        _table(
            FINANCE_HEADER,
            ("Cel strategiczny 1", "60", "20", "15", "5", "100"),
            ("Cel strategiczny 2", "15", "10", "5", "10", "40"),
            ("Cel strategiczny 3", "80", "45", "30", "5", "160"),
            ("Cel strategiczny 4", "25", "30", "15", "10", "80"),
            ("**Razem**", "**180**", "**105**", "**65**", "**30**", "**380**"),
        ),
        Block("Źródłami finansowania Strategii będą w szczególności:"),
        _list(
            "środki własne gminy, planowane w budżecie i wieloletniej prognozie finansowej,",
            "fundusze Unii Europejskiej, w tym program regionalny województwa mazowieckiego i programy krajowe,",
            "środki budżetu państwa i funduszy celowych, w tym funduszy ochrony środowiska,",
            "środki partnerów prywatnych i społecznych, w tym w formule partnerstwa publiczno-prywatnego,",
            "środki pozyskiwane wspólnie z gminami sąsiednimi w ramach instrumentów terytorialnych.",
        ),
    ),
)

MAP_ALT_TEXT = (
    "Schematyczna mapa gminy Konstancin-Jeziorna (rysunek poglądowy, nie w skali). Wschodnią granicę gminy "
    "wyznacza Wisła, a przez środek gminy, z zachodu na wschód, płynie Jeziorka. W północnej części gminy "
    "zaznaczono strefę mieszkaniową, w środkowej, nad Jeziorką – strefę centralną miasta, a na wschód od niej "
    "strefę uzdrowiskowo-rekreacyjną. Południowo-zachodnią część zajmuje strefa przyrodnicza z lasami i parkiem "
    "krajobrazowym, a południową – strefa rolniczo-osadnicza. Z centrum miasta drogi prowadzą na północ, do "
    "Warszawy, oraz na południe. Czerwonymi liniami przerywanymi oznaczono trzy obszary strategicznej "
    "interwencji kluczowe dla gminy: OSI 1 – centrum miasta, OSI 2 – strefę uzdrowiskową, OSI 3 – obszary "
    "wiejskie na południu gminy. Niebieskim kreskowaniem wzdłuż Wisły oznaczono dolinę Wisły, obszar "
    "strategicznej interwencji województwa."
)

GRAPHIC_PART = Section(
    "Część graficzna",
    statutory_item="graphic_part",
    blocks=(
        Block(
            "Część graficzna Strategii przedstawia model struktury funkcjonalno-przestrzennej gminy oraz obszary "
            "strategicznej interwencji określone w strategii rozwoju województwa i kluczowe dla gminy. Rycina 1 "
            "ma charakter poglądowy, została przygotowana na potrzeby demonstracji i nie jest mapą w skali."
        ),
        Figure(
            drawing="spatial_model_map",
            filename="model-struktury-funkcjonalno-przestrzennej.png",
            alt_text=MAP_ALT_TEXT,
            text="Rycina 1. Model struktury funkcjonalno-przestrzennej gminy i obszary strategicznej interwencji "
                 "(schemat przykładowy)",
        ),
    ),
)

CHAPTERS: tuple[Section, ...] = (
    INTRODUCTION, DIAGNOSIS, VISION, GOALS, ACTIONS, RESULTS, SPATIAL_MODEL, SPATIAL_POLICY, OSI_VOIVODESHIP,
    OSI_LOCAL, IMPLEMENTATION, FINANCE, GRAPHIC_PART,
)
