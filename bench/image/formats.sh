#!/usr/bin/env bash
# Bytes, SSIM and encode CPU per output format: the image-service's JPEG, lossy WebP (libwebp)
# and AVIF (libavif) against libvips on the same pixels. Loopback only.
#  1. Sources: N chart-like (CJK text, table rules, flat-colour bars, a line chart, a photographic
#     inset) and N photo-like 700-px PNGs (MakeCharts.java), served by nginx as the origin.
#  2. References: the service's own lossless f:png rendering at each width the pages use for a
#     700-px source (srcset 360w and 700w), so every encoder starts from the same pixels.
#  3. The service's f:jpeg, f:webp and f:avif at q (default 80), uncached, one format at a time on
#     one keep-alive connection; CPU = the process's CPU delta (/proc/PID/stat) over the pass.
#  4. Formats.java: bytes and SSIM (its own implementation, see there) of each output, decoded by
#     dwebp/avifdec; libvips ('vips copy ref.png out.webp[Q=..]' / '.avif[Q=..]') at Q = q and at
#     the Q whose mean SSIM equals the JPEG's (bisection): the baseline.
#  5. libvips CPU: vipsthumbnail over the same sources at both widths, one process per width, at
#     the iso-SSIM Q (user+sys from /usr/bin/time).
# Usage: bench/image/formats.sh [N=6] [Q=80]
#        bench/image/formats.sh calibrate [N=3] [ANCHORS="20 30 40 50 60 70 80 90 95"]
# (calibrate: per set and anchor q, the WebP quality and AVIF quantizer at the SSIM of the JPEG at
# q: the tables of QualityScale, see bench/README.md). Results: bench/image/target/.
set -euo pipefail
MODE=measure
if [ "${1:-}" = calibrate ]; then
  MODE=calibrate; shift
  N=${1:-3}; ANCHORS=${2:-20 30 40 50 60 70 80 90 95}
else
  N=${1:-6}; Q=${2:-80}
fi
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR="$ROOT/image-service/target/quarkus-app/quarkus-run.jar"
OUT="$HERE/target"; mkdir -p "$OUT"

. "$HERE/lib.sh"
if ! need nginx || ! need vipsthumbnail || ! need dwebp || ! need avifdec || ! need cwebp || [ "$(fc-list | grep -c "Noto Sans CJK")" = 0 ]; then
  echo "installing nginx-light, libvips-tools, webp, libavif-bin, fonts-noto-cjk (apt-get)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light libvips-tools webp libavif-bin fonts-noto-cjk >/dev/null
fi
[ -f "$JAR" ] || (cd "$ROOT" && ./mvnw -q -B -pl image-service -am package -DskipTests)

echo "== making $N chart-like and $N photo-like 700-px PNGs"
"$JAVA" "$HERE/MakeCharts.java" "$WORK/files" "$N"
mapfile -t FILES < <(cd "$WORK/files" && ls *.png)
WIDTHS=(360 700)

ORIGIN_PORT=$(free_port); SERVICE_PORT=$(free_port)
mkdir -p "$WORK/nginx/logs" "$WORK/m"
cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 256; }
http { access_log off; sendfile on; types { image/png png; }
  server { listen 127.0.0.1:$ORIGIN_PORT; root $WORK/files; } }
