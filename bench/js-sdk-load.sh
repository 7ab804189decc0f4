#!/usr/bin/env bash
# JS SDK -> litj devnet vs JS SDK -> stand-in, in ONE run (issue 8): builds bench/, starts a 3-node litj devnet
# (io.litj.bench.BenchDevnet) and the do-nothing stand-in network (io.litj.bench.StandInNetwork) in two JVMs, then
# runs interop/execute-timing.mjs (the unmodified JS SDK 7.4.0) against both in interleaved blocks and prints the
# table rows (p50/p90/p99, sequential req/s, per-block spread, CPU per call of each network's JVM and of the SDK).
# Both JVMs stop when this script ends (their stdin closes).
#
# Usage: bench/js-sdk-load.sh [blocks=10] [per-block=100] [warmup=300] [nodes=3]
# Environment: LITJ_DEVNET_JAVA_OPTS  extra JVM options of the devnet JVM (e.g. a JFR recording);
#              LITJ_TIMING_JSON       where execute-timing.mjs writes its JSON document (default: a temp file);
#              LITJ_BASELINE_DIR      a second checkout (e.g. an older commit with this bench/ copied in, built with
#                                     `mvn package -pl bench -am`): its devnet runs as a third network, "litj-baseline",
#                                     for before/after numbers in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
blocks=${1:-10}
per_block=${2:-100}
warmup=${3:-300}
nodes=${4:-3}
JAVA_HOME=$(scripts/find-jdk.sh)
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH" MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
if ! mvn -B -q -ntp -Dstyle.color=never -pl bench -am package -DskipTests >"${TMPDIR:-/tmp}/litj-bench-build.log" 2>&1; then
  sed 's/\x1b\[[0-9;]*m//g' "${TMPDIR:-/tmp}/litj-bench-build.log" >&2
  exit 1
fi
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
opts=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
work=$(mktemp -d "${TMPDIR:-/tmp}/litj-js-sdk-load.XXXXXX")
mkfifo "$work/stdin"
exec 3<>"$work/stdin" # held open by this shell only: when it exits, both JVMs read end-of-file and stop
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" "${opts[@]}" ${LITJ_DEVNET_JAVA_OPTS:-} -cp "$cp" io.litj.bench.BenchDevnet "$nodes" \
  <"$work/stdin" >"$work/litj.out" 2>"$work/litj.err" 3<&- &
"$JAVA_HOME/bin/java" "${opts[@]}" -cp "$cp" io.litj.bench.StandInNetwork "$nodes" \
  <"$work/stdin" >"$work/stand-in.out" 2>"$work/stand-in.err" 3<&- &
names=(litj stand-in)
if [ -n "${LITJ_BASELINE_DIR:-}" ]; then
  base_cp="$LITJ_BASELINE_DIR/bench/target/classes:$(cat "$LITJ_BASELINE_DIR/bench/target/classpath.txt")"
  "$JAVA_HOME/bin/java" "${opts[@]}" -cp "$base_cp" io.litj.bench.BenchDevnet "$nodes" \
    <"$work/stdin" >"$work/litj-baseline.out" 2>"$work/litj-baseline.err" 3<&- &
  names=(litj litj-baseline stand-in)
fi
for name in "${names[@]}"; do
  for _ in $(seq 1 240); do
    grep -q '^{"network"' "$work/$name.out" && break
    sleep 0.5
  done
  if ! grep -q '^{"network"' "$work/$name.out"; then
    echo "js-sdk-load: the $name network did not start; its log:" >&2
    cat "$work/$name.err" >&2
    exit 1
  fi
done
echo "uptime before: $(uptime)"
line() { grep -m1 '^{"network"' "$work/$1.out" | sed "s/\"network\":\"[^\"]*\"/\"network\":\"$1\"/"; }
network_args=()
for name in "${names[@]}"; do network_args+=(--network "$(line "$name")"); done
node interop/execute-timing.mjs "${network_args[@]}" \
  --blocks "$blocks" --per-block "$per_block" --warmup "$warmup" --json "${LITJ_TIMING_JSON:-$work/timing.json}"
echo "uptime after: $(uptime)"
echo "($(java -version 2>&1 | head -1); $(node --version); $nodes nodes; $blocks blocks x $per_block calls per network" \
  "after $warmup warm-up calls; details in ${LITJ_TIMING_JSON:-$work/timing.json})"
