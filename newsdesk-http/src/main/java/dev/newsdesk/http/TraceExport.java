package dev.newsdesk.http;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns span export on only when an OTLP endpoint is configured. Quarkus fixes the exporter
 * and sampler at build time, so the build uses a ratio sampler and this source sets its ratio:
 * 0 without an endpoint (spans still exist, so trace ids reach the logs and propagate to other
 * services, but nothing is sent anywhere), 1 with one. An explicit
 * {@code QUARKUS_OTEL_TRACES_SAMPLER_ARG} still wins.
 */
public class TraceExport implements ConfigSourceFactory {

    static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        return List.of(
                new MapBackedConfigSource(
                        "newsdesk-trace-export",
                        samplerRatio(
                                value(context, "quarkus.otel.exporter.otlp.endpoint"),
                                value(context, "quarkus.otel.exporter.otlp.traces.endpoint")),
                        ORDINAL) {});
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    /** The sampler settings for the configured endpoints (null or blank: none). */
    public static Map<String, String> samplerRatio(String endpoint, String tracesEndpoint) {
        boolean export = isSet(endpoint) || isSet(tracesEndpoint);
        return Map.of("quarkus.otel.traces.sampler.arg", export ? "1.0" : "0.0");
    }

    /** A value someone configured; the extension's built-in default endpoint does not count. */
    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getConfigSourceOrdinal() < 100 ? null : value.getValue();
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
