package dev.newsdesk.article.api;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Fixes how smallrye-openapi writes a nullable reference ({@code @Schema(nullable = true)} on a
 * record component of a record type): {@code anyOf: [$ref, {type: null}]} plus a
 * {@code type: object} beside it, which no null satisfies. Without the extra type the schema says
 * what the JSON does: the object, or null (e.g. {@code leadImage} of an article with no image).
 */
public class NullableReferences implements OASFilter {

    @Override
    public Schema filterSchema(Schema schema) {
        List<Schema> anyOf = schema.getAnyOf();
        if (anyOf != null && schema.getType() != null && anyOf.stream().anyMatch(NullableReferences::isNull)) {
            schema.setType(null);
        }
        return schema;
    }

    private static boolean isNull(Schema s) {
        return s.getType() != null && s.getType().equals(List.of(Schema.SchemaType.NULL));
    }
}
