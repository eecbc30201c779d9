"""After the load: wait until the system is quiet, then check what must hold however the faults fell, from the
outside (REST through the gateway, the simulator's control API) and from the databases and the broker."""
import hashlib
import json
import subprocess
import time
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass

import amqp
from client import RETRYABLE

DATABASES = ("identitydb", "closetdb", "paymentsdb")
SERVICE_QUEUES = ("closet-api", "payments-api", "vision-worker")
QUEUE_DATABASE = {"closet-api": "closetdb", "payments-api": "paymentsdb", "identity-api": "identitydb"}
STALE_REASON_START = "The photo was not analysed in time"
# What a request through the gateway needs synchronously; a 5xx shortly after one of these was killed is expected.
DEPENDS = {
    "identity-api": {"gateway", "identity-api", "mariadb"},
    "closet-api": {"gateway", "closet-api", "mariadb"},
    "payments-api": {"gateway", "payments-api", "mariadb", "closet-api", "toss-simulator"},
    "toss-simulator": {"toss-simulator"},
    "gateway": {"gateway"},
}


@dataclass
class Invariant:
    name: str
    held: bool
    counts: str
    problems: list


def caused_by(cause_id, event_name):
    """IntegrationEvent.IdCausedBy: the id of the event that handling cause_id raises (SHA-256, .NET Guid byte order)."""
    digest = hashlib.sha256(f"{uuid.UUID(cause_id).hex}/{event_name}".encode()).digest()
    return str(uuid.UUID(bytes_le=digest[:16]))


def count(apphost, database, query):
    return int(apphost.sql(database, query)[0][0])


def wait_for_quiescence(apphost, components, timeout):
    """Until nothing is left to do: no item analysing, outboxes empty, service queues empty, no order confirming or
    paid without its item moved, every component healthy. Returns (quiet, seconds waited, what was still busy, with
    the count it had when the wait began: slow progress and none at all read differently)."""
    started = time.monotonic()
    first = {}
    while True:
        busy = {}
        try:
            if (n := count(apphost, "closetdb", "SELECT COUNT(*) FROM Items WHERE Status = 'Processing'")):
                busy["items processing"] = n
            for database in DATABASES:
                if (n := count(apphost, database, "SELECT COUNT(*) FROM OutboxMessages WHERE PublishedAt IS NULL")):
                    busy[f"{database} outbox"] = n
            if (n := count(apphost, "paymentsdb", "SELECT COUNT(*) FROM Orders WHERE Status = 'Confirming' OR (Status = 'Paid' AND ItemTransferredAt IS NULL)")):
                busy["orders settling"] = n
            # Ready messages over AMQP while anything else is busy; rabbitmqctl (a VM start each time) for the
            # unacknowledged ones only at the end.
            counts = apphost.queue_counts(SERVICE_QUEUES) or {}
            for queue, (ready, consumers) in counts.items():
                if ready:
                    busy[f"queue {queue}"] = ready
                if not consumers:
                    busy[f"queue {queue} without a consumer"] = True
            if not busy:
                for queue, (ready, unacked, _) in apphost.queues().items():
                    if queue in SERVICE_QUEUES and ready + unacked:
                        busy[f"queue {queue}"] = ready + unacked
        except (RuntimeError, OSError, subprocess.SubprocessError) as error:
            busy["unreachable"] = str(error)[:120]
        unhealthy = [c for c in components if not apphost.healthy(c)]
        if unhealthy:
            busy["unhealthy"] = ", ".join(unhealthy)
        for key, value in busy.items():
            first.setdefault(key, value)
        waited = time.monotonic() - started
        if not busy or waited >= timeout:
            return not busy, waited, {k: v if first[k] == v or not isinstance(v, int) else f"{v} (from {first[k]})" for k, v in busy.items()}
        time.sleep(2)


