# Shared by the bench scripts: sourced, not run. Works from the repository root of a fresh clone.
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
cd "$ROOT"
OUT_ROOT="$ROOT/target/bench"
mkdir -p "$OUT_ROOT"

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

need() {
  command -v "$1" >/dev/null 2>&1 || die "$1 is missing. Install it with: apt-get update && apt-get install -y $2"
}

# Builds the service (target/quarkus-app) unless it is newer than every source, resolves the runtime classpath
# (target/bench-cp.txt) and compiles the harness in bench/java into target/bench-classes. Sets CP and JAVA_PROPS.
bench_build() {
  need java openjdk-17-jdk-headless
  need javac openjdk-17-jdk-headless
  if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    local jar=target/quarkus-app/quarkus-run.jar
    if [ ! -f "$jar" ] || [ ! -f target/test-classes/io/nextbestaction/TcpProxy.class ] \
       || [ -n "$(find src pom.xml decision-tables -newer "$jar" -print -quit 2>/dev/null)" ]; then
      log "building the service: ./mvnw -q -B -DskipTests package"
      ./mvnw -q -B -DskipTests package >&2
    fi
    if [ ! -f target/bench-cp.txt ] || [ pom.xml -nt target/bench-cp.txt ]; then
      log "resolving the runtime classpath: ./mvnw dependency:build-classpath"
      ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/bench-cp.txt >&2
    fi
    log "compiling the harness (bench/java -> target/bench-classes)"
    rm -rf target/bench-classes
    mkdir -p target/bench-classes
    # target/test-classes: the TcpProxy of the fault tests, which bench/faults.sh uses too.
    javac -nowarn -encoding UTF-8 -d target/bench-classes -cp "target/classes:target/test-classes:$(cat target/bench-cp.txt)" \
      $(find "$BENCH_DIR/java" -name '*.java') >&2
  fi
  [ -f target/quarkus-app/quarkus-run.jar ] || die "target/quarkus-app/quarkus-run.jar is missing (build failed?)"
  [ -d target/bench-classes ] || die "target/bench-classes is missing (run without BENCH_SKIP_BUILD=1)"
  CP="target/bench-classes:target/classes:target/test-classes:$(cat target/bench-cp.txt)"
  # The service's classes run outside Quarkus here: JBoss LogManager as in the service (see BenchLogging).
  JAVA_PROPS=(-Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$CP")
}

# Drools warns once per compile that agenda-group is deprecated (the catalog uses AGENDA-GROUP): keep stderr readable.
quiet_drools() { grep -v -e "logAgendaGroupWarn" -e "^WARN: 'agenda-group" >&2 || true; }

# The tools and PostgreSQL connection of the scripts that drive the running service over HTTP.
service_bench_tools() {
  need wrk wrk
  need curl curl
  need psql postgresql-client
  need createdb postgresql-client
  export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
}
