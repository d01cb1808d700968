"""Put each learner's issued credentials in their workspace, before their server starts.

``esn-teach certify CODE`` writes, in the course (the grader account's), one folder per
certificate: ``certificats/<CODE>/<uuid>.jwt|.json|.html`` and a register (``registre.csv``)
whose ``etudiant`` column is the learner's hub account. `deliver_credentials` copies the files of
every register row naming a learner into that learner's ``~/Certificats/``, with a French
``LISEZMOI.md``. It runs as root (in the spawner), so it follows no symbolic link on either side:
sources are opened with ``O_NOFOLLOW``, and the destination is written through a descriptor of
``~/Certificats`` opened without following links, file by file with an atomic rename.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import logging
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["CREDENTIALS_FOLDER", "README_FILE", "CredentialDelivery", "deliver_credentials"]

#: The folder of a learner's credentials, in their home.
CREDENTIALS_FOLDER = "Certificats"
README_FILE = "LISEZMOI.md"
_SUFFIXES = (".jwt", ".json", ".html")
_STEM = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_MAX_BYTES = 4 << 20  # a credential and its printable certificate are a few tens of kB

_log = logging.getLogger(__name__)

README = """\
# Vos certificats

Ce dossier contient les micro-certificats que l'École vous a délivrés. Il est mis à jour à
chaque démarrage de votre espace de travail ; vous pouvez télécharger ses fichiers (clic droit
sur un fichier dans JupyterLab, puis « Télécharger »).

Pour chaque certificat, trois fichiers portent le même nom :

- `….html` : le certificat à imprimer ou à enregistrer en PDF depuis votre navigateur ; son
  code QR mène à la page de vérification de l'École ;
- `….jwt` : le certificat numérique signé par l'École (Open Badges 3.0, au format VC-JWT).
  C'est ce fichier qui fait foi : donnez-le à un employeur ou déposez-le dans un portefeuille
  de badges numériques ;
- `….json` : le contenu du certificat, lisible (nom, critères, compétences, dates).

## Comment un employeur le vérifie

Sans contacter l'École, avec la clé publique qu'elle publie (fichier
`emetteur-public.jwk.json`) et sa liste des certificats révoqués (`revocations.json`) :

```bash
esn-teach verify CERTIFICAT.jwt --cle emetteur-public.jwk.json --courriel ADRESSE
```

La commande vérifie la signature, l'émetteur, les dates, la révocation et, avec `--courriel`,
que le certificat a bien été délivré à cette adresse électronique : votre adresse n'est pas
écrite en clair dans le certificat, seulement une empreinte salée. Elle affiche son verdict en
français et échoue si le certificat a été modifié, a expiré ou a été révoqué.

Ne modifiez pas ces fichiers : la moindre modification rend la signature invalide. S'ils
disparaissent, ils reviendront au prochain démarrage de votre espace.
"""


@dataclass
class CredentialDelivery:
    """What `deliver_credentials` did for one learner."""

    folder: Path
    #: Files written (new or changed since the last copy).
    written: list[Path] = field(default_factory=list)
    #: Files already there and identical: left untouched.
    unchanged: list[Path] = field(default_factory=list)
    #: Registers or files skipped, each with the reason (also logged).
    problems: list[str] = field(default_factory=list)


def _read_source(path: Path) -> bytes:
    """Read a regular file without following a symbolic link (``OSError`` otherwise)."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "pas un fichier ordinaire", str(path))
        if info.st_size > _MAX_BYTES:
            raise OSError(errno.EFBIG, "fichier trop gros pour un certificat", str(path))
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(_MAX_BYTES + 1)
    finally:
        os.close(fd)


def _learner_rows(register: Path, student: str) -> list[str]:
    """Credential file stems of ``student`` in one register (``ValueError`` if unreadable)."""
    text = _read_source(register).decode("utf-8")
    reader = csv.DictReader(text.splitlines())
    if not reader.fieldnames or not {"etudiant", "fichier"} <= set(reader.fieldnames):
        raise ValueError("colonnes « etudiant » et « fichier » absentes")
    stems = []
    for row in reader:
        if row.get("etudiant") != student:
            continue
        stem = (row.get("fichier") or "").removesuffix(".jwt")
        if not _STEM.fullmatch(stem):
            raise ValueError(f"nom de fichier inattendu « {(row.get('fichier') or '')[:60]} »")
        stems.append(stem)
    return stems


