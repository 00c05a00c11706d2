package dev.newsdesk.article.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class ArticleServiceMainTest {

    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(values, "test", 100))
                .build();
    }

    @Test
    void aMissingUrlIsOneLineWhateverTheFailureSays() {
        Throwable anyWording = new IllegalStateException("SRCFG00014: a required property is missing");
        assertEquals(
                Optional.of(ArticleServiceMain.NO_DATABASE), ArticleServiceMain.oneLine(anyWording, config(Map.of())));
    }

    /** A failure merely naming the property (a malformed URL, say) must not be reported as a missing one. */
    @Test
    void aFailureThatNamesTheUrlIsNotAMissingDatabaseWhenTheUrlIsSet() {
        Throwable malformed = new IllegalArgumentException(
                "Unable to start datasource <default>: invalid " + ArticleServiceMain.DATABASE_URL);
        Config withUrl = config(Map.of(ArticleServiceMain.DATABASE_URL, "jdbc:postgresql:/no-host"));
        assertEquals(Optional.empty(), ArticleServiceMain.oneLine(malformed, withUrl));
    }
}
