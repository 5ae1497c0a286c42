"""HTML rendering of an article for notebooks (``Article._repr_html_``).

Quotes are highlighted and linked to the mention of their speaker, entity mentions (names and
nominal ones such as "the ministry") are colour-coded by their entity's label, and a legend explains the colours. Every piece of the input is escaped,
the page needs no JavaScript, and the colours are translucent so that the text keeps the
notebook's own colour in light and dark themes alike.
"""

from __future__ import annotations

import html
import itertools
from collections import Counter
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from byline._byline import Article

__all__ = ["render_html"]

# Translucent backgrounds work on white and on dark notebook backgrounds.
LABEL_COLOURS = {
    "PERSON": "rgba(66, 133, 244, 0.28)",
    "ORG": "rgba(255, 152, 0, 0.30)",
    "GPE": "rgba(52, 168, 83, 0.30)",
    "LOC": "rgba(0, 172, 193, 0.28)",
    "NORP": "rgba(171, 71, 188, 0.28)",
    "FAC": "rgba(141, 110, 99, 0.32)",
    "EVENT": "rgba(233, 30, 99, 0.25)",
    "PRODUCT": "rgba(205, 220, 57, 0.35)",
    "WORK_OF_ART": "rgba(255, 87, 34, 0.25)",
    "LAW": "rgba(120, 144, 156, 0.35)",
}
QUOTE_KINDS = {
    "direct": "a quotation in marks",
    "mixed": "a reported clause with a quoted fragment",
    "indirect": "a reported clause without marks",
}
ROLE_BADGES = {"title", "subtitle", "byline", "dateline", "caption", "credit", "boilerplate"}

_STYLE = """
.byline-article { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; line-height: 1.55;
  max-width: 52em; color: inherit; }
.byline-article .bl-head { margin: 0 0 .4em 0; font-size: 1.3em; font-weight: 600; }
.byline-article .bl-meta { opacity: .75; font-size: .9em; margin-bottom: .5em; }
.byline-article .bl-legend { display: flex; flex-wrap: wrap; gap: .35em .8em; font-size: .82em;
  padding: .45em .6em; border: 1px solid rgba(127, 127, 127, .35); border-radius: 6px; margin-bottom: .8em; }
.byline-article .bl-legend b { font-weight: 600; margin-right: .2em; }
.byline-article .bl-swatch { padding: 0 .35em; border-radius: 3px; }
.byline-article p { margin: .45em 0; white-space: pre-wrap; }
.byline-article p.bl-boilerplate { opacity: .45; font-size: .85em; }
.byline-article p.bl-title { font-weight: 600; font-size: 1.1em; }
.byline-article .bl-role { font-size: .68em; text-transform: uppercase; letter-spacing: .05em; opacity: .6;
  border: 1px solid rgba(127, 127, 127, .5); border-radius: 3px; padding: 0 .3em; margin-right: .5em;
  vertical-align: middle; }
.byline-article .bl-ent { border-radius: 3px; padding: 0 1px; }
.byline-article .bl-nominal { border-bottom: 1px dotted rgba(127, 127, 127, .9); }
.byline-article .bl-q { border-bottom: 2px solid rgba(230, 81, 0, .85); background: rgba(255, 193, 7, .14); }
.byline-article .bl-q-mixed { border-bottom-style: dotted; }
.byline-article .bl-q-indirect { border-bottom: 2px dashed rgba(230, 81, 0, .6); background: none; }
.byline-article .bl-cue { font-style: italic; text-decoration: underline dotted; }
.byline-article .bl-spk { font-weight: 600; text-decoration: underline 2px rgba(230, 81, 0, .9);
  text-underline-offset: 3px; }
.byline-article .bl-spk:target { background: rgba(230, 81, 0, .35); border-radius: 3px; }
.byline-article a.bl-qid { font-size: .7em; vertical-align: super; text-decoration: none; color: inherit;
  border: 1px solid rgba(230, 81, 0, .85); border-radius: 3px; padding: 0 .25em; margin-right: .15em; }
.byline-article a.bl-qid:hover { background: rgba(230, 81, 0, .3); }
"""

_ids = itertools.count(1)


