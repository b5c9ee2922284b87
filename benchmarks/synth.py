"""Synthetic dossiers for the scale benchmark: N French news articles made from the seeds.

Every article recombines sentences of the articles in the project's seeds/ (cleaned first, and cut
so that a quotation stays whole with its speech verb), then renames their actors from large pools
(Malian, Russian and French people, organisations with acronyms, private military companies, news
agencies, towns), so that the dossier holds many distinct actors and more of them as N grows. A
person is named in full first, then mostly by surname; some names are spelt two ways. Dates are
moved near the article's own date. Each article is written as an outlet's page would be copied:
navigation, byline, date line, share buttons, "Lire aussi", newsletter and comment prompts, in
mostly .txt files (half with a sidecar .yml), some .md with front matter and some saved .html pages.

Deterministic: the same seed number writes byte-identical files.

    python -m benchmarks.synth N OUT_DIR [--seed S]
"""
from __future__ import annotations

import argparse
import datetime
import html
import json
import random
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# ---------------------------------------------------------------- name pools

FIRST_NAMES = {
    "ml": ["Abdoulaye", "Moussa", "Modibo", "Boubacar", "Ibrahim", "Amadou", "Oumar", "Mamadou",
           "Souleymane", "Tiémoko", "Sékou", "Bakary", "Seydou", "Cheick", "Mahamadou", "Issa",
           "Yacouba", "Adama", "Lassina", "Drissa", "Aminata", "Fatoumata", "Mariam", "Kadiatou",
           "Oumou", "Assétou", "Hawa", "Djénéba", "Rokia", "Salimata", "Alassane", "Bréhima"],
    "ru": ["Sergueï", "Dmitri", "Alexandre", "Nikolaï", "Mikhaïl", "Ivan", "Andreï", "Oleg",
           "Evgueni", "Igor", "Pavel", "Boris", "Viktor", "Iouri", "Anatoli", "Guennadi",
           "Konstantin", "Maxime", "Roman", "Alexeï", "Vassili", "Grigori", "Piotr", "Fiodor",
           "Stanislav", "Valeri", "Leonid", "Arkadi", "Maria", "Elena", "Irina", "Tatiana"],
    "fr": ["Jean-Marc", "Pierre", "Marie", "Sophie", "Nicolas", "Laurent", "Catherine", "Florence",
           "Thierry", "Olivier", "Isabelle", "Philippe", "François", "Valérie", "Bruno", "Hélène",
           "Jérôme", "Sandrine", "Christophe", "Anne", "Élisabeth", "Gérald", "Sébastien", "Agnès",
           "Clément", "Marine", "Julien", "Claire", "Benoît", "Cécile", "Jean-Louis", "Marie-Christine"],
}
SURNAMES = {
    "ml": ["Traoré", "Keïta", "Coulibaly", "Diarra", "Touré", "Cissé", "Sangaré", "Konaté", "Dembélé",
           "Diallo", "Sidibé", "Sissoko", "Kanté", "Doumbia", "Camara", "Koné", "Bagayoko", "Sanogo",
           "Dicko", "Tounkara", "Samaké", "Guindo", "Kouyaté", "Fofana", "Haïdara", "Niaré", "Berthé",
           "Soumaré", "Dramé", "Kéïta", "Ballo", "Mariko"],
    "ru": ["Ivanov", "Smirnov", "Kouznetsov", "Popov", "Sokolov", "Lebedev", "Kozlov", "Novikov",
           "Morozov", "Petrov", "Volkov", "Soloviev", "Vassiliev", "Zaïtsev", "Pavlov", "Semionov",
           "Golubev", "Vinogradov", "Bogdanov", "Vorobiev", "Fiodorov", "Mikhaïlov", "Beliaev",
           "Tarassov", "Belov", "Komarov", "Orlov", "Kisselev", "Makarov", "Andreïev", "Gromov", "Zimine"],
    "fr": ["Dubois", "Durand", "Leroy", "Moreau", "Lefebvre", "Garnier", "Fournier", "Morel", "Girard",
           "Mercier", "Dupont", "Lambert", "Bonnet", "Fontaine", "Rousseau", "Blanchard", "Chevalier",
           "Gauthier", "Perrin", "Marchand", "Duval", "Lemoine", "Renaud", "Brunet", "Picard", "Roussel",
           "Le Gall", "Le Bihan", "Le Guen", "Masson", "Carpentier", "Aubert"],
}
# Transliterations that make one person two spellings (aliases the dossier must merge).
SPELLINGS = {"Sergueï": "Sergei", "Nikolaï": "Nikolai", "Mikhaïl": "Mikhail", "Andreï": "Andrei",
             "Evgueni": "Evgeni", "Iouri": "Youri", "Alexeï": "Alexei", "Dmitri": "Dmitry",
             "Keïta": "Keita", "Haïdara": "Haidara", "Zaïtsev": "Zaitsev", "Mikhaïlov": "Mikhailov"}