def check_uploads(apphost, http, uploads, users, orders):
    """Each accepted upload is exactly one item, ready or failed, decided once; per user, the closet's total agrees."""
    rows = apphost.sql("closetdb", "SELECT Id, UserId, Name, Status, IFNULL(FailureReason, '') FROM Items")
    by_name = defaultdict(list)
    for item_id, user_id, name, status, reason in rows:
        by_name[name].append((item_id, user_id, status, reason))
    attempts = {a.name: a for a in uploads.attempts}
    accepted = [a for a in uploads.attempts if a.status == 201]
    unknown = [a for a in uploads.attempts if a.status in RETRYABLE]
    problems = []
    missing = [a.name for a in accepted if not by_name.get(a.name)]
    doubled = [name for name, found in by_name.items() if len(found) > 1]
    phantom = [a.name for a in uploads.attempts if a.status not in RETRYABLE and a.status != 201 and by_name.get(a.name)]
    orphans = [a for a in unknown if by_name.get(a.name)]
    strangers = [name for name in by_name if name not in attempts]
    stuck = [(name, f[0][0]) for name, f in by_name.items() if any(s == "Processing" for _, _, s, _ in f)]
    problems += [f"accepted upload {n} has no item" for n in missing]
    problems += [f"{n}: {len(by_name[n])} items" for n in doubled]
    problems += [f"refused upload {n} made an item" for n in phantom]
    problems += [f"item {n} was never uploaded by this run" for n in strangers]
    problems += [f"item {i} ({n}) still processing" for n, i in stuck]

    # Exactly one vision outcome per item, found through the inbox: the ids Vision gives its results are derived from
    # the upload event's id (IntegrationEvent.IdCausedBy).
    inbox = {row[0] for row in apphost.sql("closetdb", "SELECT MessageId FROM InboxMessages WHERE EventName LIKE 'vision.%'")}
    upload_events = {}
    for event_id, payload in apphost.sql("closetdb", "SELECT Id, Payload FROM OutboxMessages WHERE EventName = 'closet.item-image-uploaded'"):
        upload_events[json.loads(payload)["itemId"]] = event_id
    outcomes = Counter()
    statuses = Counter()
    for name, found in by_name.items():
        for item_id, _, status, reason in found:
            statuses["timed out" if reason.startswith(STALE_REASON_START) else status.lower()] += 1
            event_id = upload_events.get(item_id)
            if event_id is None:
                problems.append(f"item {item_id} ({name}) has no upload event")
                continue
            decided = sum(caused_by(event_id, e) in inbox for e in ("vision.item-analyzed", "vision.item-analysis-failed"))
            outcomes[decided] += 1
            if decided > 1:
                problems.append(f"item {item_id} ({name}) was both analysed and failed")
            elif decided == 0 and status != "Processing" and not reason.startswith(STALE_REASON_START):
                problems.append(f"item {item_id} ({name}) is {status} without a vision result")
    if statuses["timed out"]:
        problems.append(f"{statuses['timed out']} items failed by the sweeper: their analysis never arrived")

    # Per user through REST: uploads that made an item, minus what they sold, plus what they bought.
    moved = [(o["seller"], o["buyer"]) for o in orders if o["status"] == "Paid" and o["transferred"]]
    mismatched = 0
    for user in users:
        names = {a.name for a in uploads.attempts if a.user is user and by_name.get(a.name)}
        expected = len(names) - sum(s == user.user_id for s, _ in moved) + sum(b == user.user_id for _, b in moved)
        answer = http.call("GET", "/api/v1/closet/items?pageSize=1", token=user.token, client=user.client)
        total = answer.body.get("total") if answer.status == 200 else None
        if total != expected:
            mismatched += 1
            problems.append(f"{user.username}: closet shows {total} items, expected {expected}")
    counts = (f"{len(accepted)} accepted of {len(uploads.attempts)} attempts; {len(orphans)} items from unanswered attempts; "
              f"{statuses['ready']} ready, {statuses['failed']} failed, {statuses['timed out']} timed out, {len(stuck)} processing; "
              f"one vision outcome for {outcomes[1]}, none for {outcomes[0]}, two for {outcomes[2]}; "
              f"{len(users) - mismatched}/{len(users)} closets add up")
    return Invariant("every upload ends ready or failed, exactly once", not problems, counts, problems)


