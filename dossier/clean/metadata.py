"""Metadata: which outlets a page shows, and the lines that give a date, a byline, a credit or a
copyright (read, then taken out of the text); then what the page and the user's metadata say."""
from __future__ import annotations

import datetime
import logging
import re

from ..dates.parse import parse_day
from ..models import Article
from ..text import load_data
from .lines import WORD, Line, function_ratio, is_sentence
from .profiles import Profile, Rules, matches

log = logging.getLogger("mkdocs.plugins.dossier")
# "Le Figaro avec AFP": the outlet that signs, helped by an agency.
# found[DATE_LINES]: the dates read from date and byline lines, with their lines, until choose_date.
DATE_LINES = "date_lines"
# found[RELATED]: the headings of related-article lists ("Sur le même thème"), until choose_date:
# a date line under one, below the headline, dates a listed article, not this one.
RELATED = "related_headings"
# Copies of a page glue neighbouring elements: "20 janvier 202020 janvier 2020évaluation" (a
# published and an updated date, then a tag). A year run into digits or letters is split from them.
GLUED_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?=\d{1,2}\s|[^\W\d_])")
WITH_AGENCY = re.compile(r"\s+(avec|with)\s+(l['’])?(afp|reuters|ap|agences?)\.?$", re.I)


# ---------------------------------------------------------------- outlets and metadata

def detect_outlets(lines: list[Line], page: dict, rules: Rules) -> list[Profile]:
    """Outlets whose marks, bylines or web address the page carries (not a mere body mention)."""
    text = "\n".join(line.text for line in lines).casefold()
    bylines = {byline_name(line.text, rules) for line in lines} - {None}
    url = (page.get("url") or "").casefold()
    found = []
    for profile in rules.outlets.values():
        if (any(mark in text for mark in profile.marks)
                or bylines & set(profile.names)
                or (url and any(domain in url for domain in profile.domains))):
            found.append(profile)
    return found


def byline_name(text: str, rules: Rules) -> str | None:
    found = matches(rules.metadata.get("byline", []), text) if len(text) <= rules.settings.byline_max_chars else None
    return found.group("source").strip().casefold() if found else None


def read_metadata(lines: list[Line], rules: Rules, outlets: list[Profile]) -> dict[str, tuple[str, str]]:
    """Parse metadata lines (dates, bylines, credits), mark them removed; return field → (value, origin)."""
    found: dict[str, tuple[str, str]] = {}
    names = outlet_names(rules)
    profiles = [rules.generic, *outlets]
    found[RELATED] = [line for line in lines if any(matches(p.sections, line.text) for p in profiles)]
    for i, line in enumerate(lines):
        if len(line.text) > rules.settings.metadata_line_max_chars or line.removed:
            continue
        if read_published(line, rules, found) or read_byline(line, rules, names, found):
            continue
        if matches(rules.metadata.get("byline_label", []), line.text):
            # "Texte par :" / "Article rédigé par" alone: the name is on the next line
            line.removed = "signature"
            following = lines[i + 1] if i + 1 < len(lines) else None
            if following and len(following.text) <= rules.settings.byline_max_chars:
                read_byline(following, rules, names, found, text=f"Par {following.text}")
            continue
        if matches(rules.metadata.get("credit", []), line.text):
            if descriptive_caption(line.text, rules):
                line.hint = "caption"  # "Photo : Le Capitaine … au palais de Kosyam": no credit
            else:
                line.removed = "crédit photo"
        else:
            read_copyright(line, rules, names, found)
    return found


def read_datelines(lines: list[Line], rules: Rules, found: dict) -> None:
    """No date or byline line gave a date: the first dateline of a paragraph may, else a line of
    the article's head (read_head_date)."""
    for line in lines:
        read_dateline(line, rules, found)
    read_head_date(lines, rules, found)


