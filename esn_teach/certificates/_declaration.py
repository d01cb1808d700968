"""The course's certificate declaration: a TOML file, validated with French errors.

The file (``notebooks/certificats.toml`` by default) names the issuer and each
certificate: its French name and description, the modules it requires with
their criteria, and the competences it aligns to. Every problem found is
reported at once, each with its key and, when it can be found, its line.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from esn_teach.course import SCHOOL_VALUES, CourseError

__all__ = [
    "DECLARATION_FILE",
    "CertificateError",
    "CertificateSpec",
    "Competence",
    "Declaration",
    "IssuerSpec",
    "ModuleCriterion",
    "declared_issuer",
    "load_declaration",
]

#: The declaration's file name, in the folder of the module sources.
DECLARATION_FILE = "certificats.toml"

_CODE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class CertificateError(CourseError):
    """A certificate cannot be declared, issued or checked: the French message says why.

    A :class:`~esn_teach.course.CourseError`: the command line prints it alone
    and exits with status 2.
    """


@dataclass(frozen=True)
class IssuerSpec:
    """The school issuing the certificates (an Open Badges ``Profile``).

    Attributes
    ----------
    id : str
        The issuer's URL (the credential's ``issuer.id`` and the JWT ``iss``).
    name : str
    email : str or None
        Contact address of the issuer (never a learner's).
    verification : str or None
        The page where a certificate is checked; the QR code links to it.
    """

    id: str
    name: str
    email: str | None = None
    verification: str | None = None


@dataclass(frozen=True)
class ModuleCriterion:
    """What one module requires.

    Attributes
    ----------
    module : str
        The module's full name (``03_cout_et_besoin``).
    min_percent : float
        Minimum share of the autograded points, in percent (0–100).
    reflection_graded : bool
        Whether every written reflection must have been graded by an instructor.
    evaluated_session : bool
        Whether the module's last release in the course must have been the evaluated
        session (``esn-teach release --evaluation``), whose checks never say whether an
        answer is right (``seance_evaluee`` in the file; false by default).
    in_class_only : bool
        Whether ``min_percent`` applies to the autograded points of the in-class part
        only, those before the heading « Après la séance » (``autocorrige_seance`` in
        the file; false by default): questions done after class, unsupervised, then do
        not count towards the certificate (the written reflection still does when
        ``reflection_graded``).
    """

    module: str
    min_percent: float
    reflection_graded: bool
    evaluated_session: bool = False
    in_class_only: bool = False


@dataclass(frozen=True)
class Competence:
    """A competence the certificate aligns to (an Open Badges ``Alignment``).

    Attributes
    ----------
    name, url : str
        ``targetName`` and ``targetUrl``.
    framework, code : str or None
        ``targetFramework`` and ``targetCode``.
    """

    name: str
    url: str
    framework: str | None = None
    code: str | None = None


@dataclass(frozen=True)
class CertificateSpec:
    """One certificate of the declaration.

    Attributes
    ----------
    code : str
        Its key in the file, given to ``esn-teach certify``.
    name, description : str
        French.
    modules : list of ModuleCriterion
    competences : list of Competence
    validity_years : int or None
        The credential expires this many years after it is issued.
    achievement_id : str
        The Achievement's URL (the issuer's URL + ``/certificats/<code>``).
    """

    code: str
    name: str
    description: str
    modules: list[ModuleCriterion]
    competences: list[Competence] = field(default_factory=list)
    validity_years: int | None = None
    achievement_id: str = ""


@dataclass(frozen=True)
class Declaration:
    """The issuer and the certificates of a course.

    Attributes
    ----------
    path : pathlib.Path
    issuer : IssuerSpec
    certificates : dict
        Code → :class:`CertificateSpec`, in file order.
    """

    path: Path
    issuer: IssuerSpec
    certificates: dict[str, CertificateSpec]

    def certificate(self, code: str) -> CertificateSpec:
        """Return the certificate ``code``.

        Raises
        ------
        CertificateError
            If the declaration has no such certificate.
        """
        if code not in self.certificates:
            known = ", ".join(self.certificates) or "aucun"
            raise CertificateError(
                f"Certificat « {code} » inconnu dans {self.path}. Certificats déclarés : {known}."
            )
        return self.certificates[code]


class _Problems:
    """Collects the problems of a declaration, each with its key and line."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.found: list[str] = []

    def line_of(self, header: str, index: int, key: str | None) -> int | None:
        """Return the line of ``key`` in the ``index``-th table ``header`` (1-based), if found."""
        seen = -1
        start = None
        for number, line in enumerate(self.lines, start=1):
            stripped = line.strip().replace(" ", "")
            if stripped in (f"[{header}]", f"[[{header}]]"):
                seen += 1
                if seen == index:
                    start = number
                    if key is None:
                        return number
                    continue
            if start is not None and number > start:
                if stripped.startswith("["):
                    return None
                if re.match(rf"^{re.escape(key or '')}\s*=", line.strip()):
                    return number
        return None

    def add(self, where: str, message: str, line: int | None = None) -> None:
        place = f"ligne {line}, « {where} »" if line else f"« {where} »"
        self.found.append(f"{place} : {message}")


