"""Open Badges 3.0 micro-certificates: issue from the gradebook, sign, verify, revoke.

A real nbgrader gradebook (certificate_fixtures.make_gradebook), real RSA keys, and
the CLI in-process. Every failing case has its own French message.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import json
import os
import re
import shutil
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jwt
import pytest
import segno
from certificate_fixtures import EMAILS, ISSUER, GradedBook, make_gradebook
from esn_fixtures import NOTEBOOKS, cli

from esn_teach._formatting import fr_date
from esn_teach.certificates import (
    DECLARATION_FILE,
    OB_CONTEXT,
    PRIVATE_KEY_FILE,
    PUBLIC_KEY_FILE,
    REVOCATIONS_FILE,
    CertificateError,
    assess_learners,
    certify,
    course_declaration,
    create_keys,
    identity_matches,
    identity_object,
    load_declaration,
    load_public_jwk,
    read_revocations,
    sign_credential,
    verify_token,
)
from esn_teach.course import SCHOOL_VALUES, find_modules

CODE = "ethique-test"
DATA = Path(__file__).parent / "data"


# -- fixtures -----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> GradedBook:
    return make_gradebook(tmp_path_factory.mktemp("certificats"))


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cles-hors-depot") / "cles"
    create_keys(folder, ISSUER)
    return folder


@pytest.fixture(scope="module")
def other_keys(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("autre") / "cles"
    create_keys(folder, ISSUER)
    return folder


@pytest.fixture(scope="module")
def issued(book: GradedBook, keys: Path, tmp_path_factory: pytest.TempPathFactory):
    """``certify`` through the CLI, once: the folder, what it printed, alice's token."""
    out = tmp_path_factory.mktemp("sortie")
    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout):
        code = cli(
            book.root,
            "certify",
            CODE,
            "--declaration",
            str(book.declaration),
            "--cles",
            str(keys),
            "--out",
            str(out),
        )
    assert code == 0, stdout.getvalue()
    tokens = sorted(out.glob("*.jwt"))
    assert len(tokens) == 1, stdout.getvalue()
    return out, stdout.getvalue(), tokens[0]


def verify(capsys, path: Path, keys: Path, *extra: str) -> tuple[int, str]:
    capsys.readouterr()
    code = cli(
        Path("/nonexistent"), "verify", str(path), "--cle", str(keys / PUBLIC_KEY_FILE), *extra
    )
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def issue_at(book: GradedBook, keys: Path, out: Path, moment: datetime) -> Path:
    report = certify(
        book.course, CODE, declaration=book.declaration, keys_dir=keys, out=out, issued=moment
    )
    assert [i.student for i in report.issued] == ["alice"]
    return report.issued[0].jwt


def payload_of(token: str) -> dict:
    return jwt.decode(token.strip(), options={"verify_signature": False})


# -- issuing ------------------------------------------------------------------------------
def test_certify_issues_only_to_learners_who_meet_the_criteria(issued):
    out, printed, token = issued
    assert "1 certificat délivré" in printed
    assert f"alice : {token.name}" in printed
    stems = {p.stem for p in out.iterdir() if p.suffix in {".jwt", ".json", ".html"}}
    assert stems == {token.stem}
    # Below the criteria: module, score obtained and required, decimal comma style.
    assert re.search(
        r"bruno : Module 06 — Mesurer l'équité, et ses limites : 60\s% des points autocorrigés "
        r"obtenus, 70\s% exigés",
        printed,
    ), printed
    # Provisional grades: a reflection waiting for its grade, a question « À examiner ».
    assert re.search(
        r"chloe : .*note non définitive \(réflexion « reflexion » pas encore notée\)", printed
    )
    assert re.search(r"emma : .*question « q2 » à examiner", printed)
    assert "david : pas d'adresse électronique dans le carnet de notes" in printed
    assert (
        "farid : Module 03 — Le coût n'est pas le besoin : réflexion « reflexion » non rédigée"
        in printed
    )
    assert "Non certifiés (5)" in printed
    register = (out / "registre.csv").read_text(encoding="utf-8").splitlines()
    assert register[0] == "date,etudiant,certificat,id,fichier"
    assert len(register) == 2 and ",alice,ethique-test,urn:uuid:" in register[1]


def test_certify_does_not_issue_twice(book, keys, issued, capsys):
    out, _, token = issued
    capsys.readouterr()
    assert (
        cli(
            book.root,
            "certify",
            CODE,
            "--declaration",
            str(book.declaration),
            "--cles",
            str(keys),
            "--out",
            str(out),
        )
        == 0
    )
    printed = capsys.readouterr().out
    assert "0 certificat délivré" in printed and "Déjà certifié (registre)" in printed
    assert sorted(out.glob("*.jwt")) == [token]


