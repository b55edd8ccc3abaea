/**
 * The {@code db} backend (Django's {@code DatabaseCache}) on PostgreSQL, MariaDB/MySQL, SQLite and
 * H2, and {@link io.larder.jdbc.CacheTables}, Django's {@code createcachetable}.
 *
 * @since 0.1
 */
package io.larder.jdbc;
