#!/usr/bin/env bash
# Rule changes: time to validate + compile (RuleSetCompiler.compile), swap it in as the serving ruleset and serve the
# first decision for generated tables of 200, 2,000 and 10,000 rows (with the shipped catalog and guardrails), and the
# heap they hold. One JVM per size, capped at BENCH_HEAP (default 1g: the target), so a change that does not fit fails.
# Environment: BENCH_SIZES (default "200 2000 10000"), BENCH_HEAP (1g), BENCH_COMPILER_WARM_UP (20s, the
# service's default warm-up of the rule compiler after start; 0s for none).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_build

OUT="$OUT_ROOT/rule-changes"
mkdir -p "$OUT/workbooks"
: > "$OUT/results.txt"
HEAP="${BENCH_HEAP:-1g}"
for rows in ${BENCH_SIZES:-200 2000 10000}; do
  log "rule change of $rows rows (-Xmx$HEAP)"
  if ! java "-Xmx$HEAP" "${JAVA_PROPS[@]}" io.nextbestaction.bench.RuleChangeBench "$rows" \
      --tables decision-tables --tmp "$OUT/workbooks" 2> >(quiet_drools) | tee -a "$OUT/results.txt" | grep -q '^RESULT '; then
    echo "RESULT rows=$rows failed=1" >> "$OUT/results.txt"
    log "rule change of $rows rows FAILED under -Xmx$HEAP (see above)"
  fi
done

java "${JAVA_PROPS[@]}" io.nextbestaction.bench.Report rule-changes "$OUT/results.txt" "$HEAP"
