package dev.newsdesk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsdesk.client.article.ApiClient;
import dev.newsdesk.client.article.ApiException;
import dev.newsdesk.client.article.ApiResponse;
import dev.newsdesk.client.article.api.ArticlesApi;
import dev.newsdesk.client.article.api.ChangesApi;
import dev.newsdesk.client.article.api.ImportApi;
import dev.newsdesk.client.article.model.Article;
import dev.newsdesk.client.article.model.ArticleInput;
import dev.newsdesk.client.article.model.ArticlePage;
import dev.newsdesk.client.article.model.ArticleSummary;
import dev.newsdesk.client.article.model.Change;
import dev.newsdesk.client.article.model.ChangePage;
import dev.newsdesk.client.article.model.ImportPosts200Response;
import dev.newsdesk.client.article.model.Problem;
import dev.newsdesk.client.article.model.Source;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The article API as an app team meets it: only through the Java client openapi-generator made
 * from article-service's OpenAPI document at build time. Its mapper refuses unknown fields, so a
 * field the service sends but the document does not describe fails this test, and a status or
 * operation the document lacks fails to compile or to decode.
 */
@ExtendWith(RunningSystem.class)
class ArticleApiClientTest {

    private static final ObjectMapper STRICT =
            ApiClient.createDefaultObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private static ApiClient client(boolean withToken) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(RunningSystem.system().article().baseUrl());
        client.setObjectMapper(STRICT);
        if (withToken) {
            // The native library leaves authentication to an interceptor: the bearer scheme of the document.
            client.setRequestInterceptor(
                    request -> request.header("Authorization", "Bearer " + NewsdeskSystem.API_TOKEN));
        }
        return client;
    }

    private static final ArticlesApi ARTICLES = new ArticlesApi(client(true));
    private static final ArticlesApi ANONYMOUS = new ArticlesApi(client(false));
    private static final ImportApi IMPORT = new ImportApi(client(true));
    private static final ChangesApi CHANGES = new ChangesApi(client(false));

    /** Follows the change feed from {@code since} until caught up. */
    private static List<Change> changesSince(String since, List<String> next) throws ApiException {
        List<Change> all = new ArrayList<>();
        ChangePage page;
        String cursor = since;
        do {
            page = CHANGES.listChanges(1000, cursor);
            all.addAll(page.getItems());
            cursor = page.getNextCursor();
        } while (!page.getItems().isEmpty());
        next.add(cursor);
        return all;
    }

    @Test
    void theChangeFeedTellsAnOfflineClientWhatChangedSinceItsLastSync() throws Exception {
        List<String> cursors = new ArrayList<>();
        changesSince(null, cursors);
        Article created =
                ARTICLES.createArticle(input("同步" + UUID.randomUUID(), "2024-04-12T09:00:00+08:00", "client-sync"));
        ApiResponse<Article> read = ANONYMOUS.getArticleWithHttpInfo(created.getId(), null);
        ARTICLES.updateArticle(
                created.getId(),
                read.getHeaders().get("etag").get(0),
                input("同步更新", "2024-04-12T09:00:00+08:00", "client-sync"));
        ARTICLES.deleteArticle(created.getId());

        List<Change> changes = changesSince(cursors.getLast(), cursors);
        assertEquals(
                List.of(created.getId(), created.getId(), created.getId()),
                changes.stream().map(Change::getId).toList());
        assertEquals(
                List.of(false, false, true),
                changes.stream().map(Change::getDeleted).toList());
        assertEquals(List.of(), changesSince(cursors.getLast(), cursors));
        ApiException bad = assertThrows(ApiException.class, () -> CHANGES.listChanges(10, "not-a-cursor"));
        assertEquals("since", problemOf(bad).getErrors().get(0).getField());
    }

    private static ArticleInput input(String title, String publishedAt, String tag) {
        return new ArticleInput()
                .title(title)
                .publishedAt(OffsetDateTime.parse(publishedAt))
                .bodyHtml("<p>" + title + "：港口集装箱吞吐量环比回升，航线运力有所恢复。</p>")
                .categories(List.of("物流"))
                .tags(List.of(tag))
                .source(new Source().name("客户端日报").url("https://example.org/a"));
    }

    private static Problem problemOf(ApiException e) throws Exception {
        assertTrue(e.getResponseHeaders().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        return STRICT.readValue(e.getResponseBody(), Problem.class);
    }

    @Test
    void listWalksTheCursorOverEveryArticleNewestFirst() throws Exception {
        String tag = "client-" + UUID.randomUUID();
        List<Long> created = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            created.add(ARTICLES.createArticle(input("分页" + day, "2024-04-0" + day + "T08:00:00+08:00", tag))
                    .getId());
        }
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ArticlePage page = ANONYMOUS.listArticles(null, cursor, null, 2, null, null, null, tag, null);
            page.getItems().stream().map(ArticleSummary::getId).forEach(seen::add);
            // The public list holds published articles only, and the client reads their status.
            page.getItems().forEach(item -> assertEquals(ArticleSummary.StatusEnum.PUBLISHED, item.getStatus()));
            cursor = page.getNextCursor();
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(created.reversed(), seen);

        ApiException tooMany = assertThrows(
                ApiException.class, () -> ANONYMOUS.listArticles(null, null, null, 101, null, null, null, tag, null));
        assertEquals(400, tooMany.getCode());
        assertEquals("limit", problemOf(tooMany).getErrors().get(0).getField());
    }

    @Test
    void readsByIdAndSlugThenNotModified() throws Exception {
        Article created =
                ARTICLES.createArticle(input("读取" + UUID.randomUUID(), "2024-04-10T10:00:00+08:00", "client-read"));
        ApiResponse<Article> byId = ANONYMOUS.getArticleWithHttpInfo(created.getId(), null);
        assertEquals(200, byId.getStatusCode());
        String etag = byId.getHeaders().get("etag").get(0);
        assertEquals(created.getTitle(), byId.getData().getTitle());
        assertEquals(
                created.getId(),
                ANONYMOUS.getArticleBySlug(created.getSlug(), null).getId());

        assertEquals(
                304,
                assertThrows(ApiException.class, () -> ANONYMOUS.getArticle(created.getId(), etag))
                        .getCode());
        assertEquals(
                304,
                assertThrows(ApiException.class, () -> ANONYMOUS.getArticleBySlug(created.getSlug(), etag))
                        .getCode());
        ApiException missing = assertThrows(
                ApiException.class, () -> ANONYMOUS.getArticleBySlug("no-such-" + UUID.randomUUID(), null));
        assertEquals(404, problemOf(missing).getStatus());
    }

    @Test
    void writesNeedTheTokenAndACurrentEtag() throws Exception {
        ArticleInput original = input("编辑" + UUID.randomUUID(), "2024-04-11T09:00:00+08:00", "client-write");
        ApiException anonymous = assertThrows(ApiException.class, () -> ANONYMOUS.createArticle(original));
        assertEquals(401, problemOf(anonymous).getStatus());

        ApiResponse<Article> created = ARTICLES.createArticleWithHttpInfo(original);
        assertEquals(201, created.getStatusCode());
        long id = created.getData().getId();
        assertTrue(created.getHeaders().get("location").get(0).endsWith("/api/articles/" + id));
        String etag = created.getHeaders().get("etag").get(0);

        ApiResponse<Article> updated = ARTICLES.updateArticleWithHttpInfo(id, etag, original.title("改过的标题"));
        assertEquals("改过的标题", updated.getData().getTitle());
        assertNotEquals(created.getData().getVersion(), updated.getData().getVersion());
        ApiException stale =
                assertThrows(ApiException.class, () -> ARTICLES.updateArticle(id, etag, original.title("过期")));
        assertEquals(412, problemOf(stale).getStatus());

        ApiException invalid = assertThrows(
                ApiException.class,
                () -> ARTICLES.createArticle(
                        new ArticleInput().title("").publishedAt(OffsetDateTime.parse("2024-04-11T09:00:00+08:00"))));
        assertEquals("title", problemOf(invalid).getErrors().get(0).getField());

        ARTICLES.deleteArticle(id);
        assertEquals(
                404,
                assertThrows(ApiException.class, () -> ANONYMOUS.getArticle(id, null))
                        .getCode());
    }

    @Test
    void importsAPostOnceAndFindsItsNames() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String post = """
                ---
                title: "客户端导入：%s 物价数据平稳"
                date: 2024-03-20 10:15:00 +0800
                categories: client-import
                tags: [物价, client-%s]
                ---
                <p>统计数据显示，三月份居民消费价格总体平稳，食品价格小幅回落。</p>
                """.formatted(marker, marker);
        ApiResponse<ImportPosts200Response> first = IMPORT.importPostsWithHttpInfo(post);
        assertEquals(201, first.getStatusCode());
        Article article = assertInstanceOf(Article.class, first.getData().getActualInstance());
        ApiResponse<ImportPosts200Response> again = IMPORT.importPostsWithHttpInfo(post);
        assertEquals(200, again.getStatusCode());
        assertEquals(
                article.getId(),
                assertInstanceOf(Article.class, again.getData().getActualInstance())
                        .getId());
        assertNull(article.getLeadImage());
        assertNotNull(article.getBlocks());

        assertTrue(ANONYMOUS.listCategories().stream().anyMatch(c -> c.getName().equals("client-import")));
        assertTrue(ANONYMOUS.listTags().stream().anyMatch(t -> t.getName().equals("client-" + marker)));
    }
}
