#!/usr/bin/env bash
# Placeholder cost, in process: per gallery JPEG, the CPU time of image-service's info request
# (decode with shrink-on-load, fit 100x100, average colour, ThumbHash) and of ThumbHash's encode
# alone, against a w:580 q80 JPEG rendition of the same file in the same run (the ratio is the
# figure to compare across machines). Also the hash sizes.
# Usage: bench/image/placeholders.sh [N=40] [ROUNDS=5]   (builds the jar if missing)
set -euo pipefail
N=${1:-40}
ROUNDS=${2:-5}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
APP="$ROOT/image-service/target/quarkus-app"
. "$HERE/lib.sh"
[ -f "$APP/quarkus-run.jar" ] || (cd "$ROOT" && ./mvnw -q -B -pl image-service -am package -DskipTests)
"$JAVA" "$HERE/MakeGallery.java" "$WORK/files" "$N"
CP="$(ls "$APP"/app/*.jar "$APP"/lib/main/*.jar | tr '\n' ':')"
"$JAVA" -Xmx512m -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED -cp "$CP" "$HERE/Placeholders.java" "$WORK/files" "$ROUNDS"
