"""Export: the dossier as `dossier.json`, in the shape other tools and the evaluation read."""
from __future__ import annotations

import json
from pathlib import Path

from .models import Dossier
from .render import actor_src, article_src, page_url


def to_json_data(dossier: Dossier, use_directory_urls: bool = True) -> dict:
    return {
        "articles": [
            {
                "id": a.id,
                "title": a.title,
                "lede": a.lede,
                "source": a.source,
                "date": a.date,
                "url": page_url(article_src(a.id), use_directory_urls),
                "blocks": [{"kind": b.kind, "text": b.text, "doubtful": b.doubtful} for b in a.blocks],
                "removed": list(a.removed),
            }
            for a in dossier.articles
        ],
        "actors": [
            {
                "id": actor.id,
                "name": actor.name,
                "type": actor.type,
                "aliases": list(actor.aliases),
                "roles": sorted({role.text for role in actor.roles}),
                "articles": actor.articles,
                "mentions": len(actor.mentions),
                "url": page_url(actor_src(actor.id), use_directory_urls),
            }
            for actor in dossier.actors
        ],
        "quotes": [
            {"article": q.article, "speaker": q.speaker, "source_text": q.source_text, "text": q.text,
             "evidence": q.evidence}
            for q in dossier.quotes
        ],
        "events": [
            {"date": e.date, "article": e.article, "text": e.text, "actors": list(e.actors),
             "kind": e.kind, "tense": e.tense}
            for e in dossier.events
        ],
    }


def write_json(data: dict, site_dir: Path) -> Path:
    """Write to_json_data's result into the site."""
    path = site_dir / "dossier.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path