# Organisations: (gender, kind) × theme, each with an acronym of its capitalised and content words.
ORG_KINDS = [("m", "Mouvement"), ("f", "Coordination"), ("m", "Front"), ("m", "Collectif"),
             ("f", "Alliance"), ("f", "Union"), ("m", "Conseil"), ("f", "Association"),
             ("m", "Rassemblement"), ("f", "Plateforme")]
ORG_THEMES = ["pour la paix au Sahel", "des patriotes maliens", "pour la souveraineté nationale",
              "des forces démocratiques", "pour la refondation du Mali", "des jeunes pour la transition",
              "pour la sécurité régionale", "des victimes du conflit", "pour le développement du Nord",
              "des organisations de la société civile", "pour la défense de la République",
              "des États du Sahel"]
PMCS = ["Wagner", "Redut", "Convoï", "Patriote", "Vega", "Enot", "Bastion", "Rubicon", "Sarmat",
        "Orion", "Stratège", "Tigr"]
AGENCIES = {"world": ["Reuters", "Bloomberg", "Anadolu", "Xinhua", "Associated Press", "Reuters"],
            "ru": ["Tass", "RIA Novosti", "Interfax", "Sputnik", "Tass"]}
TOWNS = ["Kidal", "Gao", "Ménaka", "Tombouctou", "Mopti", "Ségou", "Sikasso", "Kayes", "Koulikoro",
         "Tessalit", "Niono", "Djenné", "Bandiagara", "Douentza", "Hombori", "Léré", "Nara", "Nioro",
         "Kita", "Bougouni", "Koutiala", "San", "Diré", "Goundam", "Ansongo", "Bourem", "Anéfis",
         "Aguelhok", "Boni", "Sévaré"]

# The actors of the seeds, by slot. A person slot: the full forms the seeds write, then the surname.
SEED_PEOPLE = {
    "ru0": ("ru", ["Sergueï Lavrov", "Sergei Lavrov", "Sergey Lavrov", "Serguei Lavrov"], "Lavrov"),
    "ru1": ("ru", ["Vladimir Poutine"], "Poutine"),
    "ml0": ("ml", ["Abdoulaye Diop"], "Diop"),
    "ml1": ("ml", ["Choguel Kokalla Maïga", "Chogel Maïga"], "Maïga"),
    "ml2": ("ml", ["Assimi Goïta"], "Goïta"),
    "fr0": ("fr", ["Emmanuel Macron"], "Macron"),
    "fr1": ("fr", ["Jean-Yves Le Drian"], "Le Drian"),
}
SEED_OTHERS = {"Wagner": "pmc", "Reuters": "world", "Tass": "ru", "Kidal": "town0", "Gao": "town1",
               "Ménaka": "town2", "Lecourrier-du-soir.com": "newsroom"}
