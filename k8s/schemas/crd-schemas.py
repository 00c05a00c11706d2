#!/usr/bin/env python3
"""Turns CustomResourceDefinitions into the strict JSON schemas the manifest checks read.

Usage: crd-schemas.py OUT.json CRD.yaml...  (see generate.sh for the pinned releases).

Each served version's openAPIV3Schema becomes one draft-07 schema under the key
"<group>/<version>/<Kind>". Kubernetes prunes fields a structural schema does not name, so a
typo is silently dropped by the API server; here every object schema that names its
properties refuses others (additionalProperties false) unless the CRD keeps unknown fields,
and a typo fails the build instead. Descriptions and CEL rules are dropped: the checks need
neither.
"""
import json
import sys

import yaml

KEEP = {"type", "properties", "required", "items", "enum", "pattern", "maxLength", "minLength",
        "minimum", "maximum", "maxItems", "minItems", "additionalProperties", "format"}


def strict(node):
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key == "properties":
            out[key] = {name: strict(sub) for name, sub in value.items()}
        elif key in ("items", "additionalProperties") and isinstance(value, dict):
            out[key] = strict(value)
        elif key in KEEP:
            out[key] = value
    if node.get("x-kubernetes-int-or-string"):
        out.pop("type", None)
        out["anyOf"] = [{"type": "integer"}, {"type": "string"}]
    if node.get("nullable") and "type" in out:
        out["type"] = [out["type"], "null"]
    if (out.get("type") == "object" and "properties" in out and "additionalProperties" not in out
            and not node.get("x-kubernetes-preserve-unknown-fields")):
        out["additionalProperties"] = False
    if out.get("format") not in (None, "date-time"):
        out.pop("format")
    return out


def main(target, sources):
    schemas = {}
    for source in sources:
        with open(source, encoding="utf-8") as f:
            crd = yaml.safe_load(f)
        group = crd["spec"]["group"]
        kind = crd["spec"]["names"]["kind"]
        for version in crd["spec"]["versions"]:
            if not version.get("served", True):
                continue
            schema = strict(version["schema"]["openAPIV3Schema"])
            schema["properties"]["apiVersion"] = {"const": group + "/" + version["name"]}
            schema["properties"]["kind"] = {"const": kind}
            schema["properties"]["metadata"] = {
                "type": "object", "required": ["name"],
                "properties": {"name": {"type": "string", "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"}}}
            schema["required"] = sorted(set(schema.get("required", [])) | {"apiVersion", "kind", "metadata"})
            schema["$schema"] = "http://json-schema.org/draft-07/schema#"
            schemas[group + "/" + version["name"] + "/" + kind] = schema
    with open(target, "w", encoding="utf-8") as f:
        json.dump(schemas, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
