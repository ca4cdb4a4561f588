#!/usr/bin/env bash
# Edit-to-visible time of `dossier serve`: append a line to one source, then
# poll /__dossier/status until the rebuild is served. Usage:
#   bench/serve-latency.sh SITE_ROOT [EDITS] [LINE]
# LINE is a printf format given the edit's number (default: a plain
# sentence); e.g. 'In 19%s the guild sent an envoy.' adds a year.
# Build first: cargo build --release. Prints one line per edit and the
# server's own report of each rebuild.
set -euo pipefail
root=$1
edits=${2:-5}
line=${3:-'Edited paragraph %s about the archive.'}
port=4217
bin="$(dirname "$0")/../target/release/dossier"
log=$(mktemp)
"$bin" serve --timings --root "$root" --port $port >"$log" 2>"$log.err" &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$log"' EXIT
until grep -q serving "$log"; do sleep 0.2; done
file=$(find "$root/content" \( -name '*.md' -o -name '*.txt' \) ! -name '_*' | sort | sed -n 1p)
# The edited file is put back as it was when the script ends.
cp -p "$file" "$log.orig"
trap 'kill $pid 2>/dev/null; cp -p "$log.orig" "$file"; rm -f "$log" "$log.orig" "$log.err"' EXIT
builds() { curl -s "http://127.0.0.1:$port/__dossier/status" | sed 's/.*"builds":\([0-9]*\).*/\1/'; }
for i in $(seq 1 "$edits"); do
  before=$(builds)
  t0=$(date +%s%N)
  printf "\n$line\n" "$i" >>"$file"
  while [ "$(builds)" = "$before" ]; do sleep 0.005; done
  t1=$(date +%s%N)
  echo "edit $i: visible after $(( (t1 - t0) / 1000000 )) ms (server RSS $(( $(awk '/VmRSS/{print $2}' /proc/$pid/status) / 1024 )) MB)"
  sleep 1
done
sed -n "/^serving/,\$p" "$log"
