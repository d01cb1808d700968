"""``esn-teach``: the instructors' command-line tool, a thin layer over nbgrader.

Each sub-command calls one method of :class:`esn_teach.course.Course` (the
certificate commands, :mod:`esn_teach.certificates`). User
mistakes are reported in French, on one line, without a traceback, with exit
status 2.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn
from zoneinfo import ZoneInfo

from esn_teach._formatting import fr_plural

if TYPE_CHECKING:
    from esn_teach.course import Course, StepResult

__all__ = ["console_main", "main"]


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, with the usage line introduced in French."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "utilisation : " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """Argument parser whose help and errors are French; errors end with exit status 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["add_help"] = False
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = "arguments"
        self._optionals.title = "options"
        self.add_argument("-h", "--help", action="help", help="afficher cette aide et quitter")

    def error(self, message: str) -> NoReturn:
        translations = {
            "the following arguments are required": "arguments obligatoires manquants",
            "unrecognized arguments": "arguments non reconnus",
            "invalid choice": "choix invalide",
            "(choose from": "(valeurs possibles :",
            "expected one argument": "une valeur est attendue",
            "invalid float value": "nombre invalide",
            "invalid int value": "entier invalide",
        }
        for english, french in translations.items():
            message = message.replace(english, french)
        self.print_usage(sys.stderr)
        self.exit(2, f"Erreur : {message}. Aide : {self.prog} --help\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="esn-teach",
        description="Outil des enseignants : construire, publier, corriger et noter les modules "
        "du cours (au-dessus de nbgrader).",
    )
    parser.add_argument(
        "--course",
        default=os.environ.get("ESN_TEACH_COURSE", "grading"),
        help="dossier du cours nbgrader (défaut : grading)",
    )
    parser.add_argument(
        "--notebooks",
        default=os.environ.get("ESN_TEACH_NOTEBOOKS", "notebooks"),
        help="dossier des sources des modules (défaut : notebooks)",
    )
    parser.add_argument(
        "--debug", action="store_true", help="afficher la trace complète des erreurs"
    )
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="COMMANDE", parser_class=_Parser
    )

    build = commands.add_parser(
        "build", help="sources → source/ de nbgrader, et vérifie chaque solution"
    )
    build.add_argument("modules", nargs="*", metavar="MODULE", help="modules (défaut : tous)")
    build.add_argument(
        "--no-validate",
        action="store_true",
        help="ne pas exécuter les solutions (plus rapide, moins sûr)",
    )
    build.add_argument(
        "--force",
        action="store_true",
        help="reconstruire aussi les modules à jour (par défaut, seuls les modules dont la "
        "source, la bibliothèque esn_teach ou la configuration ont changé sont reconstruits)",
    )

    release = commands.add_parser("release", help="génère la version étudiante (release/)")
    release.add_argument("modules", nargs="*", metavar="MODULE", help="modules (défaut : tous)")
    release.add_argument(
        "--force",
        action="store_true",
        help="republier aussi les modules à jour (par défaut, seuls les modules reconstruits "
        "ou dont la version étudiante a été modifiée sont republiés)",
    )
    release.add_argument(
        "--evaluation",
        action="store_true",
        help="séance évaluée : les cellules de vérification disent seulement si la réponse est "
        "donnée et bien formée, pas si elle est juste (la correction le dira) ; sans cette "
        "option, les vérifications formatives reviennent",
    )
    release.add_argument(
        "--autonome",
        action="store_true",
        help="parcours en autonomie : sous chaque question, un bouton « Voir la solution » qui "
        "s'ouvre après deux vérifications de la réponse (ou une réponse juste), et "
        "l'autocorrection (esn-teach selfgrade) ; le notebook contient alors ses solutions : "
        "jamais pour une séance notée",
    )
    release.add_argument(
        "--exchange",
        action="store_true",
        help="sur un hub : dépose aussi les modules dans l'échange nbgrader, où les étudiants "
        "les récupèrent (onglet « Assignments »)",
    )
    release.add_argument(
        "--due",
        metavar="DATE",
        help="avec --exchange : date limite de dépôt, heure de Paris (« 2026-12-10 18:00 ») ; "
        "les copies déposées après sont marquées en retard",
    )

    collect = commands.add_parser(
        "collect", help="sur un hub : ramasse les copies déposées dans l'échange (submitted/)"
    )
    collect.add_argument("module", metavar="MODULE")

    selfgrade = commands.add_parser(
        "selfgrade",
        help="un apprenant corrige son propre notebook (parcours en autonomie), avec le "
        "correcteur de l'enseignant",
    )
    selfgrade.add_argument(
        "notebooks", nargs="+", metavar="CHEMIN.ipynb", help="votre notebook enregistré"
    )
    selfgrade.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=2,
        metavar="N",
        help="processus de correction (défaut : 2)",
    )
    selfgrade.add_argument(
        "--retour",
        metavar="DOSSIER",
        help="où écrire le retour détaillé (défaut : à côté du notebook)",
    )
    selfgrade.add_argument(
        "--no-sandbox",
        action="store_true",
        help="sans isolement bubblewrap (déconseillé)",
    )

    autograde = commands.add_parser("autograde", help="corrige les copies de submitted/")
    autograde.add_argument("module", metavar="MODULE")
    autograde.add_argument(
        "--student", action="append", metavar="ID", help="seulement cet étudiant (répétable)"
    )
    autograde.add_argument(
        "--jobs", "-j", type=int, default=2, metavar="N", help="copies en parallèle (défaut : 2)"
    )
    autograde.add_argument(
        "--force", action="store_true", help="recorriger aussi les copies inchangées déjà corrigées"
    )
    autograde.add_argument(
        "--cell-timeout",
        type=int,
        metavar="S",
        help="secondes par cellule (défaut : configuration)",
    )
    autograde.add_argument(
        "--timeout", type=int, default=600, metavar="S", help="secondes par copie (défaut : 600)"
    )
    autograde.add_argument(
        "--memory", type=int, default=1024, metavar="Mio", help="mémoire par copie (défaut : 1024)"
    )
    autograde.add_argument(
        "--processes", type=int, default=64, metavar="N", help="processus par copie (défaut : 64)"
    )
    autograde.add_argument(
        "--bibliotheque-modifiee",
        action="store_true",
        help="corriger même si esn_teach a changé depuis la publication de la séance évaluée "
        "(par défaut refusé : les cas de chaque copie sont tirés de nouveau)",
    )
    autograde.add_argument(
        "--no-sandbox",
        action="store_true",
        help="sans isolement bubblewrap (déconseillé : le code étudiant voit vos fichiers)",
    )

    feedback = commands.add_parser("feedback", help="génère les retours HTML (feedback/)")
    feedback.add_argument("module", metavar="MODULE")
    feedback.add_argument(
        "--exchange",
        action="store_true",
        help="sur un hub : rend aussi les retours dans l'échange ; chaque étudiant récupère "
        "le sien",
    )

    export = commands.add_parser("export", help="exporte les notes en CSV (nbgrader ou Moodle)")
    export.add_argument("modules", nargs="*", metavar="MODULE", help="modules (défaut : tous)")
    export.add_argument("--to", default="notes.csv", help="fichier CSV (défaut : notes.csv)")
    export.add_argument(
        "--format",
        choices=["csv", "moodle"],
        default="csv",
        help="csv : colonnes de nbgrader ; moodle : identifiant + une colonne par module",
    )
    export.add_argument(
        "--pseudonymise",
        action="store_true",
        help="remplace les identités par une empreinte à clé (clé : $ESN_TEACH_PSEUDONYM_KEY)",
    )
    export.add_argument(
        "--key-file", metavar="FICHIER", help="fichier de la clé de pseudonymisation"
    )
    export.add_argument(
        "--provisoire",
        action="store_true",
        help="exporte même si des notes ne sont pas définitives (réflexions non notées, "
        "copies en erreur) ; la colonne « Statut » dit lesquelles",
    )
    export.add_argument(
        "--partie",
        choices=["tout", "seance"],
        default=None,
        type=_part,
        help="tout : le module entier ; seance : seulement la partie en séance, avant « Après "
        "la séance » (questions autocorrigées et réflexions), avec son total, pour une copie "
        "ramassée en fin de séance évaluée ; le fichier le dit dans le nom de chaque colonne "
        "(Moodle) ou la colonne « Partie » (csv). Par défaut : ce que l'en-tête de chaque "
        "module annonce aux étudiants (la séance et la réflexion pour un module dont la note "
        "porte sur la séance, le module entier pour les autres)",
    )

    report = commands.add_parser(
        "report", help="taux de réussite par question et erreurs fréquentes (tableau et graphique)"
    )
    report.add_argument("module", metavar="MODULE")
    report.add_argument("--to", metavar="DOSSIER", help="dossier (défaut : rapports/MODULE)")

    workspace = commands.add_parser(
        "workspace", help="copie les modules publiés dans l'espace étudiant"
    )
    workspace.add_argument("--to", default="workspace", help="dossier (défaut : workspace)")

    outline = commands.add_parser(
        "outline",
        help="durée estimée de chaque module (en séance, après) et noms des valeurs de l'école",
    )
    outline.add_argument("modules", nargs="*", metavar="MODULE")

    keys = commands.add_parser(
        "keys", help="crée la paire de clés de l'émetteur des certificats (RSA 3072)"
    )
    keys.add_argument(
        "--dir",
        metavar="DOSSIER",
        help="dossier des clés, hors de tout dépôt git (défaut : $ESN_TEACH_KEYS_DIR, "
        "sinon ~/.config/esn-teach/cles)",
    )
    keys.add_argument(
        "--emetteur", metavar="URL", help="identifiant de l'émetteur (défaut : la déclaration)"
    )
    keys.add_argument(
        "--declaration", metavar="FICHIER", help="déclaration (défaut : notebooks/certificats.toml)"
    )
    keys.add_argument(
        "--force",
        action="store_true",
        help="remplacer une clé existante (les certificats déjà délivrés deviennent invérifiables)",
    )

    certify = commands.add_parser(
        "certify",
        help="délivre un certificat Open Badges signé à chaque apprenant qui remplit ses critères",
    )
    certify.add_argument("certificate", metavar="CERTIFICAT", help="code du certificat déclaré")
    certify.add_argument(
        "--out", metavar="DOSSIER", help="dossier de sortie (défaut : certificats/CERTIFICAT)"
    )
    certify.add_argument(
        "--date", metavar="AAAA-MM-JJ", help="date de délivrance (défaut : maintenant)"
    )
    certify.add_argument(
        "--declaration", metavar="FICHIER", help="déclaration (défaut : notebooks/certificats.toml)"
    )
    certify.add_argument(
        "--cles", metavar="DOSSIER", help="dossier des clés de l'émetteur (défaut : esn-teach keys)"
    )

    revoke = commands.add_parser("revoke", help="révoque un certificat délivré")
    revoke.add_argument("credential", metavar="ID", help="identifiant du certificat (urn:uuid:…)")
    revoke.add_argument("--raison", required=True, help="raison de la révocation (affichée)")
    revoke.add_argument(
        "--revocations",
        metavar="FICHIER",
        help="liste des révocations (défaut : revocations.json à côté des clés)",
    )
    revoke.add_argument("--cles", metavar="DOSSIER", help="dossier des clés de l'émetteur")

    verify = commands.add_parser(
        "verify", help="vérifie un certificat (.jwt) hors ligne : signature, émetteur, dates…"
    )
    verify.add_argument("file", metavar="FICHIER", help="le certificat signé (.jwt)")
    verify.add_argument(
        "--cle",
        metavar="JWK",
        help="clé publique de l'émetteur (défaut : celle créée par esn-teach keys)",
    )
    verify.add_argument(
        "--revocations",
        metavar="FICHIER",
        help="liste des révocations de l'émetteur (défaut : revocations.json à côté de la clé)",
    )
    verify.add_argument(
        "--emetteur", metavar="URL", help="émetteur de confiance (défaut : celui de la clé)"
    )
    verify.add_argument(
        "--courriel",
        metavar="ADRESSE",
        help="vérifier aussi que le certificat a été délivré à cette adresse électronique",
    )

    digest = commands.add_parser("digest", help="empreinte d'une réponse pour un test visible")
    digest.add_argument("value", help="la bonne réponse (nombre ou texte)")
    digest.add_argument("--name", required=True, help="nom de la variable de réponse")
    digest.add_argument("--decimals", type=int, default=3, help="décimales (défaut : 3)")
    return parser


