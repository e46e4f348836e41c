#!/usr/bin/env python3
"""The ack latency as the wire saw it, from a capture of one target's port on loopback.

wrk times a request from its send to the moment its thread reads the answer; on 2 busy cores that thread can wait
milliseconds for a CPU after the answer arrived. A capture times the same request from the moment wrk's request went
through loopback to the moment the server's answer did: the server's own latency, with wrk's wait for a CPU left out.

    tcpdump -i lo -s 80 -w cap.pcap "tcp port 3979 and (tcp[tcpflags] & tcp-push != 0)"   # while wrk runs; Ctrl-C
    python3 bench/ack/wire-latency.py cap.pcap 3979

Pairs each connection's first data segment to the server with the server's next one back (one request in flight per
connection, as wrk sends). The capture costs the machine CPU: compare targets captured the same way, not with runs
that were not captured.
"""
import struct
import sys


def pairs(path, port):
    with open(path, "rb") as f:
        header = f.read(24)
        nanos = struct.unpack("<I", header[:4])[0] == 0xA1B23C4D
        link = struct.unpack("<I", header[20:24])[0]
        offset = 14 if link == 1 else 16  # Ethernet (lo) or Linux cooked capture
        sent = {}
        while len(record := f.read(16)) == 16:
            seconds, fraction, length, _ = struct.unpack("<IIII", record)
            packet = f.read(length)
            at = seconds + fraction / (1e9 if nanos else 1e6)
            ip = packet[offset:]
            tcp = ip[(ip[0] & 15) * 4:]
            source, destination = struct.unpack(">HH", tcp[:4])
            if destination == port:
                sent.setdefault(source, at)
            elif source == port and destination in sent:
                yield at - sent.pop(destination)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: wire-latency.py CAPTURE.pcap PORT")
    try:
        latencies = sorted(pairs(sys.argv[1], int(sys.argv[2])))
    except OSError as error:
        sys.exit(f"cannot read {sys.argv[1]}: {error.strerror}")
    if not latencies:
        sys.exit("no request and answer pairs on that port")
    n = len(latencies)
    at = lambda share: latencies[min(n - 1, int(share * n))] * 1000
    print(f"on the wire: {n} requests, p50 {at(0.5):.2f} ms, p90 {at(0.9):.2f} ms, p99 {at(0.99):.2f} ms, "
          f"p99.9 {at(0.999):.2f} ms, max {latencies[-1] * 1000:.2f} ms")


if __name__ == "__main__":
    main()
