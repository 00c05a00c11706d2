package dev.newsdesk.article.webhooks;

import dev.newsdesk.article.config.WebhookConfig;
import dev.newsdesk.article.content.Rfc3339;
import dev.newsdesk.http.HostResolver;
import dev.newsdesk.http.Problem;
import dev.newsdesk.http.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Registering, reading, rotating and removing webhook endpoints: what {@code /api/webhooks} does. */
@ApplicationScoped
public class Webhooks {

    static final int MAX_DESCRIPTION_CHARS = 500;
    static final int MAX_ATTEMPTS_LISTED = 100;

    private final WebhookStore store;
    private final WebhookTargets targets;
    private final Duration secretOverlap;

    @Inject
    Webhooks(WebhookStore store, WebhookConfig config) {
        this(
                store,
                new WebhookTargets(config.allowedTargets().orElse(List.of()), HostResolver.SYSTEM),
                config.secretOverlap());
    }

    Webhooks(WebhookStore store, WebhookTargets targets, Duration secretOverlap) {
        this.store = store;
        this.targets = targets;
        this.secretOverlap = secretOverlap;
    }

    public RegisteredWebhook register(WebhookInput input) {
        if (input == null) {
            throw ProblemException.badRequest("The request needs a JSON body");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        String url = null;
        try {
            url = targets.check(input.url()).uri().toString();
        } catch (ProblemException refused) {
            errors.addAll(refused.toProblem(null).errors());
        }
        List<WebhookEventType> events = events(input.events(), errors);
        if (input.description() != null && input.description().length() > MAX_DESCRIPTION_CHARS) {
            errors.add(
                    new Problem.FieldError("description", "is longer than " + MAX_DESCRIPTION_CHARS + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(
                    errors.stream()
                            .map(f -> f.field() + " " + f.message())
                            .reduce((a, b) -> a + "; " + b)
                            .orElse(""),
                    errors);
        }
        String secret = WebhookSigner.newSecret();
        WebhookStore.Endpoint e = store.insert(url, events, input.description(), secret);
        return new RegisteredWebhook(
                e.id(), e.url(), e.events(), e.description(), e.enabled(), Rfc3339.format(e.createdAt()), secret);
    }

    public List<Webhook> all() {
        return store.all().stream().map(Webhooks::view).toList();
    }

    public Webhook byId(long id) {
        return view(endpoint(id));
    }

    public void delete(long id) {
        if (!store.delete(id)) {
            throw notFound(id);
        }
    }

    public RotatedSecret rotate(long id) {
        String secret = WebhookSigner.newSecret();
        Instant until = Instant.now().plus(secretOverlap);
        if (!store.rotate(id, secret, until)) {
            throw notFound(id);
        }
        return new RotatedSecret(id, secret, Rfc3339.format(until));
    }

    public DeliveryLog deliveries(long id) {
        endpoint(id);
        return new DeliveryLog(store.attempts(id, MAX_ATTEMPTS_LISTED));
    }

    private WebhookStore.Endpoint endpoint(long id) {
        return store.byId(id).orElseThrow(() -> notFound(id));
    }

    private static List<WebhookEventType> events(List<String> names, List<Problem.FieldError> errors) {
        if (names == null || names.isEmpty()) {
            errors.add(new Problem.FieldError("events", "needs at least one of " + known()));
            return List.of();
        }
        List<WebhookEventType> events = new ArrayList<>();
        for (String name : names) {
            WebhookEventType event = WebhookEventType.of(name);
            if (event == null) {
                errors.add(new Problem.FieldError("events", "'" + name + "' is not one of " + known()));
                return List.of();
            }
            if (!events.contains(event)) {
                events.add(event);
            }
        }
        return events;
    }

    private static String known() {
        return String.join(
                ", ",
                List.of(WebhookEventType.values()).stream()
                        .map(WebhookEventType::type)
                        .toList());
    }

    private static Webhook view(WebhookStore.Endpoint e) {
        return new Webhook(e.id(), e.url(), e.events(), e.description(), e.enabled(), Rfc3339.format(e.createdAt()));
    }

    private static ProblemException notFound(long id) {
        return ProblemException.notFound("No webhook endpoint with id " + id);
    }
}
