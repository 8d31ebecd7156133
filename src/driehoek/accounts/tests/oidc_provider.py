"""A small OpenID Connect provider for the tests: authorize, token (with PKCE), userinfo and JWKS,
with an RS256-signed id_token. It logs in whoever the test says, like an organisation's own
identity provider after its own log-in page."""

import base64
import hashlib
import json
import secrets
import threading
import time
from urllib.parse import parse_qs, urlencode
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

CLIENT_ID = "driehoek"
CLIENT_SECRET = "test-client-secret"


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class Provider:
    def __init__(self, port: int):
        self.base = f"http://127.0.0.1:{port}"
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.email = None  # who is logged in at the provider
        self.amr: list[str] = ["pwd"]
        self.email_verified = True  # None: the claim is left out
        self.audience = CLIENT_ID
        self.codes: dict[str, dict] = {}
        self.tokens: dict[str, str] = {}
        self.server: WSGIServer = make_server("127.0.0.1", port, self.app, handler_class=_Quiet)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def settings(self) -> dict:
        return {
            "OIDC_ENABLED": True,
            "OIDC_RP_CLIENT_ID": CLIENT_ID,
            "OIDC_RP_CLIENT_SECRET": CLIENT_SECRET,
            "OIDC_OP_AUTHORIZATION_ENDPOINT": self.base + "/authorize",
            "OIDC_OP_TOKEN_ENDPOINT": self.base + "/token",
            "OIDC_OP_USER_ENDPOINT": self.base + "/userinfo",
            "OIDC_OP_JWKS_ENDPOINT": self.base + "/jwks",
            "OIDC_PROVIDER_NAME": "Testorganisatie",
        }

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    # --- the WSGI application --------------------------------------------------------------

    def app(self, environ, start_response):
        path = environ["PATH_INFO"]
        query = {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
        if path == "/authorize":
            return self._authorize(query, start_response)
        if path == "/token":
            size = int(environ.get("CONTENT_LENGTH") or 0)
            form = {k: v[0] for k, v in parse_qs(environ["wsgi.input"].read(size).decode()).items()}
            return self._token(form, start_response)
        if path == "/userinfo":
            email = self.tokens.get(environ.get("HTTP_AUTHORIZATION", "").removeprefix("Bearer "))
            if email is None:
                return self._json(start_response, {"error": "invalid_token"}, "401 Unauthorized")
            claims = {"sub": email, "email": email, "email_verified": self.email_verified}
            return self._json(start_response, {k: v for k, v in claims.items() if v is not None})
        if path == "/jwks":
            jwk = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
            return self._json(start_response, {"keys": [{**jwk, "kid": "test", "alg": "RS256", "use": "sig"}]})
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]

    def _authorize(self, query, start_response):
        assert query["client_id"] == CLIENT_ID and query["response_type"] == "code"
        code = secrets.token_urlsafe(16)
        self.codes[code] = {
            "email": self.email,
            "nonce": query.get("nonce"),
            "challenge": query.get("code_challenge"),
            "redirect_uri": query["redirect_uri"],
        }
        location = query["redirect_uri"] + "?" + urlencode({"code": code, "state": query["state"]})
        start_response("302 Found", [("Location", location)])
        return [b""]

    def _token(self, form, start_response):
        grant = self.codes.pop(form.get("code", ""), None)
        verifier = form.get("code_verifier", "")
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
        if (
            grant is None
            or form.get("client_id") != CLIENT_ID
            or form.get("client_secret") != CLIENT_SECRET
            or form.get("redirect_uri") != grant["redirect_uri"]
            or challenge != grant["challenge"]
        ):
            return self._json(start_response, {"error": "invalid_grant"}, "400 Bad Request")
        now = int(time.time())
        claims = {
            "iss": self.base,
            "sub": grant["email"],
            "aud": self.audience,
            "iat": now,
            "exp": now + 300,
            "nonce": grant["nonce"],
            "email": grant["email"],
            "amr": self.amr,
        }
        id_token = jwt.encode(claims, self.key, algorithm="RS256", headers={"kid": "test"})
        access_token = secrets.token_urlsafe(16)
        self.tokens[access_token] = grant["email"]
        return self._json(start_response, {"access_token": access_token, "token_type": "Bearer", "id_token": id_token})

    @staticmethod
    def _json(start_response, body, status="200 OK"):
        start_response(status, [("Content-Type", "application/json")])
        return [json.dumps(body).encode()]
