#!/usr/bin/env python3
"""HTTP benchmarks of the running system, side by side: a script that prints numbers, not a test.

Scenarios (wrk, closed loop, --latency): the closet item list (20 items) direct to Closet.Api and through the gateway,
the market listings direct and through the gateway, login through the gateway (bcrypt-bound); then upload → ready at a
steady 1 photo/s (open loop; each item polled until `ready`). Prints one table: req/s, p50, p90, p99, errors and the
machine load, plus the gateway/direct ratio and the gateway's p50 overhead.

Without --gateway it builds the AppHost (Release unless --configuration says otherwise), starts the whole system on free
ports with a temporary state folder and the gateway's rate limits raised, and stops it at the end. With --gateway (and
--closet, Closet.Api's own address) it measures a system that is already running. See eng/bench/README.md.
"""
import argparse, contextlib, glob, json, os, re, secrets, shutil, signal, socket, statistics, subprocess, sys, tempfile
import threading, time, urllib.error, urllib.request, uuid

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PHOTOS = sorted(glob.glob(os.path.join(ROOT, "tests/fixtures/vision/images/photo-*.png")))
PASSWORD = f"Bench-{secrets.token_hex(8)}A7!"  # a throwaway account: a fresh password meeting the rules each run
# The gateway's per-client limits are for the internet, not for one load generator on loopback.
RAISED_LIMITS = {"RateLimiting__PermitsPerSecond": "10000", "RateLimiting__Burst": "10000",
                 "RateLimiting__CredentialAttemptsPerMinute": "10000"}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gateway", help="URL of a running gateway (default: start the system)")
    parser.add_argument("--closet", help="URL of the running system's Closet.Api (with --gateway)")
    parser.add_argument("--mail", help="dev mailbox folder of the running system (default .apphost/mail)")
    parser.add_argument("--configuration", default="Release", help="build configuration when starting the system")
    parser.add_argument("--duration", type=int, default=20, help="seconds per wrk scenario (after a 5 s warm-up)")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--login-connections", type=int, default=4, help="login is bcrypt-bound: a few are enough")
    parser.add_argument("--uploads", type=int, default=20, help="photos for upload → ready, one per second")
    parser.add_argument("--trace-sample-ratio", default="0.01", help="share of traces kept when starting the system")
    parser.add_argument("--only", help="comma-separated scenarios: items, market, hop (the item list at one connection), login, upload (default all)")
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()
    if bool(args.gateway) != bool(args.closet):
        parser.error("--gateway and --closet go together")
    return args


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def load():
    return os.getloadavg()[0]


def busy_jiffies():
    fields = [int(x) for x in open("/proc/stat").readline().split()[1:]]
    return sum(fields) - fields[3] - fields[4]  # everything but idle and iowait


def tree_jiffies(apphost):
    """CPU time of this script's process tree (wrk, the AppHost) and of DCP's, which runs the servers and services."""
    parents, times, roots = {}, {}, {os.getpid()}
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            fields = open(stat).read().rsplit(")", 1)[1].split()
            pid = int(stat.split("/")[2])
            if apphost and f"--monitor\0{apphost}\0".encode() in open(f"/proc/{pid}/cmdline", "rb").read():
                roots.add(pid)  # DCP detaches from the AppHost and watches its pid
        except OSError:
            continue
        parents[pid], times[pid] = int(fields[1]), int(fields[11]) + int(fields[12])
    total, frontier = 0, roots
    while frontier:
        total += sum(times.get(pid, 0) for pid in frontier)
        frontier = {pid for pid, parent in parents.items() if parent in frontier}
    return total


# Where each request's CPU goes: processes by the name of their executable.
COMPONENTS = {"closet": "Closet.Api", "gateway": "Gateway", "mariadb": "mariadbd", "redis": "redis-server"}


def component_jiffies():
    totals = dict.fromkeys(COMPONENTS, 0)
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            # Redis rewrites its argv[0] to "redis-server host:port".
            argv0 = open(stat.replace("/stat", "/cmdline"), "rb").read().split(b"\0")[0].decode(errors="replace")
            executable = os.path.basename(argv0.split(" ")[0])
            fields = open(stat).read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        for name, word in COMPONENTS.items():
            if executable == word:
                totals[name] += int(fields[11]) + int(fields[12])
    return totals


