"""Schemathesis against Protocol/openapi.yaml and a real triangulate-hub process.

Every request is signed as an enrolled organisation would sign it (the key comes from a node
store that `.ci/schemathesis` made and enrolled), so that the fuzzer passes authentication and
reaches the hub's handlers. Each case must get no server error and a response that the
specification allows: its status, its content type and its body's schema.

Run by `.ci/schemathesis`, which starts the hub and sets TRIANGULATE_SCHEMATHESIS_HUB and
TRIANGULATE_SCHEMATHESIS_NODE.
"""
import base64
import hashlib
import os
import sqlite3
import sys
import time
import uuid

import requests
import schemathesis
from schemathesis.checks import CHECKS
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, settings

HUB = os.environ["TRIANGULATE_SCHEMATHESIS_HUB"]
NODE = os.environ["TRIANGULATE_SCHEMATHESIS_NODE"]
SPEC = os.path.join(os.path.dirname(__file__), "..", "..", "Protocol", "openapi.yaml")


def enrolled_key():
    """The node's Ed25519 key and key id, read from its store as the node reads them."""
    with sqlite3.connect(f"file:{NODE}?mode=ro", uri=True) as db:
        raw, key_id = db.execute("SELECT privateKey, keyID FROM nodeKey").fetchone()
    return Ed25519PrivateKey.from_private_bytes(bytes(raw)), key_id


class SignedRequest(requests.auth.AuthBase):
    """Signs the request exactly as sent (Protocol/openapi.yaml, "Signed requests"): method, path
    with its query, timestamp, nonce and the SHA-256 of the body bytes."""

    def __init__(self):
        self.key, self.key_id = enrolled_key()

    def __call__(self, request):
        # A case generated without the signature tests that an unsigned request is refused: it
        # goes unsigned. Any other gets a real signature in place of the generated one.
        if "Triangulate-Signature" not in request.headers:
            return request
        body = request.body or b""
        if isinstance(body, str):
            body = body.encode()
        digest = hashlib.sha256(body).hexdigest()
        timestamp = str(int(time.time()))
        nonce = str(uuid.uuid4())
        message = f"{request.method.upper()}\n{request.path_url}\n{timestamp}\n{nonce}\n{digest}".encode()
        request.headers["Triangulate-Key"] = self.key_id
        request.headers["Triangulate-Timestamp"] = timestamp
        request.headers["Triangulate-Nonce"] = nonce
        request.headers["Triangulate-Signature"] = base64.b64encode(self.key.sign(message)).decode()
        request.headers["Triangulate-Content-SHA256"] = digest
        return request


SESSION = requests.Session()
SESSION.auth = SignedRequest()

schema = schemathesis.openapi.from_path(SPEC)

# Checks left out, and why:
# - ignored_auth sends requests whose generated signature it expects refused, which the signing
#   hook has replaced with a real one; forged, stale, replayed and unsigned requests are refused
#   in the Swift suite (HubExchangeTests, AttackTests).
# - positive_data_acceptance expects every schema-valid request accepted, but the hub rightly
#   refuses, with 400/403 and a reason, values that depend on its state and that no schema can
#   express: a proof beyond the log's current size, an enrolment token it never issued, a share
#   it does not know.
# - negative_data_rejection, for POST /v1/push only: the push answers a well-formed envelope
#   with a verdict per item, by design (Protocol/sync.md, "Refusals"), so that one bad share or
#   batch does not hold back the rest; an item that breaks its schema is listed in `refused` with
#   the code `malformed`, which `push_refuses_what_breaks_the_schema` checks instead.
EXCLUDED = [check for check in CHECKS.get_all() if check.__name__ in {"ignored_auth", "positive_data_acceptance"}]
EXCLUDED_FOR_PUSH = EXCLUDED + [check for check in CHECKS.get_all() if check.__name__ == "negative_data_rejection"]


@schemathesis.hook
def map_query(context, query):
    """Long polls of up to a second: nothing is pushed during the run, so a longer wait only
    waits (the wait itself is exercised by the Swift suite and the benchmark)."""
    if query and isinstance(query.get("wait"), int) and query["wait"] > 1:
        query["wait"] = 1
    return query


@schema.parametrize()
# Derandomised, so that CI is reproducible: the same cases on every run (set
# TRIANGULATE_SCHEMATHESIS_EXAMPLES higher, or pass --hypothesis-seed, to explore further).
@settings(max_examples=int(os.environ.get("TRIANGULATE_SCHEMATHESIS_EXAMPLES", "60")), deadline=None,
          derandomize="--hypothesis-seed" not in " ".join(sys.argv), suppress_health_check=list(HealthCheck))
def test_the_hub_keeps_to_its_specification(case):
    push = case.operation.path == "/v1/push"
    # 40 s: the specification's own inbox example long-polls for 29.
    response = case.call_and_validate(base_url=HUB, session=SESSION, timeout=40,
                                      excluded_checks=EXCLUDED_FOR_PUSH if push else EXCLUDED)
    if push:
        push_refuses_what_breaks_the_schema(case, response)


def push_refuses_what_breaks_the_schema(case, response):
    """A push the hub answered 200 accepted nothing that breaks its schema: every item in a
    schema-violating body was refused, none counted as accepted."""
    if response.status_code != 200 or case.meta is None or case.meta.generation.mode.name != "NEGATIVE":
        return
    body = case.body if isinstance(case.body, dict) else {}
    items = sum(len(body.get(kind) or []) for kind in ("shares", "batches", "withdrawals", "purges") if isinstance(body.get(kind), list))
    answer = response.json()
    assert answer["accepted"] == 0 or len(answer["refused"]) > 0 or items == 0, f"a schema-violating push was accepted: {answer}"
