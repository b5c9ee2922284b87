"""dossier: turn a folder of news articles into a cross-linked, searchable briefing site."""