class CpuMeter:
    """Cores busy with work outside this run (other people's builds and tests) while a scenario ran; None when the
    system under test was already running (its processes are not ours to tell apart)."""

    apphost = None  # the AppHost's pid when this script started the system

    def __enter__(self):
        self.started, self.busy = time.monotonic(), busy_jiffies()
        self.ours = tree_jiffies(self.apphost) if self.apphost else 0
        self.components = component_jiffies()
        return self

    def __exit__(self, *_):
        seconds, tick = time.monotonic() - self.started, os.sysconf("SC_CLK_TCK")
        self.seconds = seconds
        self.component_seconds = {name: (jiffies - self.components[name]) / tick for name, jiffies in component_jiffies().items()}
        self.others = None
        if self.apphost:
            ours = tree_jiffies(self.apphost) - self.ours
            self.others = max(0.0, busy_jiffies() - self.busy - ours) / tick / seconds


def call(method, url, body=None, token=None, content_type=None):
    headers = {}
    data = None
    if body is not None and content_type is None:
        data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
    elif body is not None:
        data, headers["Content-Type"] = body, content_type
    if token:
        headers["Authorization"] = f"Bearer {token}"
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data, headers, method=method), timeout=30) as response:
            raw = response.read()
            return response.status, json.loads(raw) if raw else None
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@contextlib.contextmanager
def system(args):
    """The whole system through the AppHost, or the running one named by --gateway/--closet."""
    if args.gateway:
        yield args.gateway.rstrip("/"), args.closet.rstrip("/"), args.mail or os.path.join(ROOT, ".apphost/mail")
        return
    print(f"building the AppHost ({args.configuration}) ...", flush=True)
    subprocess.run(["dotnet", "build", "AppHost/AppHost.csproj", "--configuration", args.configuration,
                    "-v", "q", "--nologo"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    state = tempfile.mkdtemp(prefix="closetconnect-bench-")
    gateway_port, closet_port = free_port(), free_port()
    # Without DCP's proxies (a relay on every request and SQL statement, which a cluster does not have) and with 1% of
    # traces (the dashboard's ingestion of every span costs more CPU than the services do): see README.md.
    command = ["dotnet", f"bin/{args.configuration}/net10.0/AppHost.dll", f"--AppHost:StateDirectory={state}",
               f"--AppHost:GatewayPort={gateway_port}", f"--AppHost:ClosetApiPort={closet_port}",
               f"--AppHost:TossSimulatorPort={free_port()}", "--DcpPublisher:RandomizePorts=true",
               "--AppHost:ProxylessEndpoints=true", f"--AppHost:TraceSampleRatio={args.trace_sample_ratio}",
               f"--ASPNETCORE_URLS=http://127.0.0.1:{free_port()}",
               f"--ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL=http://127.0.0.1:{free_port()}"]
    # The services inherit the AppHost's environment: that is how the gateway gets the raised limits.
    environment = {**os.environ, "DOTNET_ENVIRONMENT": "Development", **RAISED_LIMITS}
    log = open(os.path.join(state, "apphost.log"), "w")
    apphost = subprocess.Popen(command, cwd=os.path.join(ROOT, "AppHost"), env=environment, stdout=log,
                               stderr=subprocess.STDOUT, start_new_session=True)
    CpuMeter.apphost = apphost.pid
    gateway, closet = f"http://127.0.0.1:{gateway_port}", f"http://127.0.0.1:{closet_port}"
    try:
        print(f"starting the system (state {state}) ...", flush=True)
        deadline = time.monotonic() + 600
        while not healthy(gateway):
            if apphost.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the system did not become healthy; see {state}/apphost.log")
            time.sleep(2)
        yield gateway, closet, os.path.join(state, "mail")
    finally:
        apphost.send_signal(signal.SIGTERM)
        try:
            apphost.wait(timeout=60)
        except subprocess.TimeoutExpired:
            apphost.kill()
        log.close()
        shutil.rmtree(state, ignore_errors=True)


def healthy(gateway):
    try:
        status, body = call("GET", f"{gateway}/api/v1/health")
        return status == 200 and body["status"] == "Healthy"
    except (OSError, ValueError):
        return False


def sign_up(gateway, mail):
    username = f"bench_{uuid.uuid4().hex[:12]}"
    email = f"{username}@example.com"
    status, body = call("POST", f"{gateway}/api/v1/auth/register",
                        {"email": email, "username": username, "password": PASSWORD, "fullName": "Bench User"})
    assert status == 201, (status, body)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        for path in glob.glob(os.path.join(mail, "*.eml")):
            text = open(path, encoding="utf-8", errors="replace").read()
            if email in text and (match := re.search(r"\b(\d{6})\b", text.split("\n\n", 1)[-1])):
                status, body = call("POST", f"{gateway}/api/v1/auth/verify-email", {"email": email, "code": match.group(1)})
                assert status == 204, (status, body)
                status, body = call("POST", f"{gateway}/api/v1/auth/login", {"email": email, "password": PASSWORD})
                assert status == 200, (status, body)
                return email, body["accessToken"]
        time.sleep(0.2)
    raise SystemExit(f"no verification mail for {email} in {mail}")


def upload(gateway, token, i):
    boundary = uuid.uuid4().hex
    photo = open(PHOTOS[i % len(PHOTOS)], "rb").read()
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nBench item {i}\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"image\"; filename=\"photo.png\"\r\n"
            "Content-Type: image/png\r\n\r\n").encode() + photo + f"\r\n--{boundary}--\r\n".encode()
    status, created = call("POST", f"{gateway}/api/v1/closet/items", body, token, f"multipart/form-data; boundary={boundary}")
    assert status == 201, (status, created)
    return created["id"]


def wait_ready(gateway, token, item_id, interval=0.05, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status, item = call("GET", f"{gateway}/api/v1/closet/items/{item_id}", token=token)
        if status == 200 and item["status"] != "processing":
            assert item["status"] == "ready", item
            return
        time.sleep(interval)
    raise SystemExit(f"item {item_id} was not ready within {timeout} s")


def seed(gateway, token):
    """20 analysed items, each listed on the market: the item list and the market both answer 20 entries."""
    ids = [upload(gateway, token, i) for i in range(20)]
    for i, item_id in enumerate(ids):
        wait_ready(gateway, token, item_id, interval=0.2)
        status, body = call("POST", f"{gateway}/api/v1/closet/items/{item_id}/listing", {"price": 10_000 + i, "currency": "KRW"}, token)
        assert status == 201, (status, body)


UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}


def wrk(url, seconds, connections, threads, headers=(), script=None):
    command = ["wrk", f"-t{min(threads, connections)}", f"-c{connections}", f"-d{seconds}s", "--timeout", "5s", "--latency"]
    for header in headers:
        command += ["-H", header]
    if script:
        command += ["-s", script]
    output = subprocess.run(command + [url], check=True, capture_output=True, text=True).stdout
    latency = {p: float(v) * UNITS[u] for p, v, u in re.findall(r"^\s+(50|90|99)%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M)}
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": latency["50"], "p90": latency["90"], "p99": latency["99"],
        "errors": (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, sockets.groups())) if sockets else 0),
    }


