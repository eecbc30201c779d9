#!/usr/bin/env python3
"""Time from confirm to the item showing in the buyer's closet, through the gateway of a running system (./run.sh).

Signs up a seller and a buyer (codes from the dev mailbox), lists N analysed items, then per item: order, pay in the
simulator's window, confirm, and poll the buyer's GET /api/v1/closet/items/{id} until it answers 200.
Prints every sample and the median. Usage: eng/benchmark-purchase.py [N=20] [gateway=http://127.0.0.1:8080]
"""
import glob, itertools, json, os, re, secrets, statistics, sys, time, urllib.error, urllib.parse, urllib.request, uuid

N = int(sys.argv[1]) if len(sys.argv) > 1 else 20
GATEWAY = sys.argv[2] if len(sys.argv) > 2 else "http://127.0.0.1:8080"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PHOTO = os.path.join(ROOT, "tests/fixtures/vision/images/photo-03.png")
# Throwaway accounts: a fresh password each run, meeting the password rules (upper, lower, digit, symbol).
PASSWORD = f"Bench-{secrets.token_hex(8)}A7!"
# The gateway limits requests per client address and trusts loopback as a proxy: each request names its own client.
clients = itertools.count(1)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def call(method, url, body=None, token=None, form=None, content_type=None, follow=True):
    n = next(clients)
    headers = {"X-Forwarded-For": f"10.200.{(n >> 8) & 255}.{n & 255}"}
    data = None
    if body is not None:
        data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
    elif form is not None:
        data, headers["Content-Type"] = urllib.parse.urlencode(form).encode(), "application/x-www-form-urlencoded"
    elif content_type is not None:
        data, headers["Content-Type"] = content_type
    if token:
        headers["Authorization"] = f"Bearer {token}"
    opener = urllib.request.build_opener() if follow else urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(urllib.request.Request(url if url.startswith("http") else GATEWAY + url, data, headers, method=method)) as response:
            raw = response.read()
            return response.status, json.loads(raw) if raw and response.headers.get_content_type().endswith("json") else raw, response.headers
    except urllib.error.HTTPError as error:
        raw = error.read()
        return error.code, raw, error.headers


def sign_up():
    username = f"b{uuid.uuid4().hex[:18]}"
    email = f"{username}@example.com"
    status, _, _ = call("POST", "/api/v1/auth/register", {"email": email, "username": username, "password": PASSWORD, "fullName": "Bench"})
    assert status == 201, status
    for _ in range(100):
        for path in sorted(glob.glob(os.path.join(ROOT, ".apphost/mail/*.eml")), reverse=True):
            text = open(path, encoding="utf-8", errors="replace").read()
            if email in text and (match := re.search(r"\b(\d{6})\b", text.split("\n\n", 1)[-1])):
                assert call("POST", "/api/v1/auth/verify-email", {"email": email, "code": match.group(1)})[0] == 204
                return call("POST", "/api/v1/auth/login", {"email": email, "password": PASSWORD})[1]["accessToken"]
        time.sleep(0.1)
    raise SystemExit(f"no verification mail for {email}")


def list_item(token, i):
    boundary = uuid.uuid4().hex
    photo = open(PHOTO, "rb").read()
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nBench item {i}\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"image\"; filename=\"photo.png\"\r\nContent-Type: image/png\r\n\r\n").encode() + photo + f"\r\n--{boundary}--\r\n".encode()
    status, created, _ = call("POST", "/api/v1/closet/items", token=token, content_type=(body, f"multipart/form-data; boundary={boundary}"))
    assert status == 201, (status, created)
    while call("GET", f"/api/v1/closet/items/{created['id']}", token=token)[1]["status"] != "ready":
        time.sleep(0.2)
    status, listing, _ = call("POST", f"/api/v1/closet/items/{created['id']}/listing", {"price": 10_000 + i, "currency": "KRW"}, token=token)
    assert status == 201, (status, listing)
    return created["id"], listing["id"]


seller, buyer = sign_up(), sign_up()
listings = [list_item(seller, i) for i in range(N)]
samples = []
for item_id, listing_id in listings:
    status, order, _ = call("POST", "/api/v1/payments/orders", {"listingId": listing_id}, token=buyer)
    assert status == 201, (status, order)
    window = order["checkout"]["windowUrl"]
    assert call("GET", window)[0] == 200
    origin = urllib.parse.urlsplit(window)
    status, _, headers = call("POST", f"{origin.scheme}://{origin.netloc}/checkout/approve",
                              form={"orderId": order["orderId"].replace("-", ""), "amount": order["amount"]}, follow=False)
    assert status == 303, status
    redirect = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(headers["Location"]).query))
    started = time.perf_counter()
    status, paid, _ = call("POST", "/api/v1/payments/confirm", {"paymentKey": redirect["paymentKey"], "orderId": redirect["orderId"], "amount": int(redirect["amount"])}, token=buyer)
    assert status == 200, (status, paid)
    while call("GET", f"/api/v1/closet/items/{item_id}", token=buyer)[0] != 200:
        time.sleep(0.02)
    samples.append((time.perf_counter() - started) * 1000)
    print(f"confirm → item in the buyer's closet: {samples[-1]:.0f} ms", flush=True)

print(f"n={len(samples)} median {statistics.median(samples):.0f} ms, min {min(samples):.0f}, max {max(samples):.0f}")
