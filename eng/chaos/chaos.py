#!/usr/bin/env python3
"""Fault injection: starts the whole system (the AppHost, on a private state directory and random ports), drives a
mixed load (photo uploads by every user, marketplace purchases through Payments and the Toss simulator) while it
SIGKILLs, at random moments, RabbitMQ, MariaDB, each service and the vision worker in the middle of a batch; the
AppHost's restart policy brings each back. Then it waits until the system is quiet and checks invariants from the
outside and from the databases. Prints the tables; exits 1 when an invariant failed, 2 when the run itself could not
be done. Not part of the test suite: a developer runs it (see eng/chaos/README.md). Python 3 standard library only.
"""
import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import Counter

import invariants
import report
from apphost import PROJECTS, SERVERS, AppHost
from client import Http, sign_up
from faults import FaultInjector
from load import Purchases, Uploads

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
KILLED_BY_DEFAULT = ["messaging", "mariadb", "identity-api", "closet-api", "payments-api", "gateway", "vision-worker"]


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    parser.add_argument("--users", type=int, default=20, help="users who sign up and upload")
    parser.add_argument("--uploads", type=int, default=300, help="photos uploaded over the run, spread over the users")
    parser.add_argument("--purchases", type=int, default=50, help="marketplace purchases over the run")
    parser.add_argument("--buyers", type=int, default=3, help="purchases running at once")
    parser.add_argument("--duration", type=float, default=300, help="seconds of load, during which every fault falls")
    parser.add_argument("--burst", type=int, default=12, help="extra photos uploaded at once just before the vision worker is killed")
    parser.add_argument("--kill", nargs="+", default=KILLED_BY_DEFAULT, choices=KILLED_BY_DEFAULT + ["toss-simulator"],
                        help="components to kill, once each (toss-simulator forgets its payments when it restarts)")
    parser.add_argument("--start-timeout", type=float, default=900, help="seconds the system may take to come up healthy")
    parser.add_argument("--grace", type=float, default=5, help="seconds after a component's recovery that still count as its kill window")
    parser.add_argument("--quiet-timeout", type=float, default=240, help="seconds to wait for the system to settle after the load")
    parser.add_argument("--seed", type=int, default=None, help="seed for the fault order and moments (random when left out)")
    parser.add_argument("--out", default=None, help="folder for the AppHost state, its output, the request log and service logs")
    parser.add_argument("--keep-state", action="store_true", help="keep the AppHost's state directory even when every invariant held")
    parser.add_argument("--no-build", action="store_true", help="use the existing Debug build")
    return parser.parse_args()


def main():
    options = arguments()
    seed = options.seed if options.seed is not None else random.randrange(1_000_000)
    random.seed(seed)
    out = os.path.abspath(options.out or f"/tmp/closetconnect-chaos-{time.strftime('%Y%m%dT%H%M%S')}")
    state = os.path.join(out, "state")
    os.makedirs(state, exist_ok=True)
    began = time.monotonic()
    print(f"chaos run, seed {seed}; state and logs in {out}", flush=True)

    if not options.no_build:
        print("building AppHost and the services ...", flush=True)
        subprocess.run(["dotnet", "build", os.path.join(ROOT, "AppHost", "AppHost.csproj"), "-v", "q", "--nologo"], check=True)

    apphost = AppHost(ROOT, state, os.path.join(out, "apphost.out"))
    apphost.start()
    try:
        return run(options, seed, out, state, apphost, began)
    finally:
        apphost.stop()
        print(f"total run time {time.monotonic() - began:.0f} s", flush=True)