def measure(name, url, args, connections=None, headers=(), script=None):
    connections = connections or args.connections
    wrk(url, 5, connections, args.threads, headers, script)  # warm-up: JIT tiers, connection pools, caches
    with CpuMeter() as cpu:
        before = load()
        result = wrk(url, args.duration, connections, args.threads, headers, script)
    return finish(result, name, connections, before, cpu)


def finish(result, name, connections, before, cpu):
    others = "-" if cpu.others is None else f"{cpu.others:.1f}"
    requests = result["rps"] * cpu.seconds
    result.update(name=name, connections=connections, load=f"{before:.1f}", others=others,
                  cpu_ms={part: 1000 * used / requests for part, used in cpu.component_seconds.items() if requests and used})
    spent = ", ".join(f"{part} {ms:.2f}" for part, ms in result["cpu_ms"].items())
    print(f"  {name}: {result['rps']:.0f} req/s, p50 {result['p50']:.2f} ms, p90 {result['p90']:.2f} ms, p99 {result['p99']:.2f} ms"
          f" (load {result['load']}, other work {others} cores; CPU ms per request: {spent})", flush=True)
    return result


def uploads_to_ready(gateway, token, count):
    """Open loop at 1 photo/s: each upload starts on its second, whatever the earlier ones are doing."""
    samples, failures, lock = [], [], threading.Lock()

    def one(i):
        started = time.perf_counter()
        try:
            wait_ready(gateway, token, upload(gateway, token, 100 + i))
            with lock:
                samples.append((time.perf_counter() - started) * 1000)
        except (AssertionError, SystemExit, OSError) as error:
            with lock:
                failures.append(error)

    with CpuMeter() as cpu:
        before, start, workers = load(), time.perf_counter(), []
        for i in range(count):
            time.sleep(max(0.0, start + i - time.perf_counter()))
            workers.append(threading.Thread(target=one, args=(i,)))
            workers[-1].start()
        for worker in workers:
            worker.join()
    samples.sort()
    pick = lambda q: samples[min(len(samples) - 1, int(q * len(samples)))] if samples else float("nan")
    result = {"rps": len(samples) / (time.perf_counter() - start), "p50": statistics.median(samples) if samples else float("nan"),
              "p90": pick(0.9), "p99": pick(0.99), "errors": len(failures)}
    return finish(result, "upload → ready, 1/s", "-", before, cpu)


