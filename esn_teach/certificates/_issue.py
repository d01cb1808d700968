"""``esn-teach certify``: who meets a certificate's criteria, and their signed credentials.

Grades are read from nbgrader's gradebook; whether they are final is decided
by :func:`esn_teach.grading.grade_status`, as for the grade export: a
reflection waiting for its grade, a question « À examiner » without the
instructor's grade, or a copy whose last autograde failed blocks the
certificate.
"""

from __future__ import annotations

import csv
import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import rsa
from nbgrader.api import Gradebook, MissingEntry

from esn_teach.certificates._credential import (
    ModuleResult,
    build_credential,
    fr_percent_value,
    identity_object,
)
from esn_teach.certificates._declaration import (
    DECLARATION_FILE,
    CertificateError,
    CertificateSpec,
    Declaration,
    load_declaration,
)
from esn_teach.certificates._html import render_certificate
from esn_teach.certificates._keys import (
    PUBLIC_KEY_FILE,
    default_keys_dir,
    load_private_key,
    load_public_jwk,
)
from esn_teach.certificates._signing import sign_credential
from esn_teach.course import METADATA_KEY, SELF_PACED, Course, CourseError, find_modules
from esn_teach.grading import InClassPart, csv_safe, grade_status, in_class_part, printable

__all__ = [
    "REGISTER_FILE",
    "CertifyReport",
    "Issued",
    "LearnerAssessment",
    "assess_learners",
    "certify",
    "course_declaration",
    "refusal_lines",
]

#: The issuer's register of the credentials issued (one row each), in the output folder.
REGISTER_FILE = "registre.csv"
_REGISTER_COLUMNS = ["date", "etudiant", "certificat", "id", "fichier"]


@dataclass
class LearnerAssessment:
    """A learner measured against a certificate's criteria.

    Attributes
    ----------
    student : str
        The gradebook id.
    name : str
        First and last name, when the gradebook has them.
    email : str or None
        From the gradebook (never written to any output).
    results : list of ModuleResult
    reasons : list of str
        Why the learner cannot be certified (French); empty when eligible.
    """

    student: str
    name: str
    email: str | None
    results: list[ModuleResult] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    @property
    def eligible(self) -> bool:
        """Whether every criterion is met with final grades."""
        return not self.reasons


@dataclass(frozen=True)
class Issued:
    """One credential issued.

    Attributes
    ----------
    student, credential_id : str
    jwt, json, html : pathlib.Path
    """

    student: str
    credential_id: str
    jwt: Path
    json: Path
    html: Path


@dataclass
class CertifyReport:
    """What ``certify`` did.

    Attributes
    ----------
    certificate : CertificateSpec
    folder : pathlib.Path
    issued : list of Issued
    refused : list of LearnerAssessment
        Learners who do not meet the criteria, each with the reasons.
    already : dict
        Student → credential id already issued (in the register), not issued again.
    """

    certificate: CertificateSpec
    folder: Path
    issued: list[Issued] = field(default_factory=list)
    refused: list[LearnerAssessment] = field(default_factory=list)
    already: dict[str, str] = field(default_factory=dict)


#: How ``esn-teach certify`` names a release mode recorded in a release stamp.
_RELEASE_LABELS = {
    "formative": "publication formative",
    SELF_PACED: "parcours en autonomie",
    "evaluation": "séance évaluée",
}


def _module_names(course: Course) -> list[str]:
    if course.notebooks.is_dir():
        found = [path.stem for path in find_modules(course.notebooks)]
        if found:
            return found
    built = course.root / "source"
    if built.is_dir():
        return sorted(p.name for p in built.iterdir() if (p / f"{p.name}.ipynb").is_file())
    return []


def _titles(course: Course, modules: list[str]) -> dict[str, str]:
    """Map each module name to its French title (its first heading, or the name alone)."""
    titles = {}
    for name in modules:
        title = name
        try:
            source = course.module(name)
            first = source.notebook.cells[0].source.splitlines()[0] if source.notebook.cells else ""
            title = first.lstrip("# ").strip() or name
        except (CourseError, IndexError):
            pass
        titles[name] = title
    return titles


def course_declaration(course: Course, path: str | Path | None = None) -> Declaration:
    """Load the course's certificate declaration (``<notebooks>/certificats.toml`` by default)."""
    target = Path(path) if path else course.notebooks / DECLARATION_FILE
    return load_declaration(target, _module_names(course), resolve=course.module_name)


def _self_paced_copy(course: Course, student: str, module: str) -> bool:
    """Whether the learner's copy of ``module`` comes from a self-paced release."""
    for folder in ("submitted", "autograded"):
        for path in sorted((course.root / folder / student / module).glob("*.ipynb")):
            try:
                metadata = json.loads(path.read_text(encoding="utf-8")).get("metadata", {})
            except (OSError, UnicodeDecodeError, ValueError, AttributeError):
                continue
            entry = metadata.get(METADATA_KEY) if isinstance(metadata, dict) else None
            if isinstance(entry, dict) and entry.get("mode") == SELF_PACED:
                return True
    return False


