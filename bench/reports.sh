#!/usr/bin/env bash
# Reports on real volumes: fills the bench's own database with BENCH_DECISIONS decisions (10,000,000) over BENCH_DAYS
# days (30) for BENCH_ACCOUNTS accounts (5,000,000), of which a fifth are held out (1,000,000), and BENCH_OUTCOMES
# outcomes (about 3,000,000, plus purchases of held-out accounts imported as contacts); starts the packaged service on
# it, times the rollup's catch-up over all of it, then times each report BENCH_REPEAT times (5) over the whole period.
# Environment (defaults): BENCH_PORT (18081), BENCH_DB (nba_reports_bench), BENCH_KEEP_DATA=1 (reuse the data of the
# last run: only the rollup and the reports run again), PGHOST/PGPORT/PGUSER (127.0.0.1/5432/postgres).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
service_bench_tools
bench_build

PORT="${BENCH_PORT:-18081}"
DB="${BENCH_DB:-nba_reports_bench}"
DECISIONS="${BENCH_DECISIONS:-10000000}"
ACCOUNTS="${BENCH_ACCOUNTS:-5000000}"
DAYS="${BENCH_DAYS:-30}"
REPEAT="${BENCH_REPEAT:-5}"
USER_NAME="benchviewer"
PASSWORD="bench-viewer-$$"
BASE="http://127.0.0.1:$PORT"
OUT="$OUT_ROOT/reports"
mkdir -p "$OUT"
sql() { psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -At -c "set search_path = nba; $1"; }

if curl -s -o /dev/null "$BASE/q/health"; then
  die "something already listens on 127.0.0.1:$PORT; set BENCH_PORT"
fi
if ! psql -X -d postgres -Atc "select 1 from pg_database where datname = '$DB'" | grep -q 1; then
  createdb "$DB"
fi

