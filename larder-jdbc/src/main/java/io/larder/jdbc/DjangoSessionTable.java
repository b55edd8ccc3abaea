package io.larder.jdbc;

import io.larder.BackendUnavailableException;
import io.larder.Cache;
import io.larder.CacheException;
import io.larder.InvalidConfigurationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import javax.sql.DataSource;

/**
 * Django's session table, {@code django_session} ({@code session_key}, {@code session_data}, {@code
 * expire_date}), as Django's {@code db} session engine reads and writes it, over the connection of
 * a {@code db} cache that points at the Django app's database. Expiry times are written on that
 * cache's clock ({@code use_tz}, {@code time_zone}), as Django writes them. The session data itself
 * is opaque here: the session engine encodes it.
 *
 * <pre>{@code
 * DjangoSessionTable sessions = DjangoSessionTable.of(caches.get("django_db"));
 * sessions.insert(key, encoded, Instant.now().plus(Duration.ofDays(14)));
 * DjangoSessionTable.Row row = sessions.load(key, Instant.now());
 * }</pre>
 *
 * @since 0.1
 */
public final class DjangoSessionTable {
  /** Django's table, from the {@code django.contrib.sessions} app's migration. */
  public static final String TABLE = "django_session";

  private final String alias;
  private final DataSource dataSource;
  private final ZoneId wallClock;
  private volatile Dialect dialect;

  private DjangoSessionTable(String alias, DataSource dataSource, ZoneId wallClock) {
    this.alias = alias;
    this.dataSource = dataSource;
    this.wallClock = wallClock;
  }

  /**
   * The session table in the database of {@code databaseCache}, a cache with the {@code db}
   * backend.
   *
   * @param databaseCache a cache with the {@code db} backend, whose database holds the table
   * @return the table of that database
   * @throws InvalidConfigurationException if the cache has another backend
   */
  public static DjangoSessionTable of(Cache databaseCache) {
    DatabaseStore cache;
    try {
      cache = databaseCache.unwrap(DatabaseStore.class);
    } catch (IllegalArgumentException e) {
      throw InvalidConfigurationException.badSetting(
          databaseCache.settings().alias(),
          "backend",
          databaseCache.settings().backend(),
          "db (django.core.cache.backends.db.DatabaseCache), whose database holds Django's "
              + TABLE
              + " table, for the db session engine");
    }
    return new DjangoSessionTable(
        databaseCache.settings().alias(), cache.dataSource(), cache.wallClock());
  }

  /** A row's data and whether it was still live at the time asked about. */
  public record Row(String sessionData, boolean live) {}

  /**
   * The row of {@code key}, live if its {@code expire_date} is after {@code now} (Django's {@code
   * expire_date__gt=now}), or null if there is none.
   *
   * @param key the session key (Django's {@code session_key})
   * @param now the time the row's liveness is judged at
   * @return the row, or null
   */
  public Row load(String key, Instant now) {
    return withConnection(
        connection -> {
          String sql =
              "SELECT session_data, CASE WHEN expire_date > ? THEN 1 ELSE 0 END FROM "
                  + TABLE
                  + " WHERE session_key = ?";
          try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, dialect(connection).timestamp(now, wallClock));
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
              return row.next() ? new Row(row.getString(1), row.getInt(2) == 1) : null;
            }
          }
        });
  }

  /**
   * Inserts a new session (Django's {@code save(must_create=True)}).
   *
   * @param key the session key (Django's {@code session_key})
   * @param sessionData the encoded session, as Django stores it
   * @param expireDate when the session expires
   * @return false if the key is taken
   */
  public boolean insert(String key, String sessionData, Instant expireDate) {
    return withConnection(
        connection -> {
          String sql =
              "INSERT INTO " + TABLE + " (session_key, session_data, expire_date) VALUES (?, ?, ?)";
          try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, key);
            insert.setString(2, sessionData);
            insert.setObject(3, dialect(connection).timestamp(expireDate, wallClock));
            insert.executeUpdate();
            return true;
          } catch (SQLException e) {
            if (dialect(connection).isDuplicateKey(e)) {
              return false;
            }
            throw e;
          }
        });
  }

  /**
   * Replaces an existing session's data and expiry (Django's {@code save()}).
   *
   * @param key the session key (Django's {@code session_key})
   * @param sessionData the encoded session, as Django stores it
   * @param expireDate when the session expires
   * @return false if there is no such row (deleted elsewhere: it is not brought back)
   */
  public boolean update(String key, String sessionData, Instant expireDate) {
    return withConnection(
        connection -> {
          String sql = "UPDATE " + TABLE + " SET session_data = ?, expire_date = ? WHERE session_key = ?";
          try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, sessionData);
            update.setObject(2, dialect(connection).timestamp(expireDate, wallClock));
            update.setString(3, key);
            return update.executeUpdate() == 1;
          }
        });
  }

  /**
   * Deletes the session's row, if any.
   *
   * @param key the session key (Django's {@code session_key})
   */
  public void delete(String key) {
    withConnection(
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement("DELETE FROM " + TABLE + " WHERE session_key = ?")) {
            delete.setString(1, key);
            return delete.executeUpdate();
          }
        });
  }

  private Dialect dialect(Connection connection) throws SQLException {
    Dialect known = dialect;
    if (known == null) {
      known = Dialect.of(connection.getMetaData().getDatabaseProductName());
      dialect = known;
    }
    return known;
  }

  private <T> T withConnection(ConnectionWork<T> work) {
    return ConnectionWork.withConnection(dataSource, work, this::translate);
  }

  private CacheException translate(SQLException e) {
    if (dialect != null && dialect.isMissingTable(e)) {
      return new CacheException(
          "Sessions: the table '"
              + TABLE
              + "' does not exist in the database of cache '"
              + alias
              + "'; create it as Django does, with `manage.py migrate sessions` ("
              + e.getMessage()
              + ")",
          e);
    }
    return new BackendUnavailableException(
        "Sessions: the database of cache '" + alias + "' failed: " + e.getMessage(), e);
  }
}
