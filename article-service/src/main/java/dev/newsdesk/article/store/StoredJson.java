package dev.newsdesk.article.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Each article's public JSON as stored by the write path ({@code article_json}, V32). Reads are
 * one primary-key (or unique slug) look-up on a plain pooled connection in auto-commit: a cache
 * miss pays one round trip, no transaction and no entity.
 */
@ApplicationScoped
public class StoredJson {

    private static final Logger LOG = Logger.getLogger(StoredJson.class);
    private static final String INSERT = "insert into article_json (article_id, slug, version, fingerprint, json,"
            + " summary) values (?, ?, ?, ?, ?, ?) on conflict (article_id) do update set slug = excluded.slug,"
            + " version = excluded.version, fingerprint = excluded.fingerprint, json = excluded.json,"
            + " summary = excluded.summary";
    /**
     * A reader's rendering replaces only an older version or the same version rendered under
     * another fingerprint: a write that commits meanwhile has stored a newer one, which stays.
     */
    private static final String INSERT_IF_NEWER = INSERT
            + " where article_json.version < excluded.version"
            + " or (article_json.version = excluded.version and article_json.fingerprint <> excluded.fingerprint)";

    /**
     * The stored row: the JSON, the listing item's JSON ({@code summary}; null in rows stored before
     * V36, and in rows read by {@link #byId}, which does not read it) and what they were rendered from.
     */
    public record Row(
            long id, String slug, long version, boolean visible, String fingerprint, byte[] json, byte[] summary) {}

    private final Session session;
    private final DataSource db;

    StoredJson(Session session, DataSource db) {
        this.session = session;
        this.db = db;
    }

    /** Inside the writing transaction: the article's JSON as this transaction leaves it. */
    public void write(Row row) {
        // Hibernate's own connection: the row it has just flushed is visible to the foreign key.
        session.createNativeMutationQuery(INSERT)
                .setParameter(1, row.id())
                .setParameter(2, row.slug())
                .setParameter(3, row.version())
                .setParameter(4, row.fingerprint())
                .setParameter(5, row.json())
                .setParameter(6, row.summary())
                .executeUpdate();
    }

    /**
     * The article's stored JSON if it is of the article's current version; a row of the article
     * with a null fingerprint and JSON otherwise (a version written by something other than the
     * write path, such as a replica of a release before V32 during a rolling update); empty when
     * there is no such article. Both sides are primary-key look-ups.
     */
    public Optional<Row> byId(long id) {
        return one(
                "select a.id, a.slug, a.version, a.visible, j.fingerprint, j.json, null from article a"
                        + " left join article_json j on j.article_id = a.id and j.version = a.version where a.id = ?",
                id);
    }

    /**
     * The rows of the {@code limit} public articles of {@code category} published just before
     * ({@code at}, {@code id}), newest first, with their listing items' JSON but not the full JSON
     * (null): the category's listing read in index order (as {@code ListingSql} reads it:
     * {@code article_category}'s name, published_at desc, article_id desc) and the items in one
     * round trip.
     */
    public List<Row> earlierIn(String category, Instant at, long id, int limit) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("select a.id, a.slug, a.version, a.visible, j.fingerprint,"
                        + " null, j.summary from article_category k join article a on a.id = k.article_id"
                        + " left join article_json j on j.article_id = a.id and j.version = a.version"
                        + " where k.name = ? and " + Visibility.PUBLIC
                        + " and (k.published_at, k.article_id) < (?, ?)"
                        + " order by k.published_at desc, k.article_id desc limit ?")) {
            s.setString(1, category);
            s.setObject(2, at.atOffset(ZoneOffset.UTC));
            s.setLong(3, id);
            s.setInt(4, limit);
            List<Row> rows = new ArrayList<>(limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(row(r));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the articles before " + id + " in " + category + " failed", e);
        }
    }

    /** The id of the article with this slug (the article table's unique index; no body is read). */
    public Optional<Long> idOf(String slug) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("select id from article where slug = ?")) {
            s.setString(1, slug);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the id of a slug failed", e);
        }
    }

    /**
     * Outside any write: stores a rendering a reader made (a row from before V32, or one whose
     * fingerprint no longer matches). Best effort: the article may have been deleted meanwhile
     * (the foreign key refuses the row) or renewed (the condition keeps the newer one).
     */
    public void remember(Row row) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(INSERT_IF_NEWER)) {
            s.setLong(1, row.id());
            s.setString(2, row.slug());
            s.setLong(3, row.version());
            s.setString(4, row.fingerprint());
            s.setBytes(5, row.json());
            s.setBytes(6, row.summary());
            s.executeUpdate();
        } catch (SQLException e) {
            LOG.debugf(e, "Article %d's JSON was not stored; the next miss renders it again", row.id());
        }
    }

    private static Row row(ResultSet r) throws SQLException {
        return new Row(
                r.getLong(1),
                r.getString(2),
                r.getLong(3),
                r.getBoolean(4),
                r.getString(5),
                r.getBytes(6),
                r.getBytes(7));
    }

    private Optional<Row> one(String sql, long id) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(row(r));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading article " + id + "'s stored JSON failed", e);
        }
    }
}
