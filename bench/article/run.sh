#!/usr/bin/env bash
# article-service on PostgreSQL under wrk (64 connections) against nginx serving the same JSON
# bytes from disk, on this machine, loopback only. Prints requests/s, p99 and the ratios, and
# the zip import rate of 2,000 generated posts. Repeatable: a fresh database each run, a
# deterministic post set, fixed durations. Needs: JDK 17+, PostgreSQL at 127.0.0.1:5432 (user
# postgres, trust auth; PGHOST/PGPORT/PGUSER override), python3, curl; installs wrk and nginx
# from Debian if missing. Usage: bench/article/run.sh [seconds per wrk run, default 15]
#                                  bench/article/run.sh scale [seconds per wrk run]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# "run.sh scale [seconds]": the archive-scale run instead (10k, 100k, SIZES=... for 1M; scale.sh).
if [ "${1:-}" = scale ]; then
  shift
  exec "$here/scale.sh" "$@"
fi
duration="${1:-15}"
posts=2000
connections=64
threads=2
svc_port="${BENCH_SERVICE_PORT:-18471}"
nginx_port="${BENCH_NGINX_PORT:-18472}"
PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER

if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  echo "== installing wrk and nginx (Debian packages)"
  if [ "$(id -u)" -ne 0 ]; then
    echo "wrk and nginx are missing: run 'sudo apt-get install -y wrk nginx' and retry" >&2
    exit 1
  fi
  apt-get update -qq && apt-get install -y -qq wrk nginx >/dev/null
fi

jar="$root/article-service/target/quarkus-app/quarkus-run.jar"
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] || [ ! -f "$jar" ]; then
  echo "== packaging article-service (BENCH_SKIP_BUILD=1 uses the jar as it is)"
  (cd "$root" && ./mvnw -q -B -pl article-service -am package -DskipTests)
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/newsdesk-bench.XXXXXX")"
db="newsdesk_bench_$(date +%s)_$$"
svc_pid="" nginx_pid=""
cleanup() {
  [ -n "$svc_pid" ] && kill "$svc_pid" 2>/dev/null && wait "$svc_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null || true
  psql -d postgres -qc "drop database if exists $db" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== fresh database $db; article-service on 127.0.0.1:$svc_port"
psql -v ON_ERROR_STOP=1 -d postgres -qc "create database $db"
QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$svc_port" \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
NEWSDESK_API_TOKENS=bench-token NEWSDESK_IMAGE_SIGNING_KEY="$(printf '%064d' 0)" NEWSDESK_DATA_DIR="$work/data" \
QUARKUS_LOG_CONSOLE_JSON_ENABLED=false QUARKUS_LOG_LEVEL=WARN \
  java -Xmx512m -jar "$jar" >"$work/service.log" 2>&1 &
svc_pid=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$svc_port/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$svc_pid" 2>/dev/null || { cat "$work/service.log"; exit 1; }
  sleep 0.5
done

echo "== import: zips of $posts generated posts"
python3 "$here/gen_posts.py" "$posts" "$work/posts.zip"
python3 "$here/gen_posts.py" "$posts" "$work/warmup.zip" 100000   # other articles
import_once() { # zip -> "start end"
  local start end
  start=$(date +%s.%N)
  curl -fs -X POST "http://127.0.0.1:$svc_port/api/import" -H 'Authorization: Bearer bench-token' \
       -H 'Content-Type: application/zip' --data-binary @"$1" -o "$work/report.json"
  end=$(date +%s.%N)
  echo "$start $end"
}
rate() { python3 -c "print(round($posts/($2-$1)))"; }
# The first import runs on a cold JVM: the JIT compiles Hibernate, jsoup and CommonMark while
# it imports (about a third of the CPU). A long-running instance, and the native image, which
# has no JIT, import at the steady rate measured next, on 2,000 other posts.
read -r s e < <(import_once "$work/warmup.zip")
cold_rate=$(rate "$s" "$e")
echo "first import on a cold JVM (other posts): $cold_rate posts/s"
read -r s e < <(import_once "$work/posts.zip")
created=$(python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print(r['created'], len(r['rejected']))" "$work/report.json")
import_rate=$(rate "$s" "$e")
echo "created, rejected: $created; $(python3 -c "print(f'{$e-$s:.2f}')") s -> $import_rate posts/s"
read -r s e < <(import_once "$work/posts.zip")
reimport_rate=$(rate "$s" "$e")
echo "re-import (all unchanged): $reimport_rate posts/s"

ids=$(python3 -c "import json,sys; ids=[a['id'] for a in json.load(open(sys.argv[1]))['articles']]; print(min(ids), max(ids))" "$work/report.json")
read -r id_min id_max <<<"$ids"

echo "== the same JSON bytes on disk for nginx"
mkdir -p "$work/www/a" "$work/www/api"
for id in $(seq "$id_min" "$id_max"); do
  curl -fs "http://127.0.0.1:$svc_port/api/articles/$id" -o "$work/www/a/$id.json" || true   # a gap in the ids: a 404 on both sides
done
curl -fs "http://127.0.0.1:$svc_port/api/articles?limit=20" -o "$work/www/api/list.json"
# Pages (issue 12): the home page and one article page, the same HTML bytes for nginx.
page_slug=$(curl -fs "http://127.0.0.1:$svc_port/api/articles/$id_max" | python3 -c "import json,sys; print(json.load(sys.stdin)['slug'])")
curl -fs "http://127.0.0.1:$svc_port/" -o "$work/www/home.html"
curl -fs "http://127.0.0.1:$svc_port/articles/$page_slug" -o "$work/www/article.html"
cat >"$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  sendfile on;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
    etag on;
  }
}
CONF
nginx -p "$work" -c "$work/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
sleep 1