def test_email_is_never_in_clear(issued):
    out, printed, token = issued
    texts = [printed]
    for path in out.iterdir():
        texts.append(path.read_text(encoding="utf-8"))
    texts.append(json.dumps(payload_of(token.read_text(encoding="utf-8")), ensure_ascii=False))
    for email in EMAILS.values():
        for text in texts:
            assert email.lower() not in text.lower()
            assert email.split("@")[0].lower() not in text.lower()
    # …but the credential does stand for alice's address.
    subject = payload_of(token.read_text(encoding="utf-8"))["credentialSubject"]
    identity = subject["identifier"][0]
    expected = hashlib.sha256(
        (EMAILS["alice"].lower() + identity["salt"]).encode("utf-8")
    ).hexdigest()
    assert identity["identityHash"] == f"sha256${expected}"
    assert identity_matches(identity, "  ALICE.martin@example.org ")
    assert not identity_matches(identity, EMAILS["bruno"])


# Required properties of the Open Badges 3.0 data model (1EdTech, OB 3.0 § B.1):
# class → properties with multiplicity [1] or [1..*].
REQUIRED = {
    "OpenBadgeCredential": {
        "@context",
        "id",
        "type",
        "issuer",
        "validFrom",
        "name",
        "credentialSubject",
    },
    "Profile": {"id", "type"},
    "AchievementSubject": {"type", "achievement"},
    "Achievement": {"id", "type", "criteria", "description", "name"},
    "IdentityObject": {"type", "hashed", "identityHash", "identityType"},
    "Alignment": {"type", "targetName", "targetUrl"},
    "ResultDescription": {"id", "type", "name", "resultType"},
    "Result": {"type"},
}


def test_credential_has_the_fields_the_specification_requires(issued):
    _, _, token = issued
    text = token.read_text(encoding="utf-8").strip()
    credential = json.loads(token.with_suffix(".json").read_text(encoding="utf-8"))
    payload = payload_of(text)
    # The JWT payload is the credential itself, with the registered claims.
    assert {
        k: v for k, v in payload.items() if k not in {"iss", "jti", "nbf", "exp", "iat"}
    } == credential
    assert credential["@context"] == ["https://www.w3.org/ns/credentials/v2", OB_CONTEXT]
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", credential["id"])
    assert not (set(REQUIRED["OpenBadgeCredential"]) - set(credential))
    issuer = credential["issuer"]
    assert not (REQUIRED["Profile"] - set(issuer)) and "Profile" in issuer["type"]
    subject = credential["credentialSubject"]
    assert not (REQUIRED["AchievementSubject"] - set(subject))
    assert "AchievementSubject" in subject["type"]
    assert subject.get("id") or subject.get("identifier")  # one of the two is required
    achievement = subject["achievement"]
    assert not (REQUIRED["Achievement"] - set(achievement)) and "Achievement" in achievement["type"]
    assert achievement["criteria"]["narrative"].startswith("Ce certificat est délivré")
    assert "au moins 70\u00a0% des points" in achievement["criteria"]["narrative"]
    for identity in subject["identifier"]:
        assert not (REQUIRED["IdentityObject"] - set(identity))
        assert identity["type"] == "IdentityObject" and identity["hashed"] is True
        assert identity["identityType"] == "emailAddress"
        assert re.fullmatch(r"sha256\$[0-9a-f]{64}", identity["identityHash"])
    for alignment in achievement["alignment"]:
        assert not (REQUIRED["Alignment"] - set(alignment))
    assert achievement["alignment"][0]["targetName"] == f"V4 — {SCHOOL_VALUES['V4']}"
    described = {d["id"] for d in achievement["resultDescription"]}
    for description in achievement["resultDescription"]:
        assert not (REQUIRED["ResultDescription"] - set(description))
    assert [r["value"] for r in subject["result"]] == ["100", "80"]
    assert {r["resultDescription"] for r in subject["result"]} == described
    # Claims and JOSE header (OB 3.0 § 8.2, JSON Web Token proof format).
    assert payload["iss"] == issuer["id"] == ISSUER
    assert payload["jti"] == credential["id"]
    assert payload["nbf"] == int(datetime.fromisoformat(credential["validFrom"]).timestamp())
    assert payload["exp"] == int(datetime.fromisoformat(credential["validUntil"]).timestamp())
    assert "sub" not in payload  # the subject has no id: it is identified by a hash only
    header = jwt.get_unverified_header(text)
    assert set(header) == {"alg", "typ", "kid"}
    assert header["alg"] == "RS256" and header["typ"] == "JWT"
    assert header["kid"].startswith("urn:ietf:params:oauth:jwk-thumbprint:sha-256:")


def _terms(context: dict, name: str) -> set[str]:
    scoped = context["@context"][name]["@context"]
    return {key for key in scoped if not key.startswith("@")}