def assess_learners(course: Course, spec: CertificateSpec) -> list[LearnerAssessment]:
    """Measure every learner of the gradebook against the certificate's criteria.

    Parameters
    ----------
    course : esn_teach.course.Course
    spec : CertificateSpec

    Returns
    -------
    list of LearnerAssessment
        One per student of the gradebook, sorted by id.

    Raises
    ------
    esn_teach.course.CourseError
        If a required module is not in the gradebook.
    """
    modules = [criterion.module for criterion in spec.modules]
    # Each criterion says which part counts (``criterion.in_class_only``, below).
    status = grade_status(course, modules, in_class_only=False)
    titles = _titles(course, modules)
    # A course-wide condition: the copies were made on the evaluated release, whose checks
    # never say whether an answer is right (formative checks can be answered by trials).
    not_evaluated = {}
    for criterion in spec.modules:
        if criterion.evaluated_session:
            mode = course.release_mode(criterion.module)
            if mode != "evaluation":
                last = _RELEASE_LABELS.get(mode or "", "aucune publication enregistrée")
                not_evaluated[criterion.module] = (
                    f"{titles[criterion.module]} : ce certificat exige la séance évaluée, mais "
                    f"la dernière publication de ce module dans le cours n'est pas la séance "
                    f"évaluée ({last}) ; publiez-le avec « esn-teach release "
                    f"{criterion.module} --evaluation » avant la séance, puis corrigez les "
                    "copies qui en viennent"
                )
    assessments = []
    parts: dict[str, InClassPart | CourseError] = {}
    with Gradebook(course.db_url, course.course_id) as gradebook:
        for student in sorted(gradebook.students, key=lambda s: s.id):
            name = " ".join(part for part in (student.first_name, student.last_name) if part)
            email = (student.email or "").strip() or None
            learner = LearnerAssessment(student.id, name, email)
            if email is None:
                learner.reasons.append(
                    "pas d'adresse électronique dans le carnet de notes (champ « email » de "
                    "nbgrader) : ajoutez-la, le certificat l'identifie par son empreinte"
                )
            for criterion in spec.modules:
                title = titles[criterion.module]
                try:
                    submission = gradebook.find_submission(criterion.module, student.id)
                except MissingEntry:
                    learner.reasons.append(f"{title} : aucune copie corrigée")
                    continue
                if criterion.module in not_evaluated:
                    learner.reasons.append(not_evaluated[criterion.module])
                if _self_paced_copy(course, student.id, criterion.module):
                    learner.reasons.append(
                        f"{title} : copie d'un parcours en autonomie, dont les solutions "
                        "s'ouvrent après deux essais : elle ne compte pas pour un certificat "
                        "(publiez ce module en version formative ou évaluée pour le certifier)"
                    )
                for reason in status.pending.get((student.id, criterion.module), []):
                    learner.reasons.append(f"{title} : note non définitive ({reason})")
                grades = [g for notebook in submission.notebooks for g in notebook.grades]
                code = [g for g in grades if g.cell_type == "code"]
                if criterion.in_class_only:
                    # Only the autograded questions before « Après la séance » count.
                    if criterion.module not in parts:
                        try:
                            parts[criterion.module] = in_class_part(
                                gradebook.find_assignment(criterion.module),
                                course.root / "source",
                            )
                        except CourseError as error:
                            parts[criterion.module] = error
                    part = parts[criterion.module]
                    if isinstance(part, CourseError):
                        learner.reasons.append(f"{title} : {part}")
                        continue
                    code = [
                        g
                        for notebook in submission.notebooks
                        for g in notebook.grades
                        if g.cell_type == "code" and (notebook.name, g.name) in part.counted
                    ]
                maximum = sum(float(g.max_score) for g in code)
                obtained = sum(float(g.score) for g in code)
                percent = 100.0 * obtained / maximum if maximum else 100.0
                if percent + 1e-9 < criterion.min_percent:
                    learner.reasons.append(
                        f"{title} : {fr_percent_value(percent)} des points autocorrigés obtenus, "
                        f"{fr_percent_value(criterion.min_percent)} exigés"
                    )
                if criterion.reflection_graded:
                    written = [g for g in grades if g.cell_type == "markdown"]
                    if not written:
                        learner.reasons.append(f"{title} : ce module n'a pas de réflexion rédigée")
                    for grade in written:
                        if not grade.needs_manual_grade and grade.manual_score is None:
                            learner.reasons.append(
                                f"{title} : réflexion « {grade.name} » non rédigée"
                            )
                learner.results.append(
                    ModuleResult(
                        criterion.module,
                        title,
                        percent,
                        criterion.min_percent,
                        criterion.reflection_graded,
                    )
                )
            assessments.append(learner)
    return assessments


