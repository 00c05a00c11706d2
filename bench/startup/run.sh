#!/usr/bin/env bash
# Start-up time and resident memory of each service in JVM mode, before and after the JDK's AOT
# cache and the production JVM options, in one run on this machine:
#   before: fast-jar, `java -jar` with the JVM's defaults (what a user ran before jvm.args);
#   after:  aot-jar (quarkus.package.jar.type) started as everything starts it,
#           `java @jvm.args -jar quarkus-run.jar` with the jvm.args its build wrote, plus
#           -XX:AOTCache=app.aot from a training run under the same load (what -Paot appends).
# Start-up: from exec to the first 200 of /q/health/ready, each service alone (feed-service
# needs article-service to build its first feed, so one article-service runs beside it,
# started before and not measured); the median of RUNS starts. Memory: VmRSS after a load of
# LOAD seconds of wrk (2 threads, 16 connections) on the service's hot reads: article by id,
# listing and home page; a cached image resize; RSS, Atom and JSON feeds.
# Needs a JDK 25, python3, curl, PostgreSQL at 127.0.0.1:5432 (user postgres, trust; PGHOST,
# PGPORT, PGUSER override); installs wrk and nginx-light with apt-get when missing.
# Usage: bench/startup/run.sh [runs, default 5] [load seconds, default 20]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${1:-5}"
load="${2:-20}"
PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER
# JAVA_HOME's java (a JDK 25: the AOT cache needs the JDK that trained it), as ./mvnw uses it.
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
"$JAVA" -XX:AOTMode=off -version >/dev/null 2>&1 \
  || { echo "JAVA_HOME must point at a JDK 25 (it has $("$JAVA" -version 2>&1 | head -1))" >&2; exit 1; }

if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  echo "installing wrk and nginx-light (apt-get)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light >/dev/null
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/newsdesk-startup.XXXXXX")"
chmod 755 "$work"
db="newsdesk_startup_$(date +%s)_$$"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql -d postgres -qc "drop database if exists $db" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# The two builds of each service are kept in target/bench-startup; BENCH_SKIP_BUILD=1 reuses them.
builds="$root/target/bench-startup"
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] || [ ! -d "$builds/feed-service-after" ]; then
  echo "== building: fast-jar (before), aot-jar (after; its cache is trained below)"
  rm -rf "$builds"; mkdir -p "$builds"
  for s in article-service image-service feed-service; do
    (cd "$root" && ./mvnw -q -B -pl "$s" -am package -DskipTests -Dspotless.check.skip=true)
    cp -a "$root/$s/target/quarkus-app" "$builds/$s-before"
    (cd "$root" && ./mvnw -q -B -pl "$s" -am package -DskipTests -Dspotless.check.skip=true -Dquarkus.package.jar.type=aot-jar)
    cp -a "$root/$s/target/quarkus-app" "$builds/$s-after"
  done
  # Leave the usual fast-jar in target/ for the other scripts and the run command.
  (cd "$root" && ./mvnw -q -B -pl article-service,image-service,feed-service -am package -DskipTests -Dspotless.check.skip=true)
