package dev.newsdesk.article.importer;

import java.time.OffsetDateTime;
import java.util.List;

/** A parsed Jekyll post: its front matter's fields and its body as HTML (Markdown already rendered). */
public record JekyllPost(
        String title, OffsetDateTime date, List<String> categories, List<String> tags, String slug, String bodyHtml) {}
