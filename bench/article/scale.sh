#!/usr/bin/env bash
# Archive scale: article-service as the archive grows to each of SIZES generated Chinese posts
# (default "10000 100000"; add 1000000 when there is time: about an hour more on 2 cores).
# At each size it prints: uncached search latency (100 distinct 2-4 character queries, each asked
# once), random GET by id over 20,000 ids and random article pages over 2,000 slugs against nginx
# serving the same bytes (wrk), and the first request of tag, category, source and sitemap reads.
# The first size goes in through POST /api/import with zips of 2,000 (the service's real write
# path), two in flight; each larger size adds SQL copies of those (copy_archive.sql: new ids,
# slugs and dates, same text), as importing 1M on a shared 2-core machine takes hours. Needs what run.sh needs. Usage: bench/article/scale.sh [seconds per wrk run, default 10]
# Env: SIZES, BENCH_JAR (another build's quarkus-run.jar, e.g. the code before a change),
# BENCH_IDS / BENCH_PAGES (random ids / article pages, 20000 / 2000; fewer on a busy machine,
# where saving each one's bytes for nginx through the service is the slow part).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
duration="${1:-10}"
sizes="${SIZES:-10000 100000}"
svc_port="${BENCH_SERVICE_PORT:-18481}"
nginx_port="${BENCH_NGINX_PORT:-18482}"
PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER

jar="${BENCH_JAR:-$root/article-service/target/quarkus-app/quarkus-run.jar}"
if [ -z "${BENCH_JAR:-}" ] && { [ "${BENCH_SKIP_BUILD:-0}" != 1 ] || [ ! -f "$jar" ]; }; then
  echo "== packaging article-service (BENCH_SKIP_BUILD=1 uses the jar as it is)"
  (cd "$root" && ./mvnw -q -B -pl article-service -am package -DskipTests)
fi
jvm=(-Xmx512m)
[ -f "$(dirname "$jar")/jvm.args" ] && jvm=("@$(dirname "$jar")/jvm.args")

work="$(mktemp -d "${TMPDIR:-/tmp}/newsdesk-scale.XXXXXX")"
db="newsdesk_scale_$(date +%s)_$$"
svc_pid="" nginx_pid=""
cleanup() {
  [ -n "$svc_pid" ] && kill "$svc_pid" 2>/dev/null && wait "$svc_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null || true
  psql -d postgres -qc "drop database if exists $db" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== fresh database $db; $jar on 127.0.0.1:$svc_port (${jvm[*]})"
psql -v ON_ERROR_STOP=1 -d postgres -qc "create database $db"
(cd "$(dirname "$jar")" && QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$svc_port" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
  NEWSDESK_API_TOKENS=bench-token NEWSDESK_IMAGE_SIGNING_KEY="$(printf '%064d' 0)" NEWSDESK_DATA_DIR="$work/data" \
  QUARKUS_LOG_CONSOLE_JSON_ENABLED=false QUARKUS_LOG_LEVEL=WARN \
  exec java "${jvm[@]}" -jar "$jar") >"$work/service.log" 2>&1 &
svc_pid=$!
for _ in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$svc_port/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$svc_pid" 2>/dev/null || { cat "$work/service.log"; exit 1; }
  sleep 0.5
done
base="http://127.0.0.1:$svc_port"

mkdir -p "$work/www"
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
  server { listen 127.0.0.1:$nginx_port; root $work/www; etag on; }
}
CONF
nginx -p "$work" -c "$work/nginx.conf" -g 'daemon off;' &
nginx_pid=$!

