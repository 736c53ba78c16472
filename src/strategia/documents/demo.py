"""The demo's draft strategy: Konstancin-Jeziorna's strategy to 2030, written for the demo and labelled as
sample text (``demo_content``), frozen once as the draft for consultation. Everything goes through the
documents services, as in production. Idempotent: if the document exists, nothing is created."""

from __future__ import annotations

import datetime as dt
import io
import math

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from PIL import Image, ImageDraw, ImageFont

from strategia.documents import demo_content as content
from strategia.documents.enums import BlockKind, DocumentKind, VersionStage
from strategia.documents.models import Chapter, Document, DocumentVersion
from strategia.documents.services import chapter_create, document_create, paragraph_create, version_freeze


@transaction.atomic
def documents_load(*, process, today: dt.date) -> Document:
    existing = Document.objects.filter(process=process, slug=content.SLUG).first()
    if existing is not None:
        return existing
    document = document_create(actor=None, process=process, title=content.TITLE, slug=content.SLUG,
                               kind=DocumentKind.STRATEGY, is_sample=True)
    version = document.versions.get(number=1)
    placeholders = {"{rok_bazowy}": str(today.year - 1)}
    for section in content.CHAPTERS:
        _section_create(version=version, section=section, parent=None, placeholders=placeholders)
    version_freeze(actor=None, version=version, stage=VersionStage.CONSULTATION, label=content.FREEZE_LABEL)
    return document


def _section_create(*, version: DocumentVersion, section: content.Section, parent: Chapter | None,
                    placeholders: dict[str, str]) -> None:
    chapter = chapter_create(actor=None, version=version, title=section.title, parent=parent,
                             statutory_item=section.statutory_item)
    for block in section.blocks:
        if isinstance(block, content.Figure):
            image = SimpleUploadedFile(block.filename, DRAWINGS[block.drawing](), content_type="image/png")
            paragraph_create(actor=None, chapter=chapter, kind=BlockKind.FIGURE, image=image,
                             alt_text=block.alt_text, text=block.text)
        else:
            paragraph_create(actor=None, chapter=chapter, kind=block.kind,
                             text=_fill(block.text, placeholders))
    for child in section.children:
        _section_create(version=version, section=child, parent=chapter, placeholders=placeholders)


def _fill(text: str, placeholders: dict[str, str]) -> str:
    for token, value in placeholders.items():
        text = text.replace(token, value)
    return text


# --- the figure: a schematic map, drawn so that the demo needs no image files ------------------------------

WIDTH, HEIGHT = 1200, 840
INK = (40, 40, 40)
RIVER = (46, 110, 190)
ROAD = (120, 120, 120)
OSI_LOCAL = (200, 30, 30)
ZONES = {
    "rolniczo-osadnicza": (238, 228, 196),
    "mieszkaniowa": (250, 214, 120),
    "przyrodnicza": (120, 180, 110),
    "uzdrowiskowa": (176, 222, 170),
    "centralna": (240, 150, 80),
}

BOUNDARY = [(70, 130), (300, 95), (520, 110), (640, 170), (665, 330), (645, 520), (560, 650), (360, 675),
            (170, 630), (75, 480), (45, 300)]
RESIDENTIAL = [(72, 134), (300, 99), (518, 114), (600, 150), (560, 230), (440, 245), (330, 290), (200, 320),
               (62, 345), (48, 300)]
NATURE = [(58, 410), (200, 390), (290, 440), (310, 560), (300, 662), (170, 627), (76, 478)]
WISLA = [(700, 40), (682, 200), (676, 350), (660, 510), (610, 660), (598, 735)]
JEZIORKA = [(45, 375), (180, 360), (300, 330), (420, 305), (540, 275), (676, 250)]
VISTULA_VALLEY = [(600, 150), (640, 170), (665, 330), (645, 520), (560, 650), (585, 500), (615, 330)]
ROADS = [[(380, 305), (380, 30)], [(380, 305), (250, 470), (200, 690)], [(380, 305), (430, 500), (455, 690)]]
CENTRE, CENTRE_RADIUS = (380, 305), 42
SPA_BOX = (450, 240, 600, 345)
OSI_SOUTH = [(320, 480), (560, 470), (600, 560), (540, 640), (360, 665), (310, 600)]


