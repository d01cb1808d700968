"""``esn-teach``: the instructors' command-line tool, a thin layer over nbgrader.

Each sub-command calls one method of :class:`esn_teach.course.Course`. User
mistakes are reported in French, on one line, without a traceback, with exit
status 2.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

__all__ = ["console_main", "main"]


class _Parser(argparse.ArgumentParser):
    """Argument parser whose errors are French and end with exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        translations = {
            "the following arguments are required": "arguments obligatoires manquants",
            "unrecognized arguments": "arguments non reconnus",
            "invalid choice": "choix invalide",
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

    release = commands.add_parser("release", help="génère la version étudiante (release/)")
    release.add_argument("modules", nargs="*", metavar="MODULE", help="modules (défaut : tous)")

    autograde = commands.add_parser("autograde", help="corrige les copies de submitted/")
    autograde.add_argument("module", metavar="MODULE")
    autograde.add_argument(
        "--student", action="append", metavar="ID", help="seulement cet étudiant (répétable)"
    )

    feedback = commands.add_parser("feedback", help="génère les retours HTML (feedback/)")
    feedback.add_argument("module", metavar="MODULE")

    export = commands.add_parser("export", help="exporte les notes en CSV")
    export.add_argument("modules", nargs="*", metavar="MODULE", help="modules (défaut : tous)")
    export.add_argument("--to", default="notes.csv", help="fichier CSV (défaut : notes.csv)")

    workspace = commands.add_parser(
        "workspace", help="copie les modules publiés dans l'espace étudiant"
    )
    workspace.add_argument("--to", default="workspace", help="dossier (défaut : workspace)")

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

    from esn_teach.course import Course

    course = Course(args.course, args.notebooks)
    if args.command == "build":
        for module in course.build(args.modules, validate=not args.no_validate):
            checked = "solution vérifiée" if not args.no_validate else "non vérifié"
            print(
                f"Construit : {module.name} ({len(module.answers)} questions autocorrigées, "
                f"{len(module.written)} réponse(s) rédigée(s), {checked})"
            )
    elif args.command == "release":
        for path in course.release(args.modules):
            print(f"Publié : {path} (aucune solution, version vierge échoue à tous les tests)")
    elif args.command == "autograde":
        for report in course.autograde(args.module, args.student):
            print(f"{report.student} : {report.score:g} / {report.max_score:g}")
    elif args.command == "feedback":
        paths = course.feedback(args.module)
        print(f"{len(paths)} retour(s) générés dans {course.root / 'feedback'}")
    elif args.command == "export":
        path = course.export(args.to, args.modules)
        print(f"Notes exportées : {path}")
    elif args.command == "workspace":
        copied = course.workspace(args.to)
        print(
            f"Espace étudiant : {Path(args.to).resolve()} ({len(copied)} fichier(s) ajouté(s), "
            "travail existant conservé)"
        )
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
        0 on success, 2 on a user mistake, 1 on an unexpected error.
    """
    from esn_teach.course import CourseError

    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except CourseError as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Interrompu.", file=sys.stderr)
        return 130
    except Exception as error:
        if args.debug:
            traceback.print_exc()
        print(
            f"Erreur inattendue ({type(error).__name__}) : {error}\n"
            "Relancez avec --debug pour la trace complète et signalez le problème.",
            file=sys.stderr,
        )
        return 1


def console_main() -> None:
    """Entry point of the ``esn-teach`` console script."""
    sys.exit(main())


if __name__ == "__main__":
    console_main()
