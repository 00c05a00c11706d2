package dev.newsdesk.article.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.newsdesk.http.Problem;
import dev.newsdesk.http.ProblemException;
import dev.newsdesk.http.ProblemMapper;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * JSON bodies the parser refuses: not JSON at all, past a parser limit (nested too deep, a string
 * or number too long), or a value of the wrong type for its field. quarkus-rest-jackson answers
 * these itself: a wrong type with its own plain JSON body, the rest wrapped in a bare
 * {@code WebApplicationException(400)} (a body nested 5,000 deep got a bare "Bad Request").
 * These mappers take both over, so a client gets a problem document naming what is wrong, and
 * the field when Jackson knows it.
 */
public class MalformedBodyMapper {

    private final ProblemMapper problems = new ProblemMapper();

    /**
     * Ahead of the service's mapper for {@code WebApplicationException}: only the ones that wrap a
     * Jackson failure are answered here, every other one exactly as that mapper answers it.
     */
    @ServerExceptionMapper(priority = Priorities.USER - 1)
    public Response wrapped(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json
                && e.getResponse().getStatus() == 400) {
            return answer(json, uri);
        }
        return problems.webApplication(e, uri);
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return answer(e, uri);
    }

    @ServerExceptionMapper
    public Response unparsable(JsonParseException e, UriInfo uri) {
        return answer(e, uri);
    }

    @ServerExceptionMapper
    public Response beyondLimits(StreamConstraintsException e, UriInfo uri) {
        return answer(e, uri);
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e, UriInfo uri) {
        return answer(e, uri);
    }

    static Response answer(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? ProblemMapper.pathOf(mapping) : "";
        ProblemException problem = field.isEmpty()
                ? ProblemException.badRequest(detailOf(e, null))
                : ProblemException.invalid(detailOf(e, field), List.of(new Problem.FieldError(field, reasonOf(e))));
        return Response.status(400)
                .type(Problem.MEDIA_TYPE)
                .entity(problem.toProblem(uri.getPath()))
                .build();
    }

    static String detailOf(JsonProcessingException e, String field) {
        String limit = limitOf(e);
        if (limit != null) {
            return "The JSON body " + limit + (field == null ? "" : " (at '" + field + "')");
        }
        if (field != null) {
            return "The value of '" + field + "' " + reasonOf(e);
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("No content")) {
            return "The request needs a JSON body";
        }
        return "The request body is not valid JSON: " + firstLine(e.getOriginalMessage());
    }

    private static String reasonOf(JsonProcessingException e) {
        String limit = limitOf(e);
        if (limit != null) {
            return limit;
        }
        if (e instanceof InvalidFormatException) {
            return "has the wrong format";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + describe(mismatch.getTargetType());
        }
        return "is malformed";
    }

    /** What a parser limit (jackson-core's StreamReadConstraints) refused, in the client's terms. */
    private static String limitOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException limit) {
                String message = String.valueOf(limit.getOriginalMessage());
                if (message.contains("nesting depth")) {
                    return "is nested too deeply: " + numbers(message);
                }
                if (message.contains("String value length")) {
                    return "has a string that is too long: " + numbers(message);
                }
                if (message.contains("Number value length")) {
                    return "has a number that is too long: " + numbers(message);
                }
                if (message.contains("Name length")) {
                    return "has a field name that is too long: " + numbers(message);
                }
                return "is beyond the parser's limits";
            }
        }
        return null;
    }

    /** "Document nesting depth (1001) exceeds the maximum allowed (1000, from ...)" becomes "1001 levels, at most 1000". */
    private static String numbers(String message) {
        Matcher found = Pattern.compile("\\((\\d+)\\).*?\\((\\d+)").matcher(message);
        return found.find() ? found.group(1) + ", at most " + found.group(2) : "over the limit";
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "it could not be parsed";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