def _run(args: argparse.Namespace) -> int:
    if args.command == "digest":
        from esn_teach.checks import answer_digest

        try:
            value: float | str = float(args.value.replace(",", "."))
        except ValueError:
            value = args.value
        print(answer_digest(value, name=args.name, decimals=args.decimals))
        return 0

    if args.command in {"keys", "revoke", "verify"}:
        return _certificates(args)
    if args.command == "selfgrade":
        return _selfgrade(args)

    from esn_teach.course import Course, CourseError

    course = Course(args.course, args.notebooks)
    if args.command in {"build", "release"}:
        due = _due_date(args.due) if getattr(args, "due", None) else None
        if due is not None and not args.exchange:
            raise CourseError(
                "--due s'utilise avec --exchange (la date limite vaut pour l'échange)."
            )
        _build_or_release(course, args)
        if args.command == "release" and args.exchange:
            _publish(course, args.modules, due)
    elif args.command == "collect":
        _collect(course, args.module)
    elif args.command == "autograde":
        return _autograde(course, args)
    elif args.command == "feedback":
        from esn_teach.grading import generate_feedback, grade_status

        paths = generate_feedback(course, args.module)
        print(f"{fr_plural(len(paths), 'retour généré')} dans {course.root / 'feedback'}")
        status = grade_status(course, [args.module])
        if status.pending:
            print(
                f"Attention : {len(status.pending)} de ces retours "
                f"{'montrent' if len(status.pending) > 1 else 'montre'} une note qui n'est "
                "pas définitive (à noter dans le formgrader, ou à corriger de nouveau) :"
            )
            print("\n".join(status.lines()))
        if args.exchange:
            from esn_teach.grading import publish_feedback

            students = publish_feedback(course, args.module)
            print(
                f"Retours rendus dans l'échange pour {fr_plural(len(students), 'étudiant')} : "
                "chacun récupère le sien (« Fetch Feedback » dans l'onglet « Assignments »)."
            )
    elif args.command == "export":
        from esn_teach.grading import export_grades

        exported = export_grades(
            course,
            args.to,
            args.modules,
            format=args.format,
            pseudonymise=args.pseudonymise,
            key_file=args.key_file,
            provisional=args.provisoire,
            in_class_only={None: None, "tout": False, "seance": True}[args.partie],
        )
        kind = " (format Moodle)" if args.format == "moodle" else ""
        if args.partie == "seance":
            kind += ", partie en séance seulement"
        elif exported.check.parts:
            kind += (
                ", partie en séance des modules dont l'en-tête l'annonce aux étudiants (détail "
                "ci-dessous ; « --partie tout » pour le module entier)"
            )
        pseudo = ", identités pseudonymisées" if args.pseudonymise else ""
        if exported.provisional:
            print(
                f"Export PROVISOIRE{kind}{pseudo} : {exported.path} — "
                f"{fr_plural(len(exported.check.pending), 'note')} "
                f"{_not_final(len(exported.check.pending))} "
                "(colonne « Statut ») :"
            )
            print("\n".join(exported.check.lines()))
        else:
            print(f"Notes exportées{kind}{pseudo} : {exported.path}")
        if exported.check.parts:
            print("Partie en séance comptée :")
            print("\n".join(part.describe() for part in exported.check.parts.values()))
        if exported.check.untaken:
            print(
                "Modules sans aucune copie, laissés hors du fichier : "
                + ", ".join(exported.check.untaken)
            )
    elif args.command == "report":
        from esn_teach.grading import module_report

        text, table, plot = module_report(course, args.module, args.to)
        print(text)
        print(f"Tableau : {table}\nGraphique : {plot}")
    elif args.command == "outline":
        return _outline(course, args.modules)
    elif args.command == "certify":
        return _certify(course, args)
    elif args.command == "workspace":
        copied = course.workspace(args.to)
        print(
            f"Espace étudiant : {Path(args.to).resolve()} ({len(copied)} fichier(s) ajouté(s), "
            "travail existant conservé)"
        )
    return 0


