"""The running system as seen from outside: the AppHost process this run started, its process tree (found as the
tests' ProcessTable finds it: DCP's `--monitor {AppHost PID}` and everything below), each component's current PID and
environment, MariaDB over the state directory's socket (root, socket authentication) and RabbitMQ through
rabbitmqctl with the broker's own environment, or AMQP."""
import hashlib
import os
import re
import signal
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

import amqp

# Aspire resource name → the executable DCP runs for it (below `dotnet run`).
PROJECTS = {
    "identity-api": "Identity.Api",
    "closet-api": "Closet.Api",
    "payments-api": "Payments.Api",
    "gateway": "Gateway",
    "vision-worker": "Vision.Worker",
    "toss-simulator": "ClosetConnect.TossSimulator",
}
SERVERS = ("mariadb", "messaging")


def read(path):
    try:
        with open(path, "rb") as file:
            return file.read()
    except OSError:
        return b""


def command_line(pid):
    return [part.decode(errors="replace") for part in read(f"/proc/{pid}/cmdline").split(b"\0") if part]


def environment(pid):
    pairs = (entry.decode(errors="replace").split("=", 1) for entry in read(f"/proc/{pid}/environ").split(b"\0") if b"=" in entry)
    return dict(pairs)


def process_table():
    """{pid: parent} of every live (non-zombie) process."""
    parents = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        stat = read(f"/proc/{name}/stat").decode(errors="replace")
        fields = stat[stat.rfind(")") + 2:].split(" ") if stat else []
        if len(fields) > 1 and fields[0] != "Z":
            parents[int(name)] = int(fields[1])
    return parents


