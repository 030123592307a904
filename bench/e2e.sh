#!/usr/bin/env bash
# End to end + memory: starts the packaged service on its own port against a dedicated database, imports contact
# history for a few thousand generated accounts, then drives POST /decide with wrk over loopback: a max-load run and a
# fixed-rate run. Checks that every answered decision is in nba.decision, samples the service's RSS, and measures the
# engine-only rate in the same run for the ratio. Stops the service at the end (trap).
# Learning (adaptive propensities): learned counts are seeded for the offers whose rows learn, and with
# BENCH_LEARNING=both (the default) the max-load runs are made twice, first by a service with learning off
# (NBA_LEARNING_ENABLED=false, runs "nolearn-max-cN"), then by the same service restarted with learning on (runs
# "max-cN", then the fixed-rate run and the rule changes); BENCH_LEARNING=on makes only the second.
# Environment (defaults): BENCH_PORT (18080), BENCH_DB (nba_bench), BENCH_ACCOUNTS (4000), BENCH_DURATION_S (30),
# BENCH_WARMUP_S (30: minimum; warm-up goes on in 10 s steps until the JIT is done, at most BENCH_WARMUP_MAX_S, 150),
# BENCH_THREADS (2), BENCH_CONNECTIONS ("16 64": one max-load run per value), BENCH_RATE (2500; 0 skips the fixed-rate
# run), BENCH_RATE_CONNECTIONS (64),
# BENCH_FSYNC_PROBE_S (30: the disk alone, FsyncProbe, before the service starts; 0 skips it),
# BENCH_CHANGE_SIZES ("2000": rule changes made through the service's API after the load; "" skips them; 10,000 rows
# need -Xmx1g, see rule-changes.sh), BENCH_SERVICE_OPTS (JVM options of the service, default the README's production
# options "-Xmx384m -XX:ReservedCodeCacheSize=96m -XX:+UseParallelGC ..."), BENCH_MALLOC_ARENA_MAX (2, as the README), BENCH_JFR=1 (JFR profile of the service during the
# max-load run with the most connections, broken down by step of a decision), PGHOST/PGPORT/PGUSER (127.0.0.1/5432/postgres).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
service_bench_tools
need jstat openjdk-17-jdk-headless
need jcmd openjdk-17-jdk-headless
bench_build

PORT="${BENCH_PORT:-18080}"
DB="${BENCH_DB:-nba_bench}"
ACCOUNTS="${BENCH_ACCOUNTS:-4000}"
DURATION="${BENCH_DURATION_S:-30}"
WARMUP="${BENCH_WARMUP_S:-30}"
WARMUP_MAX="${BENCH_WARMUP_MAX_S:-150}"
THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-16 64}"
RATE="${BENCH_RATE:-2500}"
RATE_CONNECTIONS="${BENCH_RATE_CONNECTIONS:-64}"
SERVICE_OPTS="${BENCH_SERVICE_OPTS--Xmx384m -XX:ReservedCodeCacheSize=96m -XX:+UseParallelGC -XX:GCTimeRatio=4 -XX:AdaptiveSizePolicyWeight=90 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20}"
MALLOC_ARENA="${BENCH_MALLOC_ARENA_MAX:-2}"
CHANGE_SIZES="${BENCH_CHANGE_SIZES-2000}"
case "${BENCH_LEARNING:-both}" in
  both) LEARNING_MODES="off on" ;;
  on) LEARNING_MODES="on" ;;
  *) die "BENCH_LEARNING is both or on, not ${BENCH_LEARNING}" ;;