def test_every_property_is_a_term_of_the_open_badges_context(issued):
    """Each typed object uses only terms its class defines in context-3.0.3.json.

    (The VC v2 context defines the credential's own top-level terms, checked above.)
    """
    context = json.loads((DATA / "context-3.0.3.json").read_text(encoding="utf-8"))
    _, _, token = issued
    credential = json.loads(token.with_suffix(".json").read_text(encoding="utf-8"))
    top = {key for key in context["@context"] if not key[0].isupper() and not key.startswith("@")}
    checked = 0

    def walk(node: object) -> None:
        nonlocal checked
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            kinds = node.get("type", [])
            kinds = [kinds] if isinstance(kinds, str) else kinds
            for kind in kinds:
                if kind in context["@context"] and kind not in {"OpenBadgeCredential"}:
                    allowed = _terms(context, kind) | top | {"id", "type"}
                    unknown = set(node) - allowed
                    assert not unknown, f"{kind}: {unknown}"
                    checked += 1
            for value in node.values():
                walk(value)

    walk(credential["credentialSubject"])
    assert checked >= 6  # subject, achievement, alignment, 2 result descriptions, identity…


# -- verifying ----------------------------------------------------------------------------
def test_valid_credential_verifies(issued, keys, capsys):
    _, _, token = issued
    code, output = verify(capsys, token, keys)
    assert code == 0, output
    today = fr_date(datetime.now(UTC).date())
    assert output.strip() == (
        "Certificat valide : Attestation — Éthique et données de santé, délivré par École de "
        f"santé numérique — Université de Montpellier le {today}"
    )
    code, output = verify(capsys, token, keys, "--courriel", "alice.martin@example.org")
    assert code == 0, output
    code, output = verify(capsys, token, keys, "--courriel", EMAILS["bruno"])
    assert code == 1
    assert "NON valide : il n'a pas été délivré à cette adresse électronique" in output


def test_tampered_payload_fails(issued, keys, tmp_path, capsys):
    _, _, token = issued
    header, payload, signature = token.read_text(encoding="utf-8").strip().split(".")
    index = len(payload) // 2
    changed = "B" if payload[index] != "B" else "C"
    forged = tmp_path / "modifie.jwt"
    forged.write_text(f"{header}.{payload[:index]}{changed}{payload[index + 1 :]}.{signature}")
    code, output = verify(capsys, forged, keys)
    assert code == 1
    assert "Certificat NON valide : la signature ne correspond pas au contenu" in output
    assert "modifié après sa signature" in output


def test_another_key_fails(issued, other_keys, keys, tmp_path, capsys):
    _, _, token = issued
    credential = json.loads(token.with_suffix(".json").read_text(encoding="utf-8"))
    from esn_teach.certificates import load_private_key

    other_private = load_private_key(other_keys)
    other_kid = load_public_jwk(other_keys / PUBLIC_KEY_FILE)["kid"]
    signed = tmp_path / "autre-cle.jwt"
    signed.write_text(sign_credential(credential, other_private, other_kid))
    code, output = verify(capsys, signed, keys)
    assert code == 1
    assert "Certificat NON valide : signé avec une autre clé que celle de l'émetteur" in output
    # Another key announcing the trusted key's kid: the signature does not match.
    trusted_kid = load_public_jwk(keys / PUBLIC_KEY_FILE)["kid"]
    signed.write_text(sign_credential(credential, other_private, trusted_kid))
    code, output = verify(capsys, signed, keys)
    assert code == 1 and "la signature ne correspond pas au contenu" in output
    # A JOSE header embedding another public key (jwk) fails too.
    other_jwk = {
        k: v
        for k, v in load_public_jwk(other_keys / PUBLIC_KEY_FILE).items()
        if k in ("kty", "n", "e")
    }
    payload = payload_of(token.read_text(encoding="utf-8"))
    embedded = jwt.encode(payload, other_private, algorithm="RS256", headers={"jwk": other_jwk})
    verdict = verify_token(embedded, load_public_jwk(keys / PUBLIC_KEY_FILE), {})
    assert not verdict.valid and verdict.check == "cle"


def test_other_issuer_fails(issued, keys, capsys):
    _, _, token = issued
    code, output = verify(capsys, token, keys, "--emetteur", "https://autre.example.org")
    assert code == 1
    assert "Certificat NON valide : émetteur inattendu" in output
    assert "l'émetteur de confiance est « https://autre.example.org »" in output


def test_expired_credential_fails(book, keys, tmp_path, capsys):
    moment = datetime.now(UTC).replace(microsecond=0) - timedelta(days=3 * 366)
    token = issue_at(book, keys, tmp_path / "ancien", moment)
    code, output = verify(capsys, token, keys)
    assert code == 1
    until = moment.replace(year=moment.year + 2)
    assert f"Certificat NON valide : expiré le {fr_date(until.date())}." in output