def _certificates(args: argparse.Namespace) -> int:
    """``keys``, ``revoke`` and ``verify``: they need no nbgrader course."""
    from esn_teach import certificates as certs

    if args.command == "keys":
        issuer = args.emetteur or certs.declared_issuer(args.notebooks, args.declaration)
        folder = Path(args.dir) if args.dir else certs.default_keys_dir()
        created = certs.create_keys(folder, issuer, force=args.force)
        print(
            f"Clés de l'émetteur {issuer} créées (RSA 3072, RS256).\n"
            f"  Clé privée (droits 600, à ne jamais partager ni versionner) : {created.private}\n"
            f"  Clé publique à publier (JWK, kid {created.kid}) : {created.public}\n"
            f"  Liste des révocations à publier : {created.public.parent / certs.REVOCATIONS_FILE}"
        )
        return 0
    if args.command == "revoke":
        folder = Path(args.cles) if args.cles else certs.default_keys_dir()
        target = Path(args.revocations) if args.revocations else folder / certs.REVOCATIONS_FILE
        public = folder / certs.PUBLIC_KEY_FILE
        issuer = certs.load_public_jwk(public).get("iss") if public.is_file() else None
        revoked = certs.revoke(target, args.credential, args.raison, issuer=issuer)
        print(
            f"Certificat {revoked.id} révoqué : {revoked.reason}\n"
            f"Liste des révocations : {target} (publiez-la à nouveau pour les vérificateurs)."
        )
        return 0
    verdict = certs.verify_file(
        args.file,
        key=args.cle,
        revocations=args.revocations,
        issuer=args.emetteur,
        email=args.courriel,
    )
    print(verdict.message)
    return 0 if verdict.valid else 1