esac
FSYNC_S="${BENCH_FSYNC_PROBE_S:-30}"
# An analyst for the rule changes through the API (embedded users, as an operator configures them).
ANALYST="benchanalyst"
ANALYST_PASSWORD="bench-analyst-$$"
BASE="http://127.0.0.1:$PORT"
OUT="$OUT_ROOT/e2e"
rm -rf "$OUT"
mkdir -p "$OUT/ids"
KV="$OUT/results.kv"
: > "$KV"
kv() { echo "$1=$2" >> "$KV"; }
sql() { psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -At -c "$1"; }
rss_mib() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
hwm_mib() { awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
# One of the service's histograms: "COUNT LE15 BUCKET15 LE100 BUCKET100", the cumulative counts at its first buckets of
# 15 ms and of 100 ms or more. Histograms: nba_batch_call_seconds (one per batcher, tag batch) and nba_decide_seconds
# (POST /decide, from the request read to the answer, tag method="decide").
histogram_buckets() { # metric, tag
  curl -s "$BASE/q/metrics" | awk -v metric="^$1" -v tag="$2" '$0 ~ metric && index($0, tag) {
    if ($1 ~ /_count/) count = $NF
    if ($1 ~ /_bucket/ && match($1, /le="[0-9.eE+-]+"/)) { le = substr($1, RSTART + 4, RLENGTH - 5) + 0; bucket[le] = $NF }
  } END {
    a = -1; b = -1
    for (le in bucket) { if (le + 0 >= 0.015 && (a < 0 || le + 0 < a)) a = le + 0; if (le + 0 >= 0.1 && (b < 0 || le + 0 < b)) b = le + 0 }
    printf "%d %s %d %s %d\n", count, a, bucket[a], b, bucket[b] }'
}
# Used heap, all generations (G1: one line; parallel and serial collectors: young + old), e.g. "91714K".
heap_used() {
  jcmd "$1" GC.heap_info 2>/dev/null | awk '/garbage-first heap|PSYoungGen|ParOldGen|def new generation|tenured generation/ {
    for (i = 1; i <= NF; i++) if ($i == "used") { sub("K,?", "", $(i+1)); used += $(i+1) } } END { printf "%dK", used }'
}
kv threads "$THREADS"; kv rate_connections "$RATE_CONNECTIONS"; kv duration_s "$DURATION"; kv accounts "$ACCOUNTS"; kv rate "$RATE"
kv service_opts "MALLOC_ARENA_MAX=$MALLOC_ARENA $SERVICE_OPTS"

if curl -s -o /dev/null "$BASE/q/health"; then
  die "something already listens on 127.0.0.1:$PORT; set BENCH_PORT"
fi

# 1. Engine only, shipped playbook, one thread: the reference for the ratio, measured before the service starts so
#    that nothing competes with it.
log "engine-only reference (shipped playbook, one thread)"
java -Xms1g -Xmx1g "${JAVA_PROPS[@]}" io.nextbestaction.bench.EngineBench --rulesets shipped --modes engine,json \
  --accounts "$ACCOUNTS" --warmup-seconds 3 --iterations 5 --iteration-seconds 1 --tables decision-tables \
  --tmp "$OUT" 2> >(quiet_drools) > "$OUT/engine.txt"
kv engine_per_s "$(awk '/^RESULT ruleset=shipped mode=engine / { split($4, a, "="); print a[2] }' "$OUT/engine.txt")"
kv engine_json_per_s "$(awk '/^RESULT ruleset=shipped mode=json / { split($4, a, "="); print a[2] }' "$OUT/engine.txt")"

# 1b. The disk alone, before the service starts: small writes, each followed by fdatasync, at about the rate of the
#     decision log's commits at 2,500 decisions/s (600/s of 8 KiB), on the file system of PostgreSQL's WAL when this
#     is the same machine. A flush held up for 100 ms holds up every decision of its batch as long.
if [ "$FSYNC_S" != 0 ]; then
  log "the disk alone: $FSYNC_S s of fdatasync at 600/s (FsyncProbe in $OUT)"
  java "${JAVA_PROPS[@]}" io.nextbestaction.bench.FsyncProbe "$OUT" "$FSYNC_S" 600 8192 > "$OUT/fsync.txt"
  kv fsync "$(grep '^RESULT ' "$OUT/fsync.txt" | cut -d' ' -f2-)"
