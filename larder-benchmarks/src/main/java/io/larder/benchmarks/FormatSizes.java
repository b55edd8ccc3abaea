package io.larder.benchmarks;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.jdbc.CacheTables;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Prints the table of docs/formats.md, "Stored size": the bytes stored for each of {@link
 * FormatValues}' values in every serializer and compressor, as a Markdown table. The bytes are
 * read back from a SQLite cache table (Base64 of exactly what Redis, Hazelcast and a db row hold),
 * so they are what a backend stores, not an estimate. Sizes are deterministic.
 *
 * <pre>
 * java -cp larder-benchmarks/target/benchmarks.jar io.larder.benchmarks.FormatSizes
 * </pre>
 */
public final class FormatSizes {
  private static final String TABLE = "sizes";
  private static final List<String> VALUES = List.of("dict", "text", "page");

  private FormatSizes() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("larder-sizes");
    String url = "jdbc:sqlite:" + dir.resolve("sizes.sqlite3");
    System.out.println("| serializer | compressor | dict | text | page |");
    System.out.println("|---|---|--:|--:|--:|");
    for (String serializer : FormatValues.SERIALIZERS) {
      for (String compressor : FormatValues.COMPRESSORS) {
        String format = compressor.equals("none") ? serializer : serializer + "+" + compressor;
        StringBuilder row = new StringBuilder("| `" + serializer + "` | `" + compressor + "` |");
        try (Caches caches =
            Caches.builder()
                .environment(Map.of())
                .cache(
                    "default",
                    c -> FormatValues.configure(c.backend("db").location(TABLE).option("url", url), format))
                .build()) {
          CacheTables.create(caches, false, new PrintStream(OutputStream.nullOutputStream()));
          Cache cache = caches.getDefault();
          for (String value : VALUES) {
            cache.set(value, FormatValues.value(value));
            row.append(' ').append(storedBytes(url, cache.makeKey(value))).append(" |");
          }
        }
        System.out.println(row);
      }
    }
  }

  private static int storedBytes(String url, String madeKey) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement select =
            connection.prepareStatement("SELECT value FROM " + TABLE + " WHERE cache_key = ?")) {
      select.setString(1, madeKey);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return Base64.getDecoder().decode(row.getString(1)).length;
      }
    }
  }
}
