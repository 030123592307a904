#!/usr/bin/env bash
# Database faults under load: the packaged service runs behind a TCP proxy to PostgreSQL (FaultsBench), POST /decide
# is sent at a fixed rate, and the database is made unreachable (the proxy cuts every connection, as a restart does)
# and then too slow (a connection of the bench holds LOCK TABLE nba.decision IN ACCESS EXCLUSIVE MODE). For each:
# the answers before, during and after, the longest wait, when readiness went down and came back, when /decide
# answered 2xx again, and the log lines the service wrote. The shared PostgreSQL server itself is never touched.
# Environment (defaults): BENCH_FAULTS_PORT (18092), BENCH_FAULTS_DB (nba_faults), BENCH_FAULTS_RATE (200),
# BENCH_FAULTS_BEFORE_S (10), BENCH_FAULTS_OUTAGE_S (20), BENCH_FAULTS_AFTER_S (15), BENCH_FAULTS_MODES ("cut lock"),
# BENCH_SERVICE_OPTS (the README's production options), BENCH_FAULTS_JAR (target/quarkus-app/quarkus-run.jar; another
# build's, to compare), PGHOST/PGPORT/PGUSER (127.0.0.1/5432/postgres).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
service_bench_tools
bench_build

PORT="${BENCH_FAULTS_PORT:-18092}"
DB="${BENCH_FAULTS_DB:-nba_faults}"
RATE="${BENCH_FAULTS_RATE:-200}"
BEFORE="${BENCH_FAULTS_BEFORE_S:-10}"
OUTAGE="${BENCH_FAULTS_OUTAGE_S:-20}"
AFTER="${BENCH_FAULTS_AFTER_S:-15}"
MODES="${BENCH_FAULTS_MODES:-cut lock}"
JAR="${BENCH_FAULTS_JAR:-target/quarkus-app/quarkus-run.jar}"
SERVICE_OPTS="${BENCH_SERVICE_OPTS--Xmx384m -XX:ReservedCodeCacheSize=96m -XX:+UseParallelGC -XX:GCTimeRatio=4 -XX:AdaptiveSizePolicyWeight=90 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20}"
OUT="$OUT_ROOT/faults"
rm -rf "$OUT"
mkdir -p "$OUT"

if curl -s -o /dev/null "http://127.0.0.1:$PORT/q/health"; then
  die "something already listens on 127.0.0.1:$PORT; set BENCH_FAULTS_PORT"
fi
psql -X -d postgres -Atc "select 1 from pg_database where datname = '$DB'" | grep -q 1 || createdb "$DB"

for mode in $MODES; do
  psql -X -q -d "$DB" -c "drop schema if exists nba cascade"
  log "fault '$mode': ${BEFORE} s, then ${OUTAGE} s of fault, then ${AFTER} s, at ${RATE}/s"
  # shellcheck disable=SC2086
  java -Xmx1g "${JAVA_PROPS[@]}" io.nextbestaction.bench.FaultsBench "$JAR" \
    "$PGHOST:$PGPORT/$DB" "$PORT" "$RATE" "$BEFORE" "$OUTAGE" "$AFTER" "$mode" "$OUT" $SERVICE_OPTS \
    | tee -a "$OUT/results.txt"
done

echo
echo "Database faults at ${RATE} decisions/s, ${OUTAGE} s each (service log from the fault on: $OUT/fault-log-*.txt)"
awk '/^RESULT/ && /phase=/ {
       for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
       printf "%-5s %-7s sent %6d  2xx %6d  503 %6d  500 %5d  other %4d  errors %4d  longest %6d ms\n",
         v["mode"], v["phase"], v["sent"], v["2xx"], v["503"], v["500"], v["other"], v["errors"], v["longest_ms"] }
     /^RESULT/ && /ready_/ {
       for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
       printf "%-5s readiness down %d ms after the fault, up %d ms after its end; /decide all 2xx from %d ms after its end\n",
         v["mode"], v["ready_down_after_ms"], v["ready_up_after_restore_ms"], v["decide_ok_after_restore_ms"] }
     /^RESULT/ && /log_/ {
       for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
       printf "%-5s log from the fault to the end: %d lines, %d records, %d WARN/ERROR, %d stack frames\n",
         v["mode"], v["log_lines"], v["log_records"], v["warn_or_error"], v["stack_frames"] }' "$OUT/results.txt"
