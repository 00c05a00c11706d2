package dev.newsdesk.feed.api;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * What every feed request says besides which feed: the format (the file name), the archive page,
 * and the headers that choose between 200 and 304 and between the identity and gzip bodies.
 */
public record FeedRequest(
        @Parameter(
                description = "The format",
                schema =
                        @Schema(
                                type = SchemaType.STRING,
                                enumeration = {"rss.xml", "atom.xml", "feed.json"}))
        @PathParam("file")
        String file,

        @Parameter(
                description = "Page of an archived feed (RFC 5005), from 1",
                schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"))
        @QueryParam("page")
        String page,

        @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
        @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince,
        @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {}