SEED_BLOC = r"([Ll]a) CEDEAO( \(la Communauté économique des États de l’Afrique de l’Ouest \))?"
# Share of actor slots that keep the seeds' own actor: they recur across the dossier, as the
# main actors of a real one do.
KEEP_SEED_ACTOR = 0.2
# Later mentions of a person are by surname this often.
BY_SURNAME = 0.75
ALT_SPELLING = 0.12
# Pool draws favour the front of the (shuffled) pool, as news favours a few actors: index = size × u^SKEW.
SKEW = 1.5
PARAGRAPH_WORDS = 20

# Sentences in the seeds' manner, written with the seeds' actors (renamed like theirs), for what the
# seeds lack: full dates, organisations named in full then by acronym, more quotes.
EXTRA_SENTENCES = [
    "Le 3 mars 2021, la CEDEAO a dénoncé dans un communiqué la présence de mercenaires du groupe Wagner dans la région de Kidal.",
    "« Nous ne laisserons personne décider à notre place », a déclaré Assimi Goïta le 14 juin 2021 à Bamako.",
    "Interrogé le 2 octobre 2021 par Reuters, Abdoulaye Diop a affirmé que la CEDEAO « n’a pas à dicter les choix du Mali ».",
    "Depuis le 5 août 2021, la CEDEAO réclame un calendrier électoral au gouvernement de transition.",
    "Selon Tass, Sergueï Lavrov doit se rendre à Bamako le 20 novembre 2021 pour signer un accord de défense.",
    "Le 9 septembre 2021, Jean-Yves Le Drian a jugé « incompatible » la présence de Wagner avec celle des soldats français à Gao.",
    "Vladimir Poutine a reçu le 18 mai 2021 au Kremlin une délégation conduite par Choguel Kokalla Maïga.",
    "Des habitants de Ménaka ont affirmé le 27 juillet 2021 avoir vu des instructeurs russes près de l’aéroport.",
    "« La sécurité des Maliens est notre seule boussole », a répété Choguel Kokalla Maïga devant le Conseil national de transition le 1er décembre 2021.",
    "La CEDEAO tiendra un sommet extraordinaire le 12 décembre 2021 à Abuja pour examiner la situation au Mali.",
    "« Nous n’avons signé aucun contrat avec une société privée », a assuré Abdoulaye Diop le 30 septembre 2021 devant la presse.",
    "Emmanuel Macron a rappelé le 10 juillet 2021 que « la France ne restera pas aux côtés d’un pouvoir qui s’allie à des mercenaires ».",
]
# Headlines: each names at least two people, or a person and an organisation, so that two articles
# rarely share one.
TITLES = [
    "Mauvaise nouvelle pour Macron : Sergueï Lavrov confirme le projet de partenariat militaire avec Bamako",
    "Coup dur pour Macron : la Russie confirme une négociation entre Assimi Goïta et Wagner",
    "Sergueï Lavrov reçoit Abdoulaye Diop à Moscou",
    "Kidal : la CEDEAO interpelle Assimi Goïta sur la présence du groupe Wagner",
    "Abdoulaye Diop répond à Macron : « Le Mali ne permettra à aucun État de nous dicter nos partenaires »",
    "Choguel Kokalla Maïga accuse Jean-Yves Le Drian d’abandon en plein vol",
    "Assimi Goïta reçoit une délégation de Wagner à Gao",
    "Gao : Jean-Yves Le Drian menace Assimi Goïta de retirer les troupes françaises",
    "Ménaka : Sergueï Lavrov annonce l’arrivée d’instructeurs de Wagner",
    "Vladimir Poutine promet son soutien à Choguel Kokalla Maïga",
    "Après Kidal, la CEDEAO hausse le ton contre Assimi Goïta",
    "Emmanuel Macron et Vladimir Poutine s’opposent sur le Mali",
]
HEADINGS = ["Rencontre à Gao", "Coopération militaire", "La réponse de Macron", "Ce que dit Lavrov",
            "Kidal sous pression", "Le rôle de Wagner", "La CEDEAO attend"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]
DAY_MONTH = re.compile(r"\b(\d{1,2})(?:er)? (" + "|".join(MONTHS) + r")( \d{4})?\b")
FIRST_DAY = datetime.date(2021, 1, 1)
DAYS = 730

