#!/usr/bin/env bash
# Image-service benchmark, loopback only, bounded in time:
#  1. CPU seconds per resize — N gallery-like JPEGs (700 wide, 1000-1800 tall) to 580 wide at
#     q80 through the service (uncached: the process's CPU time from /proc/PID/stat over the N
#     requests, so HTTP, the origin fetch, caching and the JVM's own threads all count), and
#     with libvips's vipsthumbnail on the same files (user+sys of one run over all N, also
#     progressive, quality 80, metadata stripped).
#  2. Cached hits — wrk, 64 connections, against the service (memory-cache hit) and against
#     nginx serving the very same bytes from disk.
# Usage: bench/image/run.sh [N=40] [SECONDS=10]   (from anywhere; builds the jar if missing)
# WARMUP: unmeasured resizes first (default 480; 16 for a freshly started service).
# Takes about 2 + 7 x SECONDS/60 minutes. The service starts as it ships (java @jvm.args from its
# application folder); BENCH_JAVA_OPTS overrides the JVM options.
set -euo pipefail
N=${1:-40}
DURATION=${2:-10}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# BENCH_JAR: another build of the service (e.g. the one before a change), measured the same way.
JAR="${BENCH_JAR:-$ROOT/image-service/target/quarkus-app/quarkus-run.jar}"

. "$HERE/lib.sh"
if ! need wrk || ! need nginx || ! need vipsthumbnail; then
  echo "installing wrk, nginx-light, libvips-tools (apt-get)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light libvips-tools >/dev/null
fi
[ -f "$JAR" ] || (cd "$ROOT" && ./mvnw -q -B -pl image-service -am package -DskipTests)

echo "== making $N gallery JPEGs"
"$JAVA" "$HERE/MakeGallery.java" "$WORK/files" "$N"
mapfile -t FILES < <(cd "$WORK/files" && ls *.jpg)

ORIGIN_PORT=$(free_port); SERVICE_PORT=$(free_port)
mkdir -p "$WORK/nginx/logs"
cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  keepalive_requests 100000;
  types { image/jpeg jpg; }
  server { listen 127.0.0.1:$ORIGIN_PORT; root $WORK/files; }
}
CONF
nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" & NGINX_PID=$!

