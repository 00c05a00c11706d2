package dev.newsdesk.article.client;

import dev.newsdesk.article.images.ImageUrls;
import dev.newsdesk.article.images.Placeholder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * image-service's measurements of gallery images, for their placeholders. Only the placeholder
 * filler calls it, never a reader's request or a write. The breaker stops a down image-service
 * from costing every image its full timeout; the filler's persisted backoff does the long waits.
 */
@ApplicationScoped
public class ImageInfos {

    /**
     * Answers that retrying cannot change: a URL image-service refuses (403: origin not allowed),
     * that it cannot parse (400) or whose bytes are no usable picture (422). An origin's 404, a
     * 5xx or a timeout may pass, and are failures.
     */
    private static final Set<Integer> FINAL = Set.of(400, 403, 422);

    private final ImageInfoApi api;
    private final ImageUrls urls;

    ImageInfos(@RestClient ImageInfoApi api, ImageUrls urls) {
        this.api = api;
        this.urls = urls;
    }

    /**
     * The placeholder of the image at {@code url}; {@link Unmeasurable} when image-service says it
     * never can be measured, which neither retries nor counts towards opening the breaker.
     */
    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 500, jitter = 200, abortOn = Unmeasurable.class)
    @CircuitBreaker(
            requestVolumeThreshold = 8,
            failureRatio = 0.75,
            delay = 5,
            delayUnit = ChronoUnit.SECONDS,
            skipOn = Unmeasurable.class)
    public Placeholder measure(String url) {
        ImageUrls.InfoRequest request = urls.info(url);
        try {
            ImageInfoApi.ImageInfo info = api.info(request.signature(), request.source());
            return new Placeholder(info.color(), info.thumbhash());
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && FINAL.contains(e.getResponse().getStatus())) {
                throw new Unmeasurable(url, e.getResponse().getStatus());
            }
            throw e;
        }
    }

    /** image-service answered that this image can never be measured. */
    public static final class Unmeasurable extends RuntimeException {
        public Unmeasurable(String url, int status) {
            super("image-service answered " + status + " for " + url, null, false, false);
        }
    }
}
