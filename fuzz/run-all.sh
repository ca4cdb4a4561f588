#!/usr/bin/env bash
# Runs every fuzz target in turn on one core: `source` (the whole per-text
# pipeline) for SOURCE_MIN minutes, each other target for OTHER_MIN.
# Needs cargo-fuzz (`cargo install cargo-fuzz`); RUSTC_BOOTSTRAP lets the
# stable toolchain take the sanitizer flags. Logs go to fuzz/logs/.
set -uo pipefail
cd "$(dirname "$0")"
SOURCE_MIN=${SOURCE_MIN:-35}
OTHER_MIN=${OTHER_MIN:-5}
mkdir -p logs
export RUSTC_BOOTSTRAP=1
cargo fuzz build -O
for t in source site frontmatter sidecar topics config check; do
  min=$OTHER_MIN
  [ "$t" = source ] && min=$SOURCE_MIN
  mkdir -p "corpus/$t"
  echo "== $t: $min min"
  cargo fuzz run -O "$t" "corpus/$t" -- -max_total_time=$((min * 60)) -max_len=65536 \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 > "logs/$t.log" 2>&1
  echo "exit $? for $t"
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb|SUMMARY|^==.*ERROR" "logs/$t.log" || true
done
