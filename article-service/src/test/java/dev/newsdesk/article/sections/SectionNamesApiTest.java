package dev.newsdesk.article.sections;

import static dev.newsdesk.article.TestPosts.TOKEN;
import static dev.newsdesk.article.TestPosts.post;
import static dev.newsdesk.article.TestPosts.unique;
import static dev.newsdesk.article.TestPosts.utf8;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** Section names through the API: learned on import, overridden by configuration, else the slug. */
@QuarkusTest
class SectionNamesApiTest {

    /** Set in application.properties' %test profile. */
    private static final String CONFIGURED = "peizhi";

    private static void importWithNavigation(String category, String name) {
        String body = "<p>" + unique("正文") + "</p>\n\n[返回" + name + "](//news.example.com/category/" + category
                + ".html)｜[返回首页](//news.example.com/)\n";
        given().header("Authorization", TOKEN)
                .contentType("text/markdown")
                .body(utf8(post(unique("栏目名"), "2024-03-01 10:00:00 +0800", category, "栏目", body)))
                .post("/api/import")
                .then()
                .statusCode(201);
    }

    private static String displayName(String path, String name) {
        JsonPath names = given().get(path).then().statusCode(200).extract().jsonPath();
        return names.getString("find { it.name == '" + name + "' }.displayName");
    }

    @Test
    void learnsTheNameFromThePostsNavigationAndFollowsARename() {
        String category = unique("lanmu");
        importWithNavigation(category, "学到的栏目");
        assertEquals("学到的栏目", displayName("/api/categories", category));
        importWithNavigation(category, "改名的栏目");
        assertEquals("改名的栏目", displayName("/api/categories", category));
    }

    @Test
    void configurationWinsOverTheLearnedName() {
        importWithNavigation(CONFIGURED, "帖子里的名字");
        assertEquals("配置的名字", displayName("/api/categories", CONFIGURED));
    }

    @Test
    void withoutANameTheSlugIsShownAndTagsShowThemselves() {
        String category = unique("wuming");
        String tag = unique("标签名");
        given().header("Authorization", TOKEN)
                .contentType("text/markdown")
                .body(utf8(post(unique("无名"), "2024-03-02 10:00:00 +0800", category, tag, "<p>x</p>")))
                .post("/api/import")
                .then()
                .statusCode(201);
        assertEquals(category, displayName("/api/categories", category));
        assertEquals(tag, displayName("/api/tags", tag));
    }
}