def _string(
    table: dict[str, Any],
    key: str,
    where: str,
    problems: _Problems,
    locate: Callable[[str], int | None],
    *,
    required: bool = True,
) -> str | None:
    value = table.get(key)
    if value is None:
        if required:
            problems.add(where, f"la clé « {key} » manque")
        return None
    if not isinstance(value, str) or not value.strip():
        problems.add(f"{where}.{key}", "texte non vide attendu", locate(key))
        return None
    return value.strip()


def _unknown_keys(
    table: dict[str, Any],
    allowed: set[str],
    where: str,
    problems: _Problems,
    locate: Callable[[str], int | None],
) -> None:
    for key in table:
        if key not in allowed:
            problems.add(
                f"{where}.{key}",
                f"clé inconnue (clés possibles : {', '.join(sorted(allowed))})",
                locate(key),
            )


def load_declaration(
    path: str | Path, modules: list[str], *, resolve: Callable[[str], str] | None = None
) -> Declaration:
    """Read and validate a certificate declaration.

    Parameters
    ----------
    path : path-like
        The TOML file.
    modules : list of str
        The course's module names (``03_cout_et_besoin``…): a criterion on any
        other module is refused.
    resolve : callable, optional
        Turns a module number or prefix into its full name (default: unique
        prefix among ``modules``).

    Returns
    -------
    Declaration

    Raises
    ------
    CertificateError
        If the file is missing, is not valid TOML, or breaks a rule; the
        message lists every problem with its key and line.
    """
    path = Path(path)
    if not path.is_file():
        raise CertificateError(
            f"Déclaration des certificats introuvable : {path}. Créez ce fichier (modèle : "
            f"notebooks/{DECLARATION_FILE} du projet) ou indiquez --declaration FICHIER."
        )
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        where = re.search(r"line (\d+), column (\d+)", str(error))
        place = f" ligne {where.group(1)}, colonne {where.group(2)}" if where else ""
        raise CertificateError(
            f"{path} n'est pas un fichier TOML valide{place} : vérifiez les guillemets, les "
            "crochets et le signe « = » de cette ligne."
        ) from None

    def default_resolve(name: str) -> str:
        matches = [m for m in modules if m == name] or [m for m in modules if m.startswith(name)]
        if len(matches) != 1:
            raise CourseError(name)
        return matches[0]

    resolve = resolve or default_resolve
    problems = _Problems(text)
    _unknown_keys(data, {"emetteur", "certificats"}, "(racine)", problems, lambda key: None)
    issuer = _issuer(data.get("emetteur"), problems)
    certificates: dict[str, CertificateSpec] = {}
    raw = data.get("certificats")
    if not isinstance(raw, dict) or not raw:
        problems.add("certificats", "aucun certificat déclaré ([certificats.CODE])")
        raw = {}
    for code, table in raw.items():
        spec = _certificate(code, table, issuer, modules, resolve, problems)
        if spec is not None:
            certificates[code] = spec
    if problems.found or issuer is None:
        raise CertificateError(
            f"Déclaration des certificats invalide ({path}) :\n"
            + "\n".join(f"  - {problem}" for problem in problems.found)
            + "\nCorrigez ces lignes, puis relancez la commande."
        )
    return Declaration(path, issuer, certificates)