class AppHost:
    def __init__(self, root, state, output):
        self.root, self.state, self.output = root, state, output
        self.process = None
        self.log = None
        self.amqp_url = None
        self._beam_environment = None

    # --- lifecycle -------------------------------------------------------------------------------------------------

    def start(self):
        """The AppHost as run.sh runs it, on a private state directory; every port random (others may run one too)."""
        arguments = ["dotnet", "bin/Debug/net10.0/AppHost.dll", f"--AppHost:StateDirectory={self.state}", "--DcpPublisher:RandomizePorts=true"]
        environment_variables = dict(os.environ, DOTNET_ENVIRONMENT="Development")
        self.log = open(self.output, "ab")
        self.process = subprocess.Popen(arguments, cwd=os.path.join(self.root, "AppHost"), env=environment_variables,
                                        stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)

    def stop(self):
        """SIGTERM, as Ctrl+C: DCP stops every resource; SIGKILL after a minute."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()

    def exited(self):
        return self.process is not None and self.process.poll() is not None

    def dashboard_url(self):
        text = read(self.output).decode(errors="replace")
        match = re.search(r"Dashboard:\s+(http\S+)", text)
        return match.group(1) if match else None

    # --- processes -------------------------------------------------------------------------------------------------

    def processes(self):
        """PIDs of the AppHost's DCP and everything below it (every server and service of this run)."""
        parents = process_table()
        monitor = ["--monitor", str(self.process.pid)]
        roots = []
        for pid in parents:
            argv = command_line(pid)
            if any(argv[i:i + 2] == monitor for i in range(len(argv))):
                roots.append(pid)
        found, frontier = [], list(roots)
        while frontier:
            parent = frontier.pop()
            found.append(parent)
            frontier.extend(pid for pid, p in parents.items() if p == parent)
        return found

    def pid_of(self, component):
        """The process that is the component itself: a service's own executable (not `dotnet run` above it), the
        broker's Erlang VM, mariadbd."""
        data = os.path.join(self.state, "data")
        for pid in self.processes():
            argv = command_line(pid)
            if not argv:
                continue
            program = os.path.basename(argv[0])
            if component in PROJECTS:
                name = PROJECTS[component]
                if (program == name and "/bin/" in argv[0]) or (program == "dotnet" and len(argv) > 1 and os.path.basename(argv[1]) == f"{name}.dll"):
                    return pid
            elif component == "mariadb" and program == "mariadbd" and f"--datadir={data}/mariadb" in argv:
                return pid
            elif component == "messaging" and program == "beam.smp" and f"{data}/messaging" in " ".join(argv):
                return pid
        return None

    def service_url(self, component):
        """The service's own address (not DCP's proxy): its process's ASPNETCORE_URLS."""
        pid = self.pid_of(component)
        urls = environment(pid).get("ASPNETCORE_URLS", "") if pid else ""
        return urls.split(";")[0] or None

    def gateway_url(self):
        """The gateway's public (proxied) address: with random ports, the simulator's webhook URL is where it is written."""
        pid = self.pid_of("toss-simulator")
        webhook = environment(pid).get("Simulator__WebhookUrl") if pid else None
        if not webhook:
            return None
        parts = urllib.parse.urlsplit(webhook)
        return f"{parts.scheme}://{parts.netloc}"

    def toss_url(self):
        pid = self.pid_of("payments-api")
        return environment(pid).get("Toss__BaseAddress") if pid else None

    def discover_broker(self):
        """The AMQP URL (user and password of the services) from closet-api's environment."""
        pid = self.pid_of("closet-api")
        self.amqp_url = environment(pid).get("ConnectionStrings__messaging") if pid else None
        return self.amqp_url

    # --- health ----------------------------------------------------------------------------------------------------

    def healthy(self, component):
        try:
            if component == "mariadb":
                self.sql("identitydb", "SELECT 1", timeout=3)
                return True
            if component == "messaging":
                with amqp.Connection(self.amqp_url, timeout=3) as connection:
                    connection.queue_counts("closet-api")
                return True
            url = self.service_url(component)
            if not url:
                return False
            with urllib.request.urlopen(f"{url}/health", timeout=3) as response:
                return response.status == 200
        except (OSError, subprocess.SubprocessError, amqp.AmqpError, urllib.error.URLError, RuntimeError):
            return False

    # --- MariaDB and RabbitMQ --------------------------------------------------------------------------------------

    def socket_path(self):
        """As MariaDbServerResource.SocketPath: in the data directory, or in /tmp when that path is too long."""
        data = os.path.join(self.state, "data", "mariadb")
        socket = os.path.join(data, "mariadb.sock")
        if len(socket) <= 100:
            return socket
        digest = hashlib.sha256(data.encode()).hexdigest().upper()[:16]
        return os.path.join(tempfile.gettempdir(), f"closetconnect-{digest}.sock")

    def sql(self, database, query, timeout=30):
        """Rows (lists of strings) as root over the server's socket, as eng/benchmark-backup.sh does."""
        result = subprocess.run(["mariadb", "--no-defaults", f"--socket={self.socket_path()}", "--user=root", "--batch",
                                 "--skip-column-names", "--raw", database, "-e", query],
                                capture_output=True, text=True, timeout=timeout)
        if result.returncode != 0:
            raise RuntimeError(f"mariadb {database}: {result.stderr.strip()}")
        return [line.split("\t") for line in result.stdout.splitlines()]

    def rabbitmqctl(self, *arguments, timeout=30):
        """rabbitmqctl against this run's node: the broker's HOME (Erlang cookie), node name and epmd port."""
        pid = self.pid_of("messaging")
        if pid:
            own = environment(pid)
            self._beam_environment = {k: v for k, v in own.items() if k == "HOME" or k.startswith(("RABBITMQ_", "ERL_"))}
        if not self._beam_environment:
            raise RuntimeError("the broker is not running")
        env = dict(PATH=os.environ.get("PATH", "/usr/sbin:/usr/bin:/bin"), LANG="C.UTF-8", **self._beam_environment)
        result = subprocess.run(["/usr/lib/rabbitmq/bin/rabbitmqctl", "-q", "-n", env["RABBITMQ_NODENAME"], *arguments],
                                capture_output=True, text=True, timeout=timeout, env=env, cwd="/tmp")
        if result.returncode != 0:
            raise RuntimeError(f"rabbitmqctl {' '.join(arguments)}: {result.stderr.strip() or result.stdout.strip()}")
        return result.stdout

    def queues(self):
        """{queue: (ready, unacked, consumers)}."""
        rows = self.rabbitmqctl("list_queues", "--no-table-headers", "name", "messages_ready", "messages_unacknowledged", "consumers")
        queues = {}
        for line in rows.splitlines():
            parts = line.split("\t")
            if len(parts) == 4 and parts[1].isdigit():
                queues[parts[0]] = tuple(int(p) for p in parts[1:])
        return queues

    def queue_counts(self, names):
        """{queue: (ready, consumers)} over AMQP (quicker than rabbitmqctl); None while the broker does not answer."""
        try:
            with amqp.Connection(self.amqp_url, timeout=3) as connection:
                return {name: connection.queue_counts(name) for name in names}
        except (OSError, amqp.AmqpError):
            return None

    def wait_until_up(self, deadline):
        """Every service and server healthy and the gateway's view of them too; returns the gateway URL."""
        components = list(PROJECTS) + list(SERVERS)
        waiting = "the gateway's address"
        while time.monotonic() < deadline:
            if self.exited():
                raise RuntimeError(f"the AppHost exited with {self.process.returncode}; see {self.output}")
            gateway = self.gateway_url()
            if gateway and self.discover_broker():
                waiting = ", ".join(c for c in components if not self.healthy(c)) or "the gateway's /api/v1/health"
                if waiting == "the gateway's /api/v1/health":
                    try:
                        with urllib.request.urlopen(f"{gateway}/api/v1/health", timeout=5) as response:
                            if response.status == 200:
                                return gateway
                    except (OSError, urllib.error.URLError):
                        pass
            time.sleep(2)
        raise RuntimeError(f"the system was not healthy in time (waiting for {waiting}); see {self.output}")
