package dev.newsdesk.article.changes;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Keeps every replica's caches coherent with writes made on any other: listens on the
 * {@code article_change} channel, which the change log's trigger notifies in the writing
 * transaction (V30 migration), and fires {@link ArticleChanged} for each committed change.
 *
 * <p>It holds a connection of its own, outside the pool: a listening session must stay open for
 * the life of the process, and a pool would hand it out, validate it or retire it. When the
 * connection is lost (a database restart, a failover) the caches fall back to their TTLs; the
 * listener reconnects with backoff and then fires {@link ChangesMissed}, since notifications sent
 * while it was away are gone. A periodic {@code select 1} finds a connection that died silently.
 */
@Startup
@ApplicationScoped
public class ChangeListener {

    private static final Logger LOG = Logger.getLogger(ChangeListener.class);
    static final String CHANNEL = "article_change";
    private static final Duration WAIT = Duration.ofMillis(500);
    private static final Duration PING = Duration.ofSeconds(10);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private final Event<ArticleChanged> changed;
    private final Event<ChangesMissed> missed;

    private volatile boolean running = true;
    private volatile boolean listening;
    private volatile Connection connection;
    private Thread thread;

    ChangeListener(
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            Event<ArticleChanged> changed,
            Event<ChangesMissed> missed) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.changed = changed;
        this.missed = missed;
    }

    @PostConstruct
    void start() {
        thread = Thread.ofPlatform().daemon().name("article-change-listener").start(this::run);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        closeQuietly(connection);
        thread.interrupt();
        thread.join(Duration.ofSeconds(2));
    }

    /** Whether notifications are arriving now; while not, the caches' TTLs bound staleness. */
    public boolean listening() {
        return listening;
    }

    private void run() {
        Duration backoff = FIRST_BACKOFF;
        boolean connectedBefore = false;
        while (running) {
            try (Connection c = connect()) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                backoff = FIRST_BACKOFF;
                if (connectedBefore) {
                    LOG.info("Listening for article changes again; caches dropped what they held");
                    missed.fire(new ChangesMissed());
                }
                // Only now: what was held from before the gap is gone, so what "listening" vouches
                // for (the article files are served only while it holds) is true.
                listening = true;
                connectedBefore = true;
                listen(c);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (listening) {
                    LOG.warnf(
                            "Lost the %s listener (%s): caches fall back to their TTLs until it reconnects",
                            CHANNEL, e.getMessage());
                }
                listening = false;
                backoff = pause(backoff);
            }
        }
    }

    private void listen(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long lastPing = System.nanoTime();
        while (running) {
            PGNotification[] notifications = pg.getNotifications((int) WAIT.toMillis());
            if (notifications != null) {
                for (PGNotification n : notifications) {
                    deliver(n.getParameter());
                }
            }
            if (System.nanoTime() - lastPing > PING.toNanos()) {
                try (Statement s = c.createStatement()) {
                    s.execute("select 1");
                }
                lastPing = System.nanoTime();
            }
        }
    }

    private void deliver(String payload) {
        try {
            changed.fire(ArticleChanged.parse(payload));
        } catch (RuntimeException e) {
            // One bad payload or observer must not stop the notifications for everything else.
            LOG.warnf(e, "Could not apply the article change %s", payload);
        }
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        username.ifPresent(u -> props.setProperty("user", u));
        password.ifPresent(p -> props.setProperty("password", p));
        props.setProperty("ApplicationName", "article-service change listener");
        props.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(url, props);
    }

    private Duration pause(Duration backoff) {
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        Duration next = backoff.multipliedBy(2);
        return next.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : next;
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing is how stop() wakes the listener; a failure here changes nothing
            }
        }
    }
}