def _font(size: int):
    try:
        return ImageFont.truetype("DejaVuSans.ttf", size)
    except OSError:
        return ImageFont.load_default(size=size)


def _dashed(draw: ImageDraw.ImageDraw, points: list[tuple[float, float]], *, fill, width: int,
            dash: int = 14, gap: int = 9) -> None:
    """A dashed polyline; the dash pattern runs on across vertices, so curves made of short segments stay
    dashed."""
    period, travelled = dash + gap, 0.0
    for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False):
        length = math.hypot(x2 - x1, y2 - y1)
        if not length:
            continue
        dx, dy = (x2 - x1) / length, (y2 - y1) / length
        position = 0.0
        while position < length:
            phase = (travelled + position) % period
            if phase < dash:
                end = min(position + dash - phase, length)
                draw.line([(x1 + dx * position, y1 + dy * position), (x1 + dx * end, y1 + dy * end)], fill=fill,
                          width=width)
            else:
                end = min(position + period - phase, length)
            position = end
        travelled += length


def _closed(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    return [*points, points[0]]


def _ellipse_points(box: tuple[int, int, int, int], steps: int = 48) -> list[tuple[float, float]]:
    x1, y1, x2, y2 = box
    cx, cy, rx, ry = (x1 + x2) / 2, (y1 + y2) / 2, (x2 - x1) / 2, (y2 - y1) / 2
    return [(cx + rx * math.cos(2 * math.pi * i / steps), cy + ry * math.sin(2 * math.pi * i / steps))
            for i in range(steps + 1)]


def _label(draw: ImageDraw.ImageDraw, xy: tuple[int, int], text: str, *, size: int = 19, fill=INK) -> None:
    font = _font(size)
    left, top, right, bottom = draw.textbbox(xy, text, font=font, anchor="mm")
    draw.rounded_rectangle((left - 5, top - 3, right + 5, bottom + 3), radius=4, fill=(255, 255, 255))
    draw.text(xy, text, font=font, fill=fill, anchor="mm")


def _hatch(image: Image.Image, polygon: list[tuple[float, float]], *, colour, spacing: int = 12) -> None:
    mask = Image.new("L", image.size, 0)
    ImageDraw.Draw(mask).polygon(polygon, fill=255)
    lines = Image.new("RGB", image.size, colour)
    stripes = Image.new("L", image.size, 0)
    stripe_draw = ImageDraw.Draw(stripes)
    for offset in range(-image.size[1], image.size[0], spacing):
        stripe_draw.line([(offset, image.size[1]), (offset + image.size[1], 0)], fill=255, width=3)
    combined = Image.composite(stripes, Image.new("L", image.size, 0), mask)
    image.paste(lines, (0, 0), combined)


def spatial_model_map() -> bytes:
    """Rycina 1: zones, rivers, roads and areas of strategic intervention, with a legend. PNG bytes."""
    image = Image.new("RGB", (WIDTH, HEIGHT), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.polygon(BOUNDARY, fill=ZONES["rolniczo-osadnicza"])
    draw.polygon(RESIDENTIAL, fill=ZONES["mieszkaniowa"])
    draw.polygon(NATURE, fill=ZONES["przyrodnicza"])
    draw.ellipse(SPA_BOX, fill=ZONES["uzdrowiskowa"])
    _hatch(image, VISTULA_VALLEY, colour=RIVER)
    draw = ImageDraw.Draw(image)
    draw.line(_closed(BOUNDARY), fill=INK, width=4, joint="curve")
    for road in ROADS:
        draw.line(road, fill=ROAD, width=7, joint="curve")
    draw.polygon([(380, 14), (366, 40), (394, 40)], fill=ROAD)
    draw.line(WISLA, fill=RIVER, width=16, joint="curve")
    draw.line(JEZIORKA, fill=RIVER, width=7, joint="curve")
    cx, cy = CENTRE
    draw.ellipse((cx - CENTRE_RADIUS, cy - CENTRE_RADIUS, cx + CENTRE_RADIUS, cy + CENTRE_RADIUS),
                 fill=ZONES["centralna"], outline=INK, width=2)
    _dashed(draw, _ellipse_points((cx - 70, cy - 70, cx + 70, cy + 70)), fill=OSI_LOCAL, width=4)
    x1, y1, x2, y2 = SPA_BOX
    _dashed(draw, _ellipse_points((x1 - 14, y1 - 14, x2 + 14, y2 + 14)), fill=OSI_LOCAL, width=4)
    _dashed(draw, _closed(OSI_SOUTH), fill=OSI_LOCAL, width=4)

    _label(draw, (380, 60), "do Warszawy", size=18)
    _label(draw, (720, 120), "Wisła", fill=RIVER)
    _label(draw, (130, 345), "Jeziorka", size=17, fill=RIVER)
    _label(draw, (250, 190), "strefa mieszkaniowa")
    _label(draw, (380, 305), "centrum", size=17)
    _label(draw, (525, 360), "strefa uzdrowiskowa", size=17)
    _label(draw, (185, 520), "strefa przyrodnicza")
    _label(draw, (450, 440), "strefa rolniczo-osadnicza", size=17)
    _label(draw, (300, 232), "OSI 1", fill=OSI_LOCAL)
    _label(draw, (590, 215), "OSI 2", fill=OSI_LOCAL)
    _label(draw, (455, 575), "OSI 3", fill=OSI_LOCAL)

    _legend(image)
    draw = ImageDraw.Draw(image)
    draw.text((40, 770), "Konstancin-Jeziorna: model struktury funkcjonalno-przestrzennej i OSI", font=_font(22),
              fill=INK, anchor="lm")
    draw.text((40, 805), "Schemat poglądowy, nie w skali – dane przykładowe", font=_font(18), fill=INK,
              anchor="lm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _legend(image: Image.Image) -> None:
    draw = ImageDraw.Draw(image)
    left, top = 800, 60
    draw.text((left, top), "Legenda", font=_font(22), fill=INK)
    rows = [
        ("zone", ZONES["centralna"], "strefa centralna"),
        ("zone", ZONES["uzdrowiskowa"], "strefa uzdrowiskowo-rekreacyjna"),
        ("zone", ZONES["mieszkaniowa"], "strefa mieszkaniowa"),
        ("zone", ZONES["rolniczo-osadnicza"], "strefa rolniczo-osadnicza"),
        ("zone", ZONES["przyrodnicza"], "strefa przyrodnicza"),
        ("line", RIVER, "rzeki"),
        ("line", ROAD, "główne drogi"),
        ("dashed", OSI_LOCAL, "OSI kluczowe dla gminy"),
        ("hatch", RIVER, "OSI województwa: dolina Wisły"),
    ]
    font = _font(19)
    for index, (kind, colour, text) in enumerate(rows):
        y = top + 50 + index * 46
        box = (left, y, left + 44, y + 26)
        if kind == "zone":
            draw.rectangle(box, fill=colour, outline=INK)
        elif kind == "line":
            draw.line([(left, y + 13), (left + 44, y + 13)], fill=colour, width=7)
        elif kind == "dashed":
            _dashed(draw, [(left, y + 13), (left + 44, y + 13)], fill=colour, width=4, dash=10, gap=6)
        else:
            _hatch(image, [(left, y), (left + 44, y), (left + 44, y + 26), (left, y + 26)], colour=colour,
                   spacing=8)
            draw = ImageDraw.Draw(image)
            draw.rectangle(box, outline=INK)
        draw.text((left + 56, y + 13), text, font=font, fill=INK, anchor="lm")


DRAWINGS = {"spatial_model_map": spatial_model_map}