def _issuer(table: object, problems: _Problems) -> IssuerSpec | None:
    if not isinstance(table, dict):
        problems.add("emetteur", "la table [emetteur] manque (nom, id, courriel, verification)")
        return None

    def locate(key: str) -> int | None:
        return problems.line_of("emetteur", 0, key)

    _unknown_keys(table, {"nom", "id", "courriel", "verification"}, "emetteur", problems, locate)
    name = _string(table, "nom", "emetteur", problems, locate)
    ident = _string(table, "id", "emetteur", problems, locate)
    if ident is not None and not _URL.match(ident):
        problems.add("emetteur.id", "une adresse web (https://…) est attendue", locate("id"))
        ident = None
    email = _string(table, "courriel", "emetteur", problems, locate, required=False)
    if email is not None and not _EMAIL.match(email):
        problems.add("emetteur.courriel", "adresse électronique invalide", locate("courriel"))
    verification = _string(table, "verification", "emetteur", problems, locate, required=False)
    if verification is not None and not _URL.match(verification):
        problems.add(
            "emetteur.verification",
            "une adresse web (https://…) est attendue",
            locate("verification"),
        )
    if name is None or ident is None:
        return None
    return IssuerSpec(ident.rstrip("/"), name, email, verification)


def _certificate(
    code: str,
    table: object,
    issuer: IssuerSpec | None,
    modules: list[str],
    resolve: Callable[[str], str],
    problems: _Problems,
) -> CertificateSpec | None:
    where = f"certificats.{code}"

    def locate(key: str) -> int | None:
        return problems.line_of(where, 0, key)

    if not _CODE.match(code):
        problems.add(
            where,
            "le code d'un certificat s'écrit en minuscules, chiffres et tirets "
            "(par exemple « ethique-donnees-sante »)",
            problems.line_of(where, 0, None),
        )
    if not isinstance(table, dict):
        problems.add(where, "une table est attendue")
        return None
    _unknown_keys(
        table,
        {"nom", "description", "validite_annees", "modules", "competences"},
        where,
        problems,
        locate,
    )
    name = _string(table, "nom", where, problems, locate)
    description = _string(table, "description", where, problems, locate)
    validity = table.get("validite_annees")
    if validity is not None and (
        isinstance(validity, bool) or not isinstance(validity, int) or not 1 <= validity <= 100
    ):
        problems.add(
            f"{where}.validite_annees",
            "un nombre entier d'années (de 1 à 100) est attendu",
            locate("validite_annees"),
        )
        validity = None
    criteria = _criteria(where, table.get("modules"), modules, resolve, problems)
    competences = _competences(where, table.get("competences"), problems)
    if name is None or description is None or criteria is None or competences is None:
        return None
    achievement = f"{issuer.id}/certificats/{code}" if issuer else ""
    return CertificateSpec(code, name, description, criteria, competences, validity, achievement)


