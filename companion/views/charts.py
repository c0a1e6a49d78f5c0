"""Bar charts for the class dashboard, drawn as SVG by ``templates/chart_parts.html``:
the geometry here, the markup (escaped) there. No script, no library, nothing inline
that the Content-Security-Policy would refuse (colours come from classes.css).

Every chart stands beside a table of the same numbers, which is what screen readers
read (the SVG is ``aria-hidden``). The drawing is 360 units wide and shown at about
that many pixels (classes.css), so its 15-unit text stays readable on a phone.
"""

from __future__ import annotations

from dataclasses import dataclass

WIDTH = 360
SIDE_LABEL = 44  # room for "Q12" left of a bar
NUMBER_WIDTH = 96  # room for "100% of 40" after the longest bar
BAR = 18
GAP = 8
LABEL_LINE = 21  # a label above its bar
MAX_SIDE_LABEL = 5
MAX_TOP_LABEL = 48  # characters of a choice drawn above its bar (the table has it whole)


@dataclass(frozen=True)
class Bar:
    label: str  # as drawn (maybe shortened)
    title: str  # the whole label, for a tooltip
    text: str  # the number written after the bar
    kind: str  # a CSS class suffix: right, mid, wrong, muted
    label_x: float
    label_y: float
    bar_x: float
    bar_y: float
    width: float  # of the bar: 0 draws none
    track: float  # the width the bar could have

    @property
    def text_x(self) -> float:
        return self.bar_x + self.width + 6

    @property
    def text_y(self) -> float:
        return self.bar_y + BAR * 0.8


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    width: int
    height: int
    bar_height: int = BAR
    labels_above: bool = False

    @property
    def anchor(self) -> str:
        """How labels are aligned: against the bars on their left, or above them."""
        return "start" if self.labels_above else "end"


def short(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def bar_chart(rows: list[tuple[str, float, str, str]], labels_above: bool = False) -> Chart:
    """A horizontal bar per row: (label, share from 0 to 1, text after the bar, kind).
    Short labels ("Q3") go left of their bar; long ones (a choice) above it."""
    left = 0 if labels_above else SIDE_LABEL
    track = WIDTH - left - NUMBER_WIDTH
    row = (LABEL_LINE if labels_above else 0) + BAR + GAP
    bars = []
    for n, (label, share, text, kind) in enumerate(rows):
        top = n * row
        bar_y = top + (LABEL_LINE if labels_above else 0)
        label_x, label_y = (0, top + 15) if labels_above else (left - 6, bar_y + BAR * 0.8)
        limit = MAX_TOP_LABEL if labels_above else MAX_SIDE_LABEL
        width = round(max(0.0, min(share, 1.0)) * track, 1)
        bars.append(Bar(short(label, limit), label, text, kind, label_x, label_y, left, bar_y,
                        width, track))  # fmt: skip
    return Chart(bars, WIDTH, max(row * len(rows) - GAP, BAR), labels_above=labels_above)


def percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "–"
