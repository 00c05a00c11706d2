package dev.newsdesk.article.content;

import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/** The CSS queries of this package, parsed once: jsoup parses a query string on every select() call. */
final class Selectors {

    static final Evaluator UNSAFE_CONTAINERS =
            QueryParser.parse("script, style, iframe, object, embed, noscript, template, frameset, form, svg, math");
    static final Evaluator IMG_WITHOUT_SRC = QueryParser.parse("img:not([src])");
    static final Evaluator IMG = QueryParser.parse("img");
    static final Evaluator LINK = QueryParser.parse("a");
    static final Evaluator LINK_WITH_HREF = QueryParser.parse("a[href]");
    static final Evaluator PARAGRAPH = QueryParser.parse("p");
    static final Evaluator PARAGRAPH_LINK = QueryParser.parse("p > a[href]");
    static final Evaluator LINE = QueryParser.parse("p, div");
    static final Evaluator TABLE_ROW = QueryParser.parse("tr");

    private Selectors() {}
}
