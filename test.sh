#!/usr/bin/env bash
# Runs every litj test (unit, vectors, property tests and the interop tests against the real JS SDK), then the
# scripted newcomer run (scripts/newcomer.sh).
# Set-up is automatic: it picks a JDK >= 21 and installs the pinned npm packages of interop/ when node is present.
set -euo pipefail
cd "$(dirname "$0")"
if ! scripts/type-name-clashes.sh; then
  echo "test.sh: main types above share a simple name across modules; rename one" >&2
  exit 1
fi
JAVA_HOME=$(scripts/find-jdk.sh)
export JAVA_HOME
jmajor=$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ "${jmajor%%.*}" -ge 24 ]; then export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"; fi
export PATH="$JAVA_HOME/bin:$PATH"
if [ -f interop/package.json ] && command -v npm >/dev/null 2>&1; then
  (cd interop && if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then npm ci --no-audit --no-fund --loglevel=error; fi)
fi
mvn -B -ntp install "$@"
# the scripted newcomer: every README command and common mistakes through ./litj, exit codes and messages checked
# (LITJ_SKIP_NEWCOMER=1 skips it)
if [ -z "${LITJ_SKIP_NEWCOMER:-}" ]; then
  scripts/newcomer.sh
fi