SERVICE_PID=""
start_service() {
  log "starting the service on $BASE (database $DB, log $OUT/service.log)"
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB?currentSchema=nba" QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
  QUARKUS_HTTP_PORT="$PORT" QUARKUS_HTTP_HOST=127.0.0.1 NBA_DECISION_TABLES_DIR="$ROOT/decision-tables" \
  NBA_DECISION_TABLES_WATCH=false NBA_RULESETS_COMPILER_WARM_UP=0s NBA_REPORTS_REFRESH_INTERVAL=2s MALLOC_ARENA_MAX=2 \
    java -Xmx384m -XX:+UseParallelGC "-Dquarkus.security.users.embedded.users.$USER_NAME=$PASSWORD" \
      "-Dquarkus.security.users.embedded.roles.$USER_NAME=viewer" -jar target/quarkus-app/quarkus-run.jar >> "$OUT/service.log" 2>&1 &
  SERVICE_PID=$!
  for i in $(seq 1 240); do
    kill -0 "$SERVICE_PID" 2>/dev/null || { tail -40 "$OUT/service.log" >&2; die "the service exited during start"; }
    curl -sf -o /dev/null "$BASE/q/health/ready" && return
    sleep 0.5
  done
  die "the service is not ready after 120 s"
}
stop_service() {
  if [ -n "$SERVICE_PID" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill -TERM "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true
  fi
  SERVICE_PID=""
}
trap stop_service EXIT

: > "$OUT/service.log"
if [ "${BENCH_KEEP_DATA:-0}" != 1 ]; then
  psql -X -q -d "$DB" -c "set client_min_messages = warning; drop schema if exists nba cascade"
  start_service   # Flyway creates the schema
  stop_service
  log "generating $DECISIONS decisions for $ACCOUNTS accounts over $DAYS days"
  T0=$(date +%s)
  sql "
    insert into decision (id, account_id, segment, experiment_key, ruleset_version, request, offers, suppressed, response,
                          holdout, created_at)
    select gen_random_uuid(), 'acc-' || a, (array['SMB', 'MID_MARKET', 'ENTERPRISE'])[1 + a % 3], 'expansion-default',
           (array['v1 (bench)', 'v2 (bench)'])[1 + n % 2], '{}', o.offers, '[]', '{}', a % 5 = 0,
           now() - interval '1 hour' - random() * interval '$DAYS days'
    from generate_series(0, $DECISIONS - 1) n
         cross join lateral (select n % $ACCOUNTS as a) acc
         cross join lateral (select jsonb_build_array(jsonb_build_object('offerId', 'offer-' || (n % 12),
                 'type', (array['UPSELL', 'CROSS_SELL', 'ADD_ON', 'ENABLEMENT'])[1 + n % 4],
                 'channel', (array['IN_APP', 'EMAIL', 'CSM'])[1 + n % 3],
                 'reasons', jsonb_build_array('bench.drl.xlsx › Bench row ' || (5 + n % 12) || ': offer ' || (n % 12)))) as offers) o"
  log "generating outcomes"
  sql "
    insert into contact_event (account_id, offer_id, outcome, at, decision_id, recorded_at)
    select d.account_id, d.offers -> 0 ->> 'offerId', x.outcome, d.created_at + x.after, d.id, d.created_at + x.after
    from decision d
         cross join lateral (select abs(hashtext(d.id::text)) % 100 as h) r
         cross join lateral (values ('PRESENTED', interval '1 minute', r.h < 25), ('CLICKED', interval '2 minutes', r.h < 5),
                                    ('ACCEPTED', interval '3 minutes', r.h >= 5 and r.h < 9),
                                    ('DISMISSED', interval '3 minutes', r.h >= 20 and r.h < 23),
                                    ('PURCHASED', interval '10 minutes', r.h < 1 or r.h = 24)) as x(outcome, after, taken)
    where not d.holdout and x.taken"
  log "generating the purchases of held-out accounts (imported contacts)"
  sql "
    insert into contact_event (account_id, offer_id, outcome, at, recorded_at)
    select d.account_id, d.offers -> 0 ->> 'offerId', 'PURCHASED', d.created_at + interval '2 days', d.created_at + interval '2 days'
    from decision d where d.holdout and abs(hashtext(d.id::text)) % 100 < 3 and d.created_at < now() - interval '3 days'"
  psql -X -q -d "$DB" -c "vacuum analyze nba.decision" -c "vacuum analyze nba.contact_event"
  log "data generated in $(( $(date +%s) - T0 )) s"
fi
sql "truncate offer_rollup, holdout_enrolment, holdout_conversion, offer_rollup_progress"
read -r N_DECISIONS N_HELD_OUT N_CONTACTS N_HELD_OUT_ACCOUNTS <<< "$(sql "select (select count(*) from decision),
    (select count(*) from decision where holdout), (select count(*) from contact_event),
    (select count(distinct account_id) from decision where holdout)" | tr '|' ' ')"

start_service
log "waiting for the rollup to count everything"
T0=$(date +%s)
until [ "$(sql "select coalesce(bool_or(up_to > now() - interval '1 minute'), false) from offer_rollup_progress")" = t ]; do
  sleep 2
  [ $(( $(date +%s) - T0 )) -gt 3600 ] && die "the rollup did not catch up in an hour"
done
CATCH_UP=$(( $(date +%s) - T0 ))
ROLLUP_ROWS=$(sql "select count(*) from offer_rollup")
FROM=$(date -u -d "-$DAYS days" +%F); TO=$(date -u +%F)

time_report() { # path
  local best=999 worst=0 t
  for _ in $(seq 1 "$REPEAT"); do
    t=$(curl -s -o "$OUT/last.json" -w '%{time_total}' -u "$USER_NAME:$PASSWORD" "$BASE$1")
    best=$(awk -v a="$best" -v b="$t" 'BEGIN { print (b < a ? b : a) }')
    worst=$(awk -v a="$worst" -v b="$t" 'BEGIN { print (b > a ? b : a) }')
  done
  printf '| `%s` | %.0f ms | %.0f ms |\n' "$1" "$(awk -v t="$best" 'BEGIN { print t * 1000 }')" "$(awk -v t="$worst" 'BEGIN { print t * 1000 }')"
}
{
  echo
  echo "Reports over $N_DECISIONS decisions ($N_HELD_OUT held out, $N_HELD_OUT_ACCOUNTS held-out accounts) and $N_CONTACTS contacts, $DAYS days"
  echo "rollup catch-up over all of it: $CATCH_UP s ($ROLLUP_ROWS offer_rollup rows)"
  echo
  echo "| report | fastest of $REPEAT | slowest of $REPEAT |"
  echo "|---|---|---|"
  for by in offer rule segment channel version day; do
    time_report "/reports/offers?from=$FROM&to=$TO&by=$by"
  done
  time_report "/reports/lift?from=$FROM&to=$TO&window=P14D"
} | tee "$OUT/results.md"
grep -q '"significant"' "$OUT/last.json" || die "the lift report did not answer: $(cat "$OUT/last.json")"