class _Layer(NamedTuple):
    """One marked stretch of text: its code point range, the tag that opens it, and its rank
    (outer layers open first)."""

    start: int
    end: int
    rank: int
    open: str
    close: str


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _layers(article: Article, prefix: str) -> tuple[list[_Layer], dict[int, str]]:
    """The marked stretches of the whole article, and the quote badges keyed by offset."""
    layers: list[_Layer] = []
    badges: dict[int, str] = {}
    names = {e.id: e for e in article.entities}
    speaker_ids: dict[tuple[int, int], str] = {}
    for q in article.quotes:
        who = "nobody named"
        link = None
        if q.speaker is not None:
            sp = q.speaker
            who = sp.name or sp.text
            key = (sp.start, sp.end)
            if key not in speaker_ids:
                speaker_ids[key] = f"{prefix}-spk{len(speaker_ids) + 1}"
                layers.append(
                    _Layer(sp.start, sp.end, 1, f'<span class="bl-spk" id="{speaker_ids[key]}">', "</span>")
                )
            link = speaker_ids[key]
        cue = f" ({q.cue.text})" if q.cue is not None else ""
        tip = _attr(f"{q.id} · {q.kind} · {who}{cue}")
        layers.append(_Layer(q.start, q.end, 0, f'<span class="bl-q bl-q-{q.kind}" data-q="{_attr(q.id)}" title="{tip}">', "</span>"))
        if q.cue is not None:
            layers.append(_Layer(q.cue.start, q.cue.end, 2, '<span class="bl-cue">', "</span>"))
        href = f' href="#{link}"' if link else ""
        badges.setdefault(q.start, "")
        badges[q.start] += f'<a class="bl-qid"{href} title="{tip}">{_attr(q.id)}</a>'
    for m in article.mentions:
        # A nominal mention ("the ministry") belongs to its entity as a name does: same colour and tip.
        e = names.get(m.entity)
        label = e.label if e else "?"
        colour = LABEL_COLOURS.get(label, "rgba(127, 127, 127, 0.3)")
        nominal = " · nominal" if m.kind == "nominal" else ""
        tip = _attr(f"{label} · {e.name if e else m.text} ({m.entity}){nominal}")
        css = "bl-ent bl-nominal" if nominal else "bl-ent"
        layers.append(
            _Layer(
                m.start,
                m.end,
                3,
                f'<span class="{css}" data-m="{m.start}" data-e="{_attr(m.entity)}" data-kind="{_attr(m.kind)}" '
                f'data-label="{_attr(label)}" style="background:{colour}" title="{tip}">',
                "</span>",
            )
        )
    return layers, badges


def _paragraph_html(text: str, start: int, end: int, layers: list[_Layer], badges: dict[int, str]) -> str:
    """The paragraph `text[start:end]` with its layers as properly nested tags: the text is cut at
    every layer boundary and each piece is wrapped in the layers that cover it."""
    inside = [ly for ly in layers if ly.start < end and ly.end > start and ly.start < ly.end]
    cuts = {start, end}
    for ly in inside:
        cuts.add(max(ly.start, start))
        cuts.add(min(ly.end, end))
    cuts.update(pos for pos in badges if start <= pos < end)
    points = sorted(cuts)
    out: list[str] = []
    for a, b in zip(points, points[1:]):
        if a in badges:
            out.append(badges[a])
        cover = sorted((ly for ly in inside if ly.start <= a and b <= ly.end), key=lambda ly: ly.rank)
        out.extend(ly.open for ly in cover)
        out.append(html.escape(text[a:b]))
        out.extend(ly.close for ly in reversed(cover))
    return "".join(out)


def _legend(article: Article) -> str:
    labels = sorted({e.label for e in article.entities})
    parts = ["<span><b>Entities</b></span>"]
    if labels:
        for label in labels:
            colour = LABEL_COLOURS.get(label, "rgba(127, 127, 127, 0.3)")
            parts.append(f'<span class="bl-swatch" style="background:{colour}">{_attr(label)}</span>')
    else:
        parts.append("<span>none found</span>")
    parts.append("<span><b>Quotes</b></span>")
    for kind, meaning in QUOTE_KINDS.items():
        parts.append(f'<span class="bl-q bl-q-{kind}" title="{_attr(meaning)}">{kind}</span>')
    parts.append('<span class="bl-spk">speaker</span>')
    parts.append('<span class="bl-cue">cue</span>')
    parts.append('<span><a class="bl-qid">q1</a> links a quote to its speaker</span>')
    return f'<div class="bl-legend">{"".join(parts)}</div>'


def _meta(article: Article) -> str:
    bits = []
    if article.published is not None:
        bits.append(f"published {article.published.isoformat()}")
    if article.authors:
        bits.append("by " + ", ".join(article.authors))
    if article.dateline is not None:
        bits.append(f"dateline {article.dateline.place}")
    bits.append(f"{len(article.sentences)} sentences")
    bits.append(f"{len(article.entities)} entities")
    bits.append(f"{len(article.quotes)} quotes")
    bits.append(f"{len(article.timexes)} time expressions")
    speakers = Counter(q.speaker.name or q.speaker.text for q in article.quotes if q.speaker is not None)
    if speakers:
        top = ", ".join(f"{name} ({n})" for name, n in speakers.most_common(5))
        bits.append(f"speakers: {top}")
    return f'<div class="bl-meta">{html.escape(" · ".join(bits))}</div>'


def render_html(article: Article) -> str:
    """Renders an article as a self-contained HTML fragment (no scripts), as Jupyter shows it.

    Args:
        article: A parsed article.

    Returns:
        HTML: a legend, then every paragraph with quotes highlighted and linked to their
        speakers, cues marked, and entity mentions coloured by label. The input text is escaped.
    """
    prefix = f"byline{next(_ids)}"
    layers, badges = _layers(article, prefix)
    text = article.text
    head = article.title or (article.id or "Article")
    out = [
        f'<div class="byline-article" id="{prefix}"><style>{_STYLE}</style>',
        f'<div class="bl-head">{html.escape(head)}</div>',
        _meta(article),
        _legend(article),
    ]
    for p in article.paragraphs:
        badge = f'<span class="bl-role">{p.role}</span>' if p.role in ROLE_BADGES else ""
        body = _paragraph_html(text, p.start, p.end, layers, badges)
        out.append(f'<p class="bl-{p.role}">{badge}{body}</p>')
    out.append("</div>")
    return "".join(out)