def _read_register(path: Path, code: str) -> dict[str, str]:
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            row["etudiant"]: row["id"]
            for row in csv.DictReader(handle)
            if row.get("certificat") == code
        }


def _check_key_pair(private: rsa.RSAPrivateKey, jwk: dict, path: Path, issuer: str) -> None:
    numbers = private.public_key().public_numbers()
    from jwt.algorithms import RSAAlgorithm

    public = RSAAlgorithm.from_jwk({k: jwk[k] for k in ("kty", "n", "e")})
    if not isinstance(public, rsa.RSAPublicKey) or public.public_numbers() != numbers:
        raise CertificateError(
            f"La clé publique {path} ne correspond pas à la clé privée : recréez les clés "
            "(esn-teach keys --force)."
        )
    if jwk.get("iss") != issuer:
        raise CertificateError(
            f"La clé {path} a été créée pour l'émetteur « {jwk.get('iss')} », pas pour "
            f"« {issuer} » (déclaration) : recréez-la (esn-teach keys --force) ou corrigez "
            "« emetteur.id »."
        )


def certify(
    course: Course,
    code: str,
    *,
    declaration: str | Path | None = None,
    keys_dir: str | Path | None = None,
    out: str | Path | None = None,
    issued: datetime | None = None,
) -> CertifyReport:
    """Issue a certificate to every learner who meets its criteria.

    For each, writes ``<uuid>.jwt`` (the signed VC-JWT, the verifiable
    artefact), ``<uuid>.json`` (the credential, for humans) and ``<uuid>.html``
    (the printable French certificate with its QR code), and a row in
    ``registre.csv``. Learners already in the register for this certificate
    are not issued a second credential.

    Parameters
    ----------
    course : esn_teach.course.Course
    code : str
        The certificate's code in the declaration.
    declaration : path-like, optional
        Default: ``<notebooks>/certificats.toml``.
    keys_dir : path-like, optional
        The issuer's keys (default: :func:`default_keys_dir`).
    out : path-like, optional
        Default: ``<course>/certificats/<code>/``.
    issued : datetime.datetime, optional
        ``validFrom`` (default: now).

    Returns
    -------
    CertifyReport

    Raises
    ------
    CertificateError
        On an invalid declaration, an unknown certificate, a missing or
        unsafe key.
    """
    found = course_declaration(course, declaration)
    spec = found.certificate(code)
    if not found.issuer.verification:
        raise CertificateError(
            f"« emetteur.verification » manque dans {found.path} : le code QR de chaque "
            "certificat renvoie à cette page de vérification."
        )
    folder_keys = Path(keys_dir).expanduser() if keys_dir else default_keys_dir()
    private = load_private_key(folder_keys)
    jwk = load_public_jwk(folder_keys / PUBLIC_KEY_FILE)
    _check_key_pair(private, jwk, folder_keys / PUBLIC_KEY_FILE, found.issuer.id)
    folder = Path(out) if out else course.root / "certificats" / code
    assessments = assess_learners(course, spec)
    titles = {r.module: r.title for a in assessments for r in a.results}
    report = CertifyReport(spec, folder)
    register = folder / REGISTER_FILE
    already = _read_register(register, code)
    moment = (issued or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    rows = []
    for learner in assessments:
        if not learner.eligible:
            report.refused.append(learner)
            continue
        if learner.student in already:
            report.already[learner.student] = already[learner.student]
            continue
        if learner.email is None:  # never: an eligible learner has an e-mail
            continue
        credential_id = f"urn:uuid:{uuid.uuid4()}"
        credential = build_credential(
            spec,
            found.issuer,
            identity_object(learner.email),
            learner.results,
            issued=moment,
            credential_id=credential_id,
            titles=titles,
        )
        token = sign_credential(credential, private, jwk["kid"])
        stem = credential_id.removeprefix("urn:uuid:")
        folder.mkdir(parents=True, exist_ok=True)
        paths = folder / f"{stem}.jwt", folder / f"{stem}.json", folder / f"{stem}.html"
        paths[0].write_text(token + "\n", encoding="utf-8")
        paths[1].write_text(
            json.dumps(credential, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        paths[2].write_text(
            render_certificate(
                credential,
                holder=learner.name,
                verification_url=f"{found.issuer.verification}?id={stem}",
                kid=jwk["kid"],
                jwt_file=paths[0].name,
            ),
            encoding="utf-8",
        )
        report.issued.append(Issued(learner.student, credential_id, *paths))
        rows.append(
            [moment.date().isoformat(), learner.student, code, credential_id, paths[0].name]
        )
    if rows:
        new = not register.is_file()
        with register.open("a", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            if new:
                writer.writerow(_REGISTER_COLUMNS)
            writer.writerows([csv_safe(cell) for cell in row] for row in rows)
    return report


def refusal_lines(report: CertifyReport) -> list[str]:
    """One French line per learner not certified, with every reason."""
    return [
        f"  - {printable(learner.student, limit=80)} : {' ; '.join(learner.reasons)}"
        for learner in report.refused
    ]