def read_head_date(lines: list[Line], rules: Rules, found: dict) -> None:
    """A line between the headline and the text that is no sentence but holds a full date: a
    blog's entry line ("Politique scientifique française 20 janvier 2020 évaluation, HCERES 0
    Comment": category, date, tags). Only the head, a few lines (date_words.yml): further down,
    dates are the text's."""
    if "date" in found:
        return
    title = next((i for i, line in enumerate(lines) if line.hint == "title" and not line.removed), None)
    if title is None:
        return
    for line in lines[title + 1:title + 1 + load_data("date_words.yml")["date_lines"]["head_lines"]]:
        if not line.removed and is_sentence(line.text, rules):
            return                   # the text begins
        if len(line.text) <= rules.settings.metadata_line_max_chars and (date := parse_date(GLUED_YEAR.sub(r"\1 ", line.text))):
            found["date"] = (date, f"ligne d’en-tête « {shorten(line.text)} »")
            return


def descriptive_caption(text: str, rules: Rules) -> bool:
    """A caption under a "Photo :" label that describes the picture and credits no one: after the
    label, a sentence of settings.caption_min_words words or more, with no credit mark (/, ©)."""
    label, _, rest = text.partition(":")
    return (bool(rest) and len(WORD.findall(label)) <= 2 and not re.search(r"[/©]|\(c\)", rest, re.I)
            and len(WORD.findall(rest)) >= rules.settings.caption_min_words
            and function_ratio(rest, rules) >= rules.settings.short_sentence_ratio)


def outlet_names(rules: Rules) -> dict[str, Profile]:
    """Every name an outlet goes by (casefolded) → its profile."""
    return {name: p for p in rules.outlets.values() for name in p.names}


def read_copyright(line: Line, rules: Rules, names: dict[str, Profile], found: dict) -> None:
    """"© 2021 Sahel Tribune. Tous droits réservés.": the site's own name, a last resort for the
    source. Only a dated or rights-reserving notice counts: a bare "© AFP" is a photo's credit."""
    match = matches(rules.metadata.get("copyright", []), line.text)
    if not match or "site" in found or not re.search(r"\d{4}|droits réservés|rights reserved", line.text, re.I):
        return
    who = re.sub(r"\s*(tous droits réservés|all rights reserved)\s*$", "", match.group("source"), flags=re.I).strip()
    outlet = names.get(who.casefold())
    if outlet and outlet.source:
        who = outlet.source
    if who and len(WORD.findall(who)) <= rules.settings.copyright_max_words:
        found["site"] = (who, f"mention de copyright « {shorten(line.text)} »")


def read_published(line: Line, rules: Rules, found: dict) -> bool:
    match = matches(rules.metadata.get("published", []), line.text)
    if not match:
        return False
    line.removed = "date de publication"
    add_date(found, line, match.groupdict().get("date"), f"ligne « {shorten(line.text)} »")
    return True


def add_date(found: dict, line: Line, text: str | None, origin: str) -> None:
    """A date read from a date or byline line: one candidate for the article's date (choose_date)."""
    date = parse_date(text)
    if date:
        found.setdefault(DATE_LINES, []).append((line, date, origin))


def choose_date(lines: list[Line], found: dict) -> None:
    """The article's date: from the date or byline line nearest the headline, under it when two are
    as near (a sidebar's or a feed's dates, further away, are other articles'); without a headline,
    from the first date line of the page. A date line under a related-articles heading that is
    itself under the article's text dates a listed article ("Sur le même thème … 05/06/2020")."""
    candidates = found.pop(DATE_LINES, [])
    related = found.pop(RELATED, [])
    if not candidates or "date" in found:
        return
    title = next((i for i, line in enumerate(lines) if line.hint == "title" and not line.removed), 0)
    place = {id(line): i for i, line in enumerate(lines)}
    # Under the text, not in the headline's breadcrumb ("à la une"): some text is kept between.
    lists = [at for line in related if (at := place.get(id(line), -1)) > title
             and any(not between.removed for between in lines[title + 1:at])]
    candidates = [c for c in candidates if not any(start < place.get(id(c[0]), 0) for start in lists)]
    if not candidates:
        return
    nearest = min(candidates, key=lambda c: (abs(place.get(id(c[0]), 0) - title), place.get(id(c[0]), 0) < title))
    found["date"] = (nearest[1], nearest[2])


