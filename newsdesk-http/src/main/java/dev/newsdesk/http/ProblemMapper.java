package dev.newsdesk.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Each service's single translation from exceptions to {@code application/problem+json}.
 * Unknown failures become a 500 whose detail says nothing about the internals; the stack
 * trace goes to the log under the request's trace id, never to the client.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder response =
                Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(e.toProblem(requestPath(uri)));
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof MismatchedInputException mismatch ? pathOf(mismatch) : null;
        String detail = e instanceof InvalidFormatException
                ? "The value of '" + field + "' has the wrong format"
                : field != null && !field.isEmpty()
                        ? "The JSON body is malformed at '" + field + "'"
                        : "The request body is not valid JSON";
        ProblemException problem = field != null && !field.isEmpty()
                ? ProblemException.invalid(detail, List.of(new Problem.FieldError(field, "malformed")))
                : ProblemException.badRequest(detail);
        return respond(problem.toProblem(requestPath(uri)));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        ProblemVocabulary.Entry kind = ProblemVocabulary.forStatus(status);
        String detail = status == 404
                ? "No resource at " + requestPath(uri)
                : status == 405
                        ? "This method is not allowed on " + requestPath(uri)
                        : status == 415
                                ? "This content type is not accepted here"
                                : status == 406 ? "No acceptable representation" : kind.title();
        Response.ResponseBuilder builder = Response.status(status);
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        Problem body = new Problem(Problem.typeFor(kind.slug()), kind.title(), status, detail, requestPath(uri), null);
        return builder.type(Problem.MEDIA_TYPE).entity(body).build();
    }

    @ServerExceptionMapper(priority = Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.errorf(e, "Unexpected failure serving %s", requestPath(uri));
        return respond(ProblemException.of(500, "The server failed to handle this request; it has been logged")
                .toProblem(requestPath(uri)));
    }

    /**
     * The path the problem is about. Decoding can itself fail on a path the router accepted (an
     * escape that decodes to a '%'), and a failure while reporting a failure would be a 500.
     */
    private static String requestPath(UriInfo uri) {
        try {
            return uri.getPath();
        } catch (IllegalArgumentException undecodable) {
            // RESTEasy Reactive has no undecoded getPath(false); the request URI keeps the raw path.
            return uri.getRequestUri().getRawPath();
        }
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    /** The JSON path of the value a mapping failed on ({@code source.name}, {@code tags[2]}), for the problem's field. */
    public static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
