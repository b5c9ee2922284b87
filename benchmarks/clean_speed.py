"""Cleaning speed (a benchmark, not a test): does cleaning stay linear, and does a 500 KB article
clean in under a second?

    python -m benchmarks.clean_speed [--sizes 50,500] [--repeat 3]

Each size (in KB) is a copied web page: a menu, a kicker, the headline, a byline and a date, then
the article's paragraphs with a "Lire aussi" box, subheadings and captions every few paragraphs,
then related links, comments and a footer; the article's part grows with the size. Cleaning
(dossier.clean.clean_articles, plain text, no cache) runs R times per size, after one unmeasured
run (dateparser loads its languages once per process); the fastest run counts (the machine's other
work only ever adds time). It prints, per size, the wall and CPU seconds (CPU time: this process's
own, which other processes on a busy machine inflate less) and the KB per CPU second, and the ratio
of the largest to the smallest size's CPU time beside the ratio of their sizes: linear cleaning keeps
the two close. Measured (issue 17, a machine shared by seven processes on two cores): 50 KB 0.14 s,
504 KB 0.82 s of CPU (2.7 s wall), CPU ratio 6.0 for 10 (a fixed part: the rules are read once per
call); before lines were matched without str.translate and keyed once: 0.24 s and 1.70 s.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from dossier.clean import clean_articles
from dossier.models import RawArticle

HEAD = ["Aller au contenu principal", "Actualité", "Politique", "Monde", "Se connecter", "Niger",
        "Coup d’État au Niger : la junte ferme la porte à la CEDEAO, qui se réunira jeudi à Abuja",
        "Par Jeanne Dupont", "Publié le 8 août 2023 à 10h05",
        "Les militaires au pouvoir à Niamey ont refusé de recevoir une mission conjointe de la CEDEAO, "
        "à la veille d’un sommet ouest-africain décisif."]
PART = ["La junte qui a pris le pouvoir le 26 juillet a opposé mardi une fin de non-recevoir à la diplomatie "
        "ouest-africaine, et ses militaires ont refusé de recevoir la mission conjointe de la CEDEAO.",
        "Les dirigeants de la CEDEAO se réuniront jeudi à Abuja, la capitale du Nigeria, pour un sommet "
        "extraordinaire consacré à la crise nigérienne, a annoncé l’organisation dans un communiqué.",
        "Lire aussiNiger : qui est le général Tiani ?",
        "Mohamed Bazoum, lui, est toujours retenu avec sa femme et son fils dans sa résidence de Niamey, "
        "selon un de ses proches, qui assure que le président renversé manque de tout.",
        "Photo : AFP",
        "Une médiation dans l’impasse",
        "« Nous ne céderons pas », a déclaré le porte-parole de la junte, qui accuse les voisins du pays de "
        "préparer une intervention militaire contre Niamey depuis plusieurs jours."]
TAIL = ["Sur le même sujet", "Niger : la CEDEAO se réunit à Abuja", "Mali : la junte et Wagner",
        "Commentaires", "Connectez-vous pour commenter.", "Mentions légales", "© 2023 Le Journal"]


def page(kilobytes: int) -> str:
    """A copied page of about `kilobytes` KB (UTF-8), its article growing with it."""
    head, tail = "\n".join(HEAD), "\n".join(TAIL)
    size = len("\n".join(PART).encode()) + 6 * len(PART)
    copies = max(1, (kilobytes * 1024 - len((head + tail).encode())) // size)
    # every line its own (a page repeats no paragraph; caches keyed by a line must not help here)
    body = [line if len(line) < 40 else f"{line[:-1]} (n° {n})." for n in range(copies) for line in PART]
    return "\n".join([head, *body, tail])


def seconds(text: str, repeat: int) -> tuple[float, float]:
    """The fastest of `repeat` cleanings of the text: wall seconds, CPU seconds."""
    wall = cpu = float("inf")
    for _ in range(repeat):
        raw = RawArticle("a", Path("a.txt"), "txt", text)
        started, started_cpu = time.perf_counter(), time.process_time()
        clean_articles([raw], None)
        wall = min(wall, time.perf_counter() - started)
        cpu = min(cpu, time.process_time() - started_cpu)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50,500", help="page sizes in KB, comma-separated")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    seconds(page(min(sizes)), 1)   # dateparser's one-time load is no part of an article's cost
    times = {}
    print(f"{'size':>8}  {'wall s':>8}  {'CPU s':>8}  {'KB/CPU s':>8}")
    for size in sizes:
        text = page(size)
        wall, times[size] = seconds(text, args.repeat)
        kb = len(text.encode()) / 1024
        print(f"{kb:7.0f}K  {wall:8.3f}  {times[size]:8.3f}  {kb / times[size]:8.0f}")
    small, large = min(sizes), max(sizes)
    print(f"CPU time ratio {times[large] / times[small]:.1f} for a size ratio of {large / small:.1f}")


if __name__ == "__main__":
    main()