# ---------------------------------------------------------------- outlets and their furniture

# Headlines of other stories, as outlets list them around an article (from the seeds' franceinfo page).
TEASERS = [
    "Tempête \"Benjamin\" : des annulations de trains en cascade",
    "Femme séquestrée : enfermée 5 ans dans un garage",
    "Aéroports régionaux : argent public pour jets privés",
    "Cambriolage au Louvre : une nacelle au cœur de l'enquête",
    "Alpinisme : exploit français dans l'Himalaya",
    "Chine : 16 000 drones dans le ciel, un nouveau record du monde",
    "Nicolas Sarkozy : premier jour en prison",
    "La taxe Zucman exclue du prochain budget",
    "Une tornade près de Paris, comment c'est possible ?",
    "Glissement de terrain : des appartements envahis par la boue",
    "L'OMS alerte sur la résistance aux antibiotiques",
    "Algospeak, le langage secret de TikTok",
]


@dataclass
class Outlet:
    source: str
    domain: str
    head: list[str]                  # lines above the headline (navigation, labels)
    byline: list[str]                # lines between the lede and the body ({author}, {date:…} filled in)
    tail: list[str]                  # lines after the body ({teasers} expands to a list of headlines)
    inline: str = ""                 # a line set between two paragraphs ({teaser} filled in)


OUTLETS = [
    Outlet("franceinfo", "www.francetvinfo.fr", ["franceinfo", "Afrique", "Monde"],
           ["Article rédigé par", "{author} - franceinfo Afrique", "Publié le {date:%d/%m/%Y} 09:15",
            "Mis à jour le {date:%d/%m/%Y} 11:02", "Partager"],
           ["À regarder", "{teasers}", "Commentaires",
            "Connectez-vous ou créez votre espace franceinfo pour commenter.", "Déjà un compte ? Se connecter"]),
    Outlet("lecourrier-du-soir.com", "lecourrier-du-soir.com",
           ["Lecourrier-du-soir.com", "Accueil", "Afrique", "Politique"],
           ["Par Rédaction", "{long_date}", "Partager :", "Facebook", "Twitter", "WhatsApp"],
           ["Partager cet article",
            "Inscrivez-vous à notre newsletter pour ne rien manquer de l’actualité africaine.",
            "© {date:%Y} Lecourrier-du-soir.com. Tous droits réservés."]),
    Outlet("Le Monde", "www.lemonde.fr", ["Le Monde Afrique", "Afrique", "Article réservé aux abonnés"],
           ["Par {author}", "Publié le {long_date} à 10h05", "Ajouter à vos sélections"],
           ["Lecture du Monde en cours sur un autre appareil.",
            "Vous pouvez lire Le Monde sur un seul appareil à la fois",
            "Découvrir les offres"],
           inline="Lire aussi : {teaser}"),
    Outlet("RFI", "www.rfi.fr", ["RFI", "Afrique", "Écouter - RFI"],
           ["Publié le : {date:%d/%m/%Y} - 18:42", "Partager :"],
           ["Publicité", "Newsletter", "Recevez nos newsletters directement dans votre boîte mail"]),
    Outlet("Jeune Afrique", "www.jeuneafrique.com", ["Jeune Afrique", "Politique"],
           ["Par {author}", "Mis en ligne le {long_date} à 17:45", "Temps de lecture : 4 min"],
           ["Abonnez-vous à Jeune Afrique pour lire la suite", "Déjà abonné ? Se connecter"],
           inline="À lire aussi : {teaser}"),
    Outlet("Le Sahel Hebdo", "sahelhebdo.example", ["Accueil » Politique » Afrique", "Temps de lecture : 3 min"],
           ["Publié le {long_date}", "Partager sur Facebook"],
           ["Laisser un commentaire", "Votre adresse e-mail ne sera pas publiée.",
            "Les champs obligatoires sont indiqués avec *", "© {date:%Y} Le Sahel Hebdo. Tous droits réservés."]),
]
# One decade of articles: mostly plain text, some Markdown, one saved page.
FORMATS = ["txt", "txt", "md", "txt", "txt", "html", "txt", "md", "txt", "txt"]
HTML_NAV = ["Accueil", "Afrique", "Monde", "Politique"]
HTML_FOOTER = ["Newsletter", "Recevez nos newsletters directement dans votre boîte mail",
               "Mentions légales", "Politique de confidentialité"]


