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

Also prints the stalls (answers later than 20 ms, by the moment their requests went out) and the percentiles as wrk
would report these latencies: wrk 4.1 corrects for coordinated omission (wg/wrk, src/wrk.c `main` and src/stats.c
`stats_correct`): with e = the run's time / (requests per connection), every latency n >= 2e adds samples at n - e,
n - 2e, ... down to e. One stall of 60 ms on 16 connections, each sending every 1.3 ms, adds about 700.
"""
import struct
import sys

STALL_S = 0.020


def pairs(path, port):
    """(when the request went out, its latency, the client's port) for each answered request, in seconds."""
    with open(path, "rb") as f:
        header = f.read(24)
        nanos = struct.unpack("<I", header[:4])[0] == 0xA1B23C4D
        link = struct.unpack("<I", header[20:24])[0]
        offset = 14 if link == 1 else 16  # Ethernet (lo) or Linux cooked capture
        sent = {}
        while len(record := f.read(16)) == 16:
            seconds, fraction, length, _ = struct.unpack("<IIII", record)
            packet = f.read(length)
            if len(packet) < length:
                return  # the capture was cut off mid-record (copied while tcpdump was still writing)
            at = seconds + fraction / (1e9 if nanos else 1e6)
            ip = packet[offset:]
            tcp = ip[(ip[0] & 15) * 4:]
            source, destination = struct.unpack(">HH", tcp[:4])
            if destination == port:
                sent.setdefault(source, at)
            elif source == port and destination in sent:
                started = sent.pop(destination)
                yield started, at - started, destination


def as_wrk_counts(latencies_us, expected_us):
    """The latencies with the samples wrk 4.1 adds for coordinated omission (its stats_correct), sorted."""
    counts = {}
    for n in latencies_us:
        counts[n] = counts.get(n, 0) + 1
    added = {}
    for n, count in counts.items():
        if n < 2 * expected_us:
            continue
        m = n - expected_us
        while m > expected_us:
            added[m] = added.get(m, 0) + count
            m -= expected_us
    for m, count in added.items():
        counts[m] = counts.get(m, 0) + count
    return sorted(counts.items()), sum(added.values())


def percentile(sorted_counts, total, share):
    rank, seen = max(1, round(share * total + 0.5)), 0
    for value, count in sorted_counts:
        seen += count
        if seen >= rank:
            return value
    return sorted_counts[-1][0]


def stalls(answers, first):
    """Answers over STALL_S, grouped by the moment their requests went out (within 5 ms of each other)."""
    late = sorted((started, latency) for started, latency, _ in answers if latency > STALL_S)
    groups = []
    for started, latency in late:
        if groups and started - groups[-1][0] <= 0.005:
            groups[-1][1].append(latency)
        else:
            groups.append((started, [latency]))
    return [f"{started - first:.2f} s: {len(ls)} requests, up to {max(ls) * 1000:.0f} ms" for started, ls in groups]


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: wire-latency.py CAPTURE.pcap PORT")
    try:
        answers = list(pairs(sys.argv[1], int(sys.argv[2])))
    except OSError as error:
        sys.exit(f"cannot read {sys.argv[1]}: {error.strerror}")
    if not answers:
        sys.exit("no request and answer pairs on that port")
    latencies = sorted(latency for _, latency, _ in answers)
    n = len(latencies)
    at = lambda share: latencies[min(n - 1, int(share * n))] * 1000
    print(f"on the wire: {n} requests, p50 {at(0.5):.2f} ms, p90 {at(0.9):.2f} ms, p99 {at(0.99):.2f} ms, "
          f"p99.9 {at(0.999):.2f} ms, max {latencies[-1] * 1000:.2f} ms")

    first = min(started for started, _, _ in answers)
    span = max(started + latency for started, latency, _ in answers) - first
    per_port = {}
    for _, _, port in answers:
        per_port[port] = per_port.get(port, 0) + 1
    connections = sum(1 for count in per_port.values() if count >= 100)  # wrk's, not a stray curl's
    expected_us = int(span * 1e6 / (n / connections))
    counts, added = as_wrk_counts([int(latency * 1e6) for latency in latencies], expected_us)
    total = n + added
    print(f"as wrk counts it ({connections} connections, one request each every {expected_us} us): {added} samples added "
          f"({100 * added / n:.2f} %), p50 {percentile(counts, total, 0.5) / 1000:.2f} ms, "
          f"p99 {percentile(counts, total, 0.99) / 1000:.2f} ms, p99.9 {percentile(counts, total, 0.999) / 1000:.2f} ms")
    found = stalls(answers, first)
    print(f"stalls (answers over {STALL_S * 1000:.0f} ms): " + ("; ".join(found) if found else "none"))


if __name__ == "__main__":
    main()
