package dev.newsdesk.article.api;

import dev.newsdesk.article.changes.ChangeFeed;
import dev.newsdesk.article.changes.ChangePage;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "changes", description = "What changed since a sync: for clients that keep articles offline")
public class ChangeResource {

    private final ChangeFeed feed;

    ChangeResource(ChangeFeed feed) {
        this.feed = feed;
    }

    @GET
    @Operation(
            operationId = "listChanges",
            summary = "List changes since a cursor, oldest first",
            description =
                    "Every committed create, update, import and delete, in commit order, never skipping one. Poll with"
                            + " nextCursor as since; an empty page means caught up. Tombstones (deleted: true) are kept at least 30 days;"
                            + " an older cursor gets 410: re-sync from the listing, then follow this feed from its start.")
    @SecurityRequirements
    @APIResponse(
            responseCode = "200",
            description = "The next changes",
            content = @Content(schema = @Schema(implementation = ChangePage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "410", ref = "Gone")
    public ChangePage changes(
            @Parameter(description = "The nextCursor of the previous page; absent: from the start") @QueryParam("since")
                    String since,
            @Parameter(
                            description = "Changes per page",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "1000",
                                            defaultValue = "100"))
                    @QueryParam("limit")
                    String limit) {
        return feed.since(since, limit);
    }
}
