"""Just enough AMQP 0-9-1 (stdlib only) to look at a broker from the outside: log in, read a queue's message and
consumer counts (passive declare), and read messages without taking them (basic.get, then the channel closes
unacknowledged, so the broker puts them back)."""
import socket
import struct
import urllib.parse

FRAME_METHOD, FRAME_HEADER, FRAME_BODY, FRAME_HEARTBEAT = 1, 2, 3, 8
FRAME_END = b"\xce"


class AmqpError(Exception):
    pass


class Reader:
    def __init__(self, data):
        self.data, self.at = data, 0

    def take(self, n):
        chunk = self.data[self.at:self.at + n]
        self.at += n
        return chunk

    def unpack(self, fmt):
        values = struct.unpack_from(fmt, self.data, self.at)
        self.at += struct.calcsize(fmt)
        return values if len(values) > 1 else values[0]

    def shortstr(self):
        return self.take(self.unpack(">B")).decode("utf-8", "replace")

    def longstr(self):
        return self.take(self.unpack(">I"))

    def table(self):
        end = self.unpack(">I") + self.at
        result = {}
        while self.at < end:
            name = self.shortstr()
            result[name] = self.value()
        return result

    def value(self):
        kind = self.take(1)
        simple = {b"t": ">?", b"b": ">b", b"B": ">B", b"s": ">h", b"u": ">H", b"I": ">i", b"i": ">I",
                  b"l": ">q", b"L": ">Q", b"f": ">f", b"d": ">d", b"T": ">Q"}
        if kind in simple:
            return self.unpack(simple[kind])
        if kind == b"S":
            return self.longstr().decode("utf-8", "replace")
        if kind == b"x":
            return self.longstr()
        if kind == b"D":
            scale, digits = self.unpack(">Bi")
            return digits / (10 ** scale)
        if kind == b"F":
            return self.table()
        if kind == b"A":
            end = self.unpack(">I") + self.at
            items = []
            while self.at < end:
                items.append(self.value())
            return items
        if kind == b"V":
            return None
        raise AmqpError(f"unknown field type {kind!r}")


def shortstr(text):
    raw = text.encode()
    return struct.pack(">B", len(raw)) + raw


def longstr(raw):
    return struct.pack(">I", len(raw)) + raw


def string_table(values):
    body = b"".join(shortstr(k) + b"S" + longstr(v.encode()) for k, v in values.items())
    return longstr(body)


# Basic properties in flag order (bit 15 first) and how each is encoded.
BASIC_PROPERTIES = [("content_type", "s"), ("content_encoding", "s"), ("headers", "F"), ("delivery_mode", "B"),
                    ("priority", "B"), ("correlation_id", "s"), ("reply_to", "s"), ("expiration", "s"),
                    ("message_id", "s"), ("timestamp", "Q"), ("type", "s"), ("user_id", "s"), ("app_id", "s"),
                    ("cluster_id", "s")]


