#!/usr/bin/env bash
# Regenerates kubernetes.json: strict JSON schemas (unknown fields are errors) for the
# Kubernetes kinds that k8s/ uses, from the typed models of the npm package
# kubernetes-models (generated from the Kubernetes OpenAPI spec; see its README for the
# API version) through ts-json-schema-generator. Run it only to add a kind or move to a
# newer API; the checks read the committed file and need no network.
# cnpg-cluster.json (the CloudNativePG Cluster) is written by hand: see its description.
# gateway-api.json and nginx-gateway-fabric.json (the edge) come from generate-crds.sh.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
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
