#!/usr/bin/env bash
# End to end + memory: starts the packaged service on its own port against a dedicated database, imports contact
# history for a few thousand generated accounts, then drives POST /decide with wrk over loopback: a max-load run and a
# fixed-rate run. Checks that every answered decision is in nba.decision, samples the service's RSS, and measures the
# engine-only rate in the same run for the ratio. Stops the service at the end (trap).
# Environment (defaults): BENCH_PORT (18080), BENCH_DB (nba_bench), BENCH_ACCOUNTS (4000), BENCH_DURATION_S (30),
# BENCH_WARMUP_S (30), BENCH_THREADS (2), BENCH_CONNECTIONS ("16 64": one max-load run per value), BENCH_RATE (2500;
# 0 skips the fixed-rate run), BENCH_RATE_CONNECTIONS (64),
# BENCH_SERVICE_OPTS (JVM options of the service, default none), PGHOST/PGPORT/PGUSER (127.0.0.1/5432/postgres).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need wrk wrk
need curl curl
need psql postgresql-client
need createdb postgresql-client
bench_build

PORT="${BENCH_PORT:-18080}"
DB="${BENCH_DB:-nba_bench}"
ACCOUNTS="${BENCH_ACCOUNTS:-4000}"
DURATION="${BENCH_DURATION_S:-30}"
WARMUP="${BENCH_WARMUP_S:-30}"
THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-16 64}"
RATE="${BENCH_RATE:-2500}"
RATE_CONNECTIONS="${BENCH_RATE_CONNECTIONS:-64}"
SERVICE_OPTS="${BENCH_SERVICE_OPTS:-}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
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
kv threads "$THREADS"; kv rate_connections "$RATE_CONNECTIONS"; kv duration_s "$DURATION"; kv accounts "$ACCOUNTS"; kv rate "$RATE"
kv service_opts "$SERVICE_OPTS"

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

# 2. The dedicated database, emptied (the service's Flyway creates the schema on first start).
if ! psql -X -d postgres -Atc "select 1 from pg_database where datname = '$DB'" | grep -q 1; then
  log "creating database $DB"
  createdb "$DB"
fi

# 3. The packaged service, loopback only.
log "starting the service on $BASE (database $DB, log $OUT/service.log)"
# shellcheck disable=SC2086
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB?currentSchema=nba" \
QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
QUARKUS_HTTP_PORT="$PORT" QUARKUS_HTTP_HOST=127.0.0.1 \
NBA_DECISION_TABLES_DIR="$ROOT/decision-tables" \
  java $SERVICE_OPTS -jar target/quarkus-app/quarkus-run.jar > "$OUT/service.log" 2>&1 &
SERVICE_PID=$!
SAMPLER_PID=""
stop_all() {
  [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true
  if kill -0 "$SERVICE_PID" 2>/dev/null; then
    log "stopping the service (pid $SERVICE_PID)"
    kill -TERM "$SERVICE_PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$SERVICE_PID" 2>/dev/null || true
  fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM
for i in $(seq 1 120); do
  kill -0 "$SERVICE_PID" 2>/dev/null || { tail -40 "$OUT/service.log" >&2; die "the service exited during start"; }
  curl -sf -o /dev/null "$BASE/q/health/ready" && break
  [ "$i" = 120 ] && { tail -40 "$OUT/service.log" >&2; die "the service is not ready after 60 s"; }
  sleep 0.5
done
log "ready: $(curl -s "$BASE/q/health/ready" | tr -d ' \n' | cut -c1-160)"
sql "truncate nba.contact_event, nba.decision"

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
sleep 3
kv rss_idle_mib "$(rss_mib "$SERVICE_PID")"
kv heap_idle "$(jcmd "$SERVICE_PID" GC.heap_info 2>/dev/null | awk '/garbage-first heap|def new generation|PSYoungGen|total/ { for (i = 1; i <= NF; i++) if ($i == "used") { print $(i+1); exit } }')"

# 5. Load. wrk runs with the Lua script; its done() prints a BENCH line. RSS is sampled every second meanwhile.
run_wrk() { # label connections duration rate
  local label=$1 conns=$2 duration=$3 rate=$4
  BENCH_BODIES="$OUT/accounts.jsonl" BENCH_RUN="$label" BENCH_IDS_DIR="$OUT/ids" BENCH_RATE="$rate" BENCH_THREADS="$THREADS" \
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
  local m0 s0 p0 c0 t0 m1 s1 p1 c1 t1
  times > "$OUT/times0"
  m0=$(machine_ticks); s0=$(proc_ticks "$SERVICE_PID"); p0=$(postgres_ticks); c0=$(children_ticks "$OUT/times0"); t0=$(date +%s.%N)
  run_wrk "$label" "$conns" "$DURATION" "$rate"
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

log "warm-up: ${WARMUP} s at -c16 (the service's JIT needs about half a minute of load)"
run_wrk warmup 16 "$WARMUP" 0
RUNS=""
for c in $CONNECTIONS; do
  measure "max-c$c" "$c" 0
  RUNS="$RUNS max-c$c"
done
if [ "$RATE" != 0 ]; then
  measure fixed "$RATE_CONNECTIONS" "$RATE"
  RUNS="$RUNS fixed"
fi
kv runs "$RUNS"
sleep 3
kv rss_after_mib "$(rss_mib "$SERVICE_PID")"
kv rss_hwm_mib "$(hwm_mib "$SERVICE_PID")"
kv heap_after "$(jcmd "$SERVICE_PID" GC.heap_info 2>/dev/null | awk '/garbage-first heap|def new generation|PSYoungGen|total/ { for (i = 1; i <= NF; i++) if ($i == "used") { print $(i+1); exit } }')"
kv server_p99_ms "$(curl -s "$BASE/q/metrics" | awk '/^nba_decide_seconds\{.*quantile="0.99"/ { printf "%.2f", $2 * 1000; exit }')"
stop_all
trap - EXIT

grep -v '^RESULT ' "$OUT/engine.txt" | sed -n '/^Engine only/,$p' | head -4
java "${JAVA_PROPS[@]}" io.nextbestaction.bench.Report e2e "$KV"