def run(options, seed, out, state, apphost, began):
    gateway = apphost.wait_until_up(time.monotonic() + options.start_timeout)
    dashboard = apphost.dashboard_url()
    print(f"system up in {time.monotonic() - began:.0f} s: gateway {gateway}, dashboard {dashboard}", flush=True)
    http = Http(gateway, apphost.toss_url(), time.monotonic)

    deadline = time.monotonic() + 300
    users = [sign_up(http, os.path.join(state, "mail"), i, deadline) for i in range(options.users)]
    print(f"{len(users)} users signed up", flush=True)

    uploads = Uploads(http, fixture_photos())
    purchases = Purchases(http, users)
    start = time.monotonic()
    injector = FaultInjector(apphost, options.kill, start, options.duration, time.monotonic, uploads, users, options.burst, seed)
    threads = [threading.Thread(target=uploads.run_user, args=(u, share(options.uploads, len(users), u.index), start, options.duration, injector.is_alive), daemon=True)
               for u in users]
    # Purchases begin once the first photos are analysed.
    threads += [threading.Thread(target=purchases.run_worker, args=(share(options.purchases, options.buyers, b), start + 15, max(options.duration - 15, 1), injector.is_alive), daemon=True)
                for b in range(options.buyers)]
    print(f"load for {options.duration:.0f} s: {options.uploads} uploads (+{options.burst} in a burst), {options.purchases} purchases; "
          f"killing {', '.join(f.component for f in injector.faults)}", flush=True)
    for thread in [injector, *threads]:
        thread.start()
    progress(threads + [injector], uploads, purchases, injector, start)
    for thread in uploads.burst_threads:
        thread.join()

    components = list(PROJECTS) + list(SERVERS)
    quiet, waited, busy = invariants.wait_for_quiescence(apphost, components, options.quiet_timeout)
    injector.stop()
    end = time.monotonic()
    print(f"\nload and faults done at {end - start - waited:.0f} s; quiet after {waited:.0f} s more" if quiet
          else f"\nnot quiet after {waited:.0f} s: {busy}", flush=True)

    orders = invariants.load_orders(apphost)
    results = [invariants.check_uploads(apphost, http, uploads, users, orders),
               invariants.check_purchases(apphost, http, purchases, users, orders),
               invariants.check_outboxes(apphost)]
    dead_letters, printed = invariants.check_dead_letters(apphost)
    errors, expected, violations = invariants.check_errors(http.requests, injector.faults, options.grace, end)
    results += [dead_letters, errors]
    if not quiet:
        results.insert(0, invariants.Invariant("the system settles after the load", False, f"after {waited:.0f} s still busy: {busy}", []))

    report.note_first_successes(injector.faults, http.requests)
    report.faults(injector.faults, start)
    report.requests(http.requests, start)
    report.errors(expected, violations, start)
    summarize_load(uploads, purchases)
    if printed:
        print("\nDead-lettered messages")
        for line in printed:
            print(f"  {line}")
    report.logs(report.save_logs(dashboard, out, list(PROJECTS)), out)
    save_requests(http.requests, os.path.join(out, "requests.tsv"), start)
    report.invariants(results)

    held = all(r.held for r in results)
    print(f"\n{'every invariant held' if held else 'INVARIANTS FAILED'} (seed {seed}, load {options.duration:.0f} s, "
          f"run {time.monotonic() - began:.0f} s)", flush=True)
    if held and not options.keep_state:
        apphost.stop()
        shutil.rmtree(state, ignore_errors=True)
    return 0 if held else 1


def fixture_photos():
    folder = os.path.join(ROOT, "tests", "fixtures", "vision", "images")
    photos = []
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), "rb") as file:
            photos.append((name, file.read()))
    return photos


def share(total, parts, index):
    return total // parts + (1 if index < total % parts else 0)


def progress(threads, uploads, purchases, injector, start):
    while any(t.is_alive() for t in threads):
        time.sleep(15)
        killed = [f.component for f in injector.faults if f.killed is not None]
        paid = sum(p.outcome == "paid" for p in purchases.purchases)
        print(f"  {time.monotonic() - start:5.0f} s: {len(uploads.accepted())} uploads accepted, {paid} purchases paid, "
              f"killed so far: {', '.join(killed) or 'nothing'}", flush=True)


def summarize_load(uploads, purchases):
    refused = [a for a in uploads.attempts if a.status != 201]
    print(f"\nUploads: {len(uploads.accepted())} accepted in {len(uploads.attempts)} attempts"
          + (f" ({len(refused)} not accepted: {dict(sorted(Counter(a.status for a in refused).items(), key=str))})" if refused else ""))
    outcomes = Counter(p.outcome for p in purchases.purchases)
    transfers = sorted(p.transfer_seconds for p in purchases.purchases if p.transfer_seconds is not None)
    median = f", confirm → item with the buyer median {transfers[len(transfers) // 2]:.1f} s, max {transfers[-1]:.1f} s" if transfers else ""
    print(f"Purchases: {len(purchases.purchases)} started, outcomes {dict(outcomes)}{median}")


def save_requests(requests, path, start):
    with open(path, "w", encoding="utf-8") as file:
        file.write("started_s\tended_s\tmethod\troute\tcomponent\tstatus\terror\n")
        for r in sorted(requests, key=lambda r: r.started):
            file.write(f"{r.started - start:.3f}\t{r.ended - start:.3f}\t{r.method}\t{r.route}\t{r.component}\t{r.status or ''}\t{r.error or ''}\n")


def interrupt(*_):
    raise KeyboardInterrupt


if __name__ == "__main__":
    # Ctrl+C or SIGTERM (also when started in the background, where SIGINT is ignored) stops the AppHost on the way out.
    signal.signal(signal.SIGINT, interrupt)
    signal.signal(signal.SIGTERM, interrupt)
    try:
        sys.exit(main())
    except (RuntimeError, subprocess.CalledProcessError) as failure:
        print(f"chaos run failed: {failure}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(130)
