package dev.newsdesk.feed.websub;

import dev.newsdesk.feed.config.FeedSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import org.jboss.logging.Logger;

/**
 * Tells the configured WebSub hub that feeds changed (W3C WebSub §7; the publish request is
 * {@code hub.mode=publish&hub.url=TOPIC}, which the common hubs accept). Fire and forget: a
 * slow or failing hub only costs a log line, never a poll.
 */
@ApplicationScoped
public class HubNotifier {

    private static final Logger LOG = Logger.getLogger(HubNotifier.class);

    private final String hubUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    HubNotifier(FeedSettings settings) {
        this.hubUrl = settings.hubUrl().filter(url -> !url.isBlank()).orElse(null);
    }

    /** Pings the hub once for each changed feed document; nothing when no hub is configured. */
    public void published(Collection<String> topics) {
        if (hubUrl == null) {
            return;
        }
        for (String topic : topics) {
            String form = "hub.mode=publish&hub.url=" + URLEncoder.encode(topic, StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(URI.create(hubUrl))
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                if (failure != null) {
                    LOG.warnf("WebSub hub %s not reached for %s: %s", hubUrl, topic, failure.toString());
                } else if (response.statusCode() >= 300) {
                    LOG.warnf("WebSub hub %s answered %d for %s", hubUrl, response.statusCode(), topic);
                }
            });
        }
    }
}
