package io.larder.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Work done on one pooled connection; the SQL failure it may raise is the caller's to translate.
 */
@FunctionalInterface
interface ConnectionWork<T> {
  T run(Connection connection) throws SQLException;

  /**
   * Runs {@code work} on a connection borrowed from {@code dataSource} and given back after; a
   * {@link SQLException} becomes the cache exception {@code translate} makes of it.
   */
  static <T> T withConnection(
      DataSource dataSource,
      ConnectionWork<T> work,
      Function<SQLException, ? extends RuntimeException> translate) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw translate.apply(e);
    }
  }
}
