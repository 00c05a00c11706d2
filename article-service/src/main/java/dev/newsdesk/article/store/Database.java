package dev.newsdesk.article.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;

import org.hibernate.Session;

import io.quarkus.arc.InjectableInstance;

/**
 * The Hibernate session of whichever persistence unit is active (see {@link StorageSelection}).
 * Store classes go through here instead of Panache's static entity methods because Panache binds
 * each entity to exactly one persistence unit at build time, while our entities belong to two.
 */
@ApplicationScoped
public class Database {

    private final InjectableInstance<Session> sessions;

    Database(@Any InjectableInstance<Session> sessions) {
        this.sessions = sessions;
    }

    public Session session() {
        return sessions.getActive();
    }
}
