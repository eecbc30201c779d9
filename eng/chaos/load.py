"""The mixed load: photo uploads by every user, paced over the run, and purchases (a seller lists one of their
analysed items, another user orders it, pays in the Toss simulator's window and confirms). Every attempt is kept, so
the invariants can tell an accepted upload from one whose answer was lost."""
import itertools
import random
import threading
import time
import urllib.parse
import uuid
from dataclasses import dataclass

from client import RETRYABLE, multipart_form

STEP_PATIENCE = 120  # seconds an upload or a purchase step keeps retrying through faults


@dataclass
class UploadAttempt:
    user: object
    name: str
    status: int | None
    item_id: str | None


@dataclass
class Purchase:
    seller: object
    buyer: object
    item_id: str
    listing_id: str | None = None
    order: dict | None = None
    order_id: str | None = None
    outcome: str = "started"
    transfer_seconds: float | None = None


class Uploads:
    def __init__(self, http, photos):
        self.http, self.photos = http, photos
        self.attempts: list[UploadAttempt] = []
        self.lock = threading.Lock()
        self.counter = 0
        self.burst_threads = []

    def accepted(self):
        return [a for a in self.attempts if a.status == 201]

    def upload(self, user):
        """One photo, tried again under a new name until it is accepted: an attempt whose answer is lost may still
        have created its item, and the name tells the invariants which one it was."""
        deadline = time.monotonic() + STEP_PATIENCE
        with self.lock:
            self.counter += 1
            number = self.counter
        photo_name, photo = self.photos[number % len(self.photos)]
        for attempt in itertools.count(1):
            name = f"chaos {user.index:02d}-{number:04d}-{attempt}"
            body = multipart_form({"name": name}, "image", photo_name, "image/png", photo)
            answer = self.http.call("POST", "/api/v1/closet/items", multipart=body, token=user.token, client=user.client, timeout=60)
            item_id = answer.body.get("id") if answer.status == 201 and isinstance(answer.body, dict) else None
            with self.lock:
                self.attempts.append(UploadAttempt(user, name, answer.status, item_id))
                if item_id:
                    user.uploaded.append(item_id)
            if item_id:
                return item_id
            if answer.status not in RETRYABLE or time.monotonic() >= deadline:
                return None
            wait = float(answer.headers.get("Retry-After", 1)) if answer.status == 429 else min(0.5 * 2 ** attempt, 4)
            time.sleep(wait * (0.5 + random.random()))

    def run_user(self, user, count, start, duration, faults_pending):
        """count photos at random moments spread evenly over [start, start + duration] (monotonic), then more at the
        same pace while faults are still pending, so every fault falls under load."""
        for at in paced(count, start, duration, faults_pending):
            time.sleep(max(0.0, at - time.monotonic()))
            self.upload(user)

    def burst(self, users, count):
        """count photos at once (one per user, round robin), so the vision worker has a batch in hand."""
        threads = [threading.Thread(target=self.upload, args=(users[i % len(users)],), daemon=True) for i in range(count)]
        for thread in threads:
            thread.start()
        self.burst_threads += threads