fi
rm -f "$builds"/*-after/app.aot
sed -i '/^-XX:AOTCache=/d' "$builds"/*-after/jvm.args

psql -v ON_ERROR_STOP=1 -d postgres -qc "create database $db"
article_env=(QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" QUARKUS_DATASOURCE_USERNAME="$PGUSER"
  NEWSDESK_API_TOKENS=bench-token NEWSDESK_IMAGE_SIGNING_KEY="$(printf '%064d' 0)")

# start NAME VARIANT PORT LOG [ENV...]: the service in the background; prints its pid
start() {
  local name=$1 variant=$2 port=$3 log=$4; shift 4
  local opts=""
  [ "$variant" = after ] && opts="@jvm.args"
  [ "${TRAIN:-0}" = 1 ] && opts="@jvm.args -XX:AOTCacheOutput=app.aot"
  (cd "$builds/$name-$variant" && exec env "$@" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" \
     NEWSDESK_DATA_DIR="$work/data-$name" QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
     "$JAVA" $opts -jar quarkus-run.jar >"$log" 2>&1) &
  echo $!
}
ready_ms() { # PORT PID LOG: milliseconds until /q/health/ready answers 200, from now
  local t0; t0=$(date +%s%N)
  until curl -fs -o /dev/null "http://127.0.0.1:$1/q/health/ready"; do
    kill -0 "$2" 2>/dev/null || { echo "process $2 died; the end of its log:" >&2; tail -20 "$3" >&2; return 1; }
    sleep 0.005
  done
  echo $(( ($(date +%s%N) - t0) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
stop() { # PID: SIGTERM, then wait until it is gone (it is not this shell's child)
  kill "$1" 2>/dev/null || return 0
  while kill -0 "$1" 2>/dev/null; do sleep 0.1; done
}

# Content: 200 generated posts in article-service (migrated by a first, unmeasured start).
article_port=$(free_port)
dep=$(start article-service before "$article_port" "$work/dep.log" "${article_env[@]}"); pids+=("$dep")
ready_ms "$article_port" "$dep" "$work/dep.log" >/dev/null
python3 "$root/bench/article/gen_posts.py" 200 "$work/posts.zip"
curl -fs -X POST "http://127.0.0.1:$article_port/api/import" -H 'Authorization: Bearer bench-token' \
  -H 'Content-Type: application/zip' --data-binary @"$work/posts.zip" -o "$work/report.json"
read -r id_min id_max < <(python3 -c "import json,sys; ids=[a['id'] for a in json.load(open(sys.argv[1]))['articles']]; print(min(ids), max(ids))" "$work/report.json")
stop "$dep"

# An origin with one gallery-like JPEG for image-service's load.
"$JAVA" "$root/bench/image/MakeGallery.java" "$work/files" 1 >/dev/null
origin_port=$(free_port)
mkdir -p "$work/nginx/logs"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 256; }
http { access_log off; types { image/jpeg jpg; } server { listen 127.0.0.1:$origin_port; root $work/files; } }
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" & pids+=($!)
image_file=$(cd "$work/files" && ls *.jpg | head -1)
image_src=$(python3 -c 'import base64,sys; print(base64.urlsafe_b64encode(sys.argv[1].encode()).decode().rstrip("="))' "http://127.0.0.1:$origin_port/$image_file")
image_env=(NEWSDESK_IMAGE_ALLOWED_SOURCES="http://127.0.0.1:$origin_port/")

cat >"$work/article.lua" <<LUA
local n = 0
request = function()
  n = n + 1
  if n % 3 == 0 then return wrk.format("GET", "/api/articles?limit=20") end
  if n % 3 == 1 then return wrk.format("GET", "/") end
  return wrk.format("GET", "/api/articles/" .. math.random($id_min, $id_max))
end
LUA
cat >"$work/feed.lua" <<'LUA'
local paths = {"/feeds/rss.xml", "/feeds/atom.xml", "/feeds/feed.json"}
local n = 0
request = function() n = n + 1; return wrk.format("GET", paths[n % 3 + 1]) end
LUA

# Training (JEP 514, the manual way of Quarkus's AOT guide): each aot-jar runs once with
# -XX:AOTCacheOutput under the same load as below, from the folder it is measured in; the JVM
# writes app.aot when it exits. (The images train on the integration tests instead: docs/deploy.md.)
load_of() { # NAME PORT SECONDS
  case $1 in
    article-service) wrk -t2 -c16 -d"$3s" -s "$work/article.lua" "http://127.0.0.1:$2" >/dev/null ;;
    image-service) wrk -t2 -c16 -d"$3s" "http://127.0.0.1:$2/img/unsafe/w:390/q:80/f:jpeg/$image_src" >/dev/null ;;
    feed-service) wrk -t2 -c16 -d"$3s" -s "$work/feed.lua" "http://127.0.0.1:$2" >/dev/null ;;
  esac
}
env_of() { # NAME [ARTICLE_PORT]: the service's settings, one per line
  case $1 in
    article-service) printf '%s\n' "${article_env[@]}" ;;
    image-service) printf '%s\n' "${image_env[@]}" ;;
    feed-service) printf '%s\n' "NEWSDESK_ARTICLE_SERVICE_URL=http://127.0.0.1:$2" "NEWSDESK_PUBLIC_BASE_URL=http://news.example" ;;
  esac
}
dep_port=$(free_port)
dep=$(start article-service before "$dep_port" "$work/dep.log" "${article_env[@]}"); pids+=("$dep")
ready_ms "$dep_port" "$dep" "$work/dep.log" >/dev/null
for name in article-service image-service feed-service; do
  mapfile -t env_args < <(env_of "$name" "$dep_port")
  port=$(free_port)
  pid=$(TRAIN=1 start "$name" after "$port" "$work/$name-training.log" "${env_args[@]}"); pids+=("$pid")
  ready_ms "$port" "$pid" "$work/$name-training.log" >/dev/null
  load_of "$name" "$port" 10
  stop "$pid"
  test -s "$builds/$name-after/app.aot" || { echo "$name: the training run wrote no app.aot" >&2; tail -5 "$work/$name-training.log" >&2; exit 1; }
  echo "-XX:AOTCache=app.aot" >>"$builds/$name-after/jvm.args"
done
stop "$dep"

declare -A start_ms rss_mb anon_mb
for name in article-service image-service feed-service; do
  for variant in before after; do
    if [ "$name" = feed-service ]; then
      dep_port=$(free_port)
      dep=$(start article-service before "$dep_port" "$work/dep.log" "${article_env[@]}"); pids+=("$dep")
      ready_ms "$dep_port" "$dep" "$work/dep.log" >/dev/null
    fi
    mapfile -t env_args < <(env_of "$name" "${dep_port:-}")
    times=()
    for i in $(seq 1 "$runs"); do
      port=$(free_port)
      pid=$(start "$name" "$variant" "$port" "$work/$name-$variant-$i.log" "${env_args[@]}"); pids+=("$pid")
      times+=("$(ready_ms "$port" "$pid" "$work/$name-$variant-$i.log")")
      if [ "$i" -lt "$runs" ]; then stop "$pid"; fi
    done
    start_ms[$name-$variant]=$(printf '%s\n' "${times[@]}" | median)
    load_of "$name" "$port" "$load"
    # VmRSS counts the mapped AOT cache and jars too (file pages, shared by the replicas on a
    # node and reclaimable); RssAnon is the memory the process alone holds.
    rss_mb[$name-$variant]=$(awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$pid/status")
    anon_mb[$name-$variant]=$(awk '/RssAnon/ {printf "%d", $2/1024}' "/proc/$pid/status")
    echo "$name $variant: ready in ${times[*]} ms (median ${start_ms[$name-$variant]}); after ${load} s of load: VmRSS ${rss_mb[$name-$variant]} MB, RssAnon ${anon_mb[$name-$variant]} MB"
    stop "$pid"
    [ "$name" = feed-service ] && stop "$dep"
  done
done

echo
for name in article-service image-service feed-service; do
  echo "$name after: java $(grep -v '^#' "$builds/$name-after/jvm.args" | tr '\n' ' ')-jar quarkus-run.jar"
done
echo "load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| %-15s | %-12s | %-12s | %-5s | %-14s | %-14s | %-16s | %-16s |\n' service "ready before" "ready after" ratio "VmRSS before" "VmRSS after" "RssAnon before" "RssAnon after"
for name in article-service image-service feed-service; do
  b=${start_ms[$name-before]} a=${start_ms[$name-after]}
  printf '| %-15s | %-12s | %-12s | %-5s | %-14s | %-14s | %-16s | %-16s |\n' "$name" "$b ms" "$a ms" \
    "$(python3 -c "print(f'{$a/$b:.2f}')")" "${rss_mb[$name-before]} MB" "${rss_mb[$name-after]} MB" \
    "${anon_mb[$name-before]} MB" "${anon_mb[$name-after]} MB"
done