def _criteria(
    where: str,
    entries: object,
    modules: list[str],
    resolve: Callable[[str], str],
    problems: _Problems,
) -> list[ModuleCriterion] | None:
    header = f"{where}.modules"
    if not isinstance(entries, list) or not entries:
        problems.add(
            header,
            "au moins un module est exigé ([[" + header + "]] avec module, autocorrige_min, "
            "reflexion_notee)",
        )
        return None
    criteria: list[ModuleCriterion] = []
    ok = True
    for index, entry in enumerate(entries):
        item = f"{header}[{index + 1}]"

        def locate(key: str, index: int = index) -> int | None:
            return problems.line_of(header, index, key)

        if not isinstance(entry, dict):
            problems.add(item, "une table est attendue")
            ok = False
            continue
        _unknown_keys(
            entry,
            {
                "module",
                "autocorrige_min",
                "reflexion_notee",
                "seance_evaluee",
                "autocorrige_seance",
            },
            item,
            problems,
            locate,
        )
        raw = entry.get("module")
        module = None
        if not isinstance(raw, str) or not raw.strip():
            problems.add(
                f"{item}.module", "le numéro du module est attendu (« 03 »)", locate("module")
            )
        else:
            try:
                module = resolve(raw.strip())
            except CourseError:
                problems.add(
                    f"{item}.module",
                    f"module « {raw} » inconnu (modules du cours : "
                    f"{', '.join(modules) or 'aucun'})",
                    locate("module"),
                )
        minimum = entry.get("autocorrige_min")
        if isinstance(minimum, bool) or not isinstance(minimum, int | float):
            problems.add(
                f"{item}.autocorrige_min",
                "un pourcentage (nombre de 0 à 100) est attendu",
                locate("autocorrige_min"),
            )
            minimum = None
        elif not 0 <= minimum <= 100:
            problems.add(
                f"{item}.autocorrige_min",
                f"pourcentage hors de 0–100 ({str(minimum).replace('.', ',')})",
                locate("autocorrige_min"),
            )
            minimum = None
        graded = entry.get("reflexion_notee", False)
        if not isinstance(graded, bool):
            problems.add(
                f"{item}.reflexion_notee", "true ou false est attendu", locate("reflexion_notee")
            )
            graded = None
        evaluated = entry.get("seance_evaluee", False)
        if not isinstance(evaluated, bool):
            problems.add(
                f"{item}.seance_evaluee", "true ou false est attendu", locate("seance_evaluee")
            )
            evaluated = None
        in_class = entry.get("autocorrige_seance", False)
        if not isinstance(in_class, bool):
            problems.add(
                f"{item}.autocorrige_seance",
                "true ou false est attendu",
                locate("autocorrige_seance"),
            )
            in_class = None
        if (
            module is None
            or minimum is None
            or graded is None
            or evaluated is None
            or in_class is None
        ):
            ok = False
            continue
        if any(c.module == module for c in criteria):
            problems.add(f"{item}.module", f"module {module} déjà exigé", locate("module"))
            ok = False
            continue
        criteria.append(ModuleCriterion(module, float(minimum), graded, evaluated, in_class))
    return criteria if ok else None


def _competences(where: str, entries: object, problems: _Problems) -> list[Competence] | None:
    header = f"{where}.competences"
    if entries is None:
        return []
    if not isinstance(entries, list):
        problems.add(header, "une liste de tables [[" + header + "]] est attendue")
        return None
    competences: list[Competence] = []
    ok = True
    for index, entry in enumerate(entries):
        item = f"{header}[{index + 1}]"

        def locate(key: str, index: int = index) -> int | None:
            return problems.line_of(header, index, key)

        if not isinstance(entry, dict):
            problems.add(item, "une table est attendue")
            ok = False
            continue
        _unknown_keys(entry, {"nom", "url", "referentiel", "code"}, item, problems, locate)
        name = _string(entry, "nom", item, problems, locate)
        url = _string(entry, "url", item, problems, locate)
        if url is not None and not _URL.match(url):
            problems.add(f"{item}.url", "une adresse web (https://…) est attendue", locate("url"))
            url = None
        framework = _string(entry, "referentiel", item, problems, locate, required=False)
        code = _string(entry, "code", item, problems, locate, required=False)
        if code in SCHOOL_VALUES and name is not None:
            exact = f"{code} — {SCHOOL_VALUES[code]}"
            if name != exact:
                problems.add(
                    f"{item}.nom",
                    f"la valeur {code} de l'École s'écrit exactement « {exact} »",
                    locate("nom"),
                )
                name = None
        if name is None or url is None:
            ok = False
            continue
        competences.append(Competence(name, url, framework, code))
    return competences if ok else None


def declared_issuer(notebooks: str | Path, declaration: str | Path | None = None) -> str:
    """Return the issuer's URL declared for a course (for ``esn-teach keys``).

    Parameters
    ----------
    notebooks : path-like
        The folder of the module sources (holds ``certificats.toml``).
    declaration : path-like, optional
        Another declaration file.

    Raises
    ------
    CertificateError
        If there is no declaration, or it is invalid.
    """
    from esn_teach.course import find_modules

    folder = Path(notebooks)
    path = Path(declaration) if declaration else folder / DECLARATION_FILE
    if not path.is_file():
        raise CertificateError(
            f"Déclaration des certificats introuvable ({path}) : indiquez l'identifiant de "
            "l'émetteur avec --emetteur URL, ou --declaration FICHIER."
        )
    modules = [p.stem for p in find_modules(folder)] if folder.is_dir() else []
    return load_declaration(path, modules).issuer.id
