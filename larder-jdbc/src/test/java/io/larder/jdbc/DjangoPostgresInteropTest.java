package io.larder.jdbc;

import io.larder.testsupport.TestDatabases;

/** Django (through python3-psycopg2) and Larder on this run's PostgreSQL database. */
class DjangoPostgresInteropTest extends DjangoDatabaseInteropTest {
  @Override
  protected String djangoDatabase() {
    return ("{\"ENGINE\": \"django.db.backends.postgresql\", \"NAME\": \"%s\", \"USER\":"
                + " \"postgres\", \"HOST\": \"127.0.0.1\", \"PORT\": \"5432\"}")
        .formatted(TestDatabases.postgresDatabase());
  }

  @Override
  protected String url() {
    return TestDatabases.postgres();
  }
}
