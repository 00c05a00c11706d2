package dev.newsdesk.article.config;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.quarkus.runtime.configuration.ConfigurationException;
import org.jboss.logging.Logger;

/**
 * article-service's entry point: Quarkus as usual, except that a start without a database says
 * so in one line instead of Hibernate's stack trace. There is no built-in database any more
 * (issue 10): the run command and the tests start a PostgreSQL and pass its URL; anyone starting
 * the jar alone must do the same.
 */
@QuarkusMain
public final class ArticleServiceMain {

    static final String NO_DATABASE = "article-service needs PostgreSQL: set QUARKUS_DATASOURCE_JDBC_URL "
            + "(e.g. jdbc:postgresql://localhost:5432/newsdesk), or start everything with ./mvnw -Prun";

    private ArticleServiceMain() {}

    public static void main(String... args) {
        Quarkus.run(null, ArticleServiceMain::exit, args);
    }

    /** What Quarkus's own handler does (print, then exit with the code), with the one line for a missing URL. */
    private static void exit(int code, Throwable failure) {
        if (failure != null) {
            Throwable root = rootCause(failure);
            if (missingDatabaseUrl(failure)) {
                System.err.println(NO_DATABASE);
            } else if (root instanceof ConfigurationException) {
                System.err.println(root.getMessage());
            } else {
                Logger.getLogger(ArticleServiceMain.class).error("Failed to start application", failure);
            }
        }
        System.exit(code);
    }

    /**
     * Quarkus deactivates a datasource without a URL; the unit that needs it then fails naming the
     * property, quoted (Hibernate ORM) or not (a bean that injects the URL, as the change listener does).
     */
    static boolean missingDatabaseUrl(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("quarkus.datasource.jdbc.url")) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