@dataclass
class Synthetic:
    """One generated article: where it is, what its body says, and the furniture written around it."""
    path: Path
    format: str
    title: str
    lede: str
    paragraphs: list[str]
    headings: list[str]
    furniture: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- the seeds' sentences


@lru_cache(maxsize=1)
def seed_sentences(seeds: Path = SEEDS) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The seeds' cleaned paragraphs cut into sentences (quotations whole), and their ledes."""
    from dossier.clean import clean_articles
    from dossier.ingest import read_seeds

    raws, _ = read_seeds(seeds)
    articles = clean_articles(raws)
    sentences = [s for a in articles for b in a.blocks if b.kind == "paragraph" for s in split_sentences(b.text)]
    ledes = [a.lede for a in articles if a.lede]
    return tuple(s for s in sentences if usable(s)), tuple(ledes)


def split_sentences(text: str) -> list[str]:
    """Cut at a sentence end followed by a capital, never inside quotation marks."""
    sentences, start, depth, straight = [], 0, 0, False
    for i, char in enumerate(text):
        if char in "«“":
            depth += 1
        elif char in "»”":
            depth = max(depth - 1, 0)
        elif char == '"':
            straight = not straight
        elif (char in ".!?" and not depth and not straight and text[i + 1:i + 2] == " "
              and (text[i + 2:i + 3].isupper() or text[i + 2:i + 3] in ("«", "“", '"'))):
            sentences.append(text[start:i + 1].strip())
            start = i + 1
    return sentences + [text[start:].strip()]


def usable(sentence: str) -> bool:
    """A whole sentence: long enough, finished, its quotation marks balanced."""
    balanced = (sum(map(sentence.count, "«“")) == sum(map(sentence.count, "»”"))
                and sentence.count('"') % 2 == 0)
    return balanced and len(sentence.split()) >= 6 and sentence.endswith((".", "?", "!", "»", "”"))


# ---------------------------------------------------------------- actors


class Pools:
    """The dossier's people and organisations, shuffled once per seed number."""

    def __init__(self, rng: random.Random):
        self.people = {nat: [(f, s) for f in FIRST_NAMES[nat] for s in SURNAMES[nat]] for nat in FIRST_NAMES}
        for pool in self.people.values():
            rng.shuffle(pool)
        self.orgs = [(gender, f"{kind} {theme}") for gender, kind in ORG_KINDS for theme in ORG_THEMES]
        rng.shuffle(self.orgs)


def acronym(name: str) -> str:
    return "".join(w[0].upper() for w in re.findall(r"[^\W\d_]+", name)
                   if len(w) > 3 or w[0].isupper()).replace("É", "E")


def with_article(gender: str, word: str, capital: bool) -> str:
    article = "l’" if word[0] in "AEIOUÉ" else ("le " if gender == "m" else "la ")
    return (article[0].upper() + article[1:] if capital else article) + word


