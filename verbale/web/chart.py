"""A bar chart of the figures claimed for one measure, one bar per claim, as SVG data.

The chart is drawn on the server (no chart library, no JavaScript): this
module computes the geometry and the template writes the SVG elements, so
every label goes through the template's escaping. Figures are shown side by
side, each with its source; nothing is summed or averaged. A claim given as a
range gets a bar to its best figure (else its lower bound) and a dashed
whisker to its upper bound. Each label stands above its bar, so the chart
stays legible when a phone scales it down.

>>> c = bar_chart([{"label": "A/79/801", "sublabel": "Azerbaijan", "value": 613,
...                 "anchor": "/documents/A/79/801#claim-c1"}])
>>> c["bars"][0]["width"] > 0, c["height"]
(True, 76)
"""

from __future__ import annotations

from typing import Any, Iterable

WIDTH = 480
FIGURE_ROOM = 120        # right of the longest bar, for its figure
ROW = 44                 # a label line, then the bar
BAR_HEIGHT = 16
TOP = 8
AXIS = 24                # room for the scale below the bars
LABEL_CHARS = 48


def _figure(item: dict[str, Any]) -> tuple[int | None, int | None]:
    """(bar length, whisker end) of a claim: the value, else best or low, up to high."""
    value = item.get("value")
    if value is not None:
        return value, None
    low, best, high = item.get("low"), item.get("best"), item.get("high")
    base = best if best is not None else low
    if base is None:
        base = high
    return base, high if high is not None and base is not None and high > base else None


def _nice_max(value: int) -> int:
    """A round upper bound for the scale: 613 -> 700, 1275 -> 2000."""
    if value <= 0:
        return 1
    step = 10 ** (len(str(value)) - 1)
    return -(-value // step) * step


def _short(text: str, room: int) -> str:
    return text if len(text) <= room else text[:max(room - 1, 0)] + "…"


def bar_chart(items: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Geometry of a horizontal bar chart: ``bars``, ``ticks``, ``height``, ``width``, and
    ``without`` (claims that give no figure, listed but not drawn)."""
    drawable, without = [], 0
    for item in items:
        length, whisker = _figure(item)
        if length is None:
            without += 1
        else:
            drawable.append((item, length, whisker))
    top = max([max(length, whisker or 0) for _, length, whisker in drawable] or [1])
    scale_max = _nice_max(top)
    span = WIDTH - FIGURE_ROOM

    def x(value: int) -> float:
        return round(1 + span * value / scale_max, 1)

    bars = []
    for i, (item, length, whisker) in enumerate(drawable):
        y = TOP + i * ROW
        label, sublabel = item["label"], item.get("sublabel") or ""
        bars.append({
            "x": 1, "y": y + 18, "width": max(round(x(length) - 1, 1), 1.5),
            "height": BAR_HEIGHT, "label_y": y + 12, "text_y": y + 31,
            "label": _short(label, LABEL_CHARS // 2),
            "sublabel": _short(sublabel, LABEL_CHARS - min(len(label), LABEL_CHARS // 2)),
            "full_label": f"{label} · {sublabel}" if sublabel else label,
            "figure": item.get("figure") or f"{length:,}",
            "figure_x": x(whisker or length) + 5, "whisker": x(whisker) if whisker else None,
            "mid_y": y + 18 + BAR_HEIGHT / 2, "anchor": item.get("anchor"),
        })
    bottom = TOP + len(bars) * ROW
    ticks = [{"x": x(v), "value": f"{v:,}"} for v in (scale_max * k // 4 for k in range(5))]
    return {"bars": bars, "ticks": ticks, "width": WIDTH, "height": bottom + AXIS,
            "axis_y": bottom, "without": without}
