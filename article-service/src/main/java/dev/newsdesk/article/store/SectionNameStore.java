package dev.newsdesk.article.store;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Learned section names: category slug to display name. */
@ApplicationScoped
public class SectionNameStore {

    private final Database db;

    SectionNameStore(Database db) {
        this.db = db;
    }

    @Transactional
    public Map<String, String> all() {
        Map<String, String> names = new HashMap<>();
        db.session().createSelectionQuery("from SectionNameEntity", SectionNameEntity.class).getResultList()
                .forEach(e -> names.put(e.name, e.displayName));
        return names;
    }

    /** Sets or replaces one name; the caller owns the transaction. */
    public void put(String name, String displayName) {
        SectionNameEntity e = db.session().find(SectionNameEntity.class, name);
        if (e == null) {
            e = new SectionNameEntity();
            e.name = name;
            e.displayName = displayName;
            db.session().persist(e);
        } else {
            e.displayName = displayName;
        }
        db.session().flush();
    }
}