class Cast:
    """Who the seeds' actors become in one article, and who has been named in it so far."""

    def __init__(self, pools: Pools, rng: random.Random):
        self.pools, self.rng = pools, rng
        self.slots: dict[str, object] = {}
        self.named: list[str] = []

    def draw(self, pool: list):
        return pool[int(len(pool) * self.rng.random() ** SKEW)]

    def keep(self, in_title: bool) -> bool:
        """Whether a slot keeps the seeds' actor. Never in a headline: two articles whose headlines
        name the same main actors would share a headline, which the cleaner takes for furniture."""
        return not in_title and self.rng.random() < KEEP_SEED_ACTOR

    def person(self, slot: str, in_title: bool) -> tuple[str, str]:
        if slot not in self.slots:
            nationality, fulls, surname = SEED_PEOPLE[slot]
            choice = (fulls[0][: -len(surname) - 1], surname) if self.keep(in_title) else None
            while choice is None or choice in self.slots.values():  # two slots, two people
                choice = self.draw(self.pools.people[nationality])
            self.slots[slot] = choice
        return self.slots[slot]

    def other(self, slot: str, in_title: bool) -> str:
        if slot not in self.slots:
            if slot == "pmc":
                self.slots[slot] = "Wagner" if self.keep(in_title) else self.draw(PMCS)
            elif slot in AGENCIES:
                self.slots[slot] = self.rng.choice(AGENCIES[slot])
            elif slot == "newsroom":
                self.slots[slot] = "notre rédaction"
            else:  # a town; the seeds' own towns head the list, so they come up most
                town = self.draw(TOWNS)
                while town in self.slots.values():
                    town = self.draw(TOWNS)
                self.slots[slot] = town
        return self.slots[slot]

    def name_person(self, slot: str, written_full: bool, in_title: bool) -> str:
        first, surname = self.person(slot, in_title)
        if in_title:
            return f"{first} {surname}" if written_full else surname
        if slot in self.named and self.rng.random() < BY_SURNAME:
            return surname
        if slot not in self.named:
            self.named.append(slot)
        if self.rng.random() < ALT_SPELLING:
            first, surname = SPELLINGS.get(first, first), SPELLINGS.get(surname, surname)
        return f"{first} {surname}"

    def name_bloc(self, match: re.Match, in_title: bool) -> str:
        if "bloc" not in self.slots:
            self.slots["bloc"] = ("f", "Communauté économique des États de l’Afrique de l’Ouest") \
                if self.keep(in_title) else self.draw(self.pools.orgs)
        gender, name = self.slots["bloc"]
        short = "CEDEAO" if name.startswith("Communauté") else acronym(name)
        capital = match.group(1) == "La"
        if in_title or "bloc" in self.named:
            return with_article(gender, short, capital)
        self.named.append("bloc")
        return f"{with_article(gender, name, capital)} ({short})"


def seed_names() -> re.Pattern:
    """One pattern for every actor name the seeds write, longest first."""
    forms = [form for _, fulls, surname in SEED_PEOPLE.values() for form in fulls + [surname]]
    forms += list(SEED_OTHERS)
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"{SEED_BLOC}|(?<![\w-])({alternatives})(?![\w-])")


NAMES = seed_names()
PERSON_FORMS = {form: (slot, form != surname) for slot, (_, fulls, surname) in SEED_PEOPLE.items()
                for form in fulls + [surname]}


def recast(text: str, cast: Cast, date: datetime.date, in_title: bool = False) -> str:
    """The text with the seeds' actors renamed for this article and its dates moved near `date`."""
    def rename(match: re.Match) -> str:
        if match.group(1):
            return cast.name_bloc(match, in_title)
        name = match.group(3)
        if name in PERSON_FORMS:
            return cast.name_person(*PERSON_FORMS[name], in_title)
        return cast.other(SEED_OTHERS[name], in_title)

    return DAY_MONTH.sub(lambda m: redate(m, cast.rng, date), NAMES.sub(rename, text))


def redate(match: re.Match, rng: random.Random, date: datetime.date) -> str:
    day = date - datetime.timedelta(days=rng.randrange(1, 60))
    text = f"{'1er' if day.day == 1 else day.day} {MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if match.group(3) else text


def long_date(date: datetime.date) -> str:
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


# ---------------------------------------------------------------- composing an article


