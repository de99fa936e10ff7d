package org.samed2d.explorer.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.util.PasswordUtil;

/**
 * The role the application connects as: it logs in with its own password and owns schema {@code public} and all in
 * it (so Flyway can create and change tables), but it is no superuser, so it cannot run programs
 * ({@code COPY ... TO PROGRAM}), read the server's files, or make roles. Run as the superuser on every start; every
 * statement leaves things as they are when they are already right, so a killed start is finished by the next one.
 */
final class ApplicationRole {

    private static final String ROLE = EmbeddedDatabase.APPLICATION_ROLE;

    /** Membership in, say, pg_execute_server_program would give back what not being superuser takes away. */
    private static final String LEAVE_EVERY_OTHER_ROLE = """
            DO $$
            DECLARE m record;
            BEGIN
              FOR m IN SELECT g.rolname AS granted, r.rolname AS grantor FROM pg_auth_members a
                  JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles r ON r.oid = a.grantor
                  WHERE a.member = '%1$s'::regrole LOOP
                EXECUTE format('REVOKE %%I FROM %1$s GRANTED BY %%I', m.granted, m.grantor);
              END LOOP;
            END $$""".formatted(ROLE);

    /**
     * Data folders made before this role existed have every table owned by the superuser. {@code REASSIGN OWNED BY
     * postgres} cannot do this (it refuses objects of the bootstrap superuser), hence one ALTER per object. Indexes
     * and the sequences behind serial or identity columns follow their table; objects of extensions stay theirs.
     */
    private static final String TAKE_OVER_SCHEMA_PUBLIC = """
            DO $$
            DECLARE o record;
            BEGIN
              FOR o IN SELECT c.oid::regclass AS name, CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
                    WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' WHEN 'c' THEN 'TYPE'
                    ELSE 'TABLE' END AS kind
                  FROM pg_class c
                  WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'c', 'S')
                    AND c.relowner <> '%1$s'::regrole
                    AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                        AND d.objid = c.oid AND (d.deptype = 'e' OR (c.relkind = 'S' AND d.deptype IN ('a', 'i'))))
                  ORDER BY c.relkind = 'S' LOOP
                EXECUTE format('ALTER %%s %%s OWNER TO %1$s', o.kind, o.name);
              END LOOP;
              FOR o IN SELECT p.oid::regprocedure AS name FROM pg_proc p
                  WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> '%1$s'::regrole
                    AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                        AND d.objid = p.oid AND d.deptype = 'e') LOOP
                EXECUTE format('ALTER ROUTINE %%s OWNER TO %1$s', o.name);
              END LOOP;
              FOR o IN SELECT t.oid::regtype AS name, CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END AS kind
                  FROM pg_type t
                  WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('d', 'e', 'r')
                    AND t.typowner <> '%1$s'::regrole
                    AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
                        AND d.objid = t.oid AND d.deptype = 'e') LOOP
                EXECUTE format('ALTER %%s %%s OWNER TO %1$s', o.kind, o.name);
              END LOOP;
            END $$""".formatted(ROLE);

    private ApplicationRole() {
    }

    static void prepare(DataSource superuser, DatabaseCredentials credentials) throws SQLException {
        String verifier = PasswordUtil.encodeScramSha256(credentials.applicationPassword().toCharArray());
        try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + ROLE + "') THEN "
                    + "CREATE ROLE " + ROLE + "; END IF; END $$");
            // Said in full: a role left from an earlier attempt, or changed by hand, gets exactly these rights.
            statement.execute("ALTER ROLE " + ROLE + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION "
                    + "NOBYPASSRLS PASSWORD '" + verifier + "'");
            statement.execute(LEAVE_EVERY_OTHER_ROLE);
            statement.execute("ALTER SCHEMA public OWNER TO " + ROLE);
            statement.execute(TAKE_OVER_SCHEMA_PUBLIC);
        }
    }
}
