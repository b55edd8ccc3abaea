package io.larder.jdbc;

import io.larder.BackendRefusedException;
import io.larder.BackendUnavailableException;
import io.larder.CacheException;
import io.larder.CacheSettings;
import io.larder.DisallowedClassException;
import io.larder.SerializationException;
import io.larder.Timeout;
import io.larder.spi.CacheStore;
import io.larder.spi.Increments;
import io.larder.spi.StoreContext;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Django's {@code DatabaseCache} on JDBC: one table ({@code location}) with Django's columns and
 * encoding, so a Django app and a Java service can share it. Unlike Django's, {@code add} is one
 * atomic insert-if-absent and {@code incr} one transaction holding the row, and {@code incr} keeps
 * the row's expiry.
 *
 * <p>Expired rows are deleted when read, and culled on writes once the table holds more than {@code
 * max_entries} rows, as Django does: expired rows first, then the {@code 1/cull_frequency}
 * lexicographically smallest keys. Unlike Django, a write counts the rows only when the table may
 * have reached {@code max_entries} (see {@link CullSchedule}), not on every write.
 *
 * @since 0.1
 */
public final class DatabaseStore implements CacheStore {
  private static final Logger log = LoggerFactory.getLogger(DatabaseStore.class);
  private static final LocalDateTime NEVER = LocalDateTime.of(9999, 12, 31, 23, 59, 59);
  private static final int MAX_ATTEMPTS = 10;
  private static final int SQLITE_BUSY = 5;
  /** The longest pause before retrying a deadlock victim, in milliseconds. */
  private static final int MAX_RETRY_PAUSE_MILLIS = 50;

  private final StoreContext context;
  private final DataSource dataSource;
  private final AutoCloseable ownedPool;
  private final String table;
  private final ZoneId wallClock;
  private final CullSchedule culling;
  private volatile Sql sql;

  DatabaseStore(
      StoreContext context,
      DataSource dataSource,
      AutoCloseable ownedPool,
      ZoneId wallClock,
      CullSchedule culling) {
    this.context = context;
    this.dataSource = dataSource;
    this.ownedPool = ownedPool;
    this.table = context.settings().location();
    this.wallClock = wallClock;
    this.culling = culling;
  }

  /**
   * The table's name.
   *
   * @return the table, as {@code location} names it
   */
  public String table() {
    return table;
  }

  /** The connections, shared with Django's session table ({@link DjangoSessionTable}). */
  DataSource dataSource() {
    return dataSource;
  }

  /** The clock expiry times are written on: UTC, or {@code time_zone} with {@code use_tz: false}. */
  ZoneId wallClock() {
    return wallClock;
  }

  /**
   * Creates the table and its index unless the table exists, as Django's {@code createcachetable},
   * in one transaction where the database has transactional DDL; with {@code dryRun} only prints
   * the statements. Reports what it did on {@code out}.
   *
   * @param dryRun whether to print the statements instead of running them
   * @param out where what was done is reported
   * @return true if the table was (or, in a dry run, would be) created
   * @throws CacheException if the table could not be created, with the database's reason
   * @throws BackendUnavailableException if the database cannot be reached
   */
  public boolean createTable(boolean dryRun, PrintWriter out) {
    return withConnection(
        connection -> {
          Sql statements = sql(connection);
          if (tableExists(connection)) {
            out.println("Cache table '" + table + "' already exists.");
            return false;
          }
          List<String> ddl = statements.dialect.createTable(table);
          if (dryRun) {
            ddl.forEach(statement -> out.println(statement + ";"));
            return true;
          }
          try {
            transaction(
                connection,
                c -> {
                  for (String statement : ddl) {
                    try (PreparedStatement create = c.prepareStatement(statement)) {
                      create.execute();
                    }
                  }
                  return null;
                });
          } catch (SQLException e) {
            throw new CacheException(
                "Cache table '"
                    + table
                    + "' could not be created. The error was: "
                    + e.getMessage(),
                e);
          }
          out.println("Cache table '" + table + "' created.");
          return true;
        });
  }

