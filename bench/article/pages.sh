#!/usr/bin/env bash
# Pages and the long tail at archive scale: article-service against nginx serving the very same
# bytes under the same paths, wrk with 64 connections, on this machine, loopback only.
# Imports ARTICLES generated posts (default 100,000, in zips of 10,000), then measures, each
# service run followed by nginx:
#   home page and one article page (from the page cache), GET by id over 20,000 random ids,
#   article pages over the same 20,000 articles (each after one request of every path and a wrk
#   warm-up pass).
# BENCH_BEFORE_JAR=path/to/quarkus-run.jar measures an older build on the same database first
# (told to ignore migrations newer than it knows), for before/after in one run.
# Needs: JDK 25, PostgreSQL at 127.0.0.1:5432 (user postgres, trust; PGHOST/PGPORT/PGUSER
# override), python3, curl, wrk, nginx. Usage: bench/article/pages.sh [seconds per wrk run, default 15]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
duration="${1:-15}"
articles="${ARTICLES:-100000}"
sample="${SAMPLE:-20000}"
connections=64
threads=2
svc_port="${BENCH_SERVICE_PORT:-18481}"
nginx_port="${BENCH_NGINX_PORT:-18482}"
PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER
for tool in wrk nginx psql python3 curl; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (Debian: apt-get install wrk nginx postgresql-client)" >&2; exit 1; }
done

jar="$root/article-service/target/quarkus-app/quarkus-run.jar"
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] || [ ! -f "$jar" ]; then
  echo "== packaging article-service (BENCH_SKIP_BUILD=1 uses the jar as it is)"
  (cd "$root" && ./mvnw -q -B -pl article-service -am package -DskipTests)
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/newsdesk-pages.XXXXXX")"
chmod 755 "$work" # nginx's workers (www-data when started as root) must read the files
db="newsdesk_pages_$(date +%s)_$$"
svc_pid="" nginx_pid=""
stop_service() { [ -n "$svc_pid" ] && kill "$svc_pid" 2>/dev/null && wait "$svc_pid" 2>/dev/null || true; svc_pid=""; }
cleanup() {
  stop_service
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null || true
  psql -d postgres -qc "drop database if exists $db" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# The production options the build wrote beside the jar (java @jvm.args, as the images and the run
# command start it); a build from before jvm.args existed gets the heap it was measured with.
jvm_options() { # jar
  if [ -f "$(dirname "$1")/jvm.args" ]; then echo "@$(dirname "$1")/jvm.args"; else echo "-Xmx512m"; fi
}
start_service() { # jar
  # An older build meets V32 and later as migrations it does not know: let it ignore them.
  QUARKUS_FLYWAY_IGNORE_MIGRATION_PATTERNS='*:future' \
  QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$svc_port" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
  NEWSDESK_API_TOKENS=bench-token NEWSDESK_IMAGE_SIGNING_KEY="$(printf '%064d' 0)" NEWSDESK_DATA_DIR="$work/data" \
  QUARKUS_LOG_CONSOLE_JSON_ENABLED=false QUARKUS_LOG_LEVEL=WARN \
    bash -c 'cd "$(dirname "$1")" && exec java $2 -jar "$1"' _ "$1" "$(jvm_options "$1")" >>"$work/service.log" 2>&1 &
  svc_pid=$!
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$svc_port/q/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$svc_pid" 2>/dev/null || { cat "$work/service.log"; exit 1; }
    sleep 0.5
  done
  echo "article-service did not get ready" >&2; exit 1
}

echo "== fresh database $db; $articles articles"
psql -v ON_ERROR_STOP=1 -d postgres -qc "create database $db"
start_service "$jar"
start=$(date +%s)
for first in $(seq 0 10000 $((articles - 1))); do
  n=$((articles - first < 10000 ? articles - first : 10000))
  python3 "$here/gen_posts.py" "$n" "$work/chunk.zip" "$first"
  curl -fs -X POST "http://127.0.0.1:$svc_port/api/import" -H 'Authorization: Bearer bench-token' \
       -H 'Content-Type: application/zip' --data-binary @"$work/chunk.zip" -o /dev/null
done
echo "imported in $(( $(date +%s) - start )) s"
psql -d "$db" -qc "analyze" >/dev/null

echo "== $sample random articles; the same bytes on disk for nginx"
psql -d "$db" -Atc "select id from article order by random() limit $sample" >"$work/ids"
sed 's#^#/api/articles/#' "$work/ids" >"$work/id-paths"
psql -d "$db" -Atc "select '/articles/' || slug from article where id in ($(paste -sd, "$work/ids"))" >"$work/page-paths"
hot_page=$(head -1 "$work/page-paths")
printf '/\n%s\n' "$hot_page" >"$work/hot-paths"
mkdir -p "$work/www"
python3 "$here/fetch_same_bytes.py" 127.0.0.1 "$svc_port" "$work/id-paths" "$work/www"
python3 "$here/fetch_same_bytes.py" 127.0.0.1 "$svc_port" "$work/page-paths" "$work/www"
curl -fs "http://127.0.0.1:$svc_port/" -o "$work/www/home.html"
stop_service
cat >"$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  sendfile on;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
    etag on;
    location = / { try_files /home.html =404; }
    location /api/ { default_type application/json; }
  }
}
CONF
nginx -p "$work" -c "$work/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
sleep 1

