package dev.newsdesk.article.api;

import static dev.newsdesk.article.api.ArticleResource.PROBLEM_JSON;

import dev.newsdesk.article.webhooks.DeliveryLog;
import dev.newsdesk.article.webhooks.RegisteredWebhook;
import dev.newsdesk.article.webhooks.RotatedSecret;
import dev.newsdesk.article.webhooks.Webhook;
import dev.newsdesk.article.webhooks.WebhookInput;
import dev.newsdesk.article.webhooks.Webhooks;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Webhook endpoints for app backends: every operation needs the bearer token. */
@Path("/api/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(
        name = "webhooks",
        description = "Signed calls (Standard Webhooks 1.0) when articles are published, updated or deleted")
public class WebhookResource {

    private final Webhooks webhooks;
    private final WriteAccess access;

    WebhookResource(Webhooks webhooks, WriteAccess access) {
        this.webhooks = webhooks;
        this.access = access;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createWebhook",
            summary = "Register a webhook endpoint",
            description = "The answer holds the signing secret, shown only this once. The target must be https:// and"
                    + " resolve to a public address (checked again on every delivery), unless it lies under"
                    + " NEWSDESK_WEBHOOK_ALLOWED_TARGETS; a refused target is a 400 naming url.")
    @APIResponse(
            responseCode = "201",
            description = "Registered; Location names it",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(schema = @Schema(implementation = RegisteredWebhook.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Response create(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = WebhookInput.class)))
                    WebhookInput input) {
        access.require(authorization);
        RegisteredWebhook created = webhooks.register(input);
        return Response.created(URI.create("/api/webhooks/" + created.id()))
                .entity(created)
                .build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "List webhook endpoints (without secrets)")
    @APIResponse(
            responseCode = "200",
            description = "Every endpoint, oldest first",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Webhook.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public List<Webhook> list(@Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        access.require(authorization);
        return webhooks.all();
    }

    @GET
    @Path("/{id: \\d+}")
    @Operation(operationId = "getWebhook", summary = "Get a webhook endpoint (without its secret)")
    @APIResponse(
            responseCode = "200",
            description = "The endpoint",
            content = @Content(schema = @Schema(implementation = Webhook.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Webhook get(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(description = "The endpoint's id") @PathParam("id") long id) {
        access.require(authorization);
        return webhooks.byId(id);
    }

    @DELETE
    @Path("/{id: \\d+}")
    @Produces({MediaType.APPLICATION_JSON, PROBLEM_JSON})
    @Operation(operationId = "deleteWebhook", summary = "Remove a webhook endpoint; nothing more is sent to it")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response delete(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(description = "The endpoint's id") @PathParam("id") long id) {
        access.require(authorization);
        webhooks.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id: \\d+}/rotate-secret")
    @Operation(
            operationId = "rotateWebhookSecret",
            summary = "Replace the signing secret",
            description = "Until previousSecretValidUntil (NEWSDESK_WEBHOOK_SECRET_OVERLAP, 24 h by default) each"
                    + " delivery carries two signatures, one per secret, so the receiver can switch over.")
    @APIResponse(
            responseCode = "200",
            description = "The new secret, shown only this once",
            content = @Content(schema = @Schema(implementation = RotatedSecret.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RotatedSecret rotate(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(description = "The endpoint's id") @PathParam("id") long id) {
        access.require(authorization);
        return webhooks.rotate(id);
    }

    @GET
    @Path("/{id: \\d+}/deliveries")
    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "The endpoint's latest delivery attempts, newest first (at most 100)")
    @APIResponse(
            responseCode = "200",
            description = "Attempts: event, status code or error, time, next retry",
            content = @Content(schema = @Schema(implementation = DeliveryLog.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public DeliveryLog deliveries(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(description = "The endpoint's id") @PathParam("id") long id) {
        access.require(authorization);
        return webhooks.deliveries(id);
    }
}
