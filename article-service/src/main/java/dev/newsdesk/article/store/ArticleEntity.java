package dev.newsdesk.article.store;

import jakarta.persistence.Basic;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.ColumnTransformer;

/**
 * A stored article. The body is kept sanitized but with the original gallery URLs; image-service
 * URLs are signed when rendering, so a new signing key or image base needs no data migration.
 */
@Entity
@Table(name = "article")
public class ArticleEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "article_seq")
    @SequenceGenerator(name = "article_seq", sequenceName = "article_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(name = "import_key", unique = true)
    public String importKey;

    @Column(name = "content_hash")
    public String contentHash;

    @Column(nullable = false)
    public String title;

    /** The instant; {@link #publishedOffset} keeps the offset it was written with. */
    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    @Column(name = "published_offset", nullable = false)
    public int publishedOffset;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(nullable = false)
    public String summary = "";

    @Column(name = "body_html", nullable = false)
    public String bodyHtml = "";

    /** The gallery as JSON: [{url, width, height}]. */
    @Column(nullable = false)
    public String images = "[]";

    /** Measured placeholders as JSON: {original URL: {color, thumbhash}} (see {@code images/Placeholders}). */
    @Column(name = "image_placeholders", nullable = false)
    public String placeholders = "{}";

    /** True while a gallery image lacks a placeholder: what the placeholder filler looks for. */
    @Column(name = "placeholders_pending", nullable = false)
    public boolean placeholdersPending;

    @Column(name = "source_name")
    public String sourceName;

    @Column(name = "source_url")
    public String sourceUrl;

    @Column(name = "search_text", nullable = false)
    public String searchText = "";

    /**
     * The search text's character bigrams as a tsvector literal ({@code SearchGrams.vector}), set
     * with it; the index reads it, the service never does (lazy: not loaded with the row).
     */
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "search_grams", nullable = false)
    @ColumnTransformer(write = "cast(? as tsvector)")
    public String searchGrams = "";

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @CollectionTable(name = "article_category", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "position")
    @Column(name = "name", nullable = false)
    public List<String> categories = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @CollectionTable(name = "article_tag", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "position")
    @Column(name = "name", nullable = false)
    public List<String> tags = new ArrayList<>();

    /** Kept from the public by its editor, whatever its publication instant. */
    @Column(nullable = false)
    public boolean draft;

    /** The public sees it: see {@link Visibility}. */
    @Column(nullable = false)
    public boolean visible;

    @Version
    public long version;

    public OffsetDateTime published() {
        return publishedAt.atOffset(ZoneOffset.ofTotalSeconds(publishedOffset));
    }

    public void published(OffsetDateTime when) {
        publishedAt = when.toInstant();
        publishedOffset = when.getOffset().getTotalSeconds();
    }
}