def read_byline(line: Line, rules: Rules, names: dict[str, Profile], found: dict, text: str | None = None) -> bool:
    match = matches(rules.metadata.get("byline", []), text or line.text)
    if not match or len(WORD.findall(match.group("source"))) > rules.settings.byline_max_words:
        return False
    line.removed = "signature"
    origin = f"signature « {shorten(line.text)} »"
    add_date(found, line, match.groupdict().get("date"), origin)
    # "Pierre Lefèvre - franceinfo Afrique", "Jeanne Martin, Le Monde": a person and an outlet
    for who in re.split(r"\s+[-–—|]\s+|,\s+", match.group("source").strip()):
        # "Le Figaro avec AFP": the outlet that signs, helped by an agency
        who = WITH_AGENCY.sub("", who).strip() or who
        outlet = names.get(who.casefold())
        if outlet and outlet.source and "source" not in found:
            found["source"] = (outlet.source, origin)
        elif not outlet and "author" not in found and not matches(rules.metadata.get("desk", []), who):
            found["author"] = (who, origin)
    return True


def read_dateline(line: Line, rules: Rules, found: dict) -> None:
    """A dateline opens a body paragraph: the paragraph stays, the date is read from it."""
    if line.removed or "date" in found:
        return
    match = matches(rules.metadata.get("dateline", []), line.text)
    date = parse_date(match.group("date")) if match else None
    if date:
        found["date"] = (date, f"lieu et date en tête de paragraphe « {shorten(match.group('date'))} »")


def parse_date(text: str | None) -> str | None:
    """The day a date line gives, read as the timeline reads dates (dates.parse: one parser)."""
    return parse_day(text)


def metadata_date(value: str, path: str) -> str | None:
    """A date the user wrote, as YYYY-MM-DD; a date that is not a day is ignored, with a warning."""
    try:
        return datetime.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        parsed = parse_date(value)
    if parsed is None:
        log.warning("dossier: %s: metadata date %r is not a day (expected YYYY-MM-DD); ignored", path, value)
    return parsed


def shorten(text: str, size: int = 40) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"

# ---------------------------------------------------------------- metadata


def apply_found(article: Article, found: dict, page: dict, outlets: list[Profile]) -> None:
    """Metadata inferred from the text and the page; the page's own metadata comes first."""
    for key in ("title", "date", "url", "author"):
        if page.get(key):
            setattr(article, key, page[key])
            article.origins[key] = "métadonnées de la page HTML"
    for key, (value, origin) in found.items():
        if key != "site" and not getattr(article, key, None):
            setattr(article, key, value)
            article.origins[key] = origin
    outlet = next((p for p in outlets if p.source), None)
    if not article.source and outlet:
        article.source = outlet.source
        article.origins["source"] = f"profil de site « {outlet.name} » reconnu dans la page"
    elif not article.source and page.get("sitename"):
        article.source = page["sitename"]
        article.origins["source"] = "nom du site dans la page HTML"
    elif not article.source and found.get("site"):
        article.source, article.origins["source"] = found["site"]


def apply_meta(article: Article, meta: dict) -> None:
    """Front matter and sidecar metadata win over anything inferred."""
    meta = dict(meta)
    if meta.get("date"):
        meta["date"] = metadata_date(meta["date"], article.path)
    for key in ("title", "source", "url", "date", "author"):
        if meta.get(key):
            setattr(article, key, meta[key])
            article.origins[key] = "métadonnées (en-tête YAML)"
    if meta.get("title"):
        article.title_made = False
