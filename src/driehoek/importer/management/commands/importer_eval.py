import json
import logging
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from driehoek.importer import corpus_eval, evaluation, proposal

SEEDS = ("prestatieafspraken-2022", "kaderafspraken-2026-2031")


class Command(BaseCommand):
    help = (
        "Meet de importer aan de Aa en Hunze-documenten: afspraken gevonden (precisie en volledigheid op nummer "
        "en thema), thema, sectie, soort en verantwoordelijke partijen goed, doelstellingen en indicatoren "
        "gevonden, tijd per pagina; voor het tekstbestand en een PDF die WeasyPrint ervan maakt."
    )

    def add_arguments(self, parser):
        parser.add_argument("--zonder-pdf", action="store_true", help="Alleen de tekstbestanden.")
        parser.add_argument(
            "--fouten", action="store_true", help="Toon elke afwijking (in het corpus alleen van de afstemdocumenten)."
        )
        parser.add_argument("--zonder-seeds", action="store_true", help="Alleen het corpus.")
        parser.add_argument("--zonder-corpus", action="store_true", help="Alleen de twee seeds.")
        parser.add_argument(
            "--alleen-afstemming",
            action="store_true",
            help="Alleen de afstemdocumenten van het corpus: de afgehouden documenten worden niet gelezen of getoond.",
        )
        parser.add_argument(
            "--lezing",
            choices=("outline", "regels", "vormen"),
            default="",
            help="Meet één lezing alleen (de structuur, de regels of de herhaalde regelvormen) in plaats van de "
            "keuze tussen de lezingen.",
        )
        parser.add_argument(
            "--varianten",
            action="store_true",
            help="Meet de afstemdocumenten (tekst) ook in andere opmaak: zonder witregels, zonder paginagrenzen, "
            "met andere opsommingstekens, met dubbele regelafstand (een maat voor algemeenheid).",
        )
        parser.add_argument(
            "--lang", action="store_true", help="Meet ook een PDF van ongeveer 300 pagina's (de eerste seed, 13 keer)."
        )

    def handle(self, *args, zonder_pdf=False, fouten=False, lang=False, alleen_afstemming=False, **options):
        self.only = {"outline": "outline", "regels": "lines", "vormen": "shapes"}.get(options.get("lezing") or "", "")
        logging.getLogger("weasyprint").setLevel(logging.ERROR)
        logging.getLogger("fontTools").setLevel(logging.ERROR)
        if not options.get("zonder_seeds"):
            self.seeds(zonder_pdf, fouten, lang)
        if not options.get("zonder_corpus"):
            for pdf in (False,) if zonder_pdf else (False, True):
                self.corpus(pdf, fouten, alleen_afstemming)
        if options.get("varianten"):
            self.variants()

    def corpus(self, pdf: bool, fouten: bool, alleen_afstemming: bool = False) -> None:
        label = "pdf" if pdf else "tekst"
        moved = ", ".join(f"{n:02d}" for n in sorted(corpus_eval.MOVED_TO_TUNING))
        self.stdout.write(f"\ncorpus ({label}); afgehouden: nummer deelbaar door 3, behalve {moved} (naar afstemming)")
        results = corpus_eval.run(
            lambda name, content: proposal.propose(name, content, only=self.only).set,
            pdf=pdf,
            tuning_only=alleen_afstemming,
        )
        totals = {False: corpus_eval.Figures(), True: corpus_eval.Figures()}
        for number, held, figures, seconds in results:
            totals[held].add(figures)
            group = "afgehouden" if held else "afstemming"
            self.stdout.write(f"corpus-{number:02d} ({label}, {group}): {figures.row()}; {seconds:.2f} s")
            if fouten and not held:
                for problem in figures.wrong:
                    self.stdout.write(f"    {problem}")
        self.stdout.write(f"TOTAAL afstemming ({label}): {totals[False].row()}")
        if not alleen_afstemming:
            self.stdout.write(f"TOTAAL afgehouden ({label}): {totals[True].row()}")

    def variants(self) -> None:
        """The tuning documents' text in other layouts (variants.py); held-out documents are not read."""
        from driehoek.importer.variants import VARIANTS

        self.stdout.write("\nafstemdocumenten (tekst) in andere opmaak")
        for name, change in VARIANTS.items():
            total = corpus_eval.Figures()

            def read(filename, content, change=change):
                changed = change(content.decode("utf-8")).encode()
                return proposal.propose(filename, changed, only=self.only).set

            for _number, _held, figures, _seconds in corpus_eval.run(read, tuning_only=True):
                total.add(figures)
            self.stdout.write(f"{name}: {total.row()}")

    def seeds(self, zonder_pdf: bool, fouten: bool, lang: bool) -> None:
        data = Path(settings.BASE_DIR) / "data" / "aa-en-hunze"
        total = {"agreements": 0, "parties": 0, "targets": 0, "targets_true": 0}
        for name in SEEDS:
            truth = json.loads((data / f"{name}.json").read_text(encoding="utf-8"))["sets"][0]
            text = (data / "bron" / f"{name}.txt").read_bytes()
            sources = [("tekst", f"{name}.txt", text)]
            if not zonder_pdf:
                sources.append(("pdf", f"{name}.pdf", evaluation.text_to_pdf(text.decode("utf-8"))))
            for label, filename, content in sources:
                started = time.perf_counter()
                result = proposal.propose(filename, content, only=self.only)
                seconds = time.perf_counter() - started
                u = evaluation.compare(result.set, truth)
                self.stdout.write(self._line(name, label, u, seconds, result.pages))
                if fouten:
                    for problem in u.wrong:
                        self.stdout.write(f"    {problem}")
                if label == "tekst":
                    total["agreements"] += u.agreements_true
                    total["parties"] += u.parties_right
                    total["targets"] += u.targets_found
                    total["targets_true"] += u.targets_true
        if lang:
            text = (data / "bron" / f"{SEEDS[0]}.txt").read_text(encoding="utf-8")
            long_pdf = evaluation.text_to_pdf("\f".join([text] * 13))
            started = time.perf_counter()
            result = proposal.propose("lang.pdf", long_pdf)
            seconds = time.perf_counter() - started
            self.stdout.write(
                f"lang document: {result.pages} pagina's in {seconds:.1f} s ({1000 * seconds / result.pages:.1f} ms "
                "per pagina)"
            )
        self.stdout.write(
            f"samen (tekst): partijen goed {total['parties']}/{total['agreements']} "
            f"({total['parties'] / total['agreements']:.1%}), "
            f"doelstellingen {total['targets']}/{total['targets_true']} "
            f"({total['targets'] / total['targets_true']:.1%})"
        )

    def _line(self, name: str, label: str, u: evaluation.Uitkomst, seconds: float, pages: int) -> str:
        return (
            f"{name} ({label}, {pages} p.): afspraken {u.agreements_found} gevonden van {u.agreements_true}; "
            f"precisie {u.precision:.1%}, volledigheid {u.recall:.1%} (nummer + thema); thema {u.theme_accuracy:.1%}; "
            f"sectie {u.section_accuracy:.1%}; soort {u.kind_accuracy:.1%}; partijen {u.party_accuracy:.1%} "
            f"(eerste partij {u.lead_accuracy:.1%}); doelstellingen {u.targets_found}/{u.targets_true} "
            f"({u.target_recall:.1%}, precisie {u.target_precision:.1%}); indicatoren {u.indicators_found}/"
            f"{u.indicators_true}; partijen herkend {u.parties_matched}/{u.parties_true}; "
            + (
                f"{1000 * seconds / pages:.1f} ms per pagina"
                if label == "pdf"
                else f"{1000 * seconds:.0f} ms in totaal"
            )
        )