def _certify(course: Course, args: argparse.Namespace) -> int:
    from datetime import UTC, date, datetime

    from esn_teach.certificates import certify, refusal_lines
    from esn_teach.course import CourseError
    from esn_teach.grading import printable

    issued = None
    if args.date:
        try:
            day = date.fromisoformat(args.date)
        except ValueError:
            raise CourseError(
                f"Date invalide : « {args.date} » (format attendu : AAAA-MM-JJ)."
            ) from None
        issued = datetime(day.year, day.month, day.day, tzinfo=UTC)
    report = certify(
        course,
        args.certificate,
        declaration=args.declaration,
        keys_dir=args.cles,
        out=args.out,
        issued=issued,
    )
    name = report.certificate.name
    print(
        f"{name} : {fr_plural(len(report.issued), 'certificat délivré')}"
        + (f" dans {report.folder}" if report.issued else "")
        + "."
    )
    for issued_one in report.issued:
        student = printable(issued_one.student, limit=80)
        print(f"  - {student} : {issued_one.jwt.name} (+ .json, .html)")
    if report.already:
        print(
            f"Déjà {'certifiés' if len(report.already) > 1 else 'certifié'} (registre), "
            "rien de nouveau : " + ", ".join(printable(s, limit=80) for s in report.already)
        )
    if report.refused:
        print(
            f"Non {'certifiés' if len(report.refused) > 1 else 'certifié'} "
            f"({len(report.refused)}) :"
        )
        print("\n".join(refusal_lines(report)))
    return 0