def load_orders(apphost):
    rows = apphost.sql("paymentsdb", "SELECT Id, ListingId, ItemId, BuyerId, SellerId, Status, ItemTransferredAt IS NOT NULL FROM Orders")
    return [dict(id=r[0], listing=r[1], item=r[2], buyer=r[3], seller=r[4], status=r[5], transferred=r[6] == "1") for r in rows]


def check_purchases(apphost, http, purchases, users, orders):
    """Each paid order was charged once at Toss and moved exactly one item; nothing else kept money."""
    by_id = {u.user_id: u for u in users}
    owners = dict(apphost.sql("closetdb", "SELECT Id, UserId FROM Items"))
    ledger = Counter((r[0], r[1]) for r in apphost.sql("paymentsdb", "SELECT OrderId, Kind FROM LedgerEntries"))
    problems = []
    paid = charged_once = moved_once = 0
    for order in orders:
        report = http.call("GET", f"{http.toss}/simulator/orders/{order['id'].replace('-', '')}")
        approvals, cancels = (report.body["approvals"], report.body["cancels"]) if report.status == 200 else (0, 0)
        status, item = order["status"], order["item"]
        label = f"order {order['id']} ({status})"
        if status == "Paid":
            paid += 1
            if (approvals, cancels) == (1, 0):
                charged_once += 1
            else:
                problems.append(f"{label}: {approvals} approvals, {cancels} cancels at Toss")
            buyer, seller = by_id[order["buyer"]], by_id[order["seller"]]
            as_buyer = http.call("GET", f"/api/v1/closet/items/{item}", token=buyer.token, client=buyer.client).status
            as_seller = http.call("GET", f"/api/v1/closet/items/{item}", token=seller.token, client=seller.client).status
            sale = (ledger[(order["id"], "Sale")], ledger[(order["id"], "PlatformFee")])
            if order["transferred"] and owners.get(item) == order["buyer"] and (as_buyer, as_seller) == (200, 404) and sale == (1, 1):
                moved_once += 1
            else:
                problems.append(f"{label}: transferred={order['transferred']}, owner is {'buyer' if owners.get(item) == order['buyer'] else 'not the buyer'}, "
                                f"buyer GET {as_buyer}, seller GET {as_seller}, ledger sale/fee entries {sale}")
        elif status == "Refunded":
            if (approvals, cancels) != (1, 1) or owners.get(item) != order["seller"]:
                problems.append(f"{label}: {approvals} approvals, {cancels} cancels, item with {'seller' if owners.get(item) == order['seller'] else 'someone else'}")
        elif status == "Confirming":
            problems.append(f"{label}: still confirming")
        elif approvals != cancels:
            problems.append(f"{label}: {approvals} approvals but {cancels} cancels at Toss (money kept)")
    paid_items = Counter(o["item"] for o in orders if o["status"] == "Paid")
    problems += [f"item {i} sold by {n} paid orders" for i, n in paid_items.items() if n > 1]
    seen_paid = [p for p in purchases.purchases if p.outcome == "paid"]
    statuses = {o["id"]: o["status"] for o in orders}
    problems += [f"the buyer saw order {p.order_id} paid, it is {statuses.get(p.order_id)}" for p in seen_paid if statuses.get(p.order_id) != "Paid"]
    outcomes = Counter(o["status"] for o in orders)
    counts = (f"{paid} paid ({len(seen_paid)} of {len(purchases.purchases)} attempts confirmed to the buyer); charged once {charged_once}/{paid}; "
              f"one item moved {moved_once}/{paid}; orders by status {dict(outcomes)}")
    return Invariant("every paid order charged once and moved one item", not problems, counts, problems)