def login_script(email):
    script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
    script.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                 f"wrk.body = {json.dumps(json.dumps({'email': email, 'password': PASSWORD}))}\n")
    script.close()
    return script.name


def main():
    args = parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install -y wrk")
    only = set(args.only.split(",")) if args.only else None
    wanted = lambda name: only is None or name in only
    results = []
    with system(args) as (gateway, closet, mail):
        email, token = sign_up(gateway, mail)
        if wanted("items") or wanted("market") or wanted("hop"):
            print(f"seeding 20 items and their listings for {email} ...", flush=True)
            seed(gateway, token)
        auth = [f"Authorization: Bearer {token}"]
        print(f"measuring: {args.threads} threads, {args.connections} connections, {args.duration} s each (load = 1-minute load average before→after)", flush=True)
        pairs = [("items", "/api/v1/closet/items", auth), ("market", "/api/v1/market/listings", ())]
        for name, path, headers in pairs:
            if wanted(name):
                direct = measure(f"{name} direct", closet + path, args, headers=headers)
                through = measure(f"{name} gateway", gateway + path, args, headers=headers)
                results += [direct, through]
                through["ratio"] = through["rps"] / direct["rps"]
                through["overhead"] = through["p50"] - direct["p50"]
        if wanted("hop"):
            # One connection: the gateway's own cost per request, without the queueing that a saturated run adds to both.
            direct = measure("items direct", closet + pairs[0][1], args, connections=1, headers=auth)
            through = measure("items gateway", gateway + pairs[0][1], args, connections=1, headers=auth)
            results += [direct, through]
            through["ratio"] = through["rps"] / direct["rps"]
            through["overhead"] = through["p50"] - direct["p50"]
        if wanted("login"):
            script = login_script(email)
            try:
                results.append(measure("login gateway", gateway + "/api/v1/auth/login", args, args.login_connections, script=script))
            finally:
                os.unlink(script)
        if wanted("upload"):
            results.append(uploads_to_ready(gateway, token, args.uploads))

    parts = list(COMPONENTS)
    print(f"\n{'scenario':<22}{'conns':>6}{'req/s':>9}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}{'errors':>7}{'load':>6}{'others':>7}"
          + "".join(f"{part:>9}" for part in parts) + "  gateway/direct")
    for r in results:
        extra = f"{r['ratio']:.2f}×, p50 +{r['overhead']:.2f} ms" if "ratio" in r else ""
        spent = "".join(f"{r['cpu_ms'].get(part, 0):>9.2f}" for part in parts)
        print(f"{r['name']:<22}{r['connections']!s:>6}{r['rps']:>9.0f}{r['p50']:>9.2f}{r['p90']:>9.2f}{r['p99']:>9.2f}{r['errors']:>7}{r['load']:>6}{r['others']:>7}{spent}  {extra}")
    print(f"{os.cpu_count()} cores. load: the 1-minute load average as the scenario began; others: cores busy with work"
          " outside this run while it ran (other people's builds and tests; '-' when measuring a running system);"
          f" {', '.join(parts)}: CPU ms per request")
    if args.json:
        with open(args.json, "w") as out:
            json.dump(results, out, indent=2)


if __name__ == "__main__":
    main()