def compose(index: int, seed: int, pools: Pools, sentences: list[str], ledes: list[str],
            rng: random.Random, out_dir: Path) -> tuple[Synthetic, Outlet, datetime.date, str]:
    """An article's text parts (a Synthetic without furniture yet), its outlet, date and author."""
    cast = Cast(pools, rng)
    date = FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS))
    outlet = rng.choice(OUTLETS)
    fmt = FORMATS[index % len(FORMATS)]
    title = recast(rng.choice(TITLES), cast, date, in_title=True)
    source = rng.choice(ledes)
    lede = recast(source, cast, date)
    count = rng.randint(5, 15)
    # the body never says the standfirst's sentence again: news copy does not (and a line the body
    # repeats reads as a pull-quote or a caption, clean/lede.py)
    picked = rng.sample([s for s in sentences if s != source], min(len(sentences) - 1, count * 4))
    paragraphs, headings = [], []
    while picked and len(paragraphs) < count:
        size = rng.randint(1, 3)
        # A one-line paragraph as short as a headline is rare in news copy (and the cleaner may
        # take it for one): sentences are added until the paragraph has PARAGRAPH_WORDS words.
        while size < len(picked) and len(" ".join(picked[:size]).split()) < PARAGRAPH_WORDS:
            size += 1
        paragraphs.append(" ".join(recast(s, cast, date) for s in picked[:size]))
        picked = picked[size:]
    if count >= 8:  # a long article has a subheading, set before a paragraph of its second half
        headings.append(recast(rng.choice(HEADINGS), cast, date, in_title=True))
    author = " ".join(rng.choice(pools.people["fr"]))
    synthetic = Synthetic(out_dir / f"s{seed}-{index:05d}.{fmt}", fmt, title, lede, paragraphs, headings)
    return synthetic, outlet, date, author


