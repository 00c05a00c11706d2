package dev.newsdesk.article.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;

/** Learned section names: category slug to display name, a Panache repository like ArticleStore. */
@ApplicationScoped
public class SectionNameStore implements PanacheRepositoryBase<SectionNameEntity, String> {

    @Transactional
    public Map<String, String> all() {
        Map<String, String> names = new HashMap<>();
        listAll().forEach(e -> names.put(e.name, e.displayName));
        return names;
    }

    /** Sets or replaces one name in its own transaction, apart from the import's. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void put(String name, String displayName) {
        SectionNameEntity e = findById(name);
        if (e == null) {
            e = new SectionNameEntity();
            e.name = name;
            e.displayName = displayName;
            persist(e);
        } else {
            e.displayName = displayName;
        }
        flush();
    }
}
