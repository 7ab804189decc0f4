#!/usr/bin/env bash
# Runs a load driver from bench/ (default: ExecuteJsLoadDriver) with the given arguments.
# Example: bench/load.sh ExecuteJsLoadDriver 2000 8 500 (extra JVM options: LITJ_JAVA_OPTS, e.g. a JFR recording)
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=$(scripts/find-jdk.sh)
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
mvn -B -q -ntp -pl bench -am package -DskipTests
driver=${1:-ExecuteJsLoadDriver}
shift || true
# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow ${LITJ_JAVA_OPTS:-} \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" "io.litj.bench.$driver" "$@"