fi

# 2. The dedicated database, reset: the service's Flyway creates the schema, and the decision-tables folder becomes
#    ruleset version 1 (a schema left from an earlier run would keep serving the playbook of that run).
if ! psql -X -d postgres -Atc "select 1 from pg_database where datname = '$DB'" | grep -q 1; then
  log "creating database $DB"
  createdb "$DB"
fi
psql -X -q -d "$DB" -c "set client_min_messages = warning; drop schema if exists nba cascade"

# 3. The packaged service, loopback only. With BENCH_JFR=1 the service that learns records from its start (JFR started
#    later, with jcmd, deoptimises the hot code and the service spends the next minute and a half compiling it again).
SERVICE_PID=""
SAMPLER_PID=""
stop_all() {
  [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true
  if [ -n "$SERVICE_PID" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    log "stopping the service (pid $SERVICE_PID)"
    kill -TERM "$SERVICE_PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$SERVICE_PID" 2>/dev/null || true
  fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM
start_service() { # learning: on or off
  local learning=$1 jfr=""
  if [ "${BENCH_JFR:-0}" = 1 ] && [ "$learning" = on ]; then
    jfr="-XX:StartFlightRecording=settings=default,dumponexit=true,filename=$OUT/service.jfr"
  fi
  log "starting the service on $BASE (learning $learning, database $DB, log $OUT/service.log)"
  echo "=== bench: service with learning $learning ===" >> "$OUT/service.log"
  # shellcheck disable=SC2086
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB?currentSchema=nba" \
  QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
  QUARKUS_HTTP_PORT="$PORT" QUARKUS_HTTP_HOST=127.0.0.1 \
  NBA_DECISION_TABLES_DIR="$ROOT/decision-tables" NBA_DECISION_TABLES_WATCH=false NBA_API_KEY= \
  NBA_LEARNING_ENABLED=$([ "$learning" = on ] && echo true || echo false) \
  MALLOC_ARENA_MAX="$MALLOC_ARENA" \
    java $SERVICE_OPTS $jfr "-Xlog:gc,safepoint:file=$OUT/gc.log" "-Dquarkus.security.users.embedded.users.$ANALYST=$ANALYST_PASSWORD" \
      "-Dquarkus.security.users.embedded.roles.$ANALYST=analyst" \
      -jar target/quarkus-app/quarkus-run.jar >> "$OUT/service.log" 2>&1 &
  SERVICE_PID=$!
  for i in $(seq 1 120); do
    kill -0 "$SERVICE_PID" 2>/dev/null || { tail -40 "$OUT/service.log" >&2; die "the service exited during start"; }
    curl -sf -o /dev/null "$BASE/q/health/ready" && break
    [ "$i" = 120 ] && { tail -40 "$OUT/service.log" >&2; die "the service is not ready after 60 s"; }
    sleep 0.5
  done
  log "ready: $(curl -s "$BASE/q/health/ready" | tr -d ' \n' | cut -c1-160)"
}
FIRST_MODE=${LEARNING_MODES%% *}
start_service "$FIRST_MODE"

# 4. Accounts and their stored history.
java "${JAVA_PROPS[@]}" io.nextbestaction.bench.Accounts "$ACCOUNTS" 7 "$OUT" 1000 > "$OUT/accounts.txt"
log "generated: $(cat "$OUT/accounts.txt")"
for f in "$OUT"/history-*.json; do
  code=$(curl -s -o "$OUT/import.out" -w '%{http_code}' -X POST -H 'Content-Type: application/json' --data-binary "@$f" "$BASE/contact-history")
  [ "$code" = 201 ] || { cat "$OUT/import.out" >&2; die "POST /contact-history answered $code for $f"; }
done
kv history_rows "$(sql "select count(*) from nba.contact_event")"
kv history_accounts "$(sql "select count(distinct account_id) from nba.contact_event")"
sql "analyze nba.contact_event"
# What the offers have learned: for each offer whose row learns (Learn in the shipped tables), 2,000 presentations per
# segment and 12 % of them accepted, as the report rollup would have counted them; the service's job (every 30 s,
# nba.learning.refresh-interval) turns them into learned counts during the warm-up.
sql "insert into nba.offer_rollup (day, offer_id, rule, segment, channel, ruleset_version, decisions, presented, accepted, presented_converted)
     select current_date, offer, 'bench seed', segment, 'IN_APP', 'bench-seed', 2000, 2000, 240, 240
     from unnest(array['seat-pack-10', 'annual-switch', 'automation-module']) offer,
          unnest(array['', 'SMB', 'MID_MARKET', 'ENTERPRISE']) segment"
if [ "$FIRST_MODE" = on ]; then
  for _ in $(seq 1 70); do [ "$(sql "select count(*) from nba.learned_propensity")" != 0 ] && break; sleep 0.5; done
fi
sleep 3
kv rss_idle_mib "$(rss_mib "$SERVICE_PID")"
kv heap_idle "$(heap_used "$SERVICE_PID")"

# 5. Load. wrk runs with the Lua script; its done() prints a BENCH line. RSS is sampled every second meanwhile.
run_wrk() { # label connections duration rate [ids dir]
  local label=$1 conns=$2 duration=$3 rate=$4 ids=${5-$OUT/ids}
  BENCH_BODIES="$OUT/accounts.jsonl" BENCH_RUN="$label" BENCH_IDS_DIR="$ids" BENCH_RATE="$rate" BENCH_THREADS="$THREADS" \
    wrk -t"$THREADS" -c"$conns" -d"${duration}s" --timeout 5s --latency -s "$BENCH_DIR/lua/decide.lua" "$BASE" \
    > "$OUT/wrk-$label.txt" 2> "$OUT/wrk-$label.err" || { cat "$OUT/wrk-$label.err" >&2; die "wrk failed ($label)"; }
}
# CPU accounting in clock ticks: the whole machine (busy), the service, all PostgreSQL processes, and this shell's
# waited children (wrk). What is left is other processes: the noise on a shared machine.
TICKS=$(getconf CLK_TCK)
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
proc_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
postgres_ticks() {
  local sum=0 p
  for p in $(pgrep -x postgres || true); do sum=$((sum + $(proc_ticks "$p"))); done
  echo "$sum"
}
# `times` must run in this shell, not in $(...): its second line is the CPU time of this shell's waited children.
children_ticks() { awk -v t="$TICKS" 'NR == 2 { split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.0f", (u[1] * 60 + u[2] + s[1] * 60 + s[2]) * t }' "$1"; }

sample_rss() { # file
  while kill -0 "$SERVICE_PID" 2>/dev/null; do rss_mib "$SERVICE_PID" >> "$1"; echo >> "$1"; sleep 1; done
}
measure() { # label connections rate
  local label=$1 conns=$2 rate=$3
  kv "$label.connections" "$conns"
  : > "$OUT/rss-$label.txt"
  sample_rss "$OUT/rss-$label.txt" &
  SAMPLER_PID=$!
  log "run '$label': wrk -t$THREADS -c$conns -d${DURATION}s$([ "$rate" != 0 ] && echo " paced to $rate/s")"
  kv "$label.loadavg_before" "$(cut -d' ' -f1 /proc/loadavg)"
  if [ "${BENCH_JFR:-0}" = 1 ] && [ "$label" = "max-c$WARM_CONNS" ]; then
    kv jfr_from_ms "$(date +%s%3N)"
  fi
  local m0 s0 p0 c0 t0 m1 s1 p1 c1 t1
  times > "$OUT/times0"
  local log0; log0=$(wc -l < "$OUT/service.log")
  local gc0; gc0=$(wc -l < "$OUT/gc.log")
  local decided0 commits0 reads0; decided0=$(histogram_buckets nba_decide_seconds 'method="decide"'); commits0=$(histogram_buckets nba_batch_call_seconds 'batch="decision-log-writer"'); reads0=$(histogram_buckets nba_batch_call_seconds 'batch="contact-history-reader"')
  m0=$(machine_ticks); s0=$(proc_ticks "$SERVICE_PID"); p0=$(postgres_ticks); c0=$(children_ticks "$OUT/times0"); t0=$(date +%s.%N)
  run_wrk "$label" "$conns" "$DURATION" "$rate"
  if [ "${BENCH_JFR:-0}" = 1 ] && [ "$label" = "max-c$WARM_CONNS" ]; then
    kv jfr_to_ms "$(date +%s%3N)"
  fi
  times > "$OUT/times1"
  m1=$(machine_ticks); s1=$(proc_ticks "$SERVICE_PID"); p1=$(postgres_ticks); c1=$(children_ticks "$OUT/times1"); t1=$(date +%s.%N)
  kill "$SAMPLER_PID" 2>/dev/null || true
  wait "$SAMPLER_PID" 2>/dev/null || true
  SAMPLER_PID=""
  awk -v l="$label" -v t="$TICKS" -v t0="$t0" -v t1="$t1" -v m=$((m1 - m0)) -v s=$((s1 - s0)) -v p=$((p1 - p0)) -v c=$((c1 - c0)) 'BEGIN {
    d = (t1 - t0) * t
    printf "%s.cpu_machine=%.2f\n%s.cpu_service=%.2f\n%s.cpu_postgres=%.2f\n%s.cpu_wrk=%.2f\n%s.cpu_other=%.2f\n",
      l, m / d, l, s / d, l, p / d, l, c / d, l, (m - s - p - c) / d }' >> "$KV"
  sleep 2 # let requests in flight when wrk stopped finish
  grep '^BENCH ' "$OUT/wrk-$label.txt" | head -1 | tr ' ' '\n' | grep '=' | sed "s/^/$label./" >> "$KV"
  kv "$label.rss_max_mib" "$(sort -n "$OUT/rss-$label.txt" | tail -1)"
  # The service warns when one batched database call takes over 100 ms (every request of the batch waited for it).
  tail -n +"$((log0 + 1))" "$OUT/service.log" | grep -o '[a-z-]*: one call for [0-9]* requests took [0-9]* ms' \
    > "$OUT/slow-$label.txt" || true
  kv "$label.slow_log_commits" "$(grep -c '^decision-log-writer' "$OUT/slow-$label.txt" || true)"
  kv "$label.slowest_log_commit_ms" "$(grep '^decision-log-writer' "$OUT/slow-$label.txt" | awk '{ if ($(NF-1) > m) m = $(NF-1) } END { print m + 0 }')"
  # The decision log's commits during the run that took 15 ms or more (every decision of such a batch waited as long).
  echo "$commits0 $(histogram_buckets nba_batch_call_seconds 'batch="decision-log-writer"')" | awk -v l="$label" '{
    printf "%s.log_commits=%d\n%s.log_commits_over_15ms=%d\n%s.log_commits_15ms_bucket_s=%s\n", l, $6 - $1, l, ($6 - $8) - ($1 - $3), l, $7 }' >> "$KV"
  # Decisions the service itself took 15 ms or more to answer: the rest of wrk's tail is outside the service.
  echo "$decided0 $(histogram_buckets nba_decide_seconds 'method="decide"')" | awk -v l="$label" '{
    printf "%s.server_decisions=%d\n%s.server_over_15ms=%d\n", l, $6 - $1, l, ($6 - $8) - ($1 - $3) }' >> "$KV"
  # The same for the history reads that start each batch of decisions.
  echo "$reads0 $(histogram_buckets nba_batch_call_seconds 'batch="contact-history-reader"')" | awk -v l="$label" '{
    printf "%s.history_reads=%d\n%s.history_reads_over_15ms=%d\n", l, $6 - $1, l, ($6 - $8) - ($1 - $3) }' >> "$KV"
  # Garbage-collection pauses during the run (the service logs them with -Xlog:gc): every request waits them out.
  tail -n +"$((gc0 + 1))" "$OUT/gc.log" | awk -v l="$label" '/\[gc *\].*Pause/ { n++; if ($0 ~ /Pause Full/) f++; ms = $NF; sub("ms", "", ms)
      if (ms + 0 > m) m = ms + 0 }
    /\[safepoint\]/ && match($0, /Total: [0-9]+ ns/) { t = substr($0, RSTART + 7, RLENGTH - 10) / 1e6; if (t > 15) sp++; if (t > spm) spm = t }
    END { printf "%s.gc_pauses=%d\n%s.gc_full=%d\n%s.gc_longest_ms=%.1f\n%s.safepoints_over_15ms=%d\n%s.safepoint_longest_ms=%.1f\n",
      l, n, l, f, l, m, l, sp, l, spm }' >> "$KV"
  # Every answered decision must be in the log: load the decisionIds wrk saw and look each one up.
  cat "$OUT"/ids/ids-"$label"-*.txt > "$OUT/ids-$label.txt"
  local check
  check=$(psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -At <<SQL
create temp table answered (id uuid);
\copy answered from '$OUT/ids-$label.txt'
select count(*), count(*) filter (where d.id is null),
       (select count(*) from nba.decision where request_id like '$label-%') - count(d.id)
from answered a left join nba.decision d on d.id = a.id;
SQL
)
  kv "$label.answered_ids" "$(echo "$check" | cut -d'|' -f1)"
  kv "$label.missing" "$(echo "$check" | cut -d'|' -f2)"
  kv "$label.extra" "$(echo "$check" | cut -d'|' -f3)"
}

