"""A simulated LTI 1.3 platform (the Moodle side) on 127.0.0.1, for the hub's tests.

It is the peer of the thing under test, not a mock of it: it signs real RS256 id_tokens with its
own RSA key, serves its JWKS over HTTP, answers the OIDC authentication request with the
auto-submitting form a real platform sends, and lets tests tamper with the launch (another key,
an old token, a replay).
"""

from __future__ import annotations

import html
import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse

import jwt
import requests
from cryptography.hazmat.primitives.asymmetric import rsa

MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership"
INSTRUCTOR = f"{MEMBERSHIP}#Instructor"
LEARNER = f"{MEMBERSHIP}#Learner"
CLIENT_ID = "esn-teach-hub"
DEPLOYMENT_ID = "1"


def _new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@dataclass
class Person:
    """A Moodle user of the course."""

    sub: str
    name: str
    email: str
    roles: list[str]


@dataclass
class Launch:
    """What the platform posts back to the tool: the form's action and fields."""

    action: str
    fields: dict[str, str]


@dataclass
class Platform:
    """The simulated Moodle: key, JWKS endpoint, authorization endpoint, course members."""

    key: rsa.RSAPrivateKey = field(default_factory=_new_key)
    kid: str = "moodle-test-key"
    people: dict[str, Person] = field(default_factory=dict)
    #: Changes applied to the next token (e.g. {"iat": old}); `signing_key` signs it instead.
    tamper: dict[str, Any] = field(default_factory=dict)
    signing_key: rsa.RSAPrivateKey | None = None
    server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def issuer(self) -> str:
        return self.url

    @property
    def jwks_url(self) -> str:
        return f"{self.url}/jwks"

    @property
    def authorize_url(self) -> str:
        return f"{self.url}/auth"

    def jwks(self) -> dict[str, Any]:
        jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        jwk.update({"kid": self.kid, "alg": "RS256", "use": "sig"})
        return {"keys": [jwk]}

    def id_token(self, person: Person, *, nonce: str, target: str) -> str:
        now = int(time.time())
        claims: dict[str, Any] = {
            "iss": self.issuer,
            "aud": CLIENT_ID,
            "sub": person.sub,
            "iat": now,
            "exp": now + 300,
            "nonce": nonce,
            "name": person.name,
            "email": person.email,
            "https://purl.imsglobal.org/spec/lti/claim/version": "1.3.0",
            "https://purl.imsglobal.org/spec/lti/claim/message_type": "LtiResourceLinkRequest",
            "https://purl.imsglobal.org/spec/lti/claim/deployment_id": DEPLOYMENT_ID,
            "https://purl.imsglobal.org/spec/lti/claim/target_link_uri": target,
            "https://purl.imsglobal.org/spec/lti/claim/resource_link": {"id": "cours-ia-1"},
            "https://purl.imsglobal.org/spec/lti/claim/roles": person.roles,
            "https://purl.imsglobal.org/spec/lti/claim/context": {
                "id": "42",
                "label": "IA-SANTE",
                "title": "IA et santé",
            },
        }
        claims.update(self.tamper)
        key = self.signing_key or self.key
        return jwt.encode(claims, key, algorithm="RS256", headers={"kid": self.kid})

    def start(self) -> Platform:
        platform = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _send(self, status: int, body: str, content_type: str) -> None:
                data = body.encode()
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                url = urlparse(self.path)
                if url.path == "/jwks":
                    self._send(200, json.dumps(platform.jwks()), "application/json")
                    return
                if url.path != "/auth":
                    self._send(404, "not found", "text/plain")
                    return
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                person = platform.people.get(query.get("login_hint", ""))
                if person is None or query.get("client_id") != CLIENT_ID:
                    self._send(400, "unknown user or client", "text/plain")
                    return
                token = platform.id_token(
                    person, nonce=query["nonce"], target=query["redirect_uri"]
                )
                inputs = "".join(
                    f'<input type="hidden" name="{name}" value="{html.escape(value)}">'
                    for name, value in (("id_token", token), ("state", query["state"]))
                )
                page = (
                    '<!doctype html><html lang="fr"><body onload="document.forms[0].submit()">'
                    f'<form method="post" action="{html.escape(query["redirect_uri"])}">'
                    f"{inputs}</form></body></html>"
                )
                self._send(200, page, "text/html")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    def add(self, sub: str, *, roles: list[str], name: str | None = None) -> Person:
        person = Person(sub, name or f"Personne {sub}", f"{sub}@etu.example.fr", roles)
        self.people[sub] = person
        return person

    def login_url(self, hub_url: str, person: Person, *, target: str | None = None) -> str:
        """The third-party-initiated login Moodle opens when someone clicks the activity."""
        args = {
            "iss": self.issuer,
            "login_hint": person.sub,
            "target_link_uri": target or f"{hub_url}/hub/",
            "client_id": CLIENT_ID,
            "lti_deployment_id": DEPLOYMENT_ID,
        }
        return f"{hub_url}/hub/lti13/oauth_login?{urlencode(args)}"

    def start_launch(self, session: requests.Session, hub_url: str, person: Person) -> Launch:
        """Steps 1–2 of the launch, as a browser does: returns the form the platform posts."""
        response = session.get(self.login_url(hub_url, person), allow_redirects=True, timeout=30)
        response.raise_for_status()
        action = re.search(r'action="([^"]+)"', response.text)
        assert action, response.text
        fields = {
            m.group(1): html.unescape(m.group(2))
            for m in re.finditer(r'name="([^"]+)" value="([^"]*)"', response.text)
        }
        return Launch(html.unescape(action.group(1)), fields)

    @staticmethod
    def finish_launch(
        session: requests.Session, launch: Launch, **kwargs: Any
    ) -> requests.Response:
        """Step 3: post the id_token to the tool (the hub), as the platform's form does."""
        return session.post(launch.action, data=launch.fields, timeout=60, **kwargs)

    def launch(
        self, session: requests.Session, hub_url: str, person: Person, **kwargs: Any
    ) -> requests.Response:
        return self.finish_launch(session, self.start_launch(session, hub_url, person), **kwargs)