def test_not_yet_valid_credential_fails(book, keys, tmp_path, capsys):
    moment = datetime.now(UTC).replace(microsecond=0) + timedelta(days=40)
    token = issue_at(book, keys, tmp_path / "futur", moment)
    code, output = verify(capsys, token, keys)
    assert code == 1
    assert (
        f"Certificat NON valide : pas encore valide : il le sera le {fr_date(moment.date())}."
        in output
    )
    # The library checks at a given time: valid then.
    jwk = load_public_jwk(keys / PUBLIC_KEY_FILE)
    later = verify_token(token.read_text(), jwk, {}, now=moment + timedelta(days=1))
    assert later.valid, later.message


def test_revoked_credential_fails(book, keys, tmp_path, capsys):
    token = issue_at(book, keys, tmp_path / "revoque", datetime.now(UTC))
    credential_id = payload_of(token.read_text(encoding="utf-8"))["jti"]
    revocations = tmp_path / "revocations.json"
    capsys.readouterr()
    assert (
        cli(
            book.root,
            "revoke",
            credential_id,
            "--raison",
            "fraude constatée à l'examen",
            "--revocations",
            str(revocations),
            "--cles",
            str(keys),
        )
        == 0
    )
    assert "révoqué : fraude constatée à l'examen" in capsys.readouterr().out
    code, output = verify(capsys, token, keys, "--revocations", str(revocations))
    assert code == 1
    today = fr_date(datetime.now(UTC).date())
    assert f"Certificat NON valide : révoqué le {today} : fraude constatée à l'examen" in output
    # The issuer's own (empty) list, next to the public key, does not know it.
    code, output = verify(capsys, token, keys)
    assert code == 0, output
    # Revoking twice is refused; a malformed id too.
    assert (
        cli(
            book.root,
            "revoke",
            credential_id.removeprefix("urn:uuid:"),
            "--raison",
            "x",
            "--revocations",
            str(revocations),
        )
        == 2
    )
    assert "est déjà révoqué" in capsys.readouterr().err
    assert (
        cli(book.root, "revoke", "pas-un-id", "--raison", "x", "--revocations", str(revocations))
        == 2
    )
    assert "n'est pas l'identifiant d'un certificat" in capsys.readouterr().err
    assert list(read_revocations(revocations)) == [credential_id]


def test_verify_needs_the_jwt_and_the_revocation_list(issued, keys, tmp_path, capsys):
    _, _, token = issued
    for suffix in (".json", ".html"):
        code, output = verify(capsys, token.with_suffix(suffix), keys)
        assert code == 2
        assert f"c'est le fichier signé .jwt du même nom ({token.name}) qui fait foi" in output
    code, output = verify(capsys, token, keys, "--revocations", str(tmp_path / "absente.json"))
    assert code == 2 and "Liste des révocations introuvable" in output
    code, output = verify(capsys, tmp_path / "absent.jwt", keys)
    assert code == 2 and "Fichier introuvable" in output
    garbage = tmp_path / "n-importe.jwt"
    garbage.write_text("pas un jeton")
    code, output = verify(capsys, garbage, keys)
    assert code == 1 and "n'est pas un certificat signé lisible" in output
    assert "Traceback" not in output


# -- keys ---------------------------------------------------------------------------------
def test_keys_command_writes_a_private_key_only_its_owner_reads(tmp_path, capsys):
    folder = tmp_path / "cles"
    assert cli(tmp_path, "keys", "--dir", str(folder), "--emetteur", ISSUER) == 0
    out = capsys.readouterr().out
    assert "Clés de l'émetteur" in out and "RSA 3072" in out
    private = folder / PRIVATE_KEY_FILE
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    jwk = json.loads((folder / PUBLIC_KEY_FILE).read_text())
    assert "d" not in jwk and jwk["kty"] == "RSA" and jwk["alg"] == "RS256" and jwk["iss"] == ISSUER
    assert len(base64.urlsafe_b64decode(jwk["n"] + "==")) * 8 == 3072
    assert jwk["kid"] in out
    assert json.loads((folder / REVOCATIONS_FILE).read_text())["revocations"] == []
    before = private.read_bytes()
    assert cli(tmp_path, "keys", "--dir", str(folder), "--emetteur", ISSUER) == 2
    assert "Une clé existe déjà" in capsys.readouterr().err
    assert private.read_bytes() == before
    assert cli(tmp_path, "keys", "--dir", str(folder), "--emetteur", ISSUER, "--force") == 0
    assert private.read_bytes() != before
    assert stat.S_IMODE(private.stat().st_mode) == 0o600


def test_keys_inside_a_git_work_tree_are_refused(tmp_path, capsys):
    repository = tmp_path / "depot"
    (repository / ".git").mkdir(parents=True)
    target = repository / "secrets" / "cles"
    assert cli(tmp_path, "keys", "--dir", str(target), "--emetteur", ISSUER) == 2
    err = capsys.readouterr().err
    assert f"Refusé : {target} est dans le dépôt git {repository}" in err
    assert not target.exists()
    # A worktree's .git is a file: refused as well.
    worktree = tmp_path / "arbre"
    worktree.mkdir()
    (worktree / ".git").write_text("gitdir: /ailleurs\n")
    with pytest.raises(CertificateError, match="est dans le dépôt git"):
        create_keys(worktree / "cles", ISSUER)


