#!/usr/bin/env bash
# The whole bench: build once, then engine only, rule changes, end to end + memory. About 7-8 minutes on 2 cores
# (plus the first Maven build of a fresh clone). Each part's tables are saved in target/bench/*.out and printed again
# together at the end. Environment variables of the parts apply (see bench/README.md).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_build
export BENCH_SKIP_BUILD=1
start=$(date +%s)
log "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
"$BENCH_DIR/engine.sh" | tee "$OUT_ROOT/engine.out"
"$BENCH_DIR/rule-changes.sh" | tee "$OUT_ROOT/rule-changes.out"
"$BENCH_DIR/e2e.sh" | tee "$OUT_ROOT/e2e.out"
log "all parts done in $(( $(date +%s) - start )) s; the tables again:"
cat "$OUT_ROOT/engine.out" "$OUT_ROOT/rule-changes.out" "$OUT_ROOT/e2e.out"
