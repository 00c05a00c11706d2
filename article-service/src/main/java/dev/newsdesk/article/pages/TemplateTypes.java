package dev.newsdesk.article.pages;

import dev.newsdesk.article.articles.Article;
import dev.newsdesk.article.content.Source;
import io.quarkus.qute.TemplateData;

/**
 * The types the page templates read. For each, Qute generates a value resolver at build time;
 * without one it resolves {@code article.title} and the like by reflection on every render, and a
 * page not in the page cache spends most of its time there.
 */
@TemplateData(target = Article.class)
@TemplateData(target = Source.class)
@TemplateData(target = Site.class)
@TemplateData(target = Site.Section.class)
@TemplateData(target = PageMeta.class)
@TemplateData(target = PageMeta.FeedLink.class)
@TemplateData(target = ListItem.class)
@TemplateData(target = ListItem.Thumbnail.class)
final class TemplateTypes {

    private TemplateTypes() {}
}