def _outline(course: Course, names: list[str]) -> int:
    from esn_teach.course import (
        MAX_SESSION_MINUTES,
        estimate_duration,
        read_module,
        values_problems,
    )

    status = 0
    for module in course.modules(names):
        duration = estimate_duration(module.notebook)
        problems = values_problems(module.notebook)
        print(
            f"{module.name} : {duration.describe()} ({fr_plural(duration.words, 'mot')}"
            + (
                f" et {fr_plural(duration.folded_words, 'mot')} "
                + ("repliés, non comptés" if duration.folded_words > 1 else "replié, non compté")
                if duration.folded_words
                else ""
            )
            + ", "
            f"{fr_plural(duration.questions, 'question')}, "
            f"{fr_plural(duration.explorers, 'explorateur')}, "
            f"{fr_plural(duration.reflections, 'réflexion')} en séance, "
            f"{fr_plural(duration.code_cells, 'autre cellule')} de code)"
        )
        if duration.in_class > MAX_SESSION_MINUTES:
            print(f"  trop long : la séance dure {MAX_SESSION_MINUTES} min au plus.")
            status = 1
        if module.has_sessions:
            # The graded session is the one the 60-minute rule is about (module 11's
            # author measured it by hand: the command gave the formative estimate only).
            evaluated = estimate_duration(read_module(module.path, session="evaluation").notebook)
            print(
                f"  séance évaluée : {evaluated.describe()} "
                f"({fr_plural(evaluated.words, 'mot')}, "
                f"{fr_plural(evaluated.folded_words, 'mot')} replié"
                f"{'s' if evaluated.folded_words > 1 else ''})"
            )
            if evaluated.in_class > MAX_SESSION_MINUTES:
                print(f"  trop long : la séance dure {MAX_SESSION_MINUTES} min au plus.")
                status = 1
        for problem in problems:
            print(f"  {problem}")
            status = 1
    return status


