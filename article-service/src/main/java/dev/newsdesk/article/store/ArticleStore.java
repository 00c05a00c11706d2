package dev.newsdesk.article.store;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class ArticleStore {

    private final Database db;

    ArticleStore(Database db) {
        this.db = db;
    }

    @Transactional
    public List<ArticleEntity> newest(int limit) {
        return db.session().createSelectionQuery("from ArticleEntity order by publishedAt desc, id desc", ArticleEntity.class)
                .setMaxResults(limit).getResultList();
    }

    @Transactional
    public Optional<ArticleEntity> byId(long id) {
        return Optional.ofNullable(db.session().find(ArticleEntity.class, id));
    }

    @Transactional
    public ArticleEntity save(ArticleEntity article) {
        db.session().persist(article);
        return article;
    }
}
