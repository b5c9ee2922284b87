"""Small spaCy pipelines made in the tests, to stand for a model a user installs for another language."""

ENGLISH_NAMES = [("PERSON", "Bob Iger"), ("ORG", "Disney"), ("ORG", "BBC"), ("GPE", "London"), ("DATE", "Monday")]


def english_pipeline(folder, names=ENGLISH_NAMES):
    """A small English pipeline made here, as a user's own would be: spaCy's English tokenizer, a
    sentencizer, and names found by an entity ruler (OntoNotes' labels, as spaCy's English models
    give them); saved to `folder`, which `models:` then names."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": label, "pattern": text} for label, text in names])
    nlp.to_disk(folder)
    return str(folder)
