#!/usr/bin/env bash
# What a poll with nothing new costs, with 1,000 tags (issue 11): feed-service's change-feed poll
# against the baseline of re-listing every feed, both measured here against the same fake
# article-service over loopback HTTP (IdlePollCost, on feed-service's test classpath).
# Usage: bench/feed/poll-cost.sh [tags] [runs]; results in bench/feed/target/poll-cost.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK="$PWD/bench/feed/target"
mkdir -p "$WORK"
./mvnw -q -B -pl feed-service -am test-compile dependency:build-classpath -Dmdep.outputFile="$WORK/poll.cp" -Dmdep.includeScope=test
java -cp "feed-service/target/classes:feed-service/target/test-classes:$(cat "$WORK/poll.cp")" \
  dev.newsdesk.feed.bench.IdlePollCost "${1:-1000}" "${2:-21}" | tee "$WORK/poll-cost.txt"