# Warm-up at the largest connection count, in 10 s steps. On 2 shared cores the service's JIT keeps about one core
# busy for the first 1.5-2 minutes of load (throughput climbs from ~15 % to 100 % of its steady state meanwhile), so
# warm up until the JIT is done: a 10 s step in which the compilers spent < 1.5 s (jstat -compiler) and whose rate is
# within 7 % of the step before; at least WARMUP s, at most WARMUP_MAX s.
WARM_CONNS=$(echo "$CONNECTIONS" | tr ' ' '\n' | sort -n | tail -1)
jit_seconds() { jstat -compiler "$SERVICE_PID" 2>/dev/null | awk 'NR == 2 { print $4 }'; }
warm_up() { # label prefix of the steps
  local warm=0 previous=0 step=0 jit_before current jit_step
  jit_before=$(jit_seconds)
  while :; do
    step=$((step + 1))
    run_wrk "$1warmup$step" "$WARM_CONNS" 10 0 ""
    current=$(grep -o 'ok_rps=[0-9.]*' "$OUT/wrk-$1warmup$step.txt" | cut -d= -f2)
    jit_now=$(jit_seconds)
    jit_step=$(awk -v a="${jit_before:-0}" -v b="${jit_now:-0}" 'BEGIN { printf "%.1f", b - a }')
    jit_before=$jit_now
    warm=$((warm + 10))
    log "warm-up step $step (-c$WARM_CONNS, 10 s): $current decisions/s, JIT compiling ${jit_step} s of the 10 s"
    if [ "$warm" -ge "$WARMUP_MAX" ]; then log "warm-up stopped at the ${WARMUP_MAX} s limit"; break; fi
    if [ "$warm" -ge "$WARMUP" ] && awk -v a="$previous" -v b="$current" -v j="$jit_step" \
        'BEGIN { exit !(j < 1.5 && a > 0 && (a - b) / b <= 0.07 && (b - a) / b <= 0.07) }'; then break; fi
    previous=$current
  done
  kv "$1warmup_jit_s" "$jit_now"
  kv "$1warmup_s" "$warm"
}
RUNS=""
for mode in $LEARNING_MODES; do
  if [ "$mode" != "$FIRST_MODE" ]; then
    stop_all
    start_service "$mode"
  fi
  prefix=$([ "$mode" = off ] && echo nolearn- || true)
  warm_up "$prefix"
  kv "${prefix}learned_rows" "$(sql "select count(*) from nba.learned_propensity")"
  for c in $CONNECTIONS; do
    measure "${prefix}max-c$c" "$c" 0
    # The decisions of the run that a learned propensity ranked (their answer says "learned from").
    kv "${prefix}max-c$c.learned_decisions" "$(sql "select count(*) from nba.decision where request_id like '${prefix}max-c$c-%' and response::text like '%learned from%'")"
    RUNS="$RUNS ${prefix}max-c$c"
  done