def check_outboxes(apphost):
    left = {db: count(apphost, db, "SELECT COUNT(*) FROM OutboxMessages WHERE PublishedAt IS NULL") for db in DATABASES}
    totals = {db: count(apphost, db, "SELECT COUNT(*) FROM OutboxMessages") for db in DATABASES}
    problems = [f"{db}: {n} unpublished" for db, n in left.items() if n]
    counts = ", ".join(f"{db} {left[db]}/{totals[db]} unpublished" for db in DATABASES)
    return Invariant("outboxes drained", not problems, counts, problems)


def check_dead_letters(apphost):
    """Every message in a *.dead-letter queue, printed; one counts as explained when its effect happened anyway."""
    queues = {name: ready + unacked for name, (ready, unacked, _) in apphost.queues().items() if name.endswith(".dead-letter")}
    printed, problems = [], []
    with amqp.Connection(apphost.amqp_url) as connection:
        for queue, size in sorted(queues.items()):
            if not size:
                continue
            owner = queue.removesuffix(".dead-letter")
            for message in connection.peek(queue):
                death = (message["properties"].get("headers") or {}).get("x-death") or [{}]
                event = (death[0].get("routing-keys") or [message["routing_key"]])[0]
                try:
                    body = json.loads(message["body"])
                except ValueError:
                    body = {}
                explanation = explain(apphost, owner, event, body)
                line = (f"{queue}: {event} id={body.get('id')} reason={death[0].get('reason')} count={death[0].get('count')} "
                        f"→ {explanation or 'NOT EXPLAINED'}; body {message['body'][:160].decode(errors='replace')}")
                printed.append(line)
                if not explanation:
                    problems.append(line)
    counts = ", ".join(f"{q} {n}" for q, n in sorted(queues.items())) or "no dead-letter queues"
    return Invariant("dead-letter queues empty or explained", not problems, counts, problems), printed


def explain(apphost, owner, event, body):
    """Why a dead-lettered message did no harm, if it did none: a redelivery was processed after all."""
    message_id = body.get("id")
    if owner in QUEUE_DATABASE and message_id:
        if count(apphost, QUEUE_DATABASE[owner], f"SELECT COUNT(*) FROM InboxMessages WHERE MessageId = '{uuid.UUID(message_id)}'"):
            return "processed anyway (its id is in the inbox)"
    if owner == "vision-worker" and body.get("itemId") and message_id:
        outcomes = [caused_by(message_id, e) for e in ("vision.item-analyzed", "vision.item-analysis-failed")]
        listed = ", ".join(f"'{o}'" for o in outcomes)
        if count(apphost, "closetdb", f"SELECT COUNT(*) FROM InboxMessages WHERE MessageId IN ({listed})"):
            return "the item got its vision result from another delivery"
    return None


def classify_errors(requests, faults, grace, end):
    """Each 5xx or unanswered request: expected (inside a kill window of a component it needs) or a violation."""
    expected, violations = [], []
    for request in requests:
        if request.status is not None and request.status < 500:
            continue
        window = next((f for f in faults if f.killed is not None and f.component in DEPENDS.get(request.component, {"gateway"})
                       and request.ended >= f.killed and request.started <= (f.recovered() or end) + grace), None)
        (expected if window else violations).append((request, window))
    return expected, violations


def check_errors(requests, faults, grace, end):
    expected, violations = classify_errors(requests, faults, grace, end)
    errors = len(expected) + len(violations)
    counts = f"{len(requests)} requests, {errors} 5xx or unanswered: {len(expected)} inside kill windows, {len(violations)} outside"
    problems = [f"{r.method} {r.route} → {r.status or r.error}" for r, _ in violations]
    return Invariant("no 5xx outside the kill windows", not violations, counts, problems), expected, violations