def body_lines(synthetic: Synthetic, outlet: Outlet, rng: random.Random, furniture: list[str]) -> list[tuple[str, str]]:
    """The body as (kind, text): paragraphs, a subheading, the outlet's inline link."""
    lines = [("p", p) for p in synthetic.paragraphs]
    if synthetic.headings:
        lines.insert(len(lines) // 2 + 1, ("h", synthetic.headings[0]))
    if outlet.inline:
        inline = outlet.inline.format(teaser=rng.choice(TEASERS))
        furniture.append(inline)
        lines.insert(2, ("x", inline))
    return lines


def fill(lines: list[str], rng: random.Random, date: datetime.date, author: str, furniture: list[str]) -> list[str]:
    """Furniture lines with their author, date and teasers filled in (and recorded as furniture)."""
    filled = []
    for line in lines:
        if line == "{teasers}":
            for teaser in rng.sample(TEASERS, 6):
                filled += ["-", teaser]
        else:
            filled.append(line.format(author=author, date=date, long_date=long_date(date)))
    furniture += [line for line in filled if line != "-"]
    return filled


# ---------------------------------------------------------------- writing the formats


def write_txt(synthetic: Synthetic, outlet: Outlet, date, author, rng, furniture) -> str:
    """The page's text as "select all, copy" gives it."""
    head = fill(outlet.head, rng, date, author, furniture)
    byline = fill(outlet.byline, rng, date, author, furniture)
    body = [text for _, text in body_lines(synthetic, outlet, rng, furniture)]
    tail = fill(outlet.tail, rng, date, author, furniture)
    gap = rng.choice(["\n", "\n\n"])
    return "\n".join(head) + "\n" + synthetic.title + "\n\n" + synthetic.lede + "\n\n" + \
        "\n".join(byline) + "\n" + gap.join(body) + "\n" + "\n".join(tail) + "\n"


def write_md(synthetic: Synthetic, outlet: Outlet, date, author, rng, furniture) -> str:
    """The user's own Markdown: front matter, the headline as `#`, a share line left in."""
    share = fill(["Partager"], rng, date, author, furniture)
    body = [f"## {text}" if kind == "h" else text for kind, text in body_lines(synthetic, outlet, rng, furniture)]
    return "\n".join([
        "---", f"title: {json.dumps(synthetic.title, ensure_ascii=False)}", f"source: {outlet.source}",
        f"date: {date.isoformat()}", f"url: https://{outlet.domain}/{synthetic.path.stem}",
        f"author: {author}", "---", "", f"# {synthetic.title}", "", synthetic.lede, "", *share, "",
        "\n\n".join(body), ""])


def write_html(synthetic: Synthetic, outlet: Outlet, date, author, rng, furniture) -> str:
    """A saved page: metadata in <head>, navigation, share row, an aside of links, a footer."""
    e = html.escape
    teasers = rng.sample(TEASERS, 4)
    furniture += [*HTML_NAV, *HTML_FOOTER, "Partager", "Facebook", "Twitter", "À lire aussi", *teasers,
                  f"Par {author}", f"Publié le {long_date(date)}",
                  f"© {date.year} {outlet.source}. Tous droits réservés."]
    body = []
    for kind, text in body_lines(synthetic, outlet, rng, furniture):
        body.append(f"<h2>{e(text)}</h2>" if kind == "h" else f"<p>{e(text)}</p>")
    aside = "".join(f'<li><a href="/article/{n}">{e(t)}</a></li>' for n, t in enumerate(teasers))
    body.insert(min(4, len(body)), f"<aside><h3>À lire aussi</h3><ul>{aside}</ul></aside>")
    nav = "".join(f'<li><a href="/{e(item.lower())}/">{e(item)}</a></li>' for item in HTML_NAV)
    footer = "".join(f"<p>{e(line)}</p>" for line in HTML_FOOTER)
    return f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>{e(synthetic.title)} - {e(outlet.source)}</title>
<meta name="author" content="{e(author)}">
<meta property="og:site_name" content="{e(outlet.source)}">
<meta property="og:title" content="{e(synthetic.title)}">
<meta property="article:published_time" content="{date.isoformat()}T08:00:00+00:00">
<link rel="canonical" href="https://{outlet.domain}/{synthetic.path.stem}">
</head>
<body>
<header><nav><ul>{nav}</ul></nav></header>
<main><article>
<h1>{e(synthetic.title)}</h1>
<p class="chapo">{e(synthetic.lede)}</p>
<p class="byline">Par {e(author)}</p>
<p><time datetime="{date.isoformat()}">Publié le {long_date(date)}</time></p>
<div class="share"><a href="#">Partager</a> <a href="#">Facebook</a> <a href="#">Twitter</a></div>
{chr(10).join(body)}
</article></main>
<footer>{footer}<p>© {date.year} {e(outlet.source)}. Tous droits réservés.</p></footer>
</body>
</html>
"""


WRITERS = {"txt": write_txt, "md": write_md, "html": write_html}


def sidecar(outlet: Outlet, date: datetime.date) -> str:
    return f"source: {outlet.source}\ndate: {date.isoformat()}\n"


# ---------------------------------------------------------------- entry points


def generate(n: int, out_dir: Path, seed: int = 0) -> list[Synthetic]:
    """Write `n` articles into `out_dir` (named s{seed}-{index}); the same seed writes the same bytes."""
    rng = random.Random(seed)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    sentences, ledes = seed_sentences()
    sentences = [*sentences, *EXTRA_SENTENCES]
    # A lede is a seed's lede or a short sentence that quotes no one.
    ledes = [*ledes, *(s for s in sentences if len(s) < 250 and not re.search("[«“\"]", s))]
    pools = Pools(rng)
    made = []
    for index in range(n):
        synthetic, outlet, date, author = compose(index, seed, pools, sentences, ledes, rng, out_dir)
        text = WRITERS[synthetic.format](synthetic, outlet, date, author, rng, synthetic.furniture)
        synthetic.path.write_text(text, encoding="utf-8")
        if synthetic.format == "txt" and rng.random() < 0.5:
            synthetic.path.with_suffix(".yml").write_text(sidecar(outlet, date), encoding="utf-8")
        made.append(synthetic)
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.synth", description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out_dir", type=Path, help="folder to write them into")
    parser.add_argument("--seed", type=int, default=0, help="seed number (same seed, same files)")
    args = parser.parse_args(argv)
    made = generate(args.n, args.out_dir, args.seed)
    print(f"{len(made)} articles written to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
