package dev.newsdesk.article.config;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * article-service's entry point: Quarkus as usual, except that a start without a database says
 * so in one line instead of Hibernate's stack trace. There is no built-in database: the run
 * command and the tests start a PostgreSQL and pass its URL; anyone starting the jar alone must
 * do the same.
 */
@QuarkusMain
public final class ArticleServiceMain {

    static final String DATABASE_URL = "quarkus.datasource.jdbc.url";
    static final String NO_DATABASE = "article-service needs PostgreSQL: set QUARKUS_DATASOURCE_JDBC_URL "
            + "(e.g. jdbc:postgresql://localhost:5432/newsdesk), or start everything with ./mvnw -Prun";

    private ArticleServiceMain() {}

    public static void main(String... args) {
        Quarkus.run(null, ArticleServiceMain::exit, args);
    }

    /** What Quarkus's own handler does (print, then exit with the code), with one line for a missing URL. */
    private static void exit(int code, Throwable failure) {
        if (failure != null) {
            Optional<String> line = oneLine(failure, ConfigProvider.getConfig());
            if (line.isPresent()) {
                System.err.println(line.get());
            } else {
                Logger.getLogger(ArticleServiceMain.class).error("Failed to start application", failure);
            }
        }
        System.exit(code);
    }

    /**
     * The one line that explains a failed start, if there is one. A missing database is read from
     * the configuration itself, not from the failure: which unit trips over the inactive datasource
     * first (Hibernate, Flyway, a bean injecting the URL), and how it words it, changes between
     * versions; whatever failed, without a URL nothing can start. Other configuration errors are
     * one line already.
     */
    static Optional<String> oneLine(Throwable failure, Config config) {
        if (config.getOptionalValue(DATABASE_URL, String.class).isEmpty()) {
            return Optional.of(NO_DATABASE);
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root instanceof ConfigurationException ? Optional.of(root.getMessage()) : Optional.empty();
    }
}