start_service "$ORIGIN_PORT" "$SERVICE_PORT"
url() { echo "http://127.0.0.1:$SERVICE_PORT/img/unsafe/$1/$(b64url "http://127.0.0.1:$ORIGIN_PORT/$2")"; }

# One curl process per batch, one keep-alive connection, as a CDN or ingress in front would
# hold: what is measured is the service's work per image, not TCP set-up or process starts.
batch() { # batch OPTIONS OUTPUT_PREFIX: a curl config fetching every file with those options
  for f in "${FILES[@]}"; do printf 'url = "%s"\noutput = "%s"\n' "$(url "$1" "$f")" "$2$f"; done
}
# The JIT keeps compiling for a few hundred resizes (C1 and C2 threads still took 2 ms per image
# after 560 of them); a long-running service is past that, so the default warm-up is generous.
# WARMUP=16 measures a service that has just started (the figure the start-up work is held to).
WARMUP=${WARMUP:-480}
echo "== warming the JIT ($WARMUP resizes at other widths, not measured)"
: > "$WORK/warm.curl"
for ((i = 0; i < WARMUP; i++)); do
  w=$((540 + (i / N) * 2)); [ "$w" -ge 580 ] && w=$((w + 2))   # never the measured 580
  printf 'url = "%s"\noutput = "%s"\n' "$(url "w:$w/q:80/f:jpeg" "${FILES[i % N]}")" "$WORK/warm-$i" >> "$WORK/warm.curl"
done
[ "$WARMUP" -gt 0 ] && curl -fs -K "$WORK/warm.curl"
rm -f "$WORK"/warm-*

echo "== image-service: $N uncached resizes to 580 wide, q80 (sequential, one connection)"
batch "w:580/q:80/f:jpeg" "$WORK/out-service-" > "$WORK/measured.curl"
before=$(cpu_ticks "$SERVICE_PID"); start=$(date +%s.%N)
curl -fs -K "$WORK/measured.curl"
after=$(cpu_ticks "$SERVICE_PID"); end=$(date +%s.%N)
SERVICE_CPU=$(python3 -c "print(f'{($after-$before)/$TICK/$N:.4f}')")
SERVICE_WALL=$(python3 -c "print(f'{($end-$start)/$N:.4f}')")
python3 - "$WORK" <<'PY'
import glob, struct, sys
for p in sorted(glob.glob(sys.argv[1] + "/out-service-*"))[:1]:
    b = open(p, "rb").read(); i = 2
    while i < len(b):
        m = b[i+1]; l = b[i+2] << 8 | b[i+3]
        if m in (0xc0, 0xc2):
            print(f"   sample output {p.split('/')[-1]}: {struct.unpack('>H', b[i+7:i+9])[0]}x{struct.unpack('>H', b[i+5:i+7])[0]}, SOF{m-0xc0}")
            break
        i += 2 + l
PY

echo "== vipsthumbnail: the same $N files, 580 wide, Q=80, progressive, stripped"
mkdir -p "$WORK/out-vips"
VIPS_TIMES=$( { /usr/bin/env time -f "%U %S %e" vipsthumbnail --size 580x -o "$WORK/out-vips/%s.jpg[Q=80,strip,interlace]" "${FILES[@]/#/$WORK/files/}" ; } 2>&1 | tail -1)
VIPS_CPU=$(echo "$VIPS_TIMES" | awk -v n="$N" '{printf "%.4f", ($1+$2)/n}')
VIPS_WALL=$(echo "$VIPS_TIMES" | awk -v n="$N" '{printf "%.4f", $3/n}')

echo "== cached hits: wrk -t2 -c64 -d${DURATION}s, after a ${DURATION}s warm-up; median of 3 alternating rounds"
HIT=$(url "w:580/q:80/f:jpeg" "${FILES[0]}")
curl -fs -o "$WORK/files/cached.jpg" "$HIT"
NGINX_URL="http://127.0.0.1:$ORIGIN_PORT/cached.jpg"
rps() { wrk -t2 -c64 -d"${DURATION}s" "$1" | awk '/Requests\/sec/ {print $2}'; }
rps "$HIT" >/dev/null   # JIT warm-up of the hit path
S=(); G=()
for round in 1 2 3; do S+=("$(rps "$HIT")"); G+=("$(rps "$NGINX_URL")"); done
median() { printf '%s\n' "$@" | sort -g | sed -n 2p; }
echo "   image-service rounds: ${S[*]}; nginx rounds: ${G[*]}"
SERVICE_RPS=$(median "${S[@]}"); NGINX_RPS=$(median "${G[@]}")

echo
echo "== results ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $N files, $(stat -c %s "$WORK/files/cached.jpg") B per cached reply)"
printf "%-40s %10s %10s\n" "" "CPU s/img" "wall s/img"
printf "%-40s %10s %10s\n" "image-service (process CPU delta)" "$SERVICE_CPU" "$SERVICE_WALL"
printf "%-40s %10s %10s\n" "vipsthumbnail (user+sys, one run)" "$VIPS_CPU" "$VIPS_WALL"
python3 -c "print(f'CPU ratio service/vips: {$SERVICE_CPU/$VIPS_CPU:.2f} (target <= 1.0)')"
printf "%-40s %10s\n" "cached hits, image-service req/s" "$SERVICE_RPS"
printf "%-40s %10s\n" "same bytes, nginx from disk req/s" "$NGINX_RPS"
python3 -c "print(f'req/s ratio service/nginx: {$SERVICE_RPS/$NGINX_RPS:.2f} (target >= 0.5)')"