def _build_or_release(course: Course, args: argparse.Namespace) -> None:
    """Build or release the modules that need it, one line per module as each is done."""
    steps: list[StepResult] = []
    checked = "solution vérifiée" if not getattr(args, "no_validate", False) else "non vérifié"

    def show(step: StepResult) -> None:
        steps.append(step)
        name = step.module.name
        if not step.rebuilt:
            done = "reconstruire" if args.command == "build" else "republier"
            print(f"{name} : à jour, rien à {done}", flush=True)
        elif args.command == "build":
            answers, written = len(step.module.answers), len(step.module.written)
            print(
                f"Construit : {name} ({answers} {_plural(answers, 'question autocorrigée')}, "
                f"{written} {_plural(written, 'réponse rédigée')}, {checked}) — {step.reason}",
                flush=True,
            )
        else:
            if getattr(args, "autonome", False):
                what = (
                    "parcours en autonomie : solutions après essai, autocorrection ; ce notebook "
                    "contient les solutions et le guide de correction : ne le donnez jamais à "
                    "une promotion qui passera ce module en séance évaluée"
                )
            else:
                mode = ", séance évaluée" if getattr(args, "evaluation", False) else ""
                what = f"aucune solution, version vierge échoue à tous les tests{mode}"
            print(f"Publié : {step.path} ({what}) — {step.reason}", flush=True)

    if args.command == "build":
        course.build(args.modules, validate=not args.no_validate, force=args.force, progress=show)
    else:
        course.release(
            args.modules,
            force=args.force,
            evaluation=args.evaluation,
            self_paced=args.autonome,
            progress=show,
        )
    fresh = sum(not step.rebuilt for step in steps)
    if fresh:
        redone = len(steps) - fresh
        done = "reconstruit" if args.command == "build" else "republié"
        print(
            f"{fresh} {_plural(fresh, 'module')} à jour, {redone} {_plural(redone, done)} "
            f"(« esn-teach {args.command} --force » pour tout refaire)."
        )


def _due_date(text: str) -> datetime:
    """Read a due date given in Paris time; return it in UTC."""
    from esn_teach.course import CourseError

    try:
        local = datetime.fromisoformat(text.strip().replace(" ", "T", 1))
    except ValueError:
        raise CourseError(
            f"Date limite illisible : « {text} ». Écrivez-la ainsi : 2026-12-10 18:00 "
            "(heure de Paris)."
        ) from None
    if local.tzinfo is None:
        local = local.replace(tzinfo=ZoneInfo("Europe/Paris"))
    return local.astimezone(UTC)


def _publish(course: Course, names: list[str], due: datetime | None) -> None:
    from esn_teach.grading import publish

    modules = [module.name for module in course.modules(names)]
    for name in modules:
        folder = publish(course, name, due=due)
        limit = ""
        if due is not None:
            paris = due.astimezone(ZoneInfo("Europe/Paris"))
            limit = f", à rendre avant le {paris:%d/%m/%Y à %H h %M} (heure de Paris)"
        print(f"Dans l'échange : {name} ({folder}){limit}", flush=True)


def _collect(course: Course, name: str) -> None:
    from esn_teach.grading import collect

    collected = collect(course, name)
    count = len(collected.students)
    which = "la plus récente" if collected.due is None else "la dernière avant la date limite"
    print(
        f"{collected.module} : {fr_plural(count, 'copie')} dans submitted/ "
        f"({which} de chaque étudiant)"
    )
    for student, ignored in sorted(collected.ignored.items()):
        print(
            f"  non ramassée : {fr_plural(ignored, 'copie')} de {student} "
            "déposée(s) après la date limite ; sa copie ramassée est la dernière déposée avant"
        )
    if collected.due is None and course.release_mode(collected.module) == "evaluation":
        print(
            "  Attention : séance évaluée sans date limite ; la copie ramassée est la plus "
            "récente, même déposée de nouveau après la séance. Fixez la date limite à la fin de "
            f"la séance : esn-teach release {collected.module} --evaluation --exchange --due "
            "« AAAA-MM-JJ HH:MM »"
        )
    for student, seconds in sorted(collected.late.items()):
        hours, minutes = divmod(round(seconds / 60), 60)
        delay = f"{hours} h {minutes:02d}" if hours else f"{minutes} min"
        print(f"  en retard : {student} ({delay} après la date limite)")
    for student, reason, path in collected.refused:
        print(
            f"  REFUSÉE : une copie au nom de {student} {reason} ; "
            f"elle n'est pas ramassée ni corrigée et reste dans l'échange ({path})"
        )
    if count:
        print(f"Ensuite : esn-teach autograde {collected.module}")


