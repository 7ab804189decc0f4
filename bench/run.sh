#!/usr/bin/env bash
# Builds the benchmarks and runs JMH with the given arguments (default: every benchmark, 1 fork, 3x2 s warm-up,
# 5x2 s measurement). Example: bench/run.sh ValidateSessionSig -f 1 -wi 3 -i 5
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=$(scripts/find-jdk.sh)
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
mvn -B -q -ntp -pl bench -am package -DskipTests
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(-f 1 -wi 3 -w 2s -i 5 -r 2s)
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.openjdk.jmh.Main "${args[@]}"