def test_keys_take_the_issuer_from_the_declaration(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ESN_TEACH_KEYS_DIR", str(tmp_path / "depuis-env"))
    assert cli(tmp_path, "keys") == 0  # --notebooks: the project's notebooks/ (the declaration)
    declared = load_declaration(
        NOTEBOOKS / DECLARATION_FILE, [p.stem for p in find_modules(NOTEBOOKS)]
    )
    jwk = json.loads((tmp_path / "depuis-env" / PUBLIC_KEY_FILE).read_text())
    assert jwk["iss"] == declared.issuer.id


def test_group_readable_private_key_is_refused(book, tmp_path, capsys):
    folder = tmp_path / "cles"
    create_keys(folder, ISSUER)
    private = folder / PRIVATE_KEY_FILE
    os.chmod(private, 0o644)
    capsys.readouterr()
    assert (
        cli(
            book.root,
            "certify",
            CODE,
            "--declaration",
            str(book.declaration),
            "--cles",
            str(folder),
            "--out",
            str(tmp_path / "o"),
        )
        == 2
    )
    err = capsys.readouterr().err
    assert "Refusé : la clé privée" in err and "lisible par d'autres comptes (droits 644)" in err
    assert f"chmod 600 {private}" in err
    assert not (tmp_path / "o").exists()


def test_missing_or_foreign_key_is_refused(book, tmp_path, capsys):
    assert (
        cli(
            book.root,
            "certify",
            CODE,
            "--declaration",
            str(book.declaration),
            "--cles",
            str(tmp_path / "rien"),
        )
        == 2
    )
    assert "Clé privée de l'émetteur introuvable" in capsys.readouterr().err
    foreign = tmp_path / "etrangere"
    create_keys(foreign, "https://autre.example.org")
    assert (
        cli(
            book.root,
            "certify",
            CODE,
            "--declaration",
            str(book.declaration),
            "--cles",
            str(foreign),
        )
        == 2
    )
    assert "a été créée pour l'émetteur « https://autre.example.org »" in capsys.readouterr().err


# -- declaration --------------------------------------------------------------------------
MODULES = [p.stem for p in find_modules(NOTEBOOKS)]


def test_the_course_declaration_is_valid():
    declared = load_declaration(NOTEBOOKS / DECLARATION_FILE, MODULES)
    spec = declared.certificate("ethique-donnees-sante")
    assert spec.name == "Attestation — Éthique et données de santé"
    assert {c.module for c in spec.modules} <= set(MODULES)
    assert all(c.min_percent == 70 and c.reflection_graded for c in spec.modules)
    for competence in spec.competences:
        if competence.code in SCHOOL_VALUES:
            assert competence.name == f"{competence.code} — {SCHOOL_VALUES[competence.code]}"
    assert declared.issuer.verification


def _declare(tmp_path: Path, text: str) -> str:
    path = tmp_path / "certificats.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CertificateError) as caught:
        load_declaration(path, MODULES)
    return str(caught.value)


def test_declaration_errors_name_the_key_and_the_line(tmp_path):
    from certificate_fixtures import DECLARATION

    broken = (
        DECLARATION.replace('module = "06"', 'module = "99"')
        .replace(
            "autocorrige_min = 70\nreflexion_notee = true\n\n[[certificats.ethique-test.comp",
            "autocorrige_min = 170\nreflexion_notee = true\n\n[[certificats.ethique-test.comp",
        )
        .replace('nom = "Attestation — Éthique et données de santé"\n', "")
        .replace('code = "V4"', 'code = "V4"\nniveau = 2')
        .replace('nom = "V4 — Prudence, esprit critique et inclusivité"', 'nom = "V4 — Prudence"')
    )
    lines = broken.splitlines()
    message = _declare(tmp_path, broken)

    def line(fragment: str) -> int:
        return next(i for i, text in enumerate(lines, start=1) if fragment in text)

    assert message.startswith("Déclaration des certificats invalide")
    unknown_module = line('module = "99"')
    where = "« certificats.ethique-test.modules[2]"
    assert f"ligne {unknown_module}, {where}.module » : module « 99 » inconnu" in message
    assert "03_cout_et_besoin" in message  # the modules there are
    percent = line("autocorrige_min = 170")
    assert (
        f"ligne {percent}, {where}.autocorrige_min » : pourcentage hors de 0–100 (170)" in message
    )
    assert "« certificats.ethique-test » : la clé « nom » manque" in message
    competence = "« certificats.ethique-test.competences[1]"
    assert f"ligne {line('niveau = 2')}, {competence}.niveau » : clé inconnue" in message
    exact = f"« V4 — {SCHOOL_VALUES['V4']} »"
    assert f"{competence}.nom » : la valeur V4 de l'École s'écrit exactement {exact}" in message
    assert "Traceback" not in message


def test_declaration_syntax_error_and_missing_file(tmp_path):
    message = _declare(tmp_path, '[emetteur]\nnom = "École\n')
    assert "n'est pas un fichier TOML valide ligne 2" in message
    with pytest.raises(CertificateError, match="Déclaration des certificats introuvable"):
        load_declaration(tmp_path / "absent.toml", MODULES)


def test_unknown_certificate_is_refused(book, keys, capsys):
    assert (
        cli(
            book.root,
            "certify",
            "inconnu",
            "--declaration",
            str(book.declaration),
            "--cles",
            str(keys),
        )
        == 2
    )
    err = capsys.readouterr().err
    assert "Certificat « inconnu » inconnu" in err and "ethique-test" in err


def test_identity_object_is_salted():
    first, second = identity_object("a@b.fr"), identity_object("a@b.fr")
    assert first["salt"] != second["salt"] and first["identityHash"] != second["identityHash"]
    assert identity_matches(first, "A@B.FR") and identity_matches(second, "a@b.fr")


# -- printable certificate ----------------------------------------------------------------
def qr_matrix(svg: str) -> list[list[int]]:
    """Read back the dark modules of a segno SVG (its one path of horizontal runs)."""
    path = re.search(r'\bd="([^"]+)"', svg).group(1)
    scale_border = 4  # segno's default quiet zone
    x = y = 0.0
    cells: set[tuple[int, int]] = set()
    for command, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?:\s+(-?[\d.]+))?", path.replace(",", " ")):
        if command == "M":
            x, y = float(a), float(b)
        elif command == "m":
            x, y = x + float(a), y + float(b)
        else:
            for step in range(int(float(a))):
                cells.add((int(y - 0.5) - scale_border, int(x) + step - scale_border))
            x += float(a)
    size = max(max(r, c) for r, c in cells) + 1
    return [[int((r, c) in cells) for c in range(size)] for r in range(size)]