def _part(value: str) -> str:
    """``--partie``: « séance » written with its accent is « seance »."""
    return value.strip().lower().replace("é", "e")


def _not_final(count: int) -> str:
    return "ne sont pas définitives" if count > 1 else "n'est pas définitive"


def _plural(count: int, words: str) -> str:
    """``words`` in the plural when ``count`` is 2 or more, as French has it (0 is singular)."""
    return fr_plural(count, words).split(" ", 1)[1]


def _selfgrade(args: argparse.Namespace) -> int:
    """``selfgrade``: a learner grades their self-paced notebook; exit 3 when not graded."""
    from esn_teach.course import CourseError
    from esn_teach.grading import GradingAborted, SubmissionOutcome, printable, selfgrade

    if args.jobs < 1:
        raise CourseError("--jobs doit être un entier positif.")
    print(
        f"Autocorrection de {', '.join(args.notebooks)} : la version enregistrée est "
        "réexécutée depuis le début et notée par le correcteur de l'enseignant (une minute "
        "environ)…",
        flush=True,
    )
    try:
        results = selfgrade(
            args.notebooks, jobs=args.jobs, sandbox=not args.no_sandbox, feedback_dir=args.retour
        )
    except GradingAborted as error:
        print(
            "Rien n'a été corrigé : le correcteur ne fonctionne pas sur cet ordinateur (ce n'est "
            "pas votre faute, aucune note n'est donnée).\n"
            f"{printable(str(error), newlines=True)}",
            file=sys.stderr,
        )
        return 3
    status = 0
    for result in results:
        if len(results) > 1:
            print(f"\n{result.notebook}")
        if not result.outcome.graded:
            details = printable("; ".join(result.details), limit=400)
            print(
                f"Ce notebook n'a pas été corrigé : {result.outcome.label}"
                + (f" ({details})" if details else "")
                + ".",
                file=sys.stderr,
            )
            status = 3
            continue
        for line in result.questions:
            print(f"- {line.question} ({line.points}) : {line.reason}")
        if any(line.reason.startswith("Non traitée") for line in result.questions):
            print(
                "Une question que vous pensiez traitée apparaît « Non traitée » ? C'est la "
                "version enregistrée qui est corrigée : enregistrez (Ctrl + S), puis relancez."
            )
        if result.details:
            print(f"Remarques du correcteur : {printable('; '.join(result.details), limit=600)}")
        if result.score is not None and result.max_score is not None:
            automatic = result.max_score - result.written_points
            total = f"{result.score:g} / {automatic:g}".replace(".", ",")
            remark = (
                "" if result.outcome is SubmissionOutcome.GRADED else f" ({result.outcome.label})"
            )
            print(f"Note des questions autocorrigées : {total}{remark}.")
        print("Autocorrection d'entraînement : elle ne compte pas pour un certificat.")
        if result.feedback is not None:
            where = (
                "dans le même dossier que votre notebook"
                if result.feedback.parent == result.notebook.parent
                else f"dans le dossier {result.feedback.parent}"
            )
            print(
                f"Retour détaillé : {result.feedback.name}, {where} (ouvrez-le depuis "
                "l'explorateur de fichiers, à gauche)."
            )
    return status


