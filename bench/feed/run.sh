#!/usr/bin/env bash
# feed-service against nginx serving the same bytes from disk, on loopback only.
#
#   bench/feed/run.sh            # from the repository root or anywhere
#   DURATION=10s CONNECTIONS=64 ROUNDS=3 bench/feed/run.sh
#
# 1. a fake article-service (fake_article_service.py, 60 generated articles) feeds the packaged
#    feed-service, which builds its feeds as in production (poller, no reader ever calls upstream);
# 2. the 50-item home RSS feed is saved to disk and served by nginx, identity and (gzip_static)
#    the very gzip bytes feed-service serves;
# 3. wrk, 64 connections: cached 200s and 304s (If-None-Match) from feed-service, then the same
#    from nginx (its own ETag for its 304s); then 200s with Accept-Encoding: gzip from both;
# 4. the cold 50-item build harness (ColdFeedBuild) on the test classpath.
# Everything it starts, it stops. Figures go to stdout and to bench/feed/target/results.txt.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$ROOT/bench/feed/target"
DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
RUNS="${RUNS:-201}"
ROUNDS="${ROUNDS:-3}"
FAKE_PORT="${FAKE_PORT:-18181}"
FEED_PORT="${FEED_PORT:-18183}"
NGINX_PORT="${NGINX_PORT:-18190}"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  if [ -f "$WORK/nginx/nginx.pid" ]; then kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true; fi
}
trap cleanup EXIT

need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "installing $2 (apt-get)" >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq "$2" >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq "$2" >/dev/null; fi
}
need wrk wrk
need nginx nginx-light
[ -x /usr/sbin/nginx ] && NGINX=/usr/sbin/nginx || NGINX="$(command -v nginx)"

rm -rf "$WORK" && mkdir -p "$WORK/www" "$WORK/nginx"
cd "$ROOT"
if [ ! -f feed-service/target/quarkus-app/quarkus-run.jar ] || [ ! -d feed-service/target/test-classes/dev/newsdesk/feed/bench ]; then
  ./mvnw -q -B -pl feed-service -am package -DskipTests
fi
./mvnw -q -B -pl feed-service -am dependency:build-classpath -Dmdep.outputFile="$WORK/test.cp" -Dmdep.includeScope=test

python3 bench/feed/fake_article_service.py "$FAKE_PORT" & PIDS+=($!)
QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$FEED_PORT" QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
NEWSDESK_ARTICLE_SERVICE_URL="http://127.0.0.1:$FAKE_PORT" NEWSDESK_PUBLIC_BASE_URL="http://news.example" \
NEWSDESK_FEED_BASE_URL="http://127.0.0.1:$FEED_PORT" NEWSDESK_IMAGE_BASE_URL="http://img.example" \
  java -jar feed-service/target/quarkus-app/quarkus-run.jar >"$WORK/feed-service.log" 2>&1 & PIDS+=($!)

FEED="http://127.0.0.1:$FEED_PORT/feeds/rss.xml"
for _ in $(seq 1 120); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$FEED" || true)" = 200 ] && break
  sleep 0.5
done
curl -sf -o "$WORK/www/rss.xml" "$FEED"
curl -sf -H 'Accept-Encoding: gzip' -o "$WORK/www/rss.xml.gz" "$FEED"
chmod -R a+rX "$WORK/www"
ITEMS=$(grep -o '<item>' "$WORK/www/rss.xml" | wc -l)
BYTES=$(stat -c %s "$WORK/www/rss.xml")
FEED_ETAG=$(curl -sI "$FEED" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')

cat >"$WORK/nginx/nginx.conf" <<NGINX
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  gzip_static on;
  types { application/rss+xml xml; }
  client_body_temp_path $WORK/nginx; proxy_temp_path $WORK/nginx; fastcgi_temp_path $WORK/nginx;
  uwsgi_temp_path $WORK/nginx; scgi_temp_path $WORK/nginx;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
    add_header Cache-Control "public, max-age=60";
  }
}
NGINX
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"
NGINX_URL="http://127.0.0.1:$NGINX_PORT/rss.xml"
for _ in $(seq 1 20); do curl -sf -o /dev/null "$NGINX_URL" && break; sleep 0.2; done
NGINX_ETAG=$(curl -sI "$NGINX_URL" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
cmp -s "$WORK/www/rss.xml" <(curl -s "$NGINX_URL") || { echo "nginx does not serve the same bytes" >&2; exit 1; }
cmp -s "$WORK/www/rss.xml.gz" <(curl -s -H 'Accept-Encoding: gzip' "$NGINX_URL") || { echo "nginx does not serve the same gzip bytes" >&2; exit 1; }
GZ_BYTES=$(stat -c %s "$WORK/www/rss.xml.gz")
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $FEED_ETAG" "$FEED")" = 304 ] || { echo "no 304 from feed-service" >&2; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $NGINX_ETAG" "$NGINX_URL")" = 304 ] || { echo "no 304 from nginx" >&2; exit 1; }

rps() { # url [header] -> requests/s
  local out
  if [ -n "${2:-}" ]; then out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -H "$2" "$1")
  else out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "$1"); fi
  echo "$out" >>"$WORK/wrk.log"
  echo "$out" | awk '/Requests\/sec/ {print $2}'
}
# JIT warm-up of feed-service (not measured): long enough for C2 on a busy 2-core machine
WARMUP="${WARMUP:-15s}"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$FEED" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -H "If-None-Match: $FEED_ETAG" "$FEED" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -H "Accept-Encoding: gzip" "$FEED" >/dev/null

median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
# The machine is shared: rounds alternate feed-service and nginx, and each figure is the median.
for round in $(seq 1 "$ROUNDS"); do
  rps "$FEED" >>"$WORK/f200"; rps "$NGINX_URL" >>"$WORK/n200"
  rps "$FEED" "If-None-Match: $FEED_ETAG" >>"$WORK/f304"; rps "$NGINX_URL" "If-None-Match: $NGINX_ETAG" >>"$WORK/n304"
  rps "$FEED" "Accept-Encoding: gzip" >>"$WORK/fgz"; rps "$NGINX_URL" "Accept-Encoding: gzip" >>"$WORK/ngz"
done
F200=$(median <"$WORK/f200"); N200=$(median <"$WORK/n200")
F304=$(median <"$WORK/f304"); N304=$(median <"$WORK/n304")
FGZ=$(median <"$WORK/fgz"); NGZ=$(median <"$WORK/ngz")
COLD=$(java -cp "feed-service/target/classes:feed-service/target/test-classes:$(cat "$WORK/test.cp")" \
  dev.newsdesk.feed.bench.ColdFeedBuild "$RUNS")

{
  echo "feed bench $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "document: home rss.xml, $ITEMS items, $BYTES bytes ($GZ_BYTES gzip); wrk -t$THREADS -c$CONNECTIONS -d$DURATION, median of $ROUNDS alternating rounds"
  printf "200  feed-service %10s req/s   nginx %10s req/s   ratio %s\n" "$F200" "$N200" "$(awk "BEGIN{printf \"%.2f\", $F200/$N200}")"
  printf "304  feed-service %10s req/s   nginx %10s req/s   ratio %s\n" "$F304" "$N304" "$(awk "BEGIN{printf \"%.2f\", $F304/$N304}")"
  printf "200 gzip feed-service %6s req/s   nginx %10s req/s   ratio %s\n" "$FGZ" "$NGZ" "$(awk "BEGIN{printf \"%.2f\", $FGZ/$NGZ}")"
  echo "$COLD"
} | tee "$WORK/results.txt"
