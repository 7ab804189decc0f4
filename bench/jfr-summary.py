#!/usr/bin/env python3
"""Summarises the CPU samples (jdk.ExecutionSample) of a JFR recording: the share of samples whose stack passes
through each area of litj (inclusive; the first matching rule from the top of the stack... bottom-up order below
decides), and the hottest top frames. Usage: bench/jfr-summary.py RECORDING.jfr [top=25]
Needs `jfr` of the JDK on PATH (bench/js-sdk-load.sh runs with JAVA_HOME set)."""
import collections
import re
import subprocess
import sys

# (area, regex on a frame); a sample counts for the FIRST area (in this order) any of its frames matches
AREAS = [
    ("GraalJS: context build (Context.Builder.build, realm)", r"org\.graalvm\.polyglot\.Context\$Builder\.build"),
    ("GraalJS: context close", r"org\.graalvm\.polyglot\.Context\.close"),
    ("prelude prepare (PreparedContext.build, pool thread or inline)", r"io\.litj\.node\.actions\.PreparedContext\.build"),
    ("Lit Action run (bind, parse, action)", r"io\.litj\.node\.actions\.ActionExecution"),
    ("session sig validation (incl. Ed25519)", r"io\.litj\.protocol\.auth\.SessionSigValidator"),
    ("request JSON parsing", r"io\.litj\.protocol\.json\.JsonReader"),
    ("other litj node request work", r"io\.litj\.node\.http"),
    ("Helidon HTTP", r"io\.helidon\."),
    ("GraalJS other (compilation, engine threads)", r"com\.oracle\.truffle|org\.graalvm"),
    ("JIT compiler threads / GC / VM", r"^$"),
]


def frames(recording):
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "200", recording],
                         check=True, capture_output=True, text=True).stdout
    for event in out.split("jdk.ExecutionSample")[1:]:
        stack = re.findall(r"^\s+([\w$.<>/]+)\(", event, re.M)
        yield stack


def main():
    recording = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    areas = collections.Counter()
    tops = collections.Counter()
    n = 0
    for stack in frames(recording):
        n += 1
        if stack:
            tops[stack[0]] += 1
        for name, rule in AREAS:
            if rule == r"^$" or any(re.search(rule, f) for f in stack):
                areas[name] += 1
                break
    print(f"{n} CPU samples in {recording}")
    for name, _ in AREAS:
        print(f"{100.0 * areas[name] / max(n, 1):5.1f} %  {name}")
    print(f"top {top} frames:")
    for frame, count in tops.most_common(top):
        print(f"{100.0 * count / max(n, 1):5.1f} %  {frame}")


if __name__ == "__main__":
    main()
