package io.larder.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.BackendRefusedException;
import io.larder.Caches;
import io.larder.testsupport.TestDatabases;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresCacheTest extends DatabaseStoreContractTest {
  @Override
  protected String url() {
    return TestDatabases.postgres();
  }

  @Override
  protected boolean storesInstants() {
    return true;
  }

  // The database refusing a statement is not the database being down: raised even when failing
  // open, not swallowed as "unavailable" with the write silently dropped.
  @Test
  void aKeyTooLongForTheTableIsRefusedEvenWhenFailingOpen() {
    try (Caches failingOpen =
        Caches.builder()
            .environment(Map.of())
            .cache("default", c -> configure(c.option("ignore_exceptions", true)))
            .build()) {
      String tooLong = "k".repeat(300);
      assertThatThrownBy(() -> failingOpen.getDefault().set(tooLong, "value"))
          .isInstanceOf(BackendRefusedException.class)
          .hasMessageContaining("refused");
      assertThat(failingOpen.getDefault().stats().errors()).isZero();
    }
  }

  @Override
  protected LocalDateTime readExpiry(ResultSet row) throws SQLException {
    return LocalDateTime.ofInstant(
        row.getObject(1, OffsetDateTime.class).toInstant(), ZoneOffset.UTC);
  }
}