def _autograde(course: Course, args: argparse.Namespace) -> int:
    from esn_teach.course import CourseError
    from esn_teach.grading import (
        MISPLACED,
        GradingAborted,
        Limits,
        SubmissionOutcome,
        SubmissionResult,
        autograde,
        printable,
        protections,
    )

    for option in ("jobs", "timeout", "memory", "processes", "cell_timeout"):
        value = getattr(args, option)
        if value is not None and value < 1:
            raise CourseError(f"--{option.replace('_', '-')} doit être un entier positif.")
    cell_timeout = args.cell_timeout or int(course.config().Execute.get("timeout", 120) or 120)
    limits = Limits(
        cell_timeout=cell_timeout,
        submission_timeout=args.timeout,
        memory_mb=args.memory,
        processes=args.processes,
    )

    def progress(done: int, total: int, result: SubmissionResult, elapsed: float) -> None:
        remaining = elapsed / done * (total - done)
        width = 30
        bar = "#" * (width * done // total) + "." * (width - width * done // total)
        print(
            f"[{bar}] {done}/{total} — {printable(result.student, limit=80)} : "
            f"{result.outcome.label} — "
            f"reste ≈ {int(remaining // 60)} min {int(remaining % 60):02d} s",
            file=sys.stderr,
            flush=True,
        )

    # What this machine cannot protect is said once, before anything is graded.
    for warning in protections(not args.no_sandbox).missing:
        print(f"Attention : {warning}", file=sys.stderr, flush=True)
    try:
        batch = autograde(
            course,
            args.module,
            args.student,
            jobs=args.jobs,
            limits=limits,
            sandbox=not args.no_sandbox,
            force=args.force,
            progress=progress,
            library_changed=args.bibliotheque_modifiee,
        )
    except GradingAborted as error:
        print(f"Erreur : {printable(str(error), newlines=True)}", file=sys.stderr)
        return 3
    for result in batch.results:
        score = (
            f"{result.score:g} / {result.max_score:g}".replace(".", ",")
            if result.score is not None and result.max_score is not None
            else "pas de note"
        )
        print(f"{printable(result.student, limit=80)} : {score} — {result.outcome.label}")
    print(batch.summary())
    failed = [r for r in batch.results if r.outcome.grader_fault]
    if failed:
        print(
            f"Erreur : {fr_plural(len(failed), 'copie non corrigée')} à cause d'une erreur du "
            "correcteur, "
            "jamais de l'étudiant ; aucune note n'a été enregistrée pour elles : "
            + "; ".join(
                f"{printable(r.student, limit=80)} ({printable('; '.join(r.details), limit=300)})"
                for r in failed
            )
            + f". Corrigez la cause, puis relancez « esn-teach autograde {batch.module} » : "
            "seules ces copies seront reprises.",
            file=sys.stderr,
        )
        return 3
    blocked = [
        r
        for r in batch.results
        if r.outcome is SubmissionOutcome.UNREADABLE
        or (
            r.outcome is SubmissionOutcome.MISSING
            and (
                (course.root / "submitted" / r.student / batch.module).is_dir()
                or any(detail.startswith(MISPLACED) for detail in r.details)
            )
        )
    ]
    if blocked:
        print(
            f"Erreur : {fr_plural(len(blocked), 'copie')} à vérifier (laissées intactes) : "
            + "; ".join(
                f"{printable(r.student, limit=80)} ({printable('; '.join(r.details), limit=300)})"
                for r in blocked
            ),
            file=sys.stderr,
        )
        return 2
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        0 on success, 2 on a user mistake, 3 when the grader could not grade
        (``autograde``: the canary failed, or some submissions met a grader
        error and got no score), 1 on an unexpected error or, for ``verify``,
        a certificate that is not valid.
    """
    from esn_teach.course import CourseError
    from esn_teach.grading import printable

    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except CourseError as error:
        print(f"Erreur : {printable(str(error), newlines=True)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Interrompu.", file=sys.stderr)
        return 130
    except Exception as error:
        if args.debug:
            traceback.print_exc()
        print(
            f"Erreur inattendue ({type(error).__name__}) : "
            f"{printable(str(error), newlines=True)}\n"
            "Relancez avec --debug pour la trace complète et signalez le problème.",
            file=sys.stderr,
        )
        return 1


def console_main() -> None:
    """Entry point of the ``esn-teach`` console script."""
    # jsonschema (through nbformat) imports rfc3987_syntax, when installed, only to check
    # the "iri" string format, which no notebook or nbgrader schema uses; building its
    # parsers costs 0.7 s at every start (python-jsonschema/jsonschema#1428).
    # None there makes the import fail (as documented); typeshed allows only modules.
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    sys.exit(main())


if __name__ == "__main__":
    console_main()
