#!/usr/bin/env bash
# Edit-to-visible time of `dossier serve`: append a line to one source, then
# poll /__dossier/status until the rebuild is served. Usage:
#   bench/serve-latency.sh SITE_ROOT [EDITS]
# Build first: cargo build --release. Prints one line per edit and the
# server's own report of each rebuild.
set -euo pipefail
root=$1
edits=${2:-5}
port=4217
bin="$(dirname "$0")/../target/release/dossier"
log=$(mktemp)
"$bin" serve --timings --root "$root" --port $port >"$log" 2>"$log.err" &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$log"' EXIT
until grep -q serving "$log"; do sleep 0.2; done
file=$(find "$root/content" \( -name '*.md' -o -name '*.txt' \) ! -name '_*' | sort | sed -n 1p)
builds() { curl -s "http://127.0.0.1:$port/__dossier/status" | sed 's/.*"builds":\([0-9]*\).*/\1/'; }
for i in $(seq 1 "$edits"); do
  before=$(builds)
  t0=$(date +%s%N)
  printf '\nEdited paragraph %s about the archive.\n' "$i" >>"$file"
  while [ "$(builds)" = "$before" ]; do sleep 0.005; done
  t1=$(date +%s%N)
  echo "edit $i: visible after $(( (t1 - t0) / 1000000 )) ms"
  sleep 1
done
sed -n "/^serving/,\$p" "$log"