bench() { # name url-or-base lua-env...
  local name=$1 url=$2
  shift 2
  env "$@" wrk -t"$threads" -c"$connections" -d"${duration}s" --latency ${LUA:+-s "$here/ids.lua"} "$url" >"$work/$name.txt"
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/$name.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/$name.txt")
  echo "$name $rps $p99"
}
echo "== wrk: $connections connections, $threads threads, ${duration}s each (warm-up pass first)"
LUA=1 bench warmup "http://127.0.0.1:$svc_port" ID_MIN="$id_min" ID_MAX="$id_max" PATH_PREFIX=/api/articles/ >/dev/null
results=()
results+=("$(LUA=1 bench service-get-by-id "http://127.0.0.1:$svc_port" ID_MIN="$id_min" ID_MAX="$id_max" PATH_PREFIX=/api/articles/)")
results+=("$(LUA=1 bench nginx-get-by-id "http://127.0.0.1:$nginx_port" ID_MIN="$id_min" ID_MAX="$id_max" PATH_PREFIX=/a/ PATH_SUFFIX=.json)")
results+=("$(LUA= bench service-list "http://127.0.0.1:$svc_port/api/articles?limit=20")")
results+=("$(LUA= bench nginx-list "http://127.0.0.1:$nginx_port/api/list.json")")
results+=("$(LUA= bench service-home-page "http://127.0.0.1:$svc_port/")")
results+=("$(LUA= bench nginx-home-page "http://127.0.0.1:$nginx_port/home.html")")
results+=("$(LUA= bench service-article-page "http://127.0.0.1:$svc_port/articles/$page_slug")")
results+=("$(LUA= bench nginx-article-page "http://127.0.0.1:$nginx_port/article.html")")

echo
echo "== results ($(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, service and wrk and nginx on the same machine)"
printf '%-20s %12s %10s\n' run requests/s p99
for r in "${results[@]}"; do printf '%-20s %12s %10s\n' $r; done
ratio() { python3 -c "print(f'{float(\"$1\")/float(\"$2\"):.2f}')"; }
get_svc=$(echo "${results[0]}" | cut -d' ' -f2); get_ngx=$(echo "${results[1]}" | cut -d' ' -f2)
list_svc=$(echo "${results[2]}" | cut -d' ' -f2); list_ngx=$(echo "${results[3]}" | cut -d' ' -f2)
echo "GET by id: service/nginx = $(ratio "$get_svc" "$get_ngx")x (target >= 0.5x, p99 < 50ms)"
echo "list:      service/nginx = $(ratio "$list_svc" "$list_ngx")x"
home_svc=$(echo "${results[4]}" | cut -d' ' -f2); home_ngx=$(echo "${results[5]}" | cut -d' ' -f2)
page_svc=$(echo "${results[6]}" | cut -d' ' -f2); page_ngx=$(echo "${results[7]}" | cut -d' ' -f2)
echo "home page: service/nginx = $(ratio "$home_svc" "$home_ngx")x; article page: $(ratio "$page_svc" "$page_ngx")x (rendered pages cached 2 s)"
echo "import:    $import_rate posts/s (target >= 500), $reimport_rate posts/s re-import, $cold_rate posts/s on a cold JVM"
