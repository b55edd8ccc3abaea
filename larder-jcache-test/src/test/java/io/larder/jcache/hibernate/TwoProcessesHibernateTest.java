package io.larder.jcache.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.testsupport.TestDatabases;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hibernate's second-level cache shared by two processes through Larder's JCache provider on one
 * real redis-server, over one PostgreSQL database: this JVM's {@link SessionFactory} and another
 * JVM's ({@link HibernateWorker}). What one process writes, the other reads from the cache; what
 * one updates, the other never reads stale, from the entity cache or the query cache.
 */
class TwoProcessesHibernateTest {
  private static final AtomicLong IDS = new AtomicLong(5000);

  @TempDir static Path dir;
  private static SessionFactory here;
  private static Process other;
  private static BufferedReader otherSays;
  private static Writer toOther;

  @BeforeAll
  static void start() throws IOException {
    String jdbcUrl = TestDatabases.postgres();
    here = Library.open(jdbcUrl, Library.larderYml(dir, "here"), true);
    other =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                HibernateWorker.class.getName(),
                jdbcUrl,
                Library.larderYml(dir, "other").toString())
            .redirectError(dir.resolve("other.log").toFile())
            .start();
    otherSays =
        new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
    toOther = new OutputStreamWriter(other.getOutputStream(), StandardCharsets.UTF_8);
    assertThat(otherSays.readLine()).as("the other process's start").isEqualTo("ready");
  }

  @AfterAll
  static void stop() throws Exception {
    if (other != null) {
      other.getOutputStream().close();
      if (!other.waitFor(30, TimeUnit.SECONDS)) {
        other.destroyForcibly();
      }
    }
    if (here != null) {
      here.close();
    }
  }

  @Test
  void anEntityThisProcessSavedIsASecondLevelCacheHitInTheOtherEveryTime() throws IOException {
    long id = saveBook("Structure and Interpretation");

    assertThat(other("find " + id)).isEqualTo("Structure and Interpretation hit");
    assertThat(other("find " + id)).isEqualTo("Structure and Interpretation hit");
  }

  @Test
  void anUpdateHereIsWhatTheOtherProcessReadsNext() throws IOException {
    long id = saveBook("Old title");
    assertThat(other("find " + id)).isEqualTo("Old title hit");

    here.inTransaction(session -> session.find(Book.class, id).setTitle("New title"));

    assertThat(other("find " + id)).startsWith("New title ");
  }

  @Test
  void anUpdateInTheOtherProcessIsWhatThisOneReadsNext() throws IOException {
    long id = saveBook("Old title");
    assertThat(title(id)).isEqualTo("Old title");

    assertThat(other("update " + id + " Their title")).isEqualTo("updated");

    assertThat(title(id)).isEqualTo("Their title");
  }

  @Test
  void theOtherProcessesCachedQueryIsInvalidatedByAnUpdateHere() throws IOException {
    long id = saveBook("Before");
    assertThat(other("query " + id)).isEqualTo("[Before] miss");
    assertThat(other("query " + id)).isEqualTo("[Before] hit");

    here.inTransaction(session -> session.find(Book.class, id).setTitle("After"));

    assertThat(other("query " + id)).isEqualTo("[After] miss");
    assertThat(other("query " + id)).isEqualTo("[After] hit");
  }

  @Test
  void naturalIdAndCollectionCachesAreSharedWithTheOtherProcess() throws IOException {
    long id = saveBook("Refactoring");
    here.inTransaction(session -> session.bySimpleNaturalId(Book.class).load("isbn-" + id));
    here.inTransaction(session -> session.find(Book.class, id).getChapters().size());

    assertThat(other("naturalid isbn-" + id)).isEqualTo(id + " hit");
    assertThat(other("chapters " + id)).isEqualTo("2 hit");
  }

  private static String title(long id) {
    return here.fromTransaction(session -> session.find(Book.class, id).getTitle());
  }

  /** Sends the other process one command and returns its answer. */
  private static String other(String command) throws IOException {
    toOther.write(command + "\n");
    toOther.flush();
    String answer = otherSays.readLine();
    assertThat(answer).as(command + ": the other process ended; see " + dir.resolve("other.log")).isNotNull();
    return answer;
  }

  /** A new book with two chapters, saved here; its id. */
  private static long saveBook(String title) {
    long id = IDS.incrementAndGet();
    here.inTransaction(
        session -> {
          Chapter one = new Chapter(id * 10 + 1, "One");
          Chapter two = new Chapter(id * 10 + 2, "Two");
          session.persist(one);
          session.persist(two);
          Book book = new Book(id, "isbn-" + id, title, Genre.PROGRAMMING);
          book.getChapters().addAll(List.of(one, two));
          session.persist(book);
        });
    return id;
  }
}
