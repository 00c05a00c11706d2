package dev.newsdesk.article.importer;

import dev.newsdesk.article.articles.ArticleDraft;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads one Jekyll post: UTF-8 text, YAML front matter between {@code ---} lines (through
 * snakeyaml-engine, which does not construct arbitrary types), then a CommonMark body with
 * embedded HTML (rendered, not sanitized: that is {@code content/}'s job). Every rejection names
 * the front-matter key or line, counted from 1 at the file's first line.
 */
public final class JekyllPostParser {

    /** One post's size limit: the longest real posts are a few tens of KiB. */
    public static final int MAX_POST_BYTES = ArticleDraft.MAX_BODY_BYTES;

    public static final int MAX_TITLE_CHARS = ArticleDraft.MAX_TITLE_CHARS;

    /** Jekyll's own format, {@code 2022-01-30 12:25:13 +0800}; seconds and offset may be left out. */
    private static final DateTimeFormatter JEKYLL_DATE = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd[ ]['T']HH:mm[:ss]")
            .optionalStart()
            .appendPattern("[ ]")
            .appendOffset("+HHMM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendPattern("[ ]")
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT); // 02-30 is an error, not 02-28

    /**
     * Front matter is tiny: few aliases (no "billion laughs"), and never more text than a post.
     * The reader's window holds the whole front matter: snakeyaml-engine 2.x (the version Quarkus
     * manages) throws IndexOutOfBoundsException when a character outside the BMP (an emoji, a rare
     * CJK ideograph) straddles the end of a partly filled window; a window longer than the text is
     * filled once and never straddled. The text is at most one post, so the window is too.
     */
    private static LoadSettings yamlSettings(String yaml) {
        return LoadSettings.builder()
                .setMaxAliasesForCollections(10)
                .setCodePointLimit(MAX_POST_BYTES)
                .setBufferSize(yaml.length() + 1)
                .build();
    }

    private static final Pattern BARE_LINK_LINE = Pattern.compile("(?m)^[ \\t]*<(https?://[^\\s<>\"]+)>[ \\t]*$");

    private final Parser markdown;
    private final HtmlRenderer html;

    public JekyllPostParser() {
        var extensions = List.of(TablesExtension.create());
        this.markdown = Parser.builder().extensions(extensions).build();
        this.html = HtmlRenderer.builder().extensions(extensions).build();
    }

    public JekyllPost parse(byte[] bytes) {
        if (bytes.length > MAX_POST_BYTES) {
            throw new ImportRejected(
                    413,
                    "body",
                    "The post is " + bytes.length + " bytes; the limit is " + MAX_POST_BYTES + " bytes (1 MiB)");
        }
        return parse(decodeUtf8(bytes));
    }

    public JekyllPost parse(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            throw new ImportRejected("front matter", "line 1: a post must start with front matter between '---' lines");
        }
        int close = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals("---") || lines[i].strip().equals("...")) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            throw new ImportRejected(
                    "front matter", "line 1: the front matter opened here is never closed by a '---' line");
        }
        String yaml = String.join("\n", Arrays.copyOfRange(lines, 1, close));
        Map<?, ?> fields = load(yaml);
        String title = string(fields, "title", lines);
        if (title == null || title.isBlank()) {
            throw new ImportRejected("title", "the front matter has no title");
        }
        if (title.length() > MAX_TITLE_CHARS) {
            throw new ImportRejected(
                    "title",
                    "line " + lineOf("title", lines) + ": the title is longer than " + MAX_TITLE_CHARS + " characters");
        }
        String date = string(fields, "date", lines);
        if (date == null || date.isBlank()) {
            throw new ImportRejected("date", "the front matter has no date");
        }
        OffsetDateTime published = parseDate(date.strip(), lineOf("date", lines));
        String slug = string(fields, "slug", lines);
        String body = String.join("\n", Arrays.copyOfRange(lines, close + 1, lines.length));
        return new JekyllPost(
                title.strip(),
                published,
                names(fields, "categories", lines),
                names(fields, "tags", lines),
                slug == null || slug.isBlank() ? null : slug.strip(),
                html.render(markdown.parse(ownParagraphs(body))));
    }

    /**
     * A bare {@code <http://…>} line right under HTML (no blank line between) would be swallowed
     * as raw HTML by CommonMark's HTML-block rule and then lost as an unknown tag; give it a
     * paragraph of its own, the shape CommonMark gives it after a blank line.
     */
    static String ownParagraphs(String body) {
        return BARE_LINK_LINE.matcher(body).replaceAll("\n<p><a href=\"$1\">$1</a></p>\n");
    }

    static String decodeUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            throw new ImportRejected(
                    "body", "The post is not UTF-8 text (invalid byte sequence near byte " + in.position() + ")");
        }
    }

    static OffsetDateTime parseDate(String value, int line) {
        try {
            var parsed = JEKYLL_DATE.parseBest(value, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime odt) {
                return odt;
            }
            // Jekyll's default time zone is UTC when the post names none.
            return ((LocalDateTime) parsed).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notADate) {
                throw new ImportRejected(
                        "date",
                        "line " + line + ": '" + value + "' is not a valid date; expected YYYY-MM-DD HH:MM:SS +ZZZZ");
            }
        }
    }

    private static Map<?, ?> load(String yaml) {
        try {
            Object doc = new Load(yamlSettings(yaml)).loadFromString(yaml);
            if (doc == null) {
                return Map.of();
            }
            if (!(doc instanceof Map<?, ?> map)) {
                throw new ImportRejected(
                        "front matter", "line 2: the front matter must be a mapping of keys to values");
            }
            return map;
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 2).orElse(2);
            throw new ImportRejected("front matter", "line " + line + ": malformed YAML: " + e.getProblem());
        } catch (YamlEngineException e) {
            throw new ImportRejected("front matter", "malformed YAML: " + e.getMessage());
        }
    }

    private static String string(Map<?, ?> fields, String key, String[] lines) {
        Object value = fields.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            throw new ImportRejected(key, "line " + lineOf(key, lines) + ": '" + key + "' must be a single value");
        }
        return value.toString();
    }

    /** Jekyll accepts a list or a space-separated string; names are kept whole. */
    private static List<String> names(Map<?, ?> fields, String key, String[] lines) {
        Object value = fields.get(key);
        List<String> names = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map || item instanceof List) {
                    throw new ImportRejected(
                            key, "line " + lineOf(key, lines) + ": '" + key + "' must be a list of names");
                }
                if (item != null && !item.toString().isBlank()) {
                    names.add(item.toString().strip());
                }
            }
        } else if (value instanceof Map) {
            throw new ImportRejected(
                    key, "line " + lineOf(key, lines) + ": '" + key + "' must be a name or a list of names");
        } else if (value != null) {
            for (String name : value.toString().strip().split("\\s+")) {
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        for (String name : names) {
            if (name.length() > 100) {
                throw new ImportRejected(
                        key, "line " + lineOf(key, lines) + ": a name in '" + key + "' is longer than 100 characters");
            }
        }
        return names.stream().distinct().toList();
    }

    /** The file line (from 1) where a front-matter key is set, for messages. */
    static int lineOf(String key, String[] lines) {
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].matches("\\s*" + key + "\\s*:.*")) {
                return i + 1;
            }
        }
        return 1;
    }
}
