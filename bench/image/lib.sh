# Shared by bench/image/run.sh and formats.sh (sourced): a scratch folder removed on exit with
# the processes started in it, and small helpers. Loopback only.
WORK=$(mktemp -d /tmp/newsdesk-image-bench.XXXXXX)
chmod 755 "$WORK"   # nginx workers run unprivileged
SERVICE_PID=""; NGINX_PID=""
cleanup() {
  [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null || true
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'echo "failed at line $LINENO; service log tail:"; tail -5 "$WORK/service.log" 2>/dev/null' ERR
# The service needs Java 25: JAVA_HOME's java when set (the PATH's may be older).
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
need() { command -v "$1" >/dev/null 2>&1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
b64url() { python3 -c 'import base64,sys; print(base64.urlsafe_b64encode(sys.argv[1].encode()).decode().rstrip("="))' "$1"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
TICK=$(getconf CLK_TCK)

# start_service ORIGIN_PORT SERVICE_PORT: the packaged image-service allowing the local origin,
# started as it ships: java @jvm.args -jar quarkus-run.jar from its application folder
start_service() {
  NEWSDESK_IMAGE_ALLOWED_SOURCES="http://127.0.0.1:$1/" NEWSDESK_DATA_DIR="$WORK/data" \
  QUARKUS_HTTP_PORT=$2 QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
    bash -c 'cd "$(dirname "$2")" && exec "$1" $3 -jar "$2"' _ "$JAVA" "$JAR" "${BENCH_JAVA_OPTS:-@jvm.args}" \
    > "$WORK/service.log" 2>&1 & SERVICE_PID=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$2/q/health/ready" >/dev/null 2>&1 && return 0; sleep 0.5
  done
  echo "image-service did not become ready in 60 s ($JAVA: $("$JAVA" -version 2>&1 | head -1))"; return 1
}
