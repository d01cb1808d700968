"""The printable certificate in Chromium: French, accessible, its QR code readable, one A4 page.

The page is opened from disk (file://) as a learner or an employer would open it;
nothing is served and nothing may be fetched. Skipped, with the reason, where
Chromium or the Python package playwright is missing (as the rest of tests/browser).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import segno
from certificate_fixtures import ISSUER, make_gradebook
from esn_browser import skip_reason

REASON = skip_reason()
if REASON:
    pytest.skip(REASON, allow_module_level=True)

from esn_browser import (  # noqa: E402  (only once the suite can run)
    ARTIFACTS,
    AXE,
    axe_audit,
    axe_blocking,
    chromium,
    record_audit,
)
from PIL import Image  # noqa: E402
from playwright.sync_api import Browser, Page  # noqa: E402

from esn_teach._formatting import fr_date  # noqa: E402
from esn_teach.certificates import certify, create_keys  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]

#: segno's quiet zone (modules) and the scale the certificate draws its QR code at.
BORDER, SCALE = 4, 4


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("certificat-navigateur")
    book = make_gradebook(base)
    keys = base / "cles"
    create_keys(keys, ISSUER)
    report = certify(
        book.course, "ethique-test", declaration=book.declaration, keys_dir=keys, out=base / "out"
    )
    assert [issued.student for issued in report.issued] == ["alice"]
    return report.issued[0].html


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, driven by Playwright; always closed."""
    with chromium() as browser:
        yield browser


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1000, "height": 1400})
    context.set_default_timeout(30_000)
    try:
        yield context.new_page()
    finally:
        context.close()


def _rendered_matrix(png: bytes, size: int) -> list[list[int]]:
    """Read the QR code's modules back from its screenshot (dark = luminance under 50 %)."""
    image = Image.open(io.BytesIO(png)).convert("L")
    module = image.width / (size + 2 * BORDER)
    return [
        [
            int(
                image.getpixel((int((c + BORDER + 0.5) * module), int((r + BORDER + 0.5) * module)))
                < 128
            )
            for c in range(size)
        ]
        for r in range(size)
    ]


def test_certificate_renders_in_french_with_a_readable_qr_code(certificate: Path, page: Page):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(certificate.as_uri())
    assert page.evaluate("document.documentElement.lang") == "fr"
    text = page.locator("main").inner_text()
    assert "Attestation — Éthique et données de santé" in page.locator("h1").inner_text()
    assert "décerné à Alice Test" in text
    assert f"Délivré le {fr_date(datetime.now(UTC).date())}, valable jusqu'au" in text
    for heading in (
        "Ce que ce certificat atteste",
        "Critères",
        "Résultats obtenus",
        "Compétences et valeurs visées",
        "Vérifier ce certificat",
    ):
        assert page.get_by_role("heading", name=heading).is_visible(), heading
    assert "V4 — Prudence, esprit critique et inclusivité" in text
    rows = page.locator("tbody tr")
    assert rows.count() == 2 and "80 %" in rows.nth(1).inner_text().replace("\u00a0", " ")
    for english in ("Issued", "Certificate", "valid until", "Verify"):
        assert english not in text, english
    # The QR code: an image with a text alternative, carrying the verification link.
    url = f"{ISSUER}/certificats?id={certificate.stem}"
    qr = page.get_by_role("img", name=re.compile("Code QR : adresse de vérification"))
    assert qr.count() == 1
    assert url in qr.evaluate("node => node.querySelector('title').textContent")
    expected = segno.make(url, error="m", boost_error=False)
    size = len(expected.matrix)
    rendered = _rendered_matrix(qr.screenshot(), size)
    assert rendered == [list(row) for row in expected.matrix]
    assert page.get_by_role("link", name=url).get_attribute("href") == url
    # Nothing fetched but the page itself.
    assert requests == [certificate.as_uri()], requests
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / "certificat.png", full_page=True)
    # Printed: one A4 page.
    page.emulate_media(media="print")
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    (ARTIFACTS / "certificat.pdf").write_bytes(pdf)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert box and abs(float(box.group(1)) - 595.3) < 1.5 and abs(float(box.group(2)) - 841.9) < 1.5
    page.emulate_media(media="screen")
    if not AXE.is_file():
        print(f"accessibility audit not run: axe-core absent ({AXE}); run 'make node-deps'")
        return
    violations = axe_audit(page)
    record_audit("certificat", violations)
    blocking = axe_blocking(violations)
    assert not blocking, "\n".join(blocking)
