#!/usr/bin/env bash
# Safety of activation under load: drives POST /decide with wrk while versions 1 and 2 are activated back and forth
# every second, then proves that no request failed and that both versions served. Exits non-zero on any failure.
# Environment (defaults): BENCH_SWAP_PORT (18091), BENCH_SWAP_DB (nba_swap), BENCH_SWAP_SECONDS (30),
# BENCH_SWAP_CONNECTIONS (32), PGHOST/PGPORT/PGUSER (127.0.0.1/5432/postgres).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
service_bench_tools
bench_build

PORT="${BENCH_SWAP_PORT:-18091}"
DB="${BENCH_SWAP_DB:-nba_swap}"
SECONDS_UNDER_LOAD="${BENCH_SWAP_SECONDS:-30}"
CONNECTIONS="${BENCH_SWAP_CONNECTIONS:-32}"
BASE="http://127.0.0.1:$PORT"
AUTH="analyst:swap-bench-password"
OUT="$OUT_ROOT/swap"
rm -rf "$OUT"
mkdir -p "$OUT"

if curl -s -o /dev/null "$BASE/q/health"; then
  die "something already listens on 127.0.0.1:$PORT; set BENCH_SWAP_PORT"
fi
psql -X -d postgres -Atc "select 1 from pg_database where datname = '$DB'" | grep -q 1 || createdb "$DB"
psql -X -q -d "$DB" -c "drop schema if exists nba cascade"

log "starting the service on port $PORT (database $DB)"
QUARKUS_HTTP_PORT="$PORT" \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB?currentSchema=nba" \
NBA_DECISION_TABLES_WATCH=false \
java -Xmx512m -Dquarkus.security.users.embedded.users.analyst=swap-bench-password \
  -Dquarkus.security.users.embedded.roles.analyst=analyst \
  -jar target/quarkus-app/quarkus-run.jar > "$OUT/service.log" 2>&1 &
SERVICE=$!
trap 'kill "$SERVICE" 2>/dev/null || true; wait "$SERVICE" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf -o /dev/null "$BASE/q/health/ready" && break
  kill -0 "$SERVICE" 2>/dev/null || die "the service stopped; see $OUT/service.log"
  sleep 0.5
done
curl -sf -o /dev/null "$BASE/q/health/ready" || die "the service is not ready; see $OUT/service.log"

# Version 2: the shipped playbook plus a DRL rule that never fires, so that both versions pass the regression gate.
cat > "$OUT/swap-marker.drl" <<'DRL'
package expansion.swap;
import io.nextbestaction.rules.facts.*;
rule "Swap benchmark marker: never fires"
when
    Account(id == "no account has this id")
then
end
DRL
status=$(curl -s -o "$OUT/upload.json" -w '%{http_code}' -u "$AUTH" -F "file=@$OUT/swap-marker.drl" -F comment="swap benchmark" "$BASE/rulesets")
[ "$status" = 201 ] || die "uploading version 2 answered $status: $(cat "$OUT/upload.json")"
curl -s -o /dev/null -u "$AUTH" -X POST "$BASE/rulesets/2/activate"
curl -s -o /dev/null -u "$AUTH" -X POST "$BASE/rulesets/1/activate"

log "warming up for 10 s"
wrk -t2 -c"$CONNECTIONS" -d10s -s "$BENCH_DIR/lua/swap.lua" "$BASE" > /dev/null

log "load for $SECONDS_UNDER_LOAD s with an activation every second"
psql -X -q -d "$DB" -c "truncate nba.decision cascade"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_UNDER_LOAD}s" --latency -s "$BENCH_DIR/lua/swap.lua" "$BASE" > "$OUT/wrk.txt" &
WRK=$!
activations=0
failed_activations=0
target=2
start_ms=$(date +%s%3N)
tick=1
while [ "$tick" -lt "$SECONDS_UNDER_LOAD" ]; do
  # One activation at each whole second since the start of the load, however long the previous one took.
  wait_ms=$((start_ms + tick * 1000 - $(date +%s%3N)))
  [ "$wait_ms" -gt 0 ] && sleep "$(printf '%d.%03d' $((wait_ms / 1000)) $((wait_ms % 1000)))"
  tick=$((tick + 1))
  code=$(curl -s -o /dev/null -w '%{http_code}' -u "$AUTH" -X POST "$BASE/rulesets/$target/activate")
  if [ "$code" = 200 ]; then activations=$((activations + 1)); else failed_activations=$((failed_activations + 1)); fi
  target=$((3 - target))
done
wait "$WRK"

requests=$(awk '/requests in/ { print $1 }' "$OUT/wrk.txt")
non2xx=$(awk '/Non-2xx or 3xx responses/ { print $NF }' "$OUT/wrk.txt"); non2xx=${non2xx:-0}
socket_errors=$(awk -F'[ ,]+' '/Socket errors/ { print $4 + $6 + $8 + $10 }' "$OUT/wrk.txt"); socket_errors=${socket_errors:-0}
rps=$(awk '/Requests\/sec/ { print $2 }' "$OUT/wrk.txt")
p99=$(awk '$1 == "99%" { print $2 }' "$OUT/wrk.txt")
logged=$(psql -X -d "$DB" -Atc "select count(*) from nba.decision")
by_version=$(psql -X -d "$DB" -Atc "select string_agg(split_part(ruleset_version, ' ', 1) || ': ' || n, ', ' order by 1) from (select ruleset_version, count(*) n from nba.decision group by 1) v")

printf '\n%-40s %s\n' "figure" "value"
printf '%-40s %s\n' "decisions answered (wrk)" "$requests"
printf '%-40s %s\n' "decisions per second" "$rps"
printf '%-40s %s\n' "p99 latency" "$p99"
printf '%-40s %s\n' "non-2xx answers" "$non2xx"
printf '%-40s %s\n' "socket errors" "$socket_errors"
printf '%-40s %s\n' "activations (every second)" "$activations"
printf '%-40s %s\n' "failed activations" "$failed_activations"
printf '%-40s %s\n' "decisions in the log" "$logged"
printf '%-40s %s\n' "decisions by version" "$by_version"

[ "$non2xx" = 0 ] && [ "$socket_errors" = 0 ] && [ "$failed_activations" = 0 ] || die "requests or activations failed"
[ "$activations" -ge $((SECONDS_UNDER_LOAD / 2)) ] || die "too few activations: $activations"
log "zero failed requests across $activations activations"
