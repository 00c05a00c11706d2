package dev.newsdesk.article.content;

import org.jsoup.safety.Safelist;

/**
 * What a news body may contain: text structure, tables, figures, images and links, nothing
 * else. Anything absent here ({@code style}, {@code on*} handlers, {@code class}, unknown
 * attributes, iframes, forms) is dropped by jsoup's Cleaner; URLs must be http(s) (mailto for
 * links), which rules out {@code javascript:}, {@code data:} and {@code vbscript:}.
 */
public final class NewsSafelist {

    private NewsSafelist() {}

    public static Safelist create() {
        return new Safelist()
                .addTags(
                        "p",
                        "br",
                        "hr",
                        "h1",
                        "h2",
                        "h3",
                        "h4",
                        "h5",
                        "h6",
                        "ul",
                        "ol",
                        "li",
                        "blockquote",
                        "pre",
                        "code",
                        "strong",
                        "em",
                        "b",
                        "i",
                        "u",
                        "s",
                        "sub",
                        "sup",
                        "small",
                        "table",
                        "caption",
                        "thead",
                        "tbody",
                        "tfoot",
                        "tr",
                        "th",
                        "td",
                        "figure",
                        "figcaption",
                        "img",
                        "a")
                .addAttributes("a", "href", "title")
                .addAttributes("img", "src", "alt", "width", "height")
                .addAttributes("th", "colspan", "rowspan")
                .addAttributes("td", "colspan", "rowspan")
                .addAttributes("ol", "start")
                .addProtocols("a", "href", "http", "https", "mailto")
                .addProtocols("img", "src", "http", "https");
    }
}
