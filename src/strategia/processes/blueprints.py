"""Process templates. The statutory one, "Strategia rozwoju gminy (art. 10e–10f u.s.g.)", is read from the
Konstancin-Jeziorna schedule that ships with the code (``data/harmonogram-prac-konstancin-jeziorna.txt``,
source address at its end): the same two stages and fifteen activities, with quarters counted from the first
quarter of the work, so any gmina gets the same structure starting when it chooses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from django.utils.translation import gettext_lazy as _

SEED_FILE = Path(__file__).parent / "data" / "harmonogram-prac-konstancin-jeziorna.txt"

# Which registered activity type each seed activity is, by the words it starts with (bold in the seed).
TYPE_BY_SHORT_TITLE = {
    "przeprowadzenie akcji informacyjnej": "information_campaign",
    "zebranie wniosków": "call_for_proposals",
    "zebranie zgłoszeń uczestnictwa": "stakeholder_signup",
    "szkolenie": "training",
    "opracowanie założeń": "assumptions",
    "diagnoza": "diagnosis",
    "powołanie zespołów tematycznych": "thematic_teams",
    "sformułowanie celów rozwoju": "goals",
    "określenie systemu realizacji strategii": "implementation_system",
    "opracowanie projektu strategii": "draft",
    "opiniowanie": "opinions",
    "konsultacje społeczne": "consultation",
    "przedstawienie sprawozdania": "consultation_report",
    "ewaluacja": "evaluation",
    "przyjęcie uchwały": "adoption",
}


@dataclass
class ActivitySpec:
    number: str
    title: str
    short_title: str
    activity_type: str
    first_quarter: int  # absolute: year * 4 + (quarter - 1)
    last_quarter: int


@dataclass
class StageSpec:
    number: int
    title: str
    description: str
    activities: list[ActivitySpec] = field(default_factory=list)


@dataclass
class ParsedSchedule:
    intro: str
    stages: list[StageSpec]
    source_url: str

    @property
    def first_quarter(self) -> int:
        return min(a.first_quarter for s in self.stages for a in s.activities)


def _quarter_index(year: int, quarter: int) -> int:
    return year * 4 + (quarter - 1)


_PERIOD = r"(\d)\s*(?:-\s*(\d))?\s*kwartał\s+(\d{4})\s*r\."
_GROUP_RE = re.compile(rf"^(\d+)\.\s+{_PERIOD}:\s*$")
_ITEM_RE = re.compile(rf"^(\d+)\.\s+{_PERIOD}\s*(?:–|--|-)?\s*(.+)$")
_SUBITEM_RE = re.compile(r"^(\d+)\.\s+(\*\*.+)$")


def _clean(text: str) -> tuple[str, str]:
    """(wording without markup and final punctuation, the first bold phrase)."""
    bold = re.search(r"\*\*(.+?)\*\*", text)
    wording = text.replace("**", "").strip().rstrip(",;.").strip()
    wording = re.sub(r"\s+", " ", wording)
    return wording, (bold.group(1).strip() if bold else wording)


def _type_for(short_title: str) -> str:
    for prefix, code in TYPE_BY_SHORT_TITLE.items():
        if short_title.lower().startswith(prefix):
            return code
    return "generic"


def parse_schedule(text: str) -> ParsedSchedule:
    """Parse the published schedule ("Harmonogram prac") into stages and numbered activities."""
    lines = [line.strip() for line in text.splitlines()]
    stages: list[StageSpec] = []
    intro_lines: list[str] = []
    source_url = ""
    current: StageSpec | None = None
    awaiting_description = False
    group: tuple[str, int, int] | None = None  # (number, first, last)
    sub_counter = 0
    for line in lines:
        if not line:
            continue
        if line.startswith("Adres źródłowy"):
            match = re.search(r"<(.+?)>", line)
            source_url = match.group(1) if match else line.split(":", 1)[1].strip()
            continue
        stage_match = re.match(r"^Etap\s+(\d+)$", line)
        if stage_match:
            current = StageSpec(number=int(stage_match.group(1)), title=f"Etap {stage_match.group(1)}",
                                description="")
            stages.append(current)
            awaiting_description = True
            group = None
            continue
        if current is None:
            if not line.startswith("Opublikowano") and line != "Harmonogram prac":
                intro_lines.append(line)
            continue
        if awaiting_description:
            current.description = line.rstrip(":").strip()
            awaiting_description = False
            continue
        if m := _GROUP_RE.match(line):
            first, last, year = int(m.group(2)), int(m.group(3) or m.group(2)), int(m.group(4))
            group = (m.group(1), _quarter_index(year, first), _quarter_index(year, last))
            sub_counter = 0
            continue
        if m := _ITEM_RE.match(line):
            group = None
            first, last, year = int(m.group(2)), int(m.group(3) or m.group(2)), int(m.group(4))
            wording, short = _clean(m.group(5))
            current.activities.append(ActivitySpec(m.group(1), wording, short, _type_for(short),
                                                   _quarter_index(year, first), _quarter_index(year, last)))
            continue
        if group and (m := _SUBITEM_RE.match(line)):
            sub_counter += 1
            wording, short = _clean(m.group(2))
            current.activities.append(ActivitySpec(f"{group[0]}.{sub_counter}", wording, short,
                                                   _type_for(short), group[1], group[2]))
            continue
    return ParsedSchedule(intro=" ".join(intro_lines), stages=stages, source_url=source_url)


@lru_cache(maxsize=1)
def seed_schedule() -> ParsedSchedule:
    return parse_schedule(SEED_FILE.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Blueprint:
    code: str
    label: str
    description: str

    def schedule(self) -> ParsedSchedule:
        return seed_schedule()


STATUTORY_GMINA_STRATEGY = Blueprint(
    code="gmina-strategy-10e",
    label=_("Strategia rozwoju gminy (art. 10e–10f u.s.g.)"),
    description=_("Two stages, fifteen activities: diagnosis and assumptions, then the draft, opinions, "
                  "consultation, report, ex-ante evaluation and the council's resolution."),
)

BLUEPRINTS = {STATUTORY_GMINA_STRATEGY.code: STATUTORY_GMINA_STRATEGY}
