#!/usr/bin/env bash
# Regenerates kubernetes.json: strict JSON schemas (unknown fields are errors) for the
# Kubernetes kinds that k8s/ uses, from the typed models of the npm package
# kubernetes-models (generated from the Kubernetes OpenAPI spec; see its README for the
# API version) through ts-json-schema-generator. Run it only to add a kind or move to a
# newer API; the checks read the committed file and need no network.
# crds.json holds the custom resources' schemas (CloudNativePG Cluster and ScheduledBackup,
# the Barman Cloud plugin's ObjectStore, prometheus-operator's PodMonitor, ServiceMonitor and
# PrometheusRule), made by crd-schemas.py from the CRD files of pinned releases. With
# CRD_DIR set to a folder holding those files, this script rewrites crds.json too:
#   cloudnative-pg v1.29.2:       config/crd/bases/postgresql.cnpg.io_{clusters,scheduledbackups}.yaml
#   plugin-barman-cloud v0.14.0:  config/crd/bases/barmancloud.cnpg.io_objectstores.yaml
#   prometheus-operator v0.93.0:  example/prometheus-operator-crd/monitoring.coreos.com_{podmonitors,servicemonitors,prometheusrules}.yaml
# gateway-api.json and nginx-gateway-fabric.json (the edge) come from generate-crds.sh.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ -n "${CRD_DIR:-}" ]; then
  python3 "$here/crd-schemas.py" "$here/crds.json" "$CRD_DIR"/*.yaml
  echo "wrote $here/crds.json"
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent kubernetes-models@5.1.0 ts-json-schema-generator@2.9.0 typescript@5
cat > tsconfig.json <<'JSON'
{"compilerOptions": {"strict": true, "module": "nodenext", "moduleResolution": "nodenext", "skipLibCheck": true}}
JSON
# One exported type per kind; the generator names each definition after the model
# interface, so the checks look a manifest of kind K up as definitions/IK.
cat > kinds.ts <<'TS'
import type { INamespace, IConfigMap, ISecret, IService, IServiceAccount } from "kubernetes-models/v1";
import type { IDeployment, IStatefulSet } from "kubernetes-models/apps/v1";
import type { IHorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import type { IPodDisruptionBudget } from "kubernetes-models/policy/v1";
import type { IIngress, INetworkPolicy } from "kubernetes-models/networking.k8s.io/v1";
export type Namespace = INamespace;
export type ConfigMap = IConfigMap;
export type Secret = ISecret;
export type Service = IService;
export type ServiceAccount = IServiceAccount;
export type Deployment = IDeployment;
export type StatefulSet = IStatefulSet;
export type HorizontalPodAutoscaler = IHorizontalPodAutoscaler;
export type PodDisruptionBudget = IPodDisruptionBudget;
export type Ingress = IIngress;
export type NetworkPolicy = INetworkPolicy;
TS
npx ts-json-schema-generator --path kinds.ts --type '*' --tsconfig tsconfig.json \
  --no-type-check --jsDoc none --no-top-ref -o "$here/kubernetes.json"
echo "wrote $here/kubernetes.json"
