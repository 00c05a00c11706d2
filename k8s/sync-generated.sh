#!/usr/bin/env bash
# The Deployments and Services of the three services have one source of truth: each
# service's application.properties (and src/main/kubernetes/kubernetes.yml), from which
# quarkus-kubernetes writes <service>/target/kubernetes/kubernetes.yml at package time.
# kustomize cannot read target/ (it is not committed), so this script copies the generated
# files to k8s/base/generated/. Copies cannot drift unnoticed: the e2e test
# GeneratedManifestsInSyncTest compares them with target/ on every ./mvnw verify, and
# `--check` does the same here.
#
#   k8s/sync-generated.sh            copy (after ./mvnw package)
#   k8s/sync-generated.sh --build    package the three services first, then copy
#   k8s/sync-generated.sh --check    exit 1 if a copy differs from target/
set -euo pipefail
cd "$(dirname "$0")/.."
services=(article-service image-service feed-service)
mode=${1:-copy}
if [ "$mode" = --build ]; then
  ./mvnw -B -q -pl "$(IFS=,; echo "${services[*]}")" package -DskipTests
  mode=copy
fi
status=0
for s in "${services[@]}"; do
  src="$s/target/kubernetes/kubernetes.yml" dst="k8s/base/generated/$s.yml"
  [ -f "$src" ] || { echo "missing $src: run ./mvnw -pl $s package first" >&2; exit 2; }
  if [ "$mode" = --check ]; then
    if ! diff -u "$dst" "$src"; then
      echo "k8s/base/generated/$s.yml is stale: run k8s/sync-generated.sh and commit it" >&2
      status=1
    fi
  else
    cp "$src" "$dst" && echo "wrote $dst"
  fi
done
exit $status
