package dev.newsdesk.e2e.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The operations a service's OpenAPI document declares, read with swagger-parser (references resolved). */
final class ApiSurface {

    /** One operation: its parameters by location and the media types and shape of its body. */
    record ApiOperation(
            String service,
            String method,
            String path,
            List<String> pathParams,
            List<String> queryParams,
            List<String> headerParams,
            List<String> bodyTypes,
            JsonNode bodyShape) {

        String name() {
            return service + " " + method + " " + path;
        }
    }

    private ApiSurface() {}

    static List<ApiOperation> read(String service, String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document, null, options);
        OpenAPI api = parsed.getOpenAPI();
        if (api == null || api.getPaths() == null) {
            throw new IllegalStateException(service + ": no OpenAPI document: " + parsed.getMessages());
        }
        List<ApiOperation> operations = new ArrayList<>();
        api.getPaths().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                    item.readOperationsMap().entrySet()) {
                Operation operation = entry.getValue();
                List<Parameter> parameters = new ArrayList<>();
                if (item.getParameters() != null) {
                    parameters.addAll(item.getParameters());
                }
                if (operation.getParameters() != null) {
                    parameters.addAll(operation.getParameters());
                }
                List<String> bodyTypes = new ArrayList<>();
                JsonNode shape = null;
                if (operation.getRequestBody() != null
                        && operation.getRequestBody().getContent() != null) {
                    for (var media : operation.getRequestBody().getContent().entrySet()) {
                        bodyTypes.add(media.getKey());
                        if (media.getValue().getSchema() != null && shape == null) {
                            shape = shape(media.getValue().getSchema(), 0);
                        }
                    }
                }
                operations.add(new ApiOperation(
                        service,
                        entry.getKey().name(),
                        path,
                        names(parameters, "path"),
                        names(parameters, "query"),
                        names(parameters, "header"),
                        bodyTypes,
                        shape));
            }
        });
        return operations;
    }

    private static List<String> names(List<Parameter> parameters, String in) {
        return parameters.stream()
                .filter(p -> in.equals(p.getIn()))
                .map(Parameter::getName)
                .toList();
    }

    /** The schema's object structure (property names, nested), leaves null: what the fuzzer fills. */
    private static JsonNode shape(Schema<?> schema, int depth) {
        if (schema.getProperties() == null || depth > 6) {
            return null;
        }
        ObjectNode object = Hostile.JSON.createObjectNode();
        schema.getProperties().forEach((name, child) -> object.set(name, shape(child, depth + 1)));
        return object;
    }
}
