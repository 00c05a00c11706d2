package dev.newsdesk.feed.render;

/** The three formats of every feed: the file name under the feed's folder and the media type. */
public enum FeedFormat {
    RSS("rss.xml", "application/rss+xml; charset=utf-8"),
    ATOM("atom.xml", "application/atom+xml; charset=utf-8"),
    JSON("feed.json", "application/feed+json");

    private final String file;
    private final String mediaType;

    FeedFormat(String file, String mediaType) {
        this.file = file;
        this.mediaType = mediaType;
    }

    public String file() {
        return file;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format whose document is called {@code file}, or null. */
    public static FeedFormat ofFile(String file) {
        for (FeedFormat format : values()) {
            if (format.file.equals(file)) {
                return format;
            }
        }
        return null;
    }
}
