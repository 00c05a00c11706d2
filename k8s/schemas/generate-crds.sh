#!/usr/bin/env bash
# Regenerates the schemas of the edge's custom resources from the CRDs of pinned releases:
#   gateway-api.json            Gateway API v1.5.1, standard channel (config/crd/standard/)
#   nginx-gateway-fabric.json   NGINX Gateway Fabric v2.6.7 (deploy/crds.yaml), whose Helm chart
#                               of the same version the cluster runs (docs/deploy.md, "Edge")
# through crd-to-schema.py (strict: unknown fields are errors; CEL rules are not carried).
# Run it only to move to newer releases (then change both versions here and in docs/deploy.md);
# the checks read the committed files and need no network.
#
#   k8s/schemas/generate-crds.sh                     clone both tags from GitHub
#   k8s/schemas/generate-crds.sh GATEWAY_API NGF     use local clones that have the tags
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
gateway_api_version=v1.5.1 ngf_version=v2.6.7
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
gateway_api=${1:-} ngf=${2:-}
if [ -z "$gateway_api" ]; then
  git clone -q --depth 1 --branch "$gateway_api_version" https://github.com/kubernetes-sigs/gateway-api "$work/gateway-api"
  gateway_api="$work/gateway-api"
fi
if [ -z "$ngf" ]; then
  git clone -q --depth 1 --branch "$ngf_version" https://github.com/nginx/nginx-gateway-fabric "$work/ngf"
  ngf="$work/ngf"
fi
mkdir -p "$work/gateway-api-crds"
for f in $(git -C "$gateway_api" ls-tree --name-only "$gateway_api_version" config/crd/standard/); do
  git -C "$gateway_api" show "$gateway_api_version:$f" > "$work/gateway-api-crds/$(basename "$f")"
done
git -C "$ngf" show "$ngf_version:deploy/crds.yaml" > "$work/ngf-crds.yaml"
python3 "$here/crd-to-schema.py" "$work"/gateway-api-crds/*.yaml > "$here/gateway-api.json"
python3 "$here/crd-to-schema.py" "$work/ngf-crds.yaml" > "$here/nginx-gateway-fabric.json"
echo "wrote $here/gateway-api.json ($gateway_api_version) and $here/nginx-gateway-fabric.json ($ngf_version)"
