#!/usr/bin/env bash
# Engine only: decisions per second on ONE thread, shipped playbook and generated tables of 200, 2,000 and 10,000 rows.
# Environment: BENCH_RULESETS (default shipped,200,2000,10000), BENCH_MODES (engine,decide,json), BENCH_ACCOUNTS (4000),
# BENCH_WARMUP_S (3), BENCH_ITERATIONS (5), BENCH_ITERATION_S (1), BENCH_ENGINE_OPTS (JVM options, default -Xms2g -Xmx2g),
# BENCH_JFR=1 to record a JFR profile of the run and print the hottest methods inside RuleBase.evaluate.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_build

OUT="$OUT_ROOT/engine"
mkdir -p "$OUT/workbooks"
JFR_OPTS=()
if [ "${BENCH_JFR:-0}" = 1 ]; then
  JFR_OPTS=(-XX:FlightRecorderOptions:stackdepth=256 "-XX:StartFlightRecording=settings=profile,method-profiling=max,filename=$OUT/engine.jfr")
fi
RULESETS="${BENCH_RULESETS:-shipped,200,2000,10000}"
log "engine only, one thread: $RULESETS (generated workbooks are written to $OUT/workbooks)"
# shellcheck disable=SC2086
java ${BENCH_ENGINE_OPTS:--Xms2g -Xmx2g} "${JFR_OPTS[@]}" "${JAVA_PROPS[@]}" io.nextbestaction.bench.EngineBench \
  --rulesets "$RULESETS" --modes "${BENCH_MODES:-engine,decide,json}" --accounts "${BENCH_ACCOUNTS:-4000}" \
  --warmup-seconds "${BENCH_WARMUP_S:-3}" --iterations "${BENCH_ITERATIONS:-5}" --iteration-seconds "${BENCH_ITERATION_S:-1}" \
  --tables decision-tables --tmp "$OUT/workbooks" 2> >(quiet_drools) > "$OUT/engine.txt"
grep -v '^RESULT ' "$OUT/engine.txt"
if [ "${BENCH_JFR:-0}" = 1 ]; then
  java "${JAVA_PROPS[@]}" io.nextbestaction.bench.JfrTop "$OUT/engine.jfr" main 25 RuleBase.evaluate | tee "$OUT/profile.txt"
fi
