package dev.newsdesk.feed.render;

import dev.newsdesk.feed.model.Feed;
import java.util.List;

/** Turns the one feed model into the bytes of one format. Plain Java, stateless, thread-safe. */
public interface FeedRenderer {

    FeedFormat format();

    byte[] render(Feed feed);

    /** One renderer per format, in {@link FeedFormat} order. */
    static List<FeedRenderer> all() {
        return List.of(new RssRenderer(), new AtomRenderer(), new JsonFeedRenderer());
    }
}
