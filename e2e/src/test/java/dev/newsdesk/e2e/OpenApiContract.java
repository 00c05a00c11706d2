package dev.newsdesk.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Checks one HTTP exchange against an OpenAPI 3.1 document: the operation (path template and
 * method) exists; the request's path, query and header parameters are declared and match their
 * schemas; the status is declared for the operation; the media type is one its response
 * declares; the required response headers are there; the body matches the response's schema.
 *
 * <p>The document is walked here from the parsed YAML, and every schema is checked by networknt's
 * validator as JSON Schema 2020-12, the dialect of OpenAPI 3.1 (type arrays with "null",
 * {@code anyOf} with {@code type: 'null'}, {@code examples}): validators written for 3.0 read
 * those as 3.0 and report answers article-service really gives. A schema's
 * {@code #/components/...} references resolve against the document, which is put beside the
 * schema under the same pointers. Parameters arrive as text; each is read as the type its
 * schema names (style form or simple, one value) before it is validated, so a string parameter
 * is never taken for a number, and a non-number for an integer parameter is reported.
 */
final class OpenApiContract {

    /** One request and its answer, as the client saw them; header names in any case. */
    record Exchange(
            String method,
            String rawPath,
            String rawQuery,
            Map<String, List<String>> requestHeaders,
            int status,
            Map<String, List<String>> responseHeaders,
            String body) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]+)}");

    private final JsonNode document;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            // Formats are only annotations in 2020-12 unless asked for: date-time and uri must hold too.
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private OpenApiContract(JsonNode document) {
        this.document = document;
        if (!document.path("openapi").asText().startsWith("3.1")) {
            throw new IllegalArgumentException("not an OpenAPI 3.1 document: " + document.path("openapi"));
        }
    }

    static OpenApiContract read(Path yaml) throws IOException {
        Object parsed = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(yaml));
        return new OpenApiContract(JSON.valueToTree(parsed));
    }

    /** What in {@code exchange} the document does not allow, one line each; empty when it matches. */
    List<String> violations(Exchange exchange) {
        List<String> found = new ArrayList<>();
        String where = exchange.method() + " " + exchange.rawPath()
                + (exchange.rawQuery() == null ? "" : "?" + exchange.rawQuery()) + " -> " + exchange.status();
        Map<String, String> pathValues = new LinkedHashMap<>();
        String template = template(exchange.rawPath(), pathValues);
        if (template == null) {
            found.add(where + ": no path of the document matches");
            return found;
        }
        JsonNode pathItem = deref(document.path("paths").path(template));
        JsonNode operation = pathItem.path(exchange.method().toLowerCase(Locale.ROOT));
        if (!operation.isObject()) {
            found.add(where + ": " + template + " has no " + exchange.method());
            return found;
        }
        List<String> refused = new ArrayList<>();
        parameters(where, pathItem, operation, pathValues, exchange, refused);
        // A request the document does not allow is what a 4xx answers: only a request answered
        // otherwise (served, or failed) by parameters outside their schemas is a finding.
        if (exchange.status() < 400 || exchange.status() >= 500) {
            found.addAll(refused);
        }
        JsonNode responses = operation.path("responses");
        String status = Integer.toString(exchange.status());
        JsonNode response = responses.has(status)
                ? responses.get(status)
                : responses.has(status.charAt(0) + "XX")
                        ? responses.get(status.charAt(0) + "XX")
                        : responses.get("default");
        if (response == null) {
            found.add(where + ": status " + status + " is not declared for " + exchange.method() + " " + template);
            return found;
        }
        response(where, deref(response), exchange, found);
        return found;
    }

    /**
     * Only the body and media type of an answer the document does not declare for its operation,
     * against a named schema (an outage's 503 against Problem, the body of every 4xx and 5xx).
     */
    List<String> bodyViolations(Exchange exchange, String mediaType, String schemaName) {
        List<String> found = new ArrayList<>();
        String where = exchange.method() + " " + exchange.rawPath() + " -> " + exchange.status();
        String actual = mediaType(exchange.responseHeaders());
        if (!mediaType.equals(actual)) {
            found.add(where + ": media type " + actual + ", not " + mediaType);
        }
        if (!document.path("components").path("schemas").has(schemaName)) {
            found.add(where + ": the document has no schema " + schemaName);
            return found;
        }
        body(where, JSON.createObjectNode().put("$ref", "#/components/schemas/" + schemaName), exchange.body(), found);
        return found;
    }

    /** The path template matching {@code rawPath}, its variables' decoded values into {@code values}; concrete paths first. */
    private String template(String rawPath, Map<String, String> values) {
        List<String> templates = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(templates::add);
        templates.sort(Comparator.comparingLong(
                (String t) -> TEMPLATE.matcher(t).results().count()));
        for (String template : templates) {
            List<String> names = new ArrayList<>();
            StringBuilder regex = new StringBuilder();
            Matcher m = TEMPLATE.matcher(template);
            int last = 0;
            while (m.find()) {
                regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
                names.add(m.group(1));
                last = m.end();
            }
            regex.append(Pattern.quote(template.substring(last)));
            Matcher path = Pattern.compile(regex.toString()).matcher(rawPath);
            if (path.matches()) {
                for (int i = 0; i < names.size(); i++) {
                    values.put(names.get(i), URLDecoder.decode(path.group(i + 1), StandardCharsets.UTF_8));
                }
                return template;
            }
        }
        return null;
    }

    private void parameters(
            String where,
            JsonNode pathItem,
            JsonNode operation,
            Map<String, String> pathValues,
            Exchange exchange,
            List<String> found) {
        Map<String, List<String>> query = query(exchange.rawQuery());
        Set<String> declaredQuery = new HashSet<>();
        List<JsonNode> declared = new ArrayList<>();
        pathItem.path("parameters").forEach(p -> declared.add(deref(p)));
        operation.path("parameters").forEach(p -> declared.add(deref(p)));
        for (JsonNode parameter : declared) {
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            List<String> values = switch (in) {
                case "path" -> pathValues.containsKey(name) ? List.of(pathValues.get(name)) : List.of();
                case "query" -> {
                    declaredQuery.add(name);
                    yield query.getOrDefault(name, List.of());
                }
                case "header" -> header(exchange.requestHeaders(), name);
                default -> List.of(); // cookies: feed-service sends none
            };
            String label = where + ": " + in + " parameter " + name;
            if (values.isEmpty()) {
                if (parameter.path("required").asBoolean(false)) {
                    found.add(label + " is required");
                }
                continue;
            }
            JsonNode schema = parameter.path("schema");
            if (values.size() > 1 && !types(schema).contains("array")) {
                found.add(label + " is given " + values.size() + " times");
            }
            for (String value : values) {
                validate(label + " \"" + value + "\"", schema, typed(value, schema), found);
            }
        }
        for (String name : query.keySet()) {
            if (!declaredQuery.contains(name)) {
                found.add(where + ": query parameter " + name + " is not declared");
            }
        }
    }

    private void response(String where, JsonNode response, Exchange exchange, List<String> found) {
        JsonNode headers = response.path("headers");
        for (var it = headers.fields(); it.hasNext(); ) {
            var header = it.next();
            JsonNode declared = deref(header.getValue());
            List<String> values = header(exchange.responseHeaders(), header.getKey());
            if (values.isEmpty()) {
                if (declared.path("required").asBoolean(false)) {
                    found.add(where + ": header " + header.getKey() + " is required");
                }
                continue;
            }
            for (String value : values) {
                validate(
                        where + ": header " + header.getKey() + " \"" + value + "\"",
                        declared.path("schema"),
                        typed(value, declared.path("schema")),
                        found);
            }
        }
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (exchange.body() != null && !exchange.body().isEmpty()) {
                found.add(where + ": the document declares no body, the answer has one");
            }
            return;
        }
        String mediaType = mediaType(exchange.responseHeaders());
        JsonNode media = content.get(mediaType);
        if (media == null) {
            List<String> names = new ArrayList<>();
            content.fieldNames().forEachRemaining(names::add);
            found.add(where + ": media type " + mediaType + " is not declared (" + names + ")");
            return;
        }
        if (media.has("schema")) {
            body(where, media.get("schema"), exchange.body(), found);
        }
    }

    private void body(String where, JsonNode schema, String body, List<String> found) {
        JsonNode instance;
        try {
            instance = JSON.readTree(body == null ? "" : body);
        } catch (IOException e) {
            found.add(where + ": the body is not JSON: " + e.getMessage());
            return;
        }
        if (instance == null || instance.isMissingNode()) {
            found.add(where + ": no body");
            return;
        }
        validate(where + ": body", schema, instance, found);
    }

    /** Validates against {@code schema} as JSON Schema 2020-12, its component references resolved in the document. */
    private void validate(String label, JsonNode schema, JsonNode instance, List<String> found) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.setAll((ObjectNode) (schema.isObject() ? schema : JSON.createObjectNode()));
        // The document's components under the same pointer, so "#/components/schemas/X" resolves.
        root.set("components", document.path("components"));
        for (Error error : registry.getSchema(root).validate(instance)) {
            String at = error.getInstanceLocation().toString();
            found.add(label + ": " + (at.isEmpty() ? "" : at + " ") + error.getMessage());
        }
    }

    /**
     * A parameter's text read as its schema's type (OpenAPI's form and simple styles for one
     * primitive value): an integer, number or boolean when it reads as one, otherwise text, which
     * the schema then rejects.
     */
    private static JsonNode typed(String value, JsonNode schema) {
        Set<String> types = types(schema);
        if ((types.contains("integer") || types.contains("number"))
                && value.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
            BigDecimal number = new BigDecimal(value);
            return types.contains("integer") && number.stripTrailingZeros().scale() <= 0
                    ? JSON.getNodeFactory().numberNode(number.toBigIntegerExact())
                    : JSON.getNodeFactory().numberNode(number);
        }
        if (types.contains("boolean") && (value.equals("true") || value.equals("false"))) {
            return BooleanNode.valueOf(Boolean.parseBoolean(value));
        }
        if (types.contains("null") && value.isEmpty()) {
            return JSON.nullNode();
        }
        return TextNode.valueOf(value);
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        Set<String> types = new HashSet<>();
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        return types;
    }

    /** A {@code $ref} to a parameter, response or header of the document followed (once, as the document uses them). */
    private JsonNode deref(JsonNode node) {
        JsonNode at = node;
        for (int hops = 0; at.has("$ref") && hops < 8; hops++) {
            String ref = at.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only local references are followed: " + ref);
            }
            at = document.at(ref.substring(1));
        }
        return at;
    }

    private static String mediaType(Map<String, List<String>> headers) {
        List<String> values = header(headers, "Content-Type");
        return values.isEmpty()
                ? "(none)"
                : values.getFirst().split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    private static List<String> header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .toList();
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.computeIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
                        .add(kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }
}
