"""Small charts drawn as inline SVG on the server.

No chart library and no JavaScript: the dashboard must work offline and
under a Content-Security-Policy that runs no script at all. Every label is
escaped; hovering a bar or point shows its value through an SVG <title>.
"""
from __future__ import annotations

from markupsafe import Markup, escape

WIDTH, HEIGHT = 640, 220
PAD_L, PAD_R, PAD_T, PAD_B = 40, 12, 12, 44
# Series colours (colour-blind-safe Okabe-Ito order).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")


def _axis(max_value: int, periods: list[str], step: float) -> list[str]:
    plot_h = HEIGHT - PAD_T - PAD_B
    out = [f'<line class="axis" x1="{PAD_L}" y1="{HEIGHT - PAD_B}" x2="{WIDTH - PAD_R}" y2="{HEIGHT - PAD_B}"/>',
           f'<line class="axis" x1="{PAD_L}" y1="{PAD_T}" x2="{PAD_L}" y2="{HEIGHT - PAD_B}"/>']
    for frac in (0, 0.5, 1):
        v = round(max_value * frac)
        y = HEIGHT - PAD_B - plot_h * (v / max_value if max_value else 0)
        out.append(f'<text class="tick" x="{PAD_L - 4}" y="{y + 4:.1f}" text-anchor="end">{v}</text>')
    # at most ~12 period labels, evenly thinned, so long ranges stay legible
    every = max(1, -(-len(periods) // 12))
    for i, p in enumerate(periods):
        if i % every == 0:
            x = PAD_L + step * (i + 0.5)
            out.append(f'<text class="tick" x="{x:.1f}" y="{HEIGHT - PAD_B + 14}" text-anchor="end"'
                       f' transform="rotate(-35 {x:.1f} {HEIGHT - PAD_B + 14})">{escape(p)}</text>')
    return out


def bar_chart(counts: dict[str, int], label: str) -> Markup:
    """One bar per period, in the order given."""
    if not counts:
        return Markup('<p class="empty">Nothing dated to chart yet.</p>')
    periods = list(counts)
    top = max(counts.values()) or 1
    plot_w, plot_h = WIDTH - PAD_L - PAD_R, HEIGHT - PAD_T - PAD_B
    step = plot_w / len(periods)
    parts = [f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(label)}">']
    parts += _axis(top, periods, step)
    for i, p in enumerate(periods):
        h = plot_h * counts[p] / top
        x = PAD_L + step * i + step * 0.1
        parts.append(f'<rect class="bar" x="{x:.1f}" y="{HEIGHT - PAD_B - h:.1f}" width="{step * 0.8:.1f}"'
                     f' height="{h:.1f}" fill="{PALETTE[0]}"><title>{escape(p)}: {counts[p]}</title></rect>')
    parts.append("</svg>")
    return Markup("".join(parts))


def line_chart(series: dict[str, dict[str, int]], periods: list[str], label: str) -> Markup:
    """One line per series over `periods`, with a legend; missing periods count 0."""
    if not series or not periods:
        return Markup('<p class="empty">Nothing dated to chart yet.</p>')
    top = max((v for s in series.values() for v in s.values()), default=0) or 1
    plot_w, plot_h = WIDTH - PAD_L - PAD_R, HEIGHT - PAD_T - PAD_B
    step = plot_w / len(periods)
    parts = [f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(label)}">']
    parts += _axis(top, periods, step)
    for k, (name, values) in enumerate(series.items()):
        colour = PALETTE[k % len(PALETTE)]
        pts = [(PAD_L + step * (i + 0.5), HEIGHT - PAD_B - plot_h * values.get(p, 0) / top)
               for i, p in enumerate(periods)]
        if len(pts) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
            parts.append(f'<polyline class="line" points="{path}" fill="none" stroke="{colour}"/>')
        for (x, y), p in zip(pts, periods):
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}">'
                         f'<title>{escape(name)}, {escape(p)}: {values.get(p, 0)}</title></circle>')
    parts.append("</svg>")
    legend = "".join(f'<li><svg class="swatch" viewBox="0 0 10 10"><rect width="10" height="10" '
                     f'fill="{PALETTE[k % len(PALETTE)]}"/></svg>{escape(name)}</li>'
                     for k, name in enumerate(series))
    return Markup("".join(parts) + f'<ul class="legend">{legend}</ul>')


__all__ = ["bar_chart", "line_chart"]
