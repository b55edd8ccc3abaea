package io.larder.web.session;

import io.larder.testsupport.TestDatabases;

/** Django's db session engine on this run's PostgreSQL database (psycopg2 on Django's side). */
class DjangoDatabaseSessionPostgresTest extends DjangoDatabaseSessionInteropTest {
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
