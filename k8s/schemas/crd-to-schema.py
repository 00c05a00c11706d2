#!/usr/bin/env python3
"""Turns CustomResourceDefinitions into one strict JSON schema (draft 7) per served version.

Reads CRD YAML files (arguments) and writes to stdout a document whose definitions are keyed
"<group>/<version>/<Kind>", as the manifest checks (e2e ManifestSchemas) look them up. The
openAPIV3Schema is kept as the API server would apply it with strict field validation: an
object that lists its properties refuses any other (additionalProperties false) unless it says
x-kubernetes-preserve-unknown-fields; enums, patterns, lengths, bounds and required fields
carry over. What JSON Schema cannot express is dropped: the CEL rules
(x-kubernetes-validations), list-type and map-type hints, formats and defaults. Descriptions
are dropped to keep the file small: the CRD itself is the documentation.
"""
import json
import sys

import yaml

KEEP = {"type", "enum", "pattern", "minLength", "maxLength", "minimum", "maximum",
        "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems", "required", "nullable"}


def convert(node):
    if not isinstance(node, dict):
        return node
    out = {k: v for k, v in node.items() if k in KEEP}
    if node.get("x-kubernetes-int-or-string"):
        out["type"] = ["integer", "string"]
    if out.pop("nullable", False) and "type" in out:
        out["type"] = [out["type"], "null"]
    for combinator in ("oneOf", "anyOf", "allOf"):
        if combinator in node:
            out[combinator] = [convert(n) for n in node[combinator]]
    if "not" in node:
        out["not"] = convert(node["not"])
    if "items" in node:
        out["items"] = convert(node["items"])
    if "properties" in node:
        out["properties"] = {k: convert(v) for k, v in node["properties"].items()}
        if not node.get("x-kubernetes-preserve-unknown-fields"):
            out["additionalProperties"] = False
    elif isinstance(node.get("additionalProperties"), dict):
        out["additionalProperties"] = convert(node["additionalProperties"])
    return out


def main(files):
    definitions = {}
    for name in files:
        with open(name, encoding="utf-8") as f:
            for crd in yaml.safe_load_all(f):
                if not crd or crd.get("kind") != "CustomResourceDefinition":
                    continue
                group, kind = crd["spec"]["group"], crd["spec"]["names"]["kind"]
                for version in crd["spec"]["versions"]:
                    if not version.get("served"):
                        continue
                    schema = convert(version["schema"]["openAPIV3Schema"])
                    # The API server owns status; manifests never write it.
                    schema["properties"].pop("status", None)
                    schema["properties"]["apiVersion"] = {"const": group + "/" + version["name"]}
                    schema["properties"]["kind"] = {"const": kind}
                    # metadata is the standard ObjectMeta, checked by the API server, not here.
                    schema["properties"]["metadata"] = {"type": "object"}
                    schema["required"] = sorted(set(schema.get("required", [])) | {"apiVersion", "kind", "metadata"})
                    definitions[group + "/" + version["name"] + "/" + kind] = schema
    json.dump({"$schema": "http://json-schema.org/draft-07/schema#", "definitions": definitions},
              sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