done
if [ "$RATE" != 0 ]; then
  measure fixed "$RATE_CONNECTIONS" "$RATE"
  RUNS="$RUNS fixed"
fi
kv runs "$RUNS"
sleep 3
kv rss_after_mib "$(rss_mib "$SERVICE_PID")"
kv rss_hwm_mib "$(hwm_mib "$SERVICE_PID")"
kv heap_after "$(heap_used "$SERVICE_PID")"

# 6. Rule changes through the service, idle after the load: upload a generated table onto version 1 (POST /rulesets:
#    validation, compilation, storage), activate it (POST /rulesets/{v}/activate: regression suites, audit, switch),
#    then the first decision, which must report the new version. The generated rows are keyed on an industry
#    attribute the regression cases do not have, so the gate passes.
now_s() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
CHANGES=""
mkdir -p "$OUT/workbooks"
for rows in $CHANGE_SIZES; do
  java "${JAVA_PROPS[@]}" io.nextbestaction.bench.Workbooks "$OUT/workbooks" "$rows" > /dev/null
  wb="$OUT/workbooks/generated-$rows.drl.xlsx"
  log "rule change through the API: $rows rows"
  t0=$(now_s)
  code=$(curl -s -o "$OUT/change-$rows-upload.json" -w '%{http_code}' -u "$ANALYST:$ANALYST_PASSWORD" \
    -F "file=@$wb" -F "comment=bench: $rows generated rows" -F base=1 "$BASE/rulesets")
  t1=$(now_s)
  version=$(grep -o '"version":[0-9]*' "$OUT/change-$rows-upload.json" | head -1 | cut -d: -f2)
  [ "$code" = 201 ] || { log "upload of $rows rows answered $code: $(head -c 600 "$OUT/change-$rows-upload.json")"; kv "change$rows.failed" "upload $code"; CHANGES="$CHANGES $rows"; continue; }
  code=$(curl -s -o "$OUT/change-$rows-activate.json" -w '%{http_code}' -u "$ANALYST:$ANALYST_PASSWORD" -X POST \
    "$BASE/rulesets/$version/activate")
  t2=$(now_s)
  [ "$code" = 200 ] || { log "activation of version $version answered $code: $(head -c 600 "$OUT/change-$rows-activate.json")"; kv "change$rows.failed" "activate $code"; CHANGES="$CHANGES $rows"; continue; }
  served=""
  for _ in $(seq 1 300); do
    served=$(head -1 "$OUT/accounts.jsonl" | curl -s -X POST -H 'Content-Type: application/json' --data-binary @- "$BASE/decide" \
      | grep -o '"rulesetVersion":"[^"]*"' | cut -d'"' -f4)
    case "$served" in "v$version "*) break ;; esac
    sleep 0.1
  done
  t3=$(now_s)
  kv "change$rows.version" "$version"
  kv "change$rows.served" "$served"
  kv "change$rows.upload_s" "$(elapsed "$t0" "$t1")"
  kv "change$rows.activate_s" "$(elapsed "$t1" "$t2")"
  kv "change$rows.first_decision_s" "$(elapsed "$t2" "$t3")"
  kv "change$rows.live_s" "$(elapsed "$t0" "$t3")"
  kv "change$rows.warnings" "$(grep -o '"warnings":\[.*' "$OUT/change-$rows-upload.json" | grep -o '"message"' | wc -l)"
  kv "change$rows.rss_mib" "$(rss_mib "$SERVICE_PID")"
  kv "change$rows.heap" "$(heap_used "$SERVICE_PID")"
  CHANGES="$CHANGES $rows"
