package dev.newsdesk.article.articles;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Makes scheduled articles public when their instant comes, on whichever replica gets there first
 * ({@link ArticleWrites#publishDue}: {@code FOR UPDATE SKIP LOCKED}). Every second, so an article
 * is public on every replica within about a second and a half of its {@code publishedAt}: the
 * change it records reaches the other replicas' caches through the change listener.
 */
@ApplicationScoped
public class ScheduledPublishing {

    private static final Logger LOG = Logger.getLogger(ScheduledPublishing.class);
    private static final int BATCH = 100;

    private final ArticleWrites writes;

    ScheduledPublishing(ArticleWrites writes) {
        this.writes = writes;
    }

    @Scheduled(every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publishDue() {
        int published;
        do {
            published = writes.publishDue(BATCH);
            if (published > 0) {
                LOG.infof("Published %d scheduled articles", published);
            }
        } while (published == BATCH);
    }
}