# The first 100 queries are measured; the next 100 (other words) warm the search path first, as
# a long-running replica's JIT and the newest days' pages in PostgreSQL's cache would be.
python3 "$here/gen_archive.py" --queries 200 >"$work/all-queries.txt"
head -n 100 "$work/all-queries.txt" >"$work/queries.txt"
tail -n 100 "$work/all-queries.txt" >"$work/warmup-queries.txt"
wrk_run() { # url paths-file -> "req/s p99"
  PATHS_FILE="$2" wrk -t2 -c64 -d"${duration}s" --latency -s "$here/paths.lua" "$1" >"$work/wrk.txt"
  echo "$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt") $(awk '$1 == "99%" {print $2}' "$work/wrk.txt")"
}
ratio() { python3 -c "print(f'{float(\"$1\")/float(\"$2\"):.2f}')"; }
loaded=0 round=0
summary=()
for size in $sizes; do
  round=$((round + 1))
  echo
  echo "== size $size: loading posts $loaded..$((size - 1)) (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  if [ "$round" = 1 ] || [ "${BENCH_COPY:-1}" = 0 ]; then
    (cd "$here" && python3 load_archive.py "$base" bench-token "$loaded" "$((size - loaded))")
  else
    # Later sizes: SQL copies of the imported posts (see copy_archive.sql), BENCH_COPY=0 imports.
    copies=$((size / loaded - 1))
    echo "   ... as $copies SQL copies of the $loaded imported (BENCH_COPY=0 imports them instead)"
    start=$(date +%s)
    psql -v ON_ERROR_STOP=1 -v copies="$copies" -d "$db" -q -f "$here/copy_archive.sql" >/dev/null
    echo "   copied in $(( $(date +%s) - start )) s"
  fi
  loaded=$(psql -d "$db" -Atc "select count(*) from article")
  psql -d "$db" -qc "vacuum analyze" >/dev/null
  echo "-- first requests (nothing of these cached yet)"
  python3 "$here/probe.py" first "$base" "/tags/%E8%A6%81%E9%97%BB" "/tags/%E8%AF%9D%E9%A2%9871" \
    "/categories/caijing" "/api/articles?tag=%E8%A6%81%E9%97%BB&limit=20" \
    "/api/articles?category=keji&tag=%E6%B7%B1%E5%BA%A6&limit=20" \
    "/api/articles?source=%E8%A7%84%E6%A8%A1%E6%97%A5%E6%8A%A5&from=2019-01-01&to=2019-06-30&limit=20" \
    "/sitemap.xml" "/sitemap.xml?page=1" | tee "$work/first.txt"
  if [ -n "$(psql -d "$db" -Atc "select 1 from information_schema.columns where column_name = 'search_grams'")" ]; then
    echo "-- EXPLAIN ANALYZE of the listing reads (plan root, index used, execution time)"
    psql -d "$db" -f "$here/explain.sql" 2>&1 | grep -E '^-- |Index|Execution Time|Seq Scan|Sort' | sed 's/^/   /'
  fi
  python3 "$here/probe.py" search "$base" "$((21 - round))" "$work/warmup-queries.txt" >/dev/null
  echo "-- search: 100 distinct queries, each once (limit=$((21 - round))), after 100 other words"
  search=$(python3 "$here/probe.py" search "$base" "$((21 - round))" "$work/queries.txt")
  echo "$search"
  psql -d "$db" -Atc "select '/api/articles/' || id from article order by random() limit ${BENCH_IDS:-20000}" >"$work/ids.txt"
  psql -d "$db" -Atc "select '/articles/' || slug from article order by random() limit ${BENCH_PAGES:-2000}" >"$work/pages.txt"
  echo "-- wrk -c64, ${duration}s: the service first (its caches cold), then the same bytes from nginx"
  by_id_svc=$(wrk_run "$base" "$work/ids.txt")
  page_svc=$(wrk_run "$base" "$work/pages.txt")
  rm -rf "$work/www/api" "$work/www/articles"
  python3 "$here/probe.py" dump "$base" "$work/ids.txt" "$work/www"
  python3 "$here/probe.py" dump "$base" "$work/pages.txt" "$work/www"
  by_id_ngx=$(wrk_run "http://127.0.0.1:$nginx_port" "$work/ids.txt")
  page_ngx=$(wrk_run "http://127.0.0.1:$nginx_port" "$work/pages.txt")
  rss=$(awk '/VmRSS/ {print $2 / 1024 " MB"}' "/proc/$(pgrep -P "$svc_pid" java || echo "$svc_pid")/status" 2>/dev/null || echo "?")
  line="size $size: search ${search%% over*}; by id ${by_id_svc% *} req/s p99 ${by_id_svc#* } vs nginx ${by_id_ngx% *} ($(ratio "${by_id_svc% *}" "${by_id_ngx% *}")x); pages ${page_svc% *} req/s p99 ${page_svc#* } vs nginx ${page_ngx% *} ($(ratio "${page_svc% *}" "${page_ngx% *}")x); first tag page $(awk 'NR == 1 {print $1}' "$work/first.txt") ms; service RSS $rss"
  echo "$line"
  summary+=("$line")
done
echo
echo "== summary ($(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load average now $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%s\n' "${summary[@]}"
echo "targets: search p95 < 50 ms at 100k, < 100 ms at 1M; first tag/category page < 50 ms at 100k"
