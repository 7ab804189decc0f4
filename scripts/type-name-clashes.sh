#!/usr/bin/env bash
# Lists the simple names of main types (top-level .java files, package-info and module-info left out) that occur
# in more than one module, one line per name with its modules. Exits 1 if there is any, so that it can guard a build.
# Run from the repository root: scripts/type-name-clashes.sh
set -u
cd "$(dirname "$0")/.." || exit 2
clashes=$(for src in */src/main/java; do
    module=${src%%/*}
    find "$src" -name '*.java' ! -name package-info.java ! -name module-info.java \
        | sed "s|.*/||; s|\.java\$| $module|"
done | sort -u | awk '{ modules[$1] = modules[$1] " " $2; count[$1]++ }
    END { for (name in count) if (count[name] > 1) print name ":" modules[name] }' | sort)
if [ -n "$clashes" ]; then
    echo "$clashes"
    exit 1
fi
