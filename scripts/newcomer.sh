#!/usr/bin/env bash
# The scripted newcomer (issue 15): on a fresh data folder, runs every README command and every mistake a new user
# makes, and checks the exit code and the message text of each. Prints one PASS/FAIL line per step; exits 1 if any
# step failed. Everything it starts is stopped on exit (also on failure or Ctrl-C).
#
#   scripts/newcomer.sh            # uses ./litj, which builds what is missing (CI: after ./test.sh's mvn install)
#   LITJ=path/to/cmd scripts/newcomer.sh   # another way to start the CLI (e.g. a java command line)
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
LITJ="${LITJ:-$root/litj}"
# short-lived commands: start fast (C1 only, serial GC); the background devnet's own JVM is not affected
export LITJ_JAVA_OPTS="${LITJ_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto}"
work="$(mktemp -d "${TMPDIR:-/tmp}/litj-newcomer.XXXXXX")"
export LITJ_HOME="$work/home"              # fresh: no stored sessions, no default devnet
unset LITJ_PRIVATE_KEY
data="$work/devnet"
passed=0
failed=0
started=$(date +%s)

cleanup() {
  local pid
  for f in "$work"/*/devnet.json; do
    [ -f "$f" ] || continue
    pid=$(sed -n 's/.*"pid":\([0-9][0-9]*\).*/\1/p' "$f")
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -9 "$pid" 2>/dev/null
    fi
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# a run of SPAN (default 1) ports on 127.0.0.1 that nothing listens on, below the kernel's ephemeral range
# (32768+ here): an ephemeral port may be held by a client socket that a connect probe cannot see, and then a
# devnet's bind fails. Sets $port; each port handed out is remembered, so two calls never overlap.
taken=" "
free_port() {
  local span="${1:-1}" p i ok
  for _ in $(seq 1 500); do
    p=$(( (RANDOM % 12000) + 20000 ))
    ok=1
    for i in $(seq 0 $((span - 1))); do
      if [[ "$taken" == *" $((p + i)) "* ]] || (exec 3<>"/dev/tcp/127.0.0.1/$((p + i))") 2>/dev/null; then
        ok=0
        break
      fi
    done
    if [ "$ok" -eq 1 ]; then
      for i in $(seq 0 $((span - 1))); do taken="$taken$((p + i)) "; done
      port=$p
      return
    fi
  done
  echo "newcomer: no free port range of $span found" >&2
  exit 1
}

# step NAME EXPECTED_EXIT EXPECTED_TEXT -- ARGS...: runs the CLI, checks the exit code and that stdout+stderr
# contain the text (fixed string); the output is kept in $out for later steps.
out=""
step() {
  local name="$1" want="$2" text="$3"
  shift 4
  local code t0
  t0=$(date +%s)
  out=$("$LITJ" "$@" 2>&1)
  code=$?
  if [ "$code" -eq "$want" ] && { [ -z "$text" ] || grep -qF -- "$text" <<<"$out"; }; then
    echo "PASS  $name (exit $code, $(( $(date +%s) - t0 )) s)"
    passed=$((passed + 1))
  else
    echo "FAIL  $name: expected exit $want and text: $text"
    echo "      got exit $code, output:"
    sed 's/^/      | /' <<<"$out" | head -20
    failed=$((failed + 1))
  fi
}

# check NAME CONDITION...: a check on files or earlier output
check() {
  local name="$1"
  shift
  if "$@"; then
    echo "PASS  $name"
    passed=$((passed + 1))
  else
    echo "FAIL  $name"
    failed=$((failed + 1))
  fi
}

free_port 1; rpc=$port
free_port 8; base=$port
free_port 8; other_base=$port
url="http://127.0.0.1:$rpc"
mkdir -p "$work/home"
keyfile="$work/wallet.key"
printf '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d\n' >"$keyfile"
wallet=0x70997970C51812dc3A010C7d01b50e0d17dc79C8
printf "LitActions.setResponse({response: JSON.stringify({greeting: 'Hello, ' + name + '!'})});\n" >"$work/action.js"
printf "console.log('about to fail'); throw new Error('nope');\n" >"$work/bad.js"

echo "== the README, as documented (data in $data)"
step "litj --version" 0 "litj 0.1.0" -- --version
step "devnet up --background" 0 "\`litj devnet down --data $data\` stops it" -- \
  devnet up --background --data "$data" --rpc-port "$rpc" --base-port "$base"
step "devnet status --json" 0 "\"running\":true,\"data\":\"$data\"" -- devnet status --data "$data" --json
step "session create" 0 '"sig"' -- session create --rpc-url "$url" --private-key-file "$keyfile" \
  --resource 'lit-litaction://*'
printf '%s\n' "$out" | grep '^{' >"$work/sigs.json"
step "session inspect --resource (allowed)" 0 "ALLOWED for $wallet" -- \
  session inspect "$work/sigs.json" --resource 'lit-litaction://*'
check "... the 3 identical sigs described once" grep -qF "(3 session sigs, the same but for the node each is addressed to)" <<<"$out"
step "session inspect --resource (refused, exit 4)" 4 "REFUSED NodeResourceIdNotFound by ResourceRequestedCheck" -- \
  session inspect "$work/sigs.json" --resource 'lit-pkp://*'
step "exec" 0 'response  {"greeting":"Hello, you!"}' -- \
  exec --rpc-url "$url" --private-key-file "$keyfile" --code "$work/action.js" --params '{"name":"you"}'
step "exec --json" 0 '"ok":true,"response":{"greeting":"Hello, you!"}' -- \
  exec --rpc-url "$url" --private-key-file "$keyfile" --code "$work/action.js" --params '{"name":"you"}' --json
step "pkp mint --json" 0 '"tokenId":"0x' -- pkp mint --permit-address "$wallet" --data "$data" --json
token=$(sed -n 's/.*"tokenId":"\(0x[0-9a-f]*\)".*/\1/p' <<<"$out")
step "pkp list" 0 "$token" -- pkp list --data "$data"
step "pkp show <tokenId>" 0 "permits     EthWallet $(tr 'A-F' 'a-f' <<<"$wallet") (sign-anything)" -- \
  pkp show "$token" --data "$data"
step "completion bash" 0 "complete -F _complete_litj" -- completion bash

echo "== the mistakes a newcomer makes"
step "devnet up on ports in use (exit 1)" 1 "chain view port $rpc on 127.0.0.1 is in use" -- \
  devnet up --data "$work/second" --rpc-port "$rpc" --base-port "$other_base"
check "... and leaves no folder behind" test ! -e "$work/second"
step "devnet up --background --nodes 0 (exit 2)" 2 "--nodes: a devnet has 1 to 30 nodes, not 0" -- \
  devnet up --background --nodes 0 --data "$work/zero"
check "... checked before the folder exists" test ! -e "$work/zero"
step "exec with a missing --code file (exit 1)" 1 "cannot read --code file $work/missing.js: no such file" -- \
  exec --rpc-url "$url" --private-key-file "$keyfile" --code "$work/missing.js"
step "exec with malformed --params (exit 2)" 2 "--params is not valid JSON at line 1, column 2: Unexpected character" -- \
  exec --rpc-url "$url" --private-key-file "$keyfile" --code "$work/action.js" --params '{name: 1}'
step "exec of an action that throws (exit 4)" 4 "error: refused by the network: [NodeJsExecutionError] Uncaught Error: nope" \
  -- exec --rpc-url "$url" --private-key-file "$keyfile" --code "$work/bad.js"
check "... said once for all 3 nodes" grep -qF "(all 3 nodes)" <<<"$out"
check "... with the action's console.log output" grep -qF "  about to fail" <<<"$out"
step "exec --json of a refusal (exit 4)" 4 '"ok":false,"errorCode":"NodeJsExecutionError"' -- \
  exec --rpc-url "$url" --private-key-file "$keyfile" --code "$work/bad.js" --json
step "pkp show 0x1234 (exit 2)" 2 "a token id is 64 hex digits" -- pkp show 0x1234 --data "$data"
step "--rpc-url without a scheme (exit 2)" 2 "use http://host:port" -- \
  exec --rpc-url "127.0.0.1:$rpc" --private-key-file "$keyfile" --code "$work/action.js"
step "plain http to another host (exit 2)" 2 "pass --allow-plain-http to accept that" -- \
  exec --rpc-url "http://node.litj-newcomer.invalid:8545" --private-key-file "$keyfile" --code "$work/action.js"
step "unknown option (exit 2)" 2 "see \`litj devnet up --help\`" -- devnet up --node 3
step "devnet down" 0 "devnet stopped" -- devnet down --data "$data"
step "devnet down again (exit 3)" 3 "no devnet is running in $data; nothing to stop" -- devnet down --data "$data"
step "devnet status when stopped (exit 3)" 3 "the devnet in $data is not running; start it with \`litj devnet up --data $data --background\`" \
  -- devnet status --data "$data"
step "pkp mint when stopped (exit 3)" 3 "the devnet in $data is not running; start it with \`litj devnet up --data $data --background\`" \
  -- pkp mint --permit-address "$wallet" --data "$data"
step "exec when stopped (exit 3)" 3 "cannot reach the network at --rpc-url $url" -- \
  exec --rpc-url "$url" --private-key-file "$keyfile" --code "$work/action.js"
step "devnet up with another --base-port (exit 2)" 2 "was created with --base-port $base" -- \
  devnet up --data "$data" --base-port "$other_base" --rpc-port "$rpc"

echo "newcomer run: $passed passed, $failed failed in $(( $(date +%s) - started )) s"
if [ "$failed" -ne 0 ]; then
  echo "FAIL  scripts/newcomer.sh"
  exit 1
fi
echo "PASS  scripts/newcomer.sh"