class Connection:
    """One connection to the broker of an amqp:// URL; each call opens and closes a channel of its own."""

    def __init__(self, url, timeout=5.0):
        parts = urllib.parse.urlsplit(url)
        self.sock = socket.create_connection((parts.hostname, parts.port or 5672), timeout=timeout)
        self.buffer = b""
        self.next_channel = 1
        self.sock.sendall(b"AMQP\x00\x00\x09\x01")
        self.expect(0, 10, 10)
        credentials = b"\x00" + urllib.parse.unquote(parts.username or "").encode() + b"\x00" + urllib.parse.unquote(parts.password or "").encode()
        self.send_method(0, 10, 11, string_table({"product": "closetconnect-chaos"}) + shortstr("PLAIN") + longstr(credentials) + shortstr("en_US"))
        args = self.expect(0, 10, 30)
        channel_max, frame_max, _ = args.unpack(">HIH")
        self.frame_max = frame_max or 131072
        self.send_method(0, 10, 31, struct.pack(">HIH", channel_max, self.frame_max, 0))
        vhost = urllib.parse.unquote(parts.path[1:]) if len(parts.path) > 1 else "/"
        self.send_method(0, 10, 40, shortstr(vhost) + shortstr("") + b"\x00")
        self.expect(0, 10, 41)

    def close(self):
        try:
            self.send_method(0, 10, 50, struct.pack(">H", 200) + shortstr("bye") + struct.pack(">HH", 0, 0))
            self.expect(0, 10, 51)
        except (OSError, AmqpError):
            pass
        finally:
            self.sock.close()

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.close()

    def queue_counts(self, queue):
        """(ready messages, consumers) of an existing queue; AmqpError when it does not exist."""
        channel = self.open_channel()
        self.send_method(channel, 50, 10, struct.pack(">H", 0) + shortstr(queue) + b"\x01" + longstr(b""))
        args = self.expect(channel, 50, 11)
        args.shortstr()
        counts = args.unpack(">II")
        self.close_channel(channel)
        return counts

    def peek(self, queue, limit=1000):
        """Every message of a queue (up to limit) as dicts; none is taken: the channel closes without acks."""
        channel = self.open_channel()
        messages = []
        while len(messages) < limit:
            self.send_method(channel, 60, 70, struct.pack(">H", 0) + shortstr(queue) + b"\x00")
            frame_channel, klass, method, args = self.read_method()
            if (klass, method) == (60, 72):
                break
            if (klass, method) != (60, 71):
                raise AmqpError(f"unexpected answer to basic.get: {klass}.{method}")
            _, redelivered = args.unpack(">QB")
            exchange, routing_key = args.shortstr(), args.shortstr()
            properties, body = self.read_content(frame_channel)
            messages.append({"exchange": exchange, "routing_key": routing_key, "redelivered": bool(redelivered),
                             "properties": properties, "body": body})
        self.close_channel(channel)
        return messages

    def open_channel(self):
        channel = self.next_channel
        self.next_channel += 1
        self.send_method(channel, 20, 10, shortstr(""))
        self.expect(channel, 20, 11)
        return channel

    def close_channel(self, channel):
        self.send_method(channel, 20, 40, struct.pack(">H", 200) + shortstr("done") + struct.pack(">HH", 0, 0))
        self.expect(channel, 20, 41)

    def send_method(self, channel, klass, method, args):
        payload = struct.pack(">HH", klass, method) + args
        self.sock.sendall(struct.pack(">BHI", FRAME_METHOD, channel, len(payload)) + payload + FRAME_END)

    def read_frame(self):
        while True:
            while len(self.buffer) < 7:
                self.fill()
            kind, channel, size = struct.unpack_from(">BHI", self.buffer)
            while len(self.buffer) < 8 + size:
                self.fill()
            payload, self.buffer = self.buffer[7:7 + size], self.buffer[8 + size:]
            if kind != FRAME_HEARTBEAT:
                return kind, channel, payload

    def fill(self):
        chunk = self.sock.recv(65536)
        if not chunk:
            raise AmqpError("the broker closed the connection")
        self.buffer += chunk

    def read_method(self):
        kind, channel, payload = self.read_frame()
        if kind != FRAME_METHOD:
            raise AmqpError(f"expected a method frame, got type {kind}")
        args = Reader(payload)
        klass, method = args.unpack(">HH")
        if (klass, method) in ((10, 50), (20, 40)):
            code = args.unpack(">H")
            text = args.shortstr()
            if klass == 20:
                self.send_method(channel, 20, 41, b"")
            raise AmqpError(f"{code} {text}")
        return channel, klass, method, args

    def expect(self, channel, klass, method):
        got_channel, got_class, got_method, args = self.read_method()
        if (got_channel, got_class, got_method) != (channel, klass, method):
            raise AmqpError(f"expected {klass}.{method} on channel {channel}, got {got_class}.{got_method} on {got_channel}")
        return args

    def read_content(self, channel):
        kind, _, payload = self.read_frame()
        if kind != FRAME_HEADER:
            raise AmqpError("expected a content header")
        header = Reader(payload)
        _, _, size, flags = header.unpack(">HHQH")
        properties = {}
        for bit, (name, encoding) in zip(range(15, 1, -1), BASIC_PROPERTIES):
            if flags & (1 << bit):
                properties[name] = header.shortstr() if encoding == "s" else header.table() if encoding == "F" else header.unpack(">" + encoding)
        body = b""
        while len(body) < size:
            kind, _, payload = self.read_frame()
            if kind != FRAME_BODY:
                raise AmqpError("expected a content body")
            body += payload
        return properties, body