CONF
nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" & NGINX_PID=$!
start_service "$ORIGIN_PORT" "$SERVICE_PORT"
grep -o "image encoders: .*" "$WORK/service.log" | head -1
url() { echo "http://127.0.0.1:$SERVICE_PORT/img/unsafe/$1/$(b64url "http://127.0.0.1:$ORIGIN_PORT/$2")"; }
# fetch OPTIONS PREFIX EXT: every source at both widths in one curl (one keep-alive connection)
fetch() {
  : > "$WORK/batch.curl"
  for f in "${FILES[@]}"; do for w in "${WIDTHS[@]}"; do
    printf 'url = "%s"\noutput = "%s"\n' "$(url "w:$w/$1" "$f")" "$WORK/m/$2-${f%.png}-$w.$3" >> "$WORK/batch.curl"
  done; done
  curl -fs -K "$WORK/batch.curl"
}

echo "== references: the service's lossless f:png at ${WIDTHS[*]} px"
fetch "f:png" ref png

if [ "$MODE" = calibrate ]; then
  # Only the service's JPEGs are needed (the codecs' settings are searched with cwebp/avifenc): no warm-up.
  for q in $ANCHORS; do fetch "q:$q/f:jpeg" "jpeg-q$q" jpg; done
  # SETS="chart" or "photo" calibrates one set only (the two can then run as separate passes).
  CAL="$OUT/calibration${SETS:+-${SETS// /-}}.txt"
  echo "== calibrating ($(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg), $N+$N sources x widths ${WIDTHS[*]}, anchors $ANCHORS)" | tee "$CAL"
  SETS="${SETS:-chart photo}" "$JAVA" "$HERE/Formats.java" calibrate "$WORK/m" $ANCHORS | tee -a "$CAL"
  exit 0
fi
echo "== warming the JIT (8 rounds at other widths, all formats, not measured)"
for w in ${WARM_WIDTHS:-350 352 354 356 690 692 694 696}; do
  for fmt in jpeg webp avif; do
    : > "$WORK/warm.curl"
    for f in "${FILES[@]}"; do printf 'url = "%s"\noutput = "/dev/null"\n' "$(url "w:$w/q:$Q/f:$fmt" "$f")" >> "$WORK/warm.curl"; done
    curl -fs -K "$WORK/warm.curl"
  done
done


declare -A SERVICE_CPU
for fmt in jpeg webp avif; do
  ext=$fmt; [ "$fmt" = jpeg ] && ext=jpg
  before=$(cpu_ticks "$SERVICE_PID")
  fetch "q:$Q/f:$fmt" "svc-$fmt" "$ext"
  after=$(cpu_ticks "$SERVICE_PID")
  SERVICE_CPU[$fmt]=$(python3 -c "print(f'{($after-$before)/$TICK/(${#FILES[@]}*${#WIDTHS[@]}):.4f}')")
done

echo "== bytes and SSIM (Formats.java)"
"$JAVA" "$HERE/Formats.java" measure "$WORK/m" "$Q" | tee "$WORK/sizes.txt"

echo "== libvips CPU: vipsthumbnail at the iso-SSIM Q of each set, both widths"
declare -A VIPS_CPU
for fmt in jpeg webp avif; do
  total=0
  for set in chart photo; do
    if [ "$fmt" = jpeg ]; then vq=$Q; else
      vq=$(awk -v s="$set" -v f="libvips ${fmt^^}" '$1==s && index($0, f) && /iso-SSIM/ {split($4, a, "="); print a[2]}' "$WORK/sizes.txt"); fi
    mapfile -t SET < <(printf '%s\n' "${FILES[@]}" | grep "^$set")
    for w in "${WIDTHS[@]}"; do
      mkdir -p "$WORK/vips-$fmt-$set-$w"
      t=$( { /usr/bin/env time -f "%U %S" vipsthumbnail --size "${w}x" -o "$WORK/vips-$fmt-$set-$w/%s.$fmt[Q=$vq,strip]" "${SET[@]/#/$WORK/files/}"; } 2>&1 | tail -1)
      total=$(python3 -c "print($total + $(echo "$t" | awk '{print $1+$2}'))")
    done
  done
  VIPS_CPU[$fmt]=$(python3 -c "print(f'{$total/(${#FILES[@]}*${#WIDTHS[@]}):.4f}')")
done

{
  echo "== results ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $N+$N sources x widths ${WIDTHS[*]}, q$Q)"
  cat "$WORK/sizes.txt"
  printf "%-6s %18s %18s %8s\n" format "service CPU s/img" "vips CPU s/img" ratio
  for fmt in jpeg webp avif; do
    printf "%-6s %18s %18s %8s\n" "$fmt" "${SERVICE_CPU[$fmt]}" "${VIPS_CPU[$fmt]}" "$(python3 -c "print(f'{${SERVICE_CPU[$fmt]}/${VIPS_CPU[$fmt]}:.2f}')")"
  done
  # An article page on a phone 390 CSS px wide at DPR 3 wants 1170 device px; a 700-px source
  # offers 360w and 700w, so the browser takes 700w: eight gallery images of the mean size here.
  echo "article page at 390 px, DPR 3 (700w chosen), 8 gallery images, mean of the set:"
  for set in chart photo; do
    for pair in jpeg:jpg webp:webp avif:avif; do
      fmt=${pair%%:*}; ext=${pair##*:}
      bytes=$(cat "$WORK"/m/svc-$fmt-$set-*-700.$ext | wc -c); count=$(ls "$WORK"/m/svc-$fmt-$set-*-700.$ext | wc -l)
      printf "  %-6s %-5s %8d B per page\n" "$set" "$fmt" $((8 * bytes / count))
    done
  done
} | tee "$OUT/formats.txt"
