package io.larder.jcache.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.testsupport.TestDatabases;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hibernate ORM's second-level cache on Larder's JCache provider over a real redis-server, with two
 * {@link SessionFactory}s (each with a cache manager of its own) on one PostgreSQL database: the
 * entity, collection, natural-id and query caches hit, and one factory's update is what the other
 * reads next, from the cache or the database, never the old state.
 */
class HibernateOnLarderTest {
  private static final AtomicLong IDS = new AtomicLong(1000);

  @TempDir static Path dir;
  private static SessionFactory writer;
  private static SessionFactory reader;

  @BeforeAll
  static void openFactories() throws IOException {
    String jdbcUrl = TestDatabases.postgres();
    writer = Library.open(jdbcUrl, Library.larderYml(dir, "writer"), true);
    reader = Library.open(jdbcUrl, Library.larderYml(dir, "reader"), false);
  }

  @AfterAll
  static void closeFactories() {
    if (reader != null) {
      reader.close();
    }
    if (writer != null) {
      writer.close();
    }
  }

  @Test
  void anEntityLoadedTwiceIsTheSecondTimeASecondLevelCacheHit() {
    long id = saveBook("Structure and Interpretation");
    Statistics stats = reader.getStatistics();
    reader.inTransaction(session -> session.find(Book.class, id));
    long hits = stats.getSecondLevelCacheHitCount();
    long loads = stats.getEntityLoadCount();

    Book again = reader.fromTransaction(session -> session.find(Book.class, id));

    assertThat(again.getTitle()).isEqualTo("Structure and Interpretation");
    assertThat(stats.getSecondLevelCacheHitCount()).isEqualTo(hits + 1);
    assertThat(stats.getEntityLoadCount()).isEqualTo(loads);
  }

  @Test
  void anEntityTheOtherFactoryWroteIsReadFromTheSharedCache() {
    long id = saveBook("The Mythical Man-Month");
    Statistics stats = reader.getStatistics();
    long hits = stats.getSecondLevelCacheHitCount();
    long loads = stats.getEntityLoadCount();

    Book book = reader.fromTransaction(session -> session.find(Book.class, id));

    assertThat(book.getTitle()).isEqualTo("The Mythical Man-Month");
    assertThat(stats.getSecondLevelCacheHitCount()).isEqualTo(hits + 1);
    assertThat(stats.getEntityLoadCount()).isEqualTo(loads);
  }

  @Test
  void anUpdateInOneFactoryIsWhatTheOtherReadsNext() {
    long id = saveBook("Old title");
    reader.inTransaction(session -> session.find(Book.class, id));

    writer.inTransaction(session -> session.find(Book.class, id).setTitle("New title"));

    assertThat(reader.fromTransaction(session -> session.find(Book.class, id)).getTitle())
        .isEqualTo("New title");
  }

  @Test
  void aCollectionLoadedTwiceIsTheSecondTimeACollectionCacheHit() {
    long id = saveBook("Refactoring");
    String role = Book.class.getName() + ".chapters";
    reader.inTransaction(session -> session.find(Book.class, id).getChapters().size());
    long hits = reader.getStatistics().getCollectionStatistics(role).getCacheHitCount();

    int chapters =
        reader.fromTransaction(session -> session.find(Book.class, id).getChapters().size());

    assertThat(chapters).isEqualTo(2);
    assertThat(reader.getStatistics().getCollectionStatistics(role).getCacheHitCount())
        .isEqualTo(hits + 1);
  }

  @Test
  void aNaturalIdLoadedTwiceIsTheSecondTimeANaturalIdCacheHit() {
    long id = saveBook("Domain-Driven Design");
    String isbn = "isbn-" + id;
    Statistics stats = reader.getStatistics();
    reader.inTransaction(session -> session.bySimpleNaturalId(Book.class).load(isbn));
    long hits = stats.getNaturalIdCacheHitCount();

    Book book =
        reader.fromTransaction(session -> session.bySimpleNaturalId(Book.class).load(isbn));

    assertThat(book.getId()).isEqualTo(id);
    assertThat(stats.getNaturalIdCacheHitCount()).isEqualTo(hits + 1);
  }

  @Test
  void aCachedQueryHitsUntilTheOtherFactoryUpdatesItsTable() {
    long id = saveBook("Before");
    Statistics stats = reader.getStatistics();
    assertThat(titleOf(id)).containsExactly("Before");
    long hits = stats.getQueryCacheHitCount();
    assertThat(titleOf(id)).containsExactly("Before");
    assertThat(stats.getQueryCacheHitCount()).isEqualTo(hits + 1);

    writer.inTransaction(session -> session.find(Book.class, id).setTitle("After"));

    assertThat(titleOf(id)).containsExactly("After");
    assertThat(stats.getQueryCacheHitCount()).isEqualTo(hits + 1);
  }

  private static List<String> titleOf(long id) {
    return reader.fromTransaction(
        session ->
            session
                .createSelectionQuery("select b.title from Book b where b.id = :id", String.class)
                .setParameter("id", id)
                .setCacheable(true)
                .getResultList());
  }

  /** A new book with two chapters, saved through the writer factory; its id. */
  private static long saveBook(String title) {
    long id = IDS.incrementAndGet();
    writer.inTransaction(
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
