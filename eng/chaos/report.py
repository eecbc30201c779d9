"""The run's tables: faults and recovery, requests, errors and when, invariants; plus the services' warnings and
errors from the Aspire dashboard's telemetry API, saved beside the report."""
import json
import os
import re
import time
import urllib.error
import urllib.request
from collections import Counter, defaultdict

# Ids and numbers vary between otherwise equal messages.
NUMBERS = re.compile(r"[0-9a-fA-F-]{32,36}|\d+")


def table(headers, rows):
    widths = [max(len(str(v)) for v in column) for column in zip(headers, *rows)]
    line = "  ".join(f"{{:<{w}}}" for w in widths)
    print(line.format(*headers))
    print(line.format(*("-" * w for w in widths)))
    for row in rows:
        print(line.format(*(str(v) for v in row)))


def seconds(value, origin):
    return "-" if value is None else f"{value - origin:.1f}"


def faults(faults, origin):
    print("\nFaults injected (SIGKILL; times in s from the start of the load, recovery in s from the kill)")
    rows = []
    for f in faults:
        recovered = f.recovered()
        rows.append([f.component, seconds(f.killed, origin), f.pid or "-", seconds(f.restarted, f.killed or 0) if f.killed else "-",
                     seconds(f.healthy, f.killed or 0) if f.killed else "-", seconds(f.subscribed, f.killed or 0) if f.killed else "-",
                     seconds(recovered, f.killed or 0) if f.killed else "-", seconds(f.first_ok, f.killed or 0) if f.killed else "-", f.note])
    table(["component", "killed at", "pid", "new process", "healthy", "consumers back", "recovered", "first 2xx it served", "note"], rows)


def note_first_successes(faults, requests):
    """For each fault, when the first request started after the kill that the component served (a service: its own
    routes; the gateway and MariaDB: any API route) came back 2xx."""
    ordered = sorted(requests, key=lambda r: r.started)
    for f in faults:
        if f.killed is None or f.component in ("messaging", "vision-worker"):
            continue
        everything = f.component in ("gateway", "mariadb")
        f.first_ok = next((r.ended for r in ordered if r.started > f.killed and r.status is not None and 200 <= r.status < 300
                           and (r.component != "toss-simulator" if everything else r.component == f.component)), None)


def requests(requests, origin):
    print(f"\nRequests sent: {len(requests)}")
    by_component = defaultdict(Counter)
    for r in requests:
        kind = "no answer" if r.status is None else "429" if r.status == 429 else f"{r.status // 100}xx"
        by_component[r.component][kind] += 1
    kinds = ["2xx", "3xx", "4xx", "429", "5xx", "no answer"]
    table(["component", *kinds, "total"], [[c, *(counts[k] for k in kinds), sum(counts.values())] for c, counts in sorted(by_component.items())])


def errors(expected, violations, origin):
    print("\nErrors seen (5xx or no answer), grouped; 'window' names the kill they fell in")
    groups = defaultdict(list)
    for r, f in expected + violations:
        verdict = f"window of {f.component} killed at {f.killed - origin:.1f}" if f else "VIOLATION"
        groups[(verdict, r.component, r.method, r.route, r.status or (r.error or "").split(":")[0])].append(r.started - origin)
    rows = [[*key, len(times), f"{min(times):.1f}–{max(times):.1f}"] for key, times in sorted(groups.items(), key=lambda g: min(g[1]))]
    if rows:
        table(["verdict", "component", "method", "route", "status", "n", "when"], rows)
    else:
        print("none")


def invariants(results):
    print("\nInvariants")
    table(["invariant", "held", "counts"], [[i.name, "yes" if i.held else "NO", i.counts] for i in results])
    for i in results:
        if i.problems:
            print(f"\n{i.name}: {len(i.problems)} problems")
            for problem in i.problems[:40]:
                print(f"  - {problem}")
            if len(i.problems) > 40:
                print(f"  … and {len(i.problems) - 40} more")


def save_logs(dashboard, directory, resources):
    """Every log record of each resource from the dashboard's telemetry API, one file each; returns, per resource,
    how often each warning or error (first line, ids and numbers blanked) was logged."""
    if not dashboard:
        return {}
    summary = {}
    for resource in resources:
        try:
            with urllib.request.urlopen(f"{dashboard}/api/telemetry/logs?resource={resource}&limit=10000", timeout=60) as response:
                data = json.load(response)
        except (OSError, urllib.error.URLError, ValueError):
            continue
        records = sorted((int(r["timeUnixNano"]), r.get("severityNumber", 0), r.get("severityText", ""), scope["scope"].get("name", ""),
                          r["body"].get("stringValue", ""), attribute(r, "exception.message"))
                         for resource_logs in data["data"]["resourceLogs"] for scope in resource_logs["scopeLogs"] for r in scope["logRecords"])
        with open(os.path.join(directory, f"{resource}.log"), "w", encoding="utf-8") as file:
            for nanos, _, severity, category, body, exception in records:
                file.write(f"{time.strftime('%H:%M:%S', time.localtime(nanos / 1e9))}.{nanos // 1_000_000 % 1000:03d} {severity} {category}: {body}"
                           f"{' | ' + exception if exception else ''}\n")
        # OpenTelemetry severity numbers: 13 and up are warnings, errors and worse.
        summary[resource] = Counter(f"{severity} {NUMBERS.sub('#', body.splitlines()[0] if body else '')[:140]}"
                                    for _, number, severity, _, body, _ in records if number >= 13)
    return summary


def attribute(record, key):
    return next((a["value"].get("stringValue", "") for a in record.get("attributes", []) if a["key"] == key), "")


def logs(summary, directory):
    print(f"\nWarnings and errors the services logged (every log record in {directory}/{{resource}}.log)")
    for resource, counts in summary.items():
        print(f"  {resource}: {sum(counts.values())}")
        for message, n in counts.most_common(6):
            print(f"    {n:5d}  {message}")