  private boolean tableExists(Connection connection) {
    try (PreparedStatement probe =
        connection.prepareStatement("SELECT 1 FROM " + sql.dialect.quote(table) + " WHERE 1 = 0")) {
      probe.executeQuery().close();
      return true;
    } catch (SQLException e) {
      rollbackQuietly(connection);
      return false;
    }
  }

  // ------------------------------------------------------------ reads

  @Override
  public Object load(String key) {
    return loadMany(List.of(key)).getOrDefault(key, MISSING);
  }

  @Override
  public Map<String, Object> loadMany(List<String> keys) {
    if (keys.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> found = new HashMap<>();
    List<String> dead = new ArrayList<>();
    withConnection(
        connection -> {
          Sql statements = sql(connection);
          try (PreparedStatement select =
              connection.prepareStatement(statements.selectMany(keys.size()))) {
            int i = 1;
            select.setObject(i++, now(statements));
            for (String key : keys) {
              select.setString(i++, key);
            }
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                String key = rows.getString(1);
                if (!rows.getBoolean(3)) {
                  dead.add(key);
                  continue;
                }
                try {
                  found.put(key, decode(rows.getString(2)));
                } catch (DisallowedClassException e) {
                  throw e;
                } catch (SerializationException | IllegalArgumentException e) {
                  context.corruptRead(
                      key, new SerializationException(e.getMessage() + "; row deleted", e));
                  dead.add(key);
                }
              }
            }
          }
          if (!dead.isEmpty()) {
            deleteKeys(connection, dead);
          }
          return null;
        });
    return found;
  }

  @Override
  public boolean contains(String key) {
    return withConnection(
        connection -> {
          Sql statements = sql(connection);
          try (PreparedStatement select = connection.prepareStatement(statements.selectLive)) {
            select.setString(1, key);
            select.setObject(2, now(statements));
            try (ResultSet rows = select.executeQuery()) {
              return rows.next();
            }
          }
        });
  }

  // ------------------------------------------------------------ writes

  @Override
  public void store(String key, Object value, Timeout timeout) {
    String encoded = encode(value);
    if (timeout.isExpired()) {
      remove(key);
      return;
    }
    withConnection(
        connection -> {
          cull(connection);
          Sql statements = sql(connection);
          try (PreparedStatement upsert = connection.prepareStatement(statements.upsert)) {
            bindRow(statements, upsert, key, encoded, timeout);
            upsert.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public boolean storeIfAbsent(String key, Object value, Timeout timeout) {
    String encoded = encode(value);
    if (timeout.isExpired()) {
      return !contains(key);
    }
    return inTransaction(
        connection -> {
          cull(connection);
          Sql statements = sql(connection);
          try (PreparedStatement deleteExpired =
              connection.prepareStatement(statements.deleteIfExpired)) {
            deleteExpired.setString(1, key);
            deleteExpired.setObject(2, now(statements));
            deleteExpired.executeUpdate();
          }
          try (PreparedStatement insert = connection.prepareStatement(statements.insertIfAbsent)) {
            bindRow(statements, insert, key, encoded, timeout);
            return insert.executeUpdate() == 1;
          } catch (SQLException e) {
            if (statements.dialect.isDuplicateKey(e)) {
              return false;
            }
            throw e;
          }
        });
  }

  @Override
  public boolean expire(String key, Timeout timeout) {
    return withConnection(
        connection -> {
          Sql statements = sql(connection);
          if (timeout.isExpired()) {
            return deleteLive(connection, key);
          }
          cull(connection);
          try (PreparedStatement update = connection.prepareStatement(statements.touch)) {
            update.setObject(1, expires(statements, timeout));
            update.setString(2, key);
            update.setObject(3, now(statements));
            return update.executeUpdate() > 0;
          }
        });
  }

  @Override
  public boolean remove(String key) {
    return withConnection(
        connection -> {
          if (deleteLive(connection, key)) {
            return true;
          }
          deleteKeys(connection, List.of(key));
          return false;
        });
  }

  @Override
  public int removeMany(List<String> keys) {
    if (keys.isEmpty()) {
      return 0;
    }
    return withConnection(connection -> deleteKeys(connection, keys));
  }

  @Override
  public void removeAll() {
    withConnection(
        connection -> {
          try (PreparedStatement delete = connection.prepareStatement(sql(connection).deleteAll)) {
            delete.executeUpdate();
          }
          culling.counted(0);
          return null;
        });
  }

  @Override
  public Object increment(String key, long delta, Timeout defaultTimeout) {
    return inTransaction(
        connection -> {
          Sql statements = sql(connection);
          Object current;
          try (PreparedStatement select = connection.prepareStatement(statements.selectForUpdate)) {
            select.setObject(1, now(statements));
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
              if (!row.next() || !row.getBoolean(2)) {
                return MISSING;
              }
              current = decode(row.getString(1));
            }
          }
          Object next = Increments.add(key, current, delta);
          try (PreparedStatement update = connection.prepareStatement(statements.updateValue)) {
            update.setString(1, encode(next));
            update.setString(2, key);
            update.executeUpdate();
          }
          return next;
        });
  }

  @Override
  public void close() {
    if (ownedPool != null) {
      try {
        ownedPool.close();
      } catch (Exception e) {
        log.warn("Cache '{}': closing the connection pool failed: {}", context.alias(), e.toString());
      }
    }
  }

  // ------------------------------------------------------------ helpers

  /**
   * Django's cull: when the table holds more than {@code max_entries} rows, delete the expired
   * ones, and if still too many, the {@code 1/cull_frequency} smallest keys ({@code cull_frequency}
   * 0 empties the table). The rows are counted only when {@link CullSchedule} says the table may be
   * over the limit.
   */
  private void cull(Connection connection) throws SQLException {
    if (!culling.countDue()) {
      return;
    }
    Sql statements = sql(connection);
    long count;
    try (PreparedStatement select = connection.prepareStatement(statements.count);
        ResultSet rows = select.executeQuery()) {
      rows.next();
      count = rows.getLong(1);
    }
    culling.counted(cut(connection, statements, count));
  }

  /** Culls a table of {@code count} rows if it is over the limit; returns the rows left. */
  private long cut(Connection connection, Sql statements, long count) throws SQLException {
    CacheSettings settings = context.settings();
    if (count <= settings.maxEntries()) {
      return count;
    }
    if (settings.cullFrequency() == 0) {
      try (PreparedStatement delete = connection.prepareStatement(statements.deleteAll)) {
        delete.executeUpdate();
      }
      return 0;
    }
    long remaining;
    try (PreparedStatement delete = connection.prepareStatement(statements.deleteExpired)) {
      delete.setObject(1, now(statements));
      remaining = count - delete.executeUpdate();
    }
    if (remaining <= settings.maxEntries()) {
      return remaining;
    }
    String cutOff = null;
    try (PreparedStatement select = connection.prepareStatement(statements.cullingKey)) {
      select.setLong(1, remaining / settings.cullFrequency());
      try (ResultSet rows = select.executeQuery()) {
        if (rows.next()) {
          cutOff = rows.getString(1);
        }
      }
    }
    if (cutOff == null) {
      return remaining;
    }
    try (PreparedStatement delete = connection.prepareStatement(statements.deleteBelow)) {
      delete.setString(1, cutOff);
      return remaining - delete.executeUpdate();
    }
  }

  private boolean deleteLive(Connection connection, String key) throws SQLException {
    Sql statements = sql(connection);
    try (PreparedStatement delete = connection.prepareStatement(statements.deleteLive)) {
      delete.setString(1, key);
      delete.setObject(2, now(statements));
      return delete.executeUpdate() > 0;
    }
  }

  private int deleteKeys(Connection connection, List<String> keys) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(sql(connection).deleteMany(keys.size()))) {
      for (int i = 0; i < keys.size(); i++) {
        delete.setString(i + 1, keys.get(i));
      }
      return delete.executeUpdate();
    }
  }

  private void bindRow(
      Sql statements, PreparedStatement statement, String key, String encoded, Timeout timeout)
      throws SQLException {
    statement.setString(1, key);
    statement.setString(2, encoded);
    statement.setObject(3, expires(statements, timeout));
  }

  private Object now(Sql statements) {
    return statements.dialect.timestamp(Instant.ofEpochMilli(context.nowMillis()), wallClock);
  }

  private Object expires(Sql statements, Timeout timeout) {
    long millis = context.expiresAtMillis(timeout);
    // Django writes datetime.max, 9999-12-31 23:59:59 on the clock expiry times are written in.
    Instant at =
        millis == Long.MAX_VALUE
            ? NEVER.atZone(wallClock).toInstant()
            : Instant.ofEpochMilli(millis);
    return statements.dialect.timestamp(at, wallClock);
  }

  private String encode(Object value) {
    return Base64.getEncoder().encodeToString(context.serialize(value));
  }

  /**
   * The value of a row's text: Base64 of the serialized bytes, as Django writes it.
   *
   * @throws SerializationException if it is not, or holds more than {@code options.max_value_size}
   *     bytes (checked before decoding, so a huge row is not copied again)
   */
  private Object decode(String text) {
    if (text == null) {
      throw new SerializationException("the row's value is NULL");
    }
    if ((long) text.length() * 3 / 4 > context.maxValueSize() + 3L) {
      throw new SerializationException(
          "the row's value of "
              + text.length()
              + " Base64 characters is over options.max_value_size ("
              + context.maxValueSize()
              + " bytes)");
    }
    return context.deserialize(Base64.getDecoder().decode(text));
  }

  /** The statements, built on first use from the database's product name. */
  private Sql sql(Connection connection) throws SQLException {
    Sql statements = sql;
    if (statements == null) {
      statements = new Sql(Dialect.of(connection.getMetaData().getDatabaseProductName()), table);
      sql = statements;
    }
    return statements;
  }

  private <T> T withConnection(ConnectionWork<T> work) {
    return ConnectionWork.withConnection(dataSource, work, this::translate);
  }

  /**
   * Runs {@code work} in a transaction, retried when the database picks it as a deadlock or
   * serialization victim (MariaDB's gap locks make that routine for concurrent {@code add}s).
   * Retries pause for a random, growing time, so that the victims of one deadlock do not meet
   * again at once.
   */
  private <T> T inTransaction(ConnectionWork<T> work) {
    for (int attempt = 1; ; attempt++) {
      try (Connection connection = dataSource.getConnection()) {
        return transaction(connection, work);
      } catch (SQLException e) {
        if (attempt == MAX_ATTEMPTS || !isRetryable(e)) {
          throw translate(e);
        }
      }
      pauseBeforeRetry(attempt);
    }
  }

  private static void pauseBeforeRetry(int attempt) {
    int bound = Math.min(MAX_RETRY_PAUSE_MILLIS, 1 << attempt);
    try {
      Thread.sleep(ThreadLocalRandom.current().nextInt(1, bound + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackendUnavailableException("Interrupted while retrying a deadlocked write", e);
    }
  }

  private static <T> T transaction(Connection connection, ConnectionWork<T> work)
      throws SQLException {
    connection.setAutoCommit(false);
    try {
      T result = work.run(connection);
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(connection);
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  /**
   * Deadlock or serialization failure (SQLSTATE class 40, as MariaDB, PostgreSQL and H2 say), or
   * SQLite still locked after its busy_timeout (no SQLSTATE; error code 5, SQLITE_BUSY): a victim
   * of other writers that may succeed when tried again.
   */
  private static boolean isRetryable(SQLException e) {
    if (e.getSQLState() != null) {
      return e.getSQLState().startsWith("40");
    }
    return e.getErrorCode() == SQLITE_BUSY && String.valueOf(e.getMessage()).contains("SQLITE_BUSY");
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
    } catch (SQLException ignored) {
      // The connection is broken; the pool discards it.
    }
  }

  private CacheException translate(SQLException e) {
    if (sql != null && sql.dialect.isMissingTable(e)) {
      return new CacheException(
          "Cache '"
              + context.alias()
              + "': the table '"
              + table
              + "' does not exist; create it with `larder createcachetable` (or"
              + " CacheTables.create in Java), as Django's createcachetable would ("
              + e.getMessage()
              + ")",
          e);
    }
    // The pool's "connection is not available" says why only in its cause.
    Throwable cause = e.getCause();
    String reason =
        cause != null && cause.getMessage() != null
            ? e.getMessage() + " (" + cause.getMessage() + ")"
            : e.getMessage();
    if (isUnreachable(e)) {
      return new BackendUnavailableException(
          "Cache '" + context.alias() + "': the database failed: " + reason, e);
    }
    return new BackendRefusedException(
        "Cache '" + context.alias() + "': the database refused: " + reason, e);
  }

  /**
   * True if the database could not be reached or could not serve now (what failing open hides):
   * no connection, a timeout, an exhausted pool, a shutdown, a lack of resources, a deadlock that
   * outlived its retries. Anything else is the database refusing this statement (a key too long,
   * a NUL byte, a constraint), which is raised even when failing open.
   */
  private static boolean isUnreachable(SQLException e) {
    if (e instanceof SQLTransientException
        || e instanceof SQLNonTransientConnectionException
        || e instanceof SQLRecoverableException) {
      return true;
    }
    String state = e.getSQLState();
    return state == null
        || state.startsWith("08") // connection exception
        || state.startsWith("40") // transaction rollback: deadlock, serialization
        || state.startsWith("53") // insufficient resources
        || state.startsWith("57") // operator intervention: shutdown, cancel
        || state.startsWith("HY"); // driver-level failure
  }

  /** The SQL of one table in one dialect, built once. */
  private static final class Sql {
    final Dialect dialect;
    final String selectLive;
    final String selectForUpdate;
    final String upsert;
    final String insertIfAbsent;
    final String deleteIfExpired;
    final String deleteLive;
    final String deleteExpired;
    final String deleteAll;
    final String deleteBelow;
    final String touch;
    final String updateValue;
    final String count;
    final String cullingKey;
    private final String table;
    private final String key;
    private final String value;
    private final String expires;

    Sql(Dialect dialect, String tableName) {
      this.dialect = dialect;
      table = dialect.quote(tableName);
      key = dialect.quote("cache_key");
      value = dialect.quote("value");
      expires = dialect.quote("expires");
      selectLive = "SELECT 1 FROM " + table + " WHERE " + key + " = ? AND " + expires + " > ?";
      selectForUpdate = selectWithLiveness(value, key + " = ?") + dialect.lockRow();
      upsert = dialect.upsert(tableName);
      insertIfAbsent = dialect.insertIfAbsent(tableName);
      deleteIfExpired = "DELETE FROM " + table + " WHERE " + key + " = ? AND " + expires + " <= ?";
      deleteLive = "DELETE FROM " + table + " WHERE " + key + " = ? AND " + expires + " > ?";
      deleteExpired = "DELETE FROM " + table + " WHERE " + expires + " < ?";
      deleteAll = "DELETE FROM " + table;
      deleteBelow = "DELETE FROM " + table + " WHERE " + key + " < ?";
      touch =
          "UPDATE "
              + table
              + " SET "
              + expires
              + " = ? WHERE "
              + key
              + " = ? AND "
              + expires
              + " > ?";
      updateValue = "UPDATE " + table + " SET " + value + " = ? WHERE " + key + " = ?";
      count = "SELECT COUNT(*) FROM " + table;
      cullingKey = "SELECT " + key + " FROM " + table + " ORDER BY " + key + " LIMIT 1 OFFSET ?";
    }

    String selectMany(int n) {
      return selectWithLiveness(key + ", " + value, key + " IN (" + placeholders(n) + ")");
    }

    /** Selects {@code columns} and whether the row expires after the bound time. */
    private String selectWithLiveness(String columns, String where) {
      return "SELECT " + columns + ", " + expires + " > ? FROM " + table + " WHERE " + where;
    }

    String deleteMany(int n) {
      return "DELETE FROM " + table + " WHERE " + key + " IN (" + placeholders(n) + ")";
    }

    private static String placeholders(int n) {
      return String.join(", ", Collections.nCopies(n, "?"));
    }
  }
}
