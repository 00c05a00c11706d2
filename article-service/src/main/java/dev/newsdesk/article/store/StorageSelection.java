package dev.newsdesk.article.store;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * Chooses the database at start-up from the one setting users know: a PostgreSQL URL in
 * {@code QUARKUS_DATASOURCE_JDBC_URL} activates the default datasource and its persistence
 * unit; without one, the embedded H2 datasource and unit are active instead.
 * <p>
 * Both datasources are built into the same artifact (a datasource's kind is fixed at build
 * time), and exactly one is active at run time, so the jar a user runs locally is the one
 * that runs on PostgreSQL in the cluster. Explicit {@code *.active} settings still win: this
 * source sits below environment variables and system properties.
 */
public class StorageSelection implements ConfigSourceFactory {

    static final String URL = "quarkus.datasource.jdbc.url";
    /** Between application.properties (250) and environment variables (300). */
    static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue url = context.getValue(URL);
        return List.of(new MapBackedConfigSource("newsdesk-storage-selection", activation(url.getValue()), ORDINAL) {
        });
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    /** The activation flags for a configured JDBC URL (null or blank: embedded). */
    public static Map<String, String> activation(String jdbcUrl) {
        boolean postgres = jdbcUrl != null && !jdbcUrl.isBlank();
        String pg = Boolean.toString(postgres);
        String embedded = Boolean.toString(!postgres);
        return Map.of(
                "quarkus.datasource.active", pg,
                "quarkus.hibernate-orm.active", pg,
                "quarkus.datasource.embedded.active", embedded,
                "quarkus.hibernate-orm.embedded.active", embedded);
    }
}
