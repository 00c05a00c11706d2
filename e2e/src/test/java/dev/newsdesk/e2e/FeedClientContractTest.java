package dev.newsdesk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A consumer test (issue 15): every call feed-service's REST client makes to article-service
 * (its {@code ArticleApi} interface, as compiled) is checked against article-service's real
 * OpenAPI document as its build wrote it: the path and method exist, each query parameter is
 * declared, and every field feed-service reads from an answer is in the answer's schema. So
 * neither side can drift from the other unnoticed, and feed-service's hand-written fake
 * article-service is held to the same document.
 */
class FeedClientContractTest {

    private static final Path ROOT =
            Path.of(System.getProperty("newsdesk.root", "..")).toAbsolutePath().normalize();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void feedServiceCallsOnlyWhatArticleServiceDocuments() throws Exception {
        Path document = ROOT.resolve("article-service/target/openapi/openapi.yaml");
        Path classes = ROOT.resolve("feed-service/target/classes");
        assertTrue(
                Files.exists(document) && Files.isDirectory(classes), "build article-service and feed-service first");
        Map<String, Object> openapi =
                map(new Load(LoadSettings.builder().build()).loadFromString(Files.readString(document)));
        Map<String, Object> paths = map(openapi.get("paths"));
        Map<String, Object> schemas = map(map(openapi.get("components")).get("schemas"));

        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> api = loader.loadClass("dev.newsdesk.feed.source.ArticleApi");
            String base = api.getAnnotation(jakarta.ws.rs.Path.class).value();
            int calls = 0;
            for (Method call : api.getDeclaredMethods()) {
                assertNotNull(call.getAnnotation(GET.class), call + ": feed-service only reads");
                String path =
                        base + call.getAnnotation(jakarta.ws.rs.Path.class).value();
                Map<String, Object> operation = map(
                        map(paths.get(path)) == null
                                ? null
                                : map(paths.get(path)).get("get"));
                assertNotNull(operation, "GET " + path + " is not in article-service's document");
                Set<String> declared = new HashSet<>();
                for (Object p : (List<?>) operation.getOrDefault("parameters", List.of())) {
                    declared.add((String) map(p).get("name"));
                }
                for (var parameter : call.getParameters()) {
                    QueryParam query = parameter.getAnnotation(QueryParam.class);
                    if (query != null) {
                        assertTrue(
                                declared.contains(query.value()),
                                "GET " + path + " declares no query parameter " + query.value());
                    }
                }
                Map<String, Object> ok =
                        map(map(answer(map(map(operation.get("responses")).get("200")), openapi)
                                        .get("content"))
                                .get("application/json"));
                assertFieldsDocumented(call.getGenericReturnType(), map(ok.get("schema")), schemas, path);
                calls++;
            }
            assertEquals(5, calls, "a new call needs its place in this test's expectations");
        }
    }

    /** A response, or the shared one its $ref names. */
    private static Map<String, Object> answer(Map<String, Object> response, Map<String, Object> openapi) {
        if (!response.containsKey("$ref")) {
            return response;
        }
        String ref = (String) response.get("$ref");
        return map(map(map(openapi.get("components")).get("responses")).get(ref.substring(ref.lastIndexOf('/') + 1)));
    }

    /** Every record component feed-service reads exists in the schema, recursively. */
    private static void assertFieldsDocumented(
            Type type, Map<String, Object> schema, Map<String, Object> schemas, String where) {
        Map<String, Object> resolved = resolve(schema, schemas);
        if (type instanceof ParameterizedType list && List.class.equals(list.getRawType())) {
            assertEquals("array", resolved.get("type"), where + " is not an array");
            assertFieldsDocumented(list.getActualTypeArguments()[0], map(resolved.get("items")), schemas, where + "[]");
            return;
        }
        if (!(type instanceof Class<?> record) || !record.isRecord()) {
            return;
        }
        Map<String, Object> properties = map(resolved.get("properties"));
        assertNotNull(properties, where + " has no properties in the document");
        for (RecordComponent field : record.getRecordComponents()) {
            Object property = properties.get(field.getName());
            assertNotNull(
                    property,
                    where + "." + field.getName() + " is read by feed-service but not in article-service's document");
            assertFieldsDocumented(field.getGenericType(), map(property), schemas, where + "." + field.getName());
        }
    }

    /** Follows a $ref, or the non-null branch of a nullable anyOf. */
    private static Map<String, Object> resolve(Map<String, Object> schema, Map<String, Object> schemas) {
        if (schema.containsKey("$ref")) {
            String ref = (String) schema.get("$ref");
            return resolve(map(schemas.get(ref.substring(ref.lastIndexOf('/') + 1))), schemas);
        }
        if (schema.containsKey("anyOf")) {
            List<Map<String, Object>> branches = new ArrayList<>();
            for (Object branch : (List<?>) schema.get("anyOf")) {
                if (!"null".equals(map(branch).get("type"))) {
                    branches.add(map(branch));
                }
            }
            return resolve(branches.getFirst(), schemas);
        }
        return schema;
    }
}
