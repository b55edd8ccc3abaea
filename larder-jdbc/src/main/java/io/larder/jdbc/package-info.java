/**
 * The {@code db} backend (Django's {@code DatabaseCache}) on PostgreSQL, MariaDB/MySQL, SQLite and
 * H2, and {@link io.larder.jdbc.CacheTables}, Django's {@code createcachetable}.
 *
 * <p>Applications name it {@code backend: db} and may use {@link io.larder.jdbc.CacheTables},
 * {@link io.larder.jdbc.DjangoSessionTable} and {@link io.larder.Cache#unwrap} to {@link
 * io.larder.jdbc.DatabaseStore}; {@link io.larder.jdbc.DatabaseBackend} is public for {@code
 * java.util.ServiceLoader}. The SQL dialects are package-private.
 *
 * @since 0.1
 */
package io.larder.jdbc;