def test_printable_certificate_is_french_self_contained_with_its_qr_code(issued):
    _, _, token = issued
    html = token.with_suffix(".html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in html
    assert "Attestation — Éthique et données de santé" in html
    assert "décerné à <strong>Alice Test</strong>" in html
    assert f"Délivré le {fr_date(datetime.now(UTC).date())}" in html and "valable jusqu'au" in html
    assert "80\u00a0%" in html and "70\u00a0%" in html
    assert "@media print" in html and "size: A4" in html
    # Nothing from the network: no script, stylesheet, font or image to fetch.
    assert not re.search(r"<script|<link|<img|@import|url\(|src=", html)
    credential_uuid = token.stem
    url = f"{ISSUER}/certificats?id={credential_uuid}"
    assert f'href="{url}"' in html
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    assert 'role="img"' in svg
    assert f"<title>Code QR : adresse de vérification de ce certificat, {url}</title>" in svg
    expected = segno.make(url, error="m", boost_error=False).matrix
    assert qr_matrix(svg) == [list(row) for row in expected]
    # Another payload would give another code: the comparison can fail.
    assert qr_matrix(svg) != [
        list(r) for r in segno.make(url + "x", error="m", boost_error=False).matrix
    ]


def test_cli_speaks_french_and_checks_its_arguments(book, keys, tmp_path, capsys):
    for command in ("keys", "certify", "revoke", "verify"):
        with pytest.raises(SystemExit) as info:
            cli(book.root, command, "--help")
        assert info.value.code == 0
        out = capsys.readouterr().out
        assert out.startswith(f"utilisation : esn-teach {command}") and "options:" in out
        assert "show this help" not in out
    assert (
        cli(
            book.root,
            "certify",
            CODE,
            "--declaration",
            str(book.declaration),
            "--cles",
            str(keys),
            "--date",
            "4/12/2026",
        )
        == 2
    )
    assert "Date invalide : « 4/12/2026 » (format attendu : AAAA-MM-JJ)" in capsys.readouterr().err
    empty = tmp_path / "sans-declaration"
    empty.mkdir()
    assert cli(book.root, "--notebooks", str(empty), "keys", "--dir", str(tmp_path / "k")) == 2
    assert "indiquez l'identifiant de l'émetteur avec --emetteur URL" in capsys.readouterr().err
    leaked = tmp_path / "fuite.jwk.json"
    private_jwk = json.loads((keys / PUBLIC_KEY_FILE).read_text()) | {"d": "AQAB"}
    leaked.write_text(json.dumps(private_jwk))
    with pytest.raises(CertificateError, match="contient une clé PRIVÉE"):
        load_public_jwk(leaked)


def test_a_self_paced_copy_does_not_count_for_a_certificate(book):
    """Its solutions open after two tries: the certificate would certify nothing."""
    spec = course_declaration(book.course, book.declaration).certificate("ethique-test")
    module = spec.modules[0].module
    copy = book.root / "submitted" / "alice" / module / f"{module}.ipynb"
    copy.parent.mkdir(parents=True)
    try:
        copy.write_text(
            json.dumps({"cells": [], "metadata": {"esn_teach": {"mode": "autonome"}}}),
            encoding="utf-8",
        )
        alice = next(a for a in assess_learners(book.course, spec) if a.student == "alice")
        assert not alice.eligible
        assert any("copie d'un parcours en autonomie" in reason for reason in alice.reasons)
        copy.write_text(json.dumps({"cells": [], "metadata": {}}), encoding="utf-8")
        alice = next(a for a in assess_learners(book.course, spec) if a.student == "alice")
        assert alice.eligible
    finally:
        shutil.rmtree(book.root / "submitted")


def test_evaluated_session_criterion_refuses_a_module_not_last_released_evaluated(book, tmp_path):
    """« seance_evaluee = true »: the module's last release stamp must say « evaluation »."""
    from esn_teach.course._pipeline import _write_stamp

    text = book.declaration.read_text(encoding="utf-8").replace(
        'module = "03"\nautocorrige_min = 70\nreflexion_notee = true',
        'module = "03"\nautocorrige_min = 70\nreflexion_notee = true\nseance_evaluee = true',
    )
    declaration = tmp_path / DECLARATION_FILE
    declaration.write_text(text, encoding="utf-8")
    spec = course_declaration(book.course, declaration).certificate("ethique-test")
    assert [c.evaluated_session for c in spec.modules] == [True, False]
    module = spec.modules[0].module
    stamp = book.course.stamp_path(module, "release")

    def alice():
        return next(a for a in assess_learners(book.course, spec) if a.student == "alice")

    try:
        # Never released in this course: refused, with the command that fixes it.
        assert book.course.release_mode(module) is None
        reasons = " ".join(alice().reasons)
        assert "exige la séance évaluée" in reasons
        assert "aucune publication enregistrée" in reasons
        assert f"esn-teach release {module} --evaluation" in reasons
        for mode, label in [("formative", "publication formative"),
                            ("autonome", "parcours en autonomie")]:  # fmt: skip
            _write_stamp(stamp, {"inputs": {"mode": mode}})
            assert book.course.release_mode("03") == mode
            assert not alice().eligible
            assert label in " ".join(alice().reasons)
        _write_stamp(stamp, {"inputs": {"mode": "evaluation"}})
        assert alice().eligible
        # The other certificate of the file, without the criterion, ignores the stamp.
        _write_stamp(stamp, {"inputs": {"mode": "formative"}})
        plain = course_declaration(book.course, book.declaration).certificate("ethique-test")
        assert not plain.modules[0].evaluated_session
        assert next(a for a in assess_learners(book.course, plain) if a.student == "alice").eligible
    finally:
        stamp.unlink(missing_ok=True)
    bad = tmp_path / "mauvais.toml"
    bad.write_text(text.replace("seance_evaluee = true", 'seance_evaluee = "oui"'), "utf-8")
    with pytest.raises(CertificateError, match="seance_evaluee"):
        course_declaration(book.course, bad)


def test_unit_grading_box_says_what_the_declaration_requires():
    from esn_teach.certificates import unit_grading_markdown

    spec = load_declaration(NOTEBOOKS / DECLARATION_FILE, MODULES).certificate(
        "ia-generative-sante"
    )
    box = unit_grading_markdown(spec, spec.modules[0].module, 10, 3)
    assert "Comment cette unité est notée" in box
    assert "10 points" in box and "70\u00a0%" in box and "soit 7 points" in box
    assert "ne compte pas pour ce certificat" in box  # reflexion_notee = false
    assert "séance évaluée" in box  # seance_evaluee = true
    assert "Après la séance" not in box
    # After-class questions count: the copy that counts is the complete one.
    box = unit_grading_markdown(spec, spec.modules[0].module, 10, 3, after_class_points=4)
    assert "« Après la séance » (4 points)" in box and "non à la fin de la séance" in box
    assert "vous auriez au plus 6 points" in box  # 6 < 7 needed
    box = unit_grading_markdown(spec, spec.modules[0].module, 10, 3, after_class_points=2)
    assert "(2 points)" in box and "au plus" not in box  # 8 ≥ 7: reachable in class
    # 70 % of 16 is 11,2: the box says why 12 points are needed (whole points per question).
    box = unit_grading_markdown(spec, spec.modules[0].module, 16, 3)
    assert "soit 11,2 ; chaque question rapportant un nombre entier de points" in box
    assert "il en faut donc 12 points" in box
    box = unit_grading_markdown(spec, spec.modules[0].module, 16, 3, whole_points=False)
    assert "soit 11,2 points." in box
    other = load_declaration(NOTEBOOKS / DECLARATION_FILE, MODULES).certificate(
        "ethique-donnees-sante"
    )
    box = unit_grading_markdown(other, other.modules[0].module, 12, 3)
    assert "doit être notée par un enseignant" in box
    # Every module of the course's certificates counts only in its evaluated session.
    assert "Seule compte une copie de la **séance évaluée**" in box
    assert all(c.evaluated_session for c in other.modules)


def test_in_class_criterion_counts_only_the_questions_before_after_class(book, tmp_path):
    """« autocorrige_seance = true »: questions after « Après la séance » leave the threshold."""
    import nbformat

    text = book.declaration.read_text(encoding="utf-8").replace(
        'module = "06"\nautocorrige_min = 70\nreflexion_notee = true',
        'module = "06"\nautocorrige_min = 70\nreflexion_notee = true\nautocorrige_seance = true',
    )
    declaration = tmp_path / DECLARATION_FILE
    declaration.write_text(text, encoding="utf-8")
    spec = course_declaration(book.course, declaration).certificate("ethique-test")
    assert [c.in_class_only for c in spec.modules] == [False, True]
    module = spec.modules[1].module

    def bruno():  # q1 5/5 in class, q2 1/5 after class: 60 % of the whole module
        return next(a for a in assess_learners(book.course, spec) if a.student == "bruno")

    # Without the built module, the boundary cannot be read: refused, with the reason.
    assert not bruno().eligible
    assert "introuvable" in " ".join(bruno().reasons)
    built = book.course.root / "source" / module / f"{module}.ipynb"
    built.parent.mkdir(parents=True)

    def graded(cell_type, grade_id, text=""):
        make = nbformat.v4.new_code_cell if cell_type == "code" else nbformat.v4.new_markdown_cell
        cell = make(text)
        cell.metadata["nbgrader"] = {"grade": True, "grade_id": grade_id, "points": 5}
        return cell

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        graded("code", "q1"),
        nbformat.v4.new_markdown_cell("## Après la séance"),
        graded("code", "q2"),
        graded("markdown", "reflexion", "guide"),
    ]
    try:
        nbformat.write(notebook, built)
        assessed = bruno()
        assert assessed.eligible, assessed.reasons
        assert next(r for r in assessed.results if r.module == module).percent == 100
        # The plain criterion still counts the whole module: 60 % < 70 %.
        plain = course_declaration(book.course, book.declaration).certificate("ethique-test")
        assert not next(
            a for a in assess_learners(book.course, plain) if a.student == "bruno"
        ).eligible
    finally:
        shutil.rmtree(book.course.root / "source")
    bad = tmp_path / "mauvais.toml"
    bad.write_text(text.replace("autocorrige_seance = true", "autocorrige_seance = 1"), "utf-8")
    with pytest.raises(CertificateError, match="autocorrige_seance"):
        course_declaration(book.course, bad)


