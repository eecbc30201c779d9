"""SIGKILL, one component at a time, at random moments of the load; then how long the AppHost's restart policy took
to bring it back: a new process, the component healthy again, and (for the broker and the vision worker) every
consumer subscribed again."""
import os
import random
import signal
import subprocess
import threading
import time
from dataclasses import dataclass

CONSUMER_QUEUES = ("closet-api", "payments-api", "vision-worker")
RECOVERY_LIMIT = 180  # seconds the next fault waits for this one to recover; the watch goes on after that


@dataclass
class Fault:
    component: str
    scheduled: float
    killed: float | None = None
    pid: int | None = None
    restarted: float | None = None
    healthy: float | None = None
    subscribed: float | None = None
    first_ok: float | None = None
    note: str = ""

    def recovered(self):
        """When the component was back (healthy, and its consumers subscribed where that applies); None if never."""
        if self.healthy is None or (self.component in ("messaging", "vision-worker") and self.subscribed is None):
            return None
        return max(self.healthy, self.subscribed or self.healthy)


class FaultInjector(threading.Thread):
    def __init__(self, apphost, components, start, duration, clock, uploads, users, burst, seed):
        super().__init__(daemon=True)
        self.apphost, self.clock, self.uploads, self.users, self.burst = apphost, clock, uploads, users, burst
        order = list(components)
        random.Random(seed).shuffle(order)
        slot = duration / len(order)
        # One fault per slot, somewhere in its first two thirds, so each has time to recover before the next.
        self.faults = [Fault(c, start + slot * i + slot * random.Random(seed + i).uniform(0.1, 0.6)) for i, c in enumerate(order)]
        self.watchers = []
        self.stopping = threading.Event()

    def run(self):
        for fault in self.faults:
            time.sleep(max(0.0, fault.scheduled - time.monotonic()))
            self.inject(fault)

    def inject(self, fault):
        if fault.component == "vision-worker":
            self.catch_a_batch(fault)
        pid = self.apphost.pid_of(fault.component)
        if pid is None:
            fault.note = "no process to kill"
            return
        os.kill(pid, signal.SIGKILL)
        fault.pid, fault.killed = pid, self.clock()
        watcher = threading.Thread(target=self.watch_recovery, args=(fault,), daemon=True)
        watcher.start()
        self.watchers.append(watcher)
        watcher.join(RECOVERY_LIMIT)
        if watcher.is_alive():
            fault.note = (fault.note + "; " if fault.note else "") + f"not back after {RECOVERY_LIMIT} s: the next fault went ahead"

    def stop(self):
        """Ends the recovery watches still running: what is not back by now never came back in this run."""
        self.stopping.set()
        for watcher in self.watchers:
            watcher.join()

    def catch_a_batch(self, fault):
        """Uploads a burst and waits until the worker holds some of them unacknowledged: mid-batch."""
        self.uploads.burst(self.users, self.burst)
        end = time.monotonic() + 60
        consumers = None
        while time.monotonic() < end:
            try:
                ready, unacked, consumers = self.apphost.queues().get("vision-worker", (0, 0, 0))
            except (RuntimeError, OSError, subprocess.SubprocessError):
                time.sleep(0.5)
                continue
            if unacked > 0:
                fault.note = f"{unacked} photos unacknowledged, {ready} waiting"
                return
            time.sleep(0.1)
        fault.note = ("no batch in flight within 60 s" + (": the queue has no consumer" if consumers == 0 else "")
                      + " (killed anyway)")

    def watch_recovery(self, fault):
        while not self.stopping.is_set():
            if fault.restarted is None:
                pid = self.apphost.pid_of(fault.component)
                if pid is not None and pid != fault.pid:
                    fault.restarted = self.clock()
            if fault.restarted is not None and fault.healthy is None and self.apphost.healthy(fault.component):
                fault.healthy = self.clock()
            if fault.healthy is not None and fault.component in ("messaging", "vision-worker") and fault.subscribed is None:
                if self.subscribed(fault.component):
                    fault.subscribed = self.clock()
            if fault.recovered() is not None:
                return
            time.sleep(0.25)
        fault.note = (fault.note + "; " if fault.note else "") + "never recovered in this run"

    def subscribed(self, component):
        queues = CONSUMER_QUEUES if component == "messaging" else ("vision-worker",)
        counts = self.apphost.queue_counts(queues)
        return counts is not None and all(consumers >= 1 for _, consumers in counts.values())