class Purchases:
    def __init__(self, http, users):
        self.http, self.users = http, users
        self.purchases: list[Purchase] = []
        self.offered = set()
        self.lock = threading.Lock()

    def run_worker(self, count, start, duration, faults_pending):
        for at in paced(count, start, duration, faults_pending):
            time.sleep(max(0.0, at - time.monotonic()))
            self.purchase()

    def ready_item(self):
        """A seller and one of their own analysed items not offered before (oldest first)."""
        deadline = time.monotonic() + STEP_PATIENCE
        while time.monotonic() < deadline:
            for seller in random.sample(self.users, len(self.users)):
                with self.lock:
                    candidates = [i for i in seller.uploaded if i not in self.offered]
                for item_id in candidates[:5]:
                    answer = self.http.call("GET", f"/api/v1/closet/items/{item_id}", token=seller.token, client=seller.client)
                    if answer.status == 200 and answer.body.get("status") == "ready" and not answer.body.get("listing"):
                        with self.lock:
                            if item_id not in self.offered:
                                self.offered.add(item_id)
                                return seller, item_id
            time.sleep(2)
        return None, None

    def purchase(self):
        seller, item_id = self.ready_item()
        if seller is None:
            with self.lock:
                self.purchases.append(Purchase(None, None, None, outcome=f"no analysed item to sell within {STEP_PATIENCE} s"))
            return
        buyer = random.choice([u for u in self.users if u is not seller])
        purchase = Purchase(seller, buyer, item_id)
        with self.lock:
            self.purchases.append(purchase)
        try:
            self.list_item(purchase)
            self.order(purchase)
            redirect = self.pay_in_window(purchase)
            self.confirm(purchase, redirect)
            self.wait_for_transfer(purchase)
        except PurchaseStopped as stopped:
            purchase.outcome = str(stopped)

    def step(self, method, path, user=None, **kwargs):
        """One step of a purchase, as the user (or a browser, without one), retried through faults."""
        return self.http.patiently(method, path, time.monotonic() + STEP_PATIENCE, token=user.token if user else None,
                                   client=user.client if user else None, **kwargs)

    def list_item(self, purchase):
        seller = purchase.seller
        answer = self.step("POST", f"/api/v1/closet/items/{purchase.item_id}/listing", seller,
                           json_body={"price": random.randrange(10_000, 100_000, 1000), "currency": "KRW"})
        if answer.status == 201:
            purchase.listing_id = answer.body["id"]
            return
        if answer.status == 409:
            # An earlier attempt listed it and its answer was lost: the item says which listing.
            item = self.step("GET", f"/api/v1/closet/items/{purchase.item_id}", seller)
            if item.status == 200 and item.body.get("listing"):
                purchase.listing_id = item.body["listing"]["id"]
                return
        raise PurchaseStopped(f"listing failed: {answer.status} {short(answer.body)}")

    def order(self, purchase):
        # The same buyer asking again gets the same pending order, so a lost answer is safe to ask again.
        answer = self.step("POST", "/api/v1/payments/orders", purchase.buyer, json_body={"listingId": purchase.listing_id})
        if answer.status != 201:
            raise PurchaseStopped(f"order failed: {answer.status} {short(answer.body)}")
        purchase.order_id = answer.body["orderId"]
        purchase.order = answer.body

    def pay_in_window(self, purchase):
        order = purchase.order
        window = self.step("GET", order["checkout"]["windowUrl"])
        if window.status != 200:
            raise PurchaseStopped(f"payment window: {window.status}")
        origin = urllib.parse.urlsplit(order["checkout"]["windowUrl"])
        approved = self.step("POST", f"{origin.scheme}://{origin.netloc}/checkout/approve",
                             form={"orderId": order["orderId"].replace("-", ""), "amount": order["amount"]})
        if approved.status != 303:
            raise PurchaseStopped(f"pay in window: {approved.status} {short(approved.body)}")
        return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(approved.headers["Location"]).query))

    def confirm(self, purchase, redirect):
        key = str(uuid.uuid4())
        answer = self.step("POST", "/api/v1/payments/confirm", purchase.buyer, headers={"Idempotency-Key": key},
                           json_body={"paymentKey": redirect["paymentKey"], "orderId": redirect["orderId"], "amount": int(redirect["amount"])})
        if answer.status == 202:
            # Toss's answer was lost: the reconciler settles the order.
            end = time.monotonic() + STEP_PATIENCE
            while time.monotonic() < end:
                state = self.http.call("GET", f"/api/v1/payments/orders/{purchase.order_id}", token=purchase.buyer.token, client=purchase.buyer.client)
                if state.status == 200 and state.body.get("status") != "confirming":
                    if state.body.get("status") == "paid":
                        return
                    raise PurchaseStopped(f"settled {state.body.get('status')}")
                time.sleep(1)
            raise PurchaseStopped("still confirming")
        if answer.status != 200:
            raise PurchaseStopped(f"confirm failed: {answer.status} {short(answer.body)}")

    def wait_for_transfer(self, purchase):
        purchase.outcome = "paid"
        started = time.monotonic()
        while time.monotonic() - started < STEP_PATIENCE:
            answer = self.http.call("GET", f"/api/v1/closet/items/{purchase.item_id}", token=purchase.buyer.token, client=purchase.buyer.client)
            if answer.status == 200:
                purchase.transfer_seconds = time.monotonic() - started
                return
            time.sleep(0.5)


def paced(count, start, duration, more):
    """count moments at random within equal slices of [start, start + duration]; then one per slice while more().
    Stops early once the load is over (no fault pending) and the caller has fallen far behind."""
    slot = duration / count
    n = 0
    while n < count or more():
        if time.monotonic() > start + duration + STEP_PATIENCE and not more():
            return
        yield start + slot * (n + random.random())
        n += 1


class PurchaseStopped(Exception):
    pass


def short(body):
    text = body if isinstance(body, str) else repr(body)
    return text[:200]