wrk_run() { # name port [paths-file | path]
  local name=$1 port=$2 what=$3 out="$work/$1.txt"
  if [ -f "$what" ]; then
    PATHS_FILE="$what" wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -s "$here/paths.lua" "http://127.0.0.1:$port" >"$out"
  else
    wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "http://127.0.0.1:$port$what" >"$out"
  fi
  local non2xx
  non2xx=$(awk '/Non-2xx/ {print $5}' "$out")
  [ -z "$non2xx" ] || echo "  ($name: $non2xx non-2xx answers)" >&2
  echo "$name $(awk '/Requests\/sec/ {print $2}' "$out") $(awk '$1 == "99%" {print $2}' "$out") load=$(cut -d' ' -f1 /proc/loadavg)"
}

# Each path of a list once, 16 at a time, before a random run over it: the run measures the long
# tail once every article has been asked for (its first read, and any rendering a build with
# another JSON shape needs once, is not what the run is about), not the first request of each.
every_once() { # paths-file
  python3 -c 'import sys, urllib.request, concurrent.futures as cf
base, paths = sys.argv[1], open(sys.argv[2]).read().split()
with cf.ThreadPoolExecutor(16) as pool:
    list(pool.map(lambda p: urllib.request.urlopen(base + p).read(), paths))' "http://127.0.0.1:$svc_port" "$1"
}

results=()
measure() { # label jar
  local label=$1
  start_service "$2"
  echo "== $label: wrk $connections connections, $threads threads, ${duration}s each; load $(cut -d' ' -f1-3 /proc/loadavg)"
  wrk_run warmup "$svc_port" / >/dev/null
  results+=("$(wrk_run "$label-home" "$svc_port" /)")
  results+=("$(wrk_run nginx-home "$nginx_port" /)")
  wrk_run warmup "$svc_port" "$hot_page" >/dev/null
  results+=("$(wrk_run "$label-article-page" "$svc_port" "$hot_page")")
  results+=("$(wrk_run nginx-article-page "$nginx_port" "$hot_page")")
  every_once "$work/id-paths"
  wrk_run warmup "$svc_port" "$work/id-paths" >/dev/null
  results+=("$(wrk_run "$label-random-by-id" "$svc_port" "$work/id-paths")")
  # Where the reads by id were answered, over the warm-up and the run: the heap, the files, or
  # (the misses of both) the database.
  curl -fs "http://127.0.0.1:$svc_port/q/metrics" | grep -E '^cache_gets_total\{cache="article(s|-files)"' \
    | sed "s/^/  $label /" >&2 || true
  results+=("$(wrk_run nginx-random-by-id "$nginx_port" "$work/id-paths")")
  every_once "$work/page-paths"
  wrk_run warmup "$svc_port" "$work/page-paths" >/dev/null
  results+=("$(wrk_run "$label-random-pages" "$svc_port" "$work/page-paths")")
  # Where the pages were answered, over the warm-up and the run: the page files, else rendered
  # (the page cache in memory is not counted).
  curl -fs "http://127.0.0.1:$svc_port/q/metrics" | grep -E '^cache_gets_total\{cache="page-files"' \
    | sed "s/^/  $label /" >&2 || true
  results+=("$(wrk_run nginx-random-pages "$nginx_port" "$work/page-paths")")
  stop_service
}
[ -n "${BENCH_BEFORE_JAR:-}" ] && measure before "$BENCH_BEFORE_JAR"
measure after "$jar"

echo
echo "== results ($(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores shared with other work, $articles articles, $sample random)"
printf '%-26s %12s %10s %10s %8s\n' run requests/s p99 load ratio
for r in "${results[@]}"; do
  read -r name rps p99 load <<<"$r"
  if [[ $name == nginx-* ]]; then
    printf '%-26s %12s %10s %10s %7sx\n' "$svc_name" "$svc_rps" "$svc_p99" "$svc_load" \
      "$(python3 -c "print(f'{$svc_rps/$rps:.2f}')")"
    printf '%-26s %12s %10s %10s\n' "$name" "$rps" "$p99" "${load#load=}"
  else
    svc_name=$name svc_rps=$rps svc_p99=$p99 svc_load=${load#load=}
  fi
done
echo "targets: home and article page >= 0.8x, p99 < 20ms; random by id and random pages >= 0.5x, p99 < 50ms"

echo
echo "== cache sizing: hit ratio against bytes, Zipf-distributed reads, entry sizes from the responses saved above"
caffeine=$(ls "$root"/article-service/target/quarkus-app/lib/main/com.github.ben-manes.caffeine.caffeine-*.jar)
java -cp "$caffeine" "$here/CacheSizing.java" "$work/www/api/articles" "$work/www/articles" "$articles"
