"""HTTP as the load sees it (stdlib only): every request is recorded with its time, the component that serves it
and its status (None when no answer came: refused, reset, timed out), and retried the way a patient client would."""
import glob
import json
import os
import random
import re
import secrets
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field

# Statuses worth another try: no answer, rate limited, or the server (or the gateway in front of it) failing.
RETRYABLE = {None, 429, 500, 502, 503, 504}
ROUTES = [("/api/v1/auth", "identity-api"), ("/api/v1/users", "identity-api"), ("/api/v1/closet", "closet-api"),
          ("/api/v1/market", "closet-api"), ("/api/v1/payments", "payments-api")]
ID = re.compile(r"[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")


@dataclass
class Request:
    started: float
    ended: float
    method: str
    route: str
    component: str
    status: int | None
    error: str | None


@dataclass
class Answer:
    status: int | None
    body: object
    headers: dict
    error: str | None = None


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Http:
    def __init__(self, gateway, toss, clock):
        self.gateway, self.toss, self.clock = gateway, toss, clock
        self.requests: list[Request] = []
        self.lock = threading.Lock()
        self.opener = urllib.request.build_opener(NoRedirect)

    def component_of(self, url):
        if url.startswith(self.toss):
            return "toss-simulator"
        path = urllib.parse.urlsplit(url).path
        return next((component for prefix, component in ROUTES if path.startswith(prefix)), "gateway")

    def call(self, method, path, *, json_body=None, form=None, multipart=None, token=None, client=None, headers=None, timeout=30):
        url = path if path.startswith("http") else self.gateway + path
        sent = dict(headers or {})
        data = None
        if json_body is not None:
            data, sent["Content-Type"] = json.dumps(json_body).encode(), "application/json"
        elif form is not None:
            data, sent["Content-Type"] = urllib.parse.urlencode(form).encode(), "application/x-www-form-urlencoded"
        elif multipart is not None:
            data, sent["Content-Type"] = multipart
        if token:
            sent["Authorization"] = f"Bearer {token}"
        if client:
            # The gateway limits per client address and trusts loopback as a proxy: each user has an address of its own.
            sent["X-Forwarded-For"] = client
        started = self.clock()
        try:
            with self.opener.open(urllib.request.Request(url, data, sent, method=method), timeout=timeout) as response:
                answer = Answer(response.status, self.parse(response), dict(response.headers))
        except urllib.error.HTTPError as error:
            answer = Answer(error.code, self.parse(error), dict(error.headers))
        except (OSError, urllib.error.URLError) as error:
            answer = Answer(None, None, {}, f"{type(error).__name__}: {error}")
        route = ID.sub("{id}", urllib.parse.urlsplit(url).path)
        with self.lock:
            self.requests.append(Request(started, self.clock(), method, route, self.component_of(url), answer.status, answer.error))
        return answer

    @staticmethod
    def parse(response):
        try:
            raw = response.read()
        except OSError:
            return None
        if raw and "json" in (response.headers.get("Content-Type") or ""):
            try:
                return json.loads(raw)
            except ValueError:
                return raw
        return raw

    def patiently(self, method, path, deadline, **kwargs):
        """The call again while it answers nothing, 429 or 5xx, until the deadline (monotonic), backing off."""
        delay = 0.5
        while True:
            answer = self.call(method, path, **kwargs)
            if answer.status not in RETRYABLE or time.monotonic() >= deadline:
                return answer
            wait = delay
            if answer.status == 429:
                wait = max(wait, float(answer.headers.get("Retry-After", 1)))
            time.sleep(min(wait * (0.5 + random.random()), max(0.0, deadline - time.monotonic())))
            delay = min(delay * 2, 4.0)


def multipart_form(fields, file_field, file_name, content_type, content):
    boundary = uuid.uuid4().hex
    parts = [f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n".encode() for name, value in fields.items()]
    parts.append(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{file_field}\"; filename=\"{file_name}\"\r\n"
                 f"Content-Type: {content_type}\r\n\r\n".encode() + content + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


@dataclass
class User:
    index: int
    username: str
    email: str
    password: str
    client: str
    token: str = ""
    user_id: str = ""
    uploaded: list = field(default_factory=list)


def sign_up(http, mail_directory, index, deadline):
    """Register, verify with the code from the dev mailbox, log in, and wait for the closet Identity's event creates."""
    username = f"chaos{index:02d}{secrets.token_hex(4)}"
    user = User(index, username, f"{username}@example.com", f"Chaos-{secrets.token_hex(8)}A7!", f"10.77.{index // 250}.{index % 250 + 1}")
    registered = http.patiently("POST", "/api/v1/auth/register", deadline, client=user.client,
                                json_body={"email": user.email, "username": username, "password": user.password, "fullName": "Chaos Monkey"})
    if registered.status != 201:
        raise RuntimeError(f"register {username}: {registered.status} {registered.body}")
    user.user_id = registered.body["userId"]
    code = None
    while code is None and time.monotonic() < deadline:
        for path in sorted(glob.glob(os.path.join(mail_directory, "*.eml")), reverse=True):
            text = open(path, encoding="utf-8", errors="replace").read()
            if user.email in text and (match := re.search(r"\b(\d{6})\b", text.split("\n\n", 1)[-1])):
                code = match.group(1)
                break
        else:
            time.sleep(0.2)
    verified = http.patiently("POST", "/api/v1/auth/verify-email", deadline, client=user.client, json_body={"email": user.email, "code": code})
    if verified.status != 204:
        raise RuntimeError(f"verify {username}: {verified.status} {verified.body}")
    logged_in = http.patiently("POST", "/api/v1/auth/login", deadline, client=user.client, json_body={"email": user.email, "password": user.password})
    if logged_in.status != 200:
        raise RuntimeError(f"login {username}: {logged_in.status} {logged_in.body}")
    user.token = logged_in.body["accessToken"]
    while http.call("GET", "/api/v1/closet/items", token=user.token, client=user.client).status != 200:
        if time.monotonic() >= deadline:
            raise RuntimeError(f"{username} never got a closet")
        time.sleep(0.5)
    return user
