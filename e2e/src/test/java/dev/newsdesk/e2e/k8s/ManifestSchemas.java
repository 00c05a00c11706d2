package dev.newsdesk.e2e.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates manifests against the JSON schemas kept in {@code k8s/schemas/}, offline:
 * {@code kubernetes.json} (strict schemas of the Kubernetes kinds k8s/ uses; see
 * {@code generate.sh} there), {@code crds.json} (the custom resources: CloudNativePG, the
 * Barman Cloud plugin, prometheus-operator; from their CRDs, see {@code crd-schemas.py}), and the
 * edge's custom resources from the CRDs of pinned releases ({@code generate-crds.sh}):
 * {@code gateway-api.json} (Gateway API, standard channel) and {@code nginx-gateway-fabric.json}
 * (the controller's policies), all looked up by API version and kind.
 * A kind with no schema is itself a violation, so a new kind cannot slip by unchecked.
 */
final class ManifestSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private final JsonNode kubernetes;
    private final JsonNode customResources;
    private final Map<String, Schema> byKind = new HashMap<>();

    ManifestSchemas(Path schemaDir) {
        try {
            kubernetes = JSON.readTree(schemaDir.resolve("kubernetes.json").toFile());
            ObjectNode crds =
                    (ObjectNode) JSON.readTree(schemaDir.resolve("crds.json").toFile());
            for (String file : List.of("gateway-api.json", "nginx-gateway-fabric.json")) {
                crds.setAll((ObjectNode)
                        JSON.readTree(schemaDir.resolve(file).toFile()).get("definitions"));
            }
            customResources = crds;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the schemas in " + schemaDir, e);
        }
    }

    List<String> violations(List<Map<String, Object>> objects) {
        List<String> violations = new ArrayList<>();
        for (Map<String, Object> object : objects) {
            Schema schema = schemaFor(object);
            if (schema == null) {
                violations.add(Manifests.id(object) + " (" + object.get("apiVersion")
                        + "): no schema for this kind in k8s/schemas");
                continue;
            }
            for (Error error : schema.validate(JSON.valueToTree(object))) {
                violations.add(Manifests.id(object) + ": " + error.getMessage());
            }
        }
        return violations;
    }

    private Schema schemaFor(Map<String, Object> object) {
        String kind = Manifests.kind(object);
        String custom = object.get("apiVersion") + "/" + kind;
        if (customResources.has(custom)) {
            return byKind.computeIfAbsent(custom, k -> registry.getSchema(customResources.get(k)));
        }
        return byKind.computeIfAbsent(kind, k -> {
            if (!kubernetes.path("definitions").has("I" + k)) {
                return null;
            }
            // The definition of the kind, with the shared definitions its $refs point into.
            ObjectNode root = JSON.createObjectNode();
            root.set("definitions", kubernetes.get("definitions"));
            root.putArray("allOf").addObject().put("$ref", "#/definitions/I" + k);
            return registry.getSchema(root);
        });
    }
}
