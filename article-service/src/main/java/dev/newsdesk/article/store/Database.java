package dev.newsdesk.article.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import dev.newsdesk.article.config.StorageConfig;

import io.quarkus.runtime.StartupEvent;

import io.quarkus.arc.InjectableInstance;

/**
 * The Hibernate session of whichever persistence unit is active (see {@link StorageSelection}).
 * Store classes go through here instead of Panache's static entity methods because Panache binds
 * each entity to exactly one persistence unit at build time, while our entities belong to two.
 */
@ApplicationScoped
public class Database {

    private static final Logger LOG = Logger.getLogger(Database.class);

    private final InjectableInstance<Session> sessions;
    private final StorageConfig storage;
    private final boolean postgres;

    Database(@Any InjectableInstance<Session> sessions, StorageConfig storage,
            @ConfigProperty(name = "quarkus.datasource.active", defaultValue = "false") boolean postgres) {
        this.sessions = sessions;
        this.storage = storage;
        this.postgres = postgres;
    }

    /** True when the default (PostgreSQL) unit is the active one. */
    public boolean isPostgres() {
        return postgres;
    }

    /** Says where the data is, so an operator never wonders which database a start-up picked. */
    void announce(@Observes StartupEvent start) {
        if (postgres) {
            LOG.info("Articles are stored in PostgreSQL (QUARKUS_DATASOURCE_JDBC_URL)");
        } else {
            LOG.infof("Articles are stored in the embedded database under %s (NEWSDESK_DATA_DIR)", storage.dataDir());
        }
    }

    public Session session() {
        return sessions.getActive();
    }
}