done
kv changes "$CHANGES"
kv rss_hwm_after_changes_mib "$(hwm_mib "$SERVICE_PID")"
stop_all
trap - EXIT

grep -v '^RESULT ' "$OUT/engine.txt" | sed -n '/^Engine only/,$p' | head -4
if [ "${BENCH_JFR:-0}" = 1 ] && [ -f "$OUT/service.jfr" ]; then
  java "${JAVA_PROPS[@]}" io.nextbestaction.bench.JfrBreakdown "$OUT/service.jfr" \
    "$(grep '^jfr_from_ms=' "$KV" | cut -d= -f2)" "$(grep '^jfr_to_ms=' "$KV" | cut -d= -f2)"
fi
java "${JAVA_PROPS[@]}" io.nextbestaction.bench.Report e2e "$KV"
echo
echo "What held requests up during each run: decision log commits over 100 ms (the service's warnings: each held up"
echo "its whole batch), slow history reads (each held up its batch), garbage-collection pauses and safepoints (the service's"
echo "-Xlog:gc,safepoint, $OUT/gc.log: each held up every request)"
echo "| run | decisions answered by the service | of them 15 ms or more in the service | log commits | commits over the histogram's 15 ms bucket | commits over 100 ms | slowest commit ms | history reads | reads over 15 ms | GC pauses | full GCs | longest GC pause ms | safepoints over 15 ms | longest safepoint ms |"
echo "|-----|-----------------------------------|--------------------------------------|-------------|-------------------------------------------|---------------------|-------------------|---------------|------------------|-----------|----------|---------------------|-----------------------|----------------------|"
value() { grep "^$1=" "$KV" | cut -d= -f2; }
for label in $RUNS; do
  echo "| $label | $(value "$label.server_decisions") | $(value "$label.server_over_15ms") | $(value "$label.log_commits") | $(value "$label.log_commits_over_15ms") (bucket $(value "$label.log_commits_15ms_bucket_s") s) | $(value "$label.slow_log_commits") | $(value "$label.slowest_log_commit_ms") | $(value "$label.history_reads") | $(value "$label.history_reads_over_15ms") | $(value "$label.gc_pauses") | $(value "$label.gc_full") | $(value "$label.gc_longest_ms") | $(value "$label.safepoints_over_15ms") | $(value "$label.safepoint_longest_ms") |"
done
if [ "$FSYNC_S" != 0 ]; then
  echo
  echo "The disk alone, before the service started (FsyncProbe: 8 KiB write + fdatasync, 600/s, $FSYNC_S s; nothing else of ours running)"
  echo "| flushes | p50 ms | p99 ms | p99.9 ms | max ms | over 15 ms | over 100 ms | seconds in flushes over 100 ms |"
  echo "|---------|--------|--------|----------|--------|------------|-------------|--------------------------------|"
  grep '^fsync=' "$KV" | cut -d= -f2- | tr ' ' '\n' | awk -F= '{ v[$1] = $2 } END {
    printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", v["flushes"], v["p50_ms"], v["p99_ms"], v["p999_ms"], v["max_ms"],
      v["over_15ms"], v["over_100ms"], v["stalled_s"] }'
fi