def _same(folder_fd: int, name: str, data: bytes) -> bool:
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=folder_fd)
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(len(data) + 1) == data
    finally:
        os.close(fd)


def _write(folder_fd: int, name: str, data: bytes, uid: int, gid: int) -> None:
    """Write ``name`` in the folder atomically, owned by the learner, mode 600."""
    temporary = f".{name}.{os.getpid()}.tmp"
    with contextlib.suppress(FileNotFoundError):
        os.unlink(temporary, dir_fd=folder_fd)
    fd = os.open(
        temporary,
        os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW,
        0o600,
        dir_fd=folder_fd,
    )
    try:
        os.fchown(fd, uid, gid)
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb", closefd=False) as handle:
            handle.write(data)
    finally:
        os.close(fd)
    os.replace(temporary, name, src_dir_fd=folder_fd, dst_dir_fd=folder_fd)


def _open_folder(home: Path, uid: int, gid: int) -> int:
    """Open (creating it if needed) ``home/Certificats``, owned by the learner, mode 700."""
    home_fd = os.open(home, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    try:
        with contextlib.suppress(FileExistsError):
            os.mkdir(CREDENTIALS_FOLDER, 0o700, dir_fd=home_fd)
        # A symbolic link in its place (ELOOP) or a file (ENOTDIR) is refused, not followed.
        fd = os.open(
            CREDENTIALS_FOLDER, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=home_fd
        )
    finally:
        os.close(home_fd)
    os.fchown(fd, uid, gid)
    os.fchmod(fd, 0o700)
    return fd


def deliver_credentials(
    course_root: Path, student: str, *, home: Path, uid: int, gid: int
) -> CredentialDelivery:
    """Copy ``student``'s issued credentials from the course into ``home/Certificats/``.

    Every ``certificats/*/registre.csv`` of the course is read; for each row whose ``etudiant``
    is ``student``, the ``.jwt``, ``.json`` and ``.html`` files named by its ``fichier`` column
    are copied, owned by ``uid:gid``, mode 600, in a folder of mode 700, with ``LISEZMOI.md``.
    A file already there with the same content is not rewritten. Nothing is created for a
    learner without a credential. A missing or corrupt register, or a missing file, is logged
    and skipped: this never raises for the course's content.

    Parameters
    ----------
    course_root : Path
        The nbgrader course root (``ESN_TEACH_COURSE``), where ``certify`` writes.
    student : str
        The learner's hub account (the register's ``etudiant``).
    home : Path
        The learner's home directory.
    uid, gid : int
        The learner's account.

    Returns
    -------
    CredentialDelivery

    Raises
    ------
    OSError
        When ``~/Certificats`` cannot be created or is a symbolic link.
    """
    # Imported here: esn_teach.hub must import where only the hub's packages are (the chart's
    # hub image, tests/deploy), and esn_teach.certificates needs the course's (nbformat...).
    from esn_teach.certificates import REGISTER_FILE

    report = CredentialDelivery(home / CREDENTIALS_FOLDER)
    files: dict[str, bytes] = {}
    certificates = course_root / "certificats"
    registers = [] if certificates.is_symlink() else sorted(certificates.glob(f"*/{REGISTER_FILE}"))
    if certificates.is_symlink():
        report.problems.append(f"{certificates} : lien symbolique ignoré")
    for register in registers:
        if register.parent.is_symlink():
            report.problems.append(f"{register.parent} : lien symbolique ignoré")
            continue
        try:
            stems = _learner_rows(register, student)
        except (OSError, UnicodeDecodeError, ValueError, csv.Error) as error:
            report.problems.append(f"{register} illisible ({error}) : registre ignoré")
            continue
        for stem in stems:
            for suffix in _SUFFIXES:
                source = register.parent / f"{stem}{suffix}"
                try:
                    files[source.name] = _read_source(source)
                except OSError as error:
                    report.problems.append(f"{source} non copié ({error.strerror or error})")
    for problem in report.problems:
        _log.warning("Certificats de %s : %s", student, problem)
    if not files:
        return report
    files[README_FILE] = README.encode("utf-8")
    folder_fd = _open_folder(home, uid, gid)
    try:
        for name, data in files.items():
            target = report.folder / name
            if _same(folder_fd, name, data):
                report.unchanged.append(target)
                continue
            _write(folder_fd, name, data, uid, gid)
            report.written.append(target)
    finally:
        os.close(folder_fd)
    return report
