"""An outlet's name is written one way on every page: as its profile in dossier/data/outlets.yml
writes it (`source`), whatever the article's metadata or the page said ('le monde', 'France Info')."""
from pathlib import Path

from dossier.clean.profiles import outlet_spelling
from dossier.filters import outlet_name, source_name
from dossier.models import Article, Block, Dossier
from dossier.render import Renderer

ROOT = Path(__file__).resolve().parent.parent


def article(id: str, source: str | None, date: str = "2021-11-11") -> Article:
    return Article(id, f"Titre {id}", [Block("paragraph", "Le Mali et la Russie.")], source=source, date=date)


def test_an_outlet_is_named_as_its_profile_names_it():
    assert outlet_name("le monde") == "Le Monde"
    assert outlet_name("LE  MONDE") == "Le Monde"            # case and spaces aside
    assert outlet_name("France Info") == "franceinfo"        # another of its names: the profile's own
    assert outlet_name("Lecourrier-du-soir.com") == "lecourrier-du-soir.com"


def test_a_name_no_profile_knows_stays_as_it_is():
    assert outlet_name("Sahel Tribune") == "Sahel Tribune"
    assert outlet_name("le monde diplomatique") == "le monde diplomatique"   # the whole name, not a part
    assert outlet_name(None) == ""


def test_an_articles_source_on_a_page():
    assert source_name(article("a", "le monde")) == "Le Monde"
    assert source_name(article("a", None)) == "source inconnue"
    assert source_name(article("a", None), capital=True) == "Source inconnue"
    assert source_name("rfi") == "RFI"                       # a source's name alone, as the home page lists them


def test_the_home_page_counts_one_outlet_once_whatever_its_capitals():
    dossier = Dossier([article("a1", "le monde"), article("a2", "Le Monde"), article("a3", "LE MONDE"),
                       article("a4", "Sahel Tribune")], [])
    home = Renderer(ROOT / "site_templates", dossier).home_overview()
    assert "**Sources :** Le Monde\u00a0(3), Sahel Tribune\u00a0(1)" in home
    assert "- **2**<br>[sources]" in home
    assert "le monde" not in home and "LE MONDE" not in home


def test_the_sources_page_names_the_outlet_whose_profile_was_recognised():
    from dossier.filters import origin_phrase
    assert origin_phrase("profil de site « lemonde » reconnu dans la page") == "d’après la présentation du site Le Monde"
    assert origin_phrase("profil de site « lecourrier-du-soir » reconnu dans la page") == (
        "d’après la présentation du site lecourrier-du-soir.com")
    # a profile of the user's own outlets.yml, unknown here: its name as it is
    assert origin_phrase("profil de site « sahel-tribune » reconnu dans la page") == (
        "d’après la présentation du site sahel-tribune")


def test_an_outlet_that_acts_in_the_text_is_written_as_its_profile_writes_it(nlp):
    from dossier.actors import resolve_actors
    from dossier.analyse import analyse_article
    from dossier.models import Article, Block

    text = ("Le ministre a accordé jeudi une longue interview à France Info, où il a défendu la réforme. "
            "France Info a ensuite interrogé l’opposition.")
    article = Article("a1", "Titre", [Block("paragraph", text)])
    actors, _ = resolve_actors([article], {"a1": analyse_article(nlp, article)}, None)
    outlet = next(a for a in actors if "France Info" in [a.name, *a.aliases])
    assert (outlet.id, outlet.name) == ("france-info", "franceinfo")   # its address stays the text's
    assert "France Info" in outlet.aliases
    assert outlet_spelling("BBC") == "BBC"        # a profile that recognises a name is not its spelling
