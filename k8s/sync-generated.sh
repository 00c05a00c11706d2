#!/usr/bin/env bash
# The Deployments and Services of the three services have one source of truth: each
# service's application.properties (and src/main/kubernetes/kubernetes.yml), from which
# quarkus-kubernetes writes <service>/target/kubernetes/kubernetes.yml at package time.
# kustomize cannot read target/ (it is not committed), so this script copies the generated
# files to k8s/base/generated/. Copies cannot drift unnoticed: the e2e test
# GeneratedManifestsInSyncTest compares them with target/ on every ./mvnw verify.
#
#   k8s/sync-generated.sh            copy (after ./mvnw package)
#   k8s/sync-generated.sh --build    package the three services first, then copy
set -euo pipefail
cd "$(dirname "$0")/.."
services=(article-service image-service feed-service)
if [ "${1:-}" = --build ]; then
  ./mvnw -B -q -pl "$(IFS=,; echo "${services[*]}")" -am package -DskipTests
fi
for s in "${services[@]}"; do
  src="$s/target/kubernetes/kubernetes.yml" dst="k8s/base/generated/$s.yml"
  [ -f "$src" ] || { echo "missing $src: run ./mvnw -pl $s -am package first" >&2; exit 2; }
  cp "$src" "$dst" && echo "wrote $dst"
done