def test_unit_grading_box_for_an_in_class_criterion():
    from esn_teach.certificates import unit_grading_markdown

    spec = load_declaration(NOTEBOOKS / DECLARATION_FILE, MODULES).certificate(
        "ethique-donnees-sante"
    )
    criterion = next(c for c in spec.modules if c.module.startswith("03"))
    assert criterion.in_class_only
    box = unit_grading_markdown(
        spec, criterion.module, 16, 3, after_class_points=8, whole_points=False
    )
    assert "de la partie en séance valent 8 points" in box and "soit 5,6 points" in box
    assert "« Après la séance » (8 points) ne comptent pas pour ce certificat" in box
    assert "non à la fin de la séance" not in box
    # One rule for the module's grade too, never « si l'enseignant le décide » (reviews d18 of
    # modules 10 and 11: students read three rules): it counts there, unless the module
    # declares graded="in-class", whose « Notation » line calls these questions practice.
    assert "comptent en revanche dans la note du module" in box and "décide" not in box
    practice = unit_grading_markdown(
        spec,
        criterion.module,
        16,
        3,
        after_class_points=8,
        whole_points=False,
        after_class_practice=True,
    )
    assert "ni dans la note du module : un entraînement" in practice
    assert "comptent en revanche" not in practice
    # How to hand in, one rule with the module's header (reviews 08, 11, 13 d20): a copy whose
    # grade is the in-class part is collected at the end of the session, the reflection
    # written after it apart; otherwise the teacher says which of the two.
    assert (
        "Pour rendre : la copie est ramassée à la fin de la séance. Ne la déposez pas une "
        "seconde fois après la séance." in practice
    )
    assert "un entraînement, corrigé" not in practice  # evaluated: collected before, form only
    after = unit_grading_markdown(
        spec,
        criterion.module,
        16,
        3,
        after_class_points=8,
        after_class_practice=True,
        written_after_class=True,
    )
    assert (
        "Pour rendre : la copie est ramassée à la fin de la séance ; la réflexion, rédigée "
        "après la séance, se rend à part" in after
    )
    assert ".ipynb" not in after
    assert "dit au début de la séance si la copie est ramassée" in box
