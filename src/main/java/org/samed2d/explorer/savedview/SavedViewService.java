package org.samed2d.explorer.savedview;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.samed2d.explorer.shared.InvalidParameterException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's saved views: save, list, rename, delete. Every call names its owner, and a view of another owner is as
 * if it did not exist.
 */
@Service
public class SavedViewService {

    static final int LONGEST_NAME = 100;
    static final int LONGEST_QUERY = 8000;

    private final JdbcClient jdbc;
    private final Clock clock;

    SavedViewService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The owner's views, most recently saved or renamed first. */
    @Transactional(readOnly = true)
    public List<SavedView> list(String owner) {
        return jdbc.sql("select id, name, query, updated_at from saved_view where owner = ? order by updated_at desc, id desc")
                .param(owner).query((rs, row) -> new SavedView(rs.getLong("id"), rs.getString("name"),
                        rs.getString("query"), rs.getTimestamp("updated_at").toInstant())).list();
    }

    /** Saves under a new name; a name the owner already uses is refused (rename or delete that one first). */
    @Transactional
    public SavedView save(String owner, String name, String query) {
        String checkedName = name(name);
        if (query.length() > LONGEST_QUERY) {
            throw new InvalidParameterException("query", "longer than " + LONGEST_QUERY + " characters");
        }
        Timestamp now = Timestamp.from(clock.instant());
        try {
            long id = jdbc.sql("insert into saved_view (owner, name, query, created_at, updated_at) values (?, ?, ?, ?, ?)"
                    + " returning id").params(owner, checkedName, query, now, now).query(Long.class).single();
            return new SavedView(id, checkedName, query, now.toInstant());
        } catch (DuplicateKeyException e) {
            throw new InvalidParameterException("name", "you already have a view named '" + checkedName + "'");
        }
    }

    @Transactional
    public void rename(String owner, long id, String name) {
        String checkedName = name(name);
        try {
            int changed = jdbc.sql("update saved_view set name = ?, updated_at = ? where id = ? and owner = ?")
                    .params(checkedName, Timestamp.from(clock.instant()), id, owner).update();
            if (changed == 0) {
                throw new InvalidParameterException("id", "no saved view " + id);
            }
        } catch (DuplicateKeyException e) {
            throw new InvalidParameterException("name", "you already have a view named '" + checkedName + "'");
        }
    }

    @Transactional
    public void delete(String owner, long id) {
        if (jdbc.sql("delete from saved_view where id = ? and owner = ?").params(id, owner).update() == 0) {
            throw new InvalidParameterException("id", "no saved view " + id);
        }
    }

    private static String name(String name) {
        String stripped = name.strip();
        if (stripped.isEmpty()) {
            throw new InvalidParameterException("name", "give the view a name");
        }
        if (stripped.length() > LONGEST_NAME) {
            throw new InvalidParameterException("name", "longer than " + LONGEST_NAME + " characters");
        }
        return stripped;
    }
}
