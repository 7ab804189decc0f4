#!/usr/bin/env bash
# Prints the home of a JDK >= 21: $JAVA_HOME if it qualifies, else the newest under /usr/lib/jvm, else the
# one behind `java` on PATH. Exits 1 with a message if none is found.
set -u
# the feature version (21, 25…): from the JDK's release file when it has one (no JVM start), else from java itself
major_of() {
  local v=""
  [ -f "$1/release" ] && v=$(sed -n 's/^JAVA_VERSION="\([0-9.]*\).*"/\1/p' "$1/release" | head -1)
  case "$v" in
    1.*) v=${v#1.} ;;
    "") v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1) ;;
  esac
  echo "${v%%.*}"
}
ok() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  local m; m=$(major_of "$1"); [ -n "$m" ] && [ "${m%%.*}" -ge 21 ] 2>/dev/null
}
if [ -n "${JAVA_HOME:-}" ] && ok "$JAVA_HOME"; then echo "$JAVA_HOME"; exit 0; fi
best=""; best_major=0
for d in /usr/lib/jvm/* /opt/java/* /usr/local/lib/jvm/*; do
  [ -d "$d" ] || continue
  if ok "$d"; then m=$(major_of "$d"); m=${m%%.*}; if [ "$m" -gt "$best_major" ]; then best=$d; best_major=$m; fi; fi
done
if [ -n "$best" ]; then echo "$best"; exit 0; fi
if command -v java >/dev/null 2>&1; then
  home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  if ok "$home"; then echo "$home"; exit 0; fi
fi
echo "litj needs a JDK 21 or newer (none found in JAVA_HOME, /usr/lib/jvm or PATH)" >&2
exit 1
