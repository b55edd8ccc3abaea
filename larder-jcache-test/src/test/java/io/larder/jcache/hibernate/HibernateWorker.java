package io.larder.jcache.hibernate;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/**
 * The other process of {@link TwoProcessesHibernateTest}: a {@link SessionFactory} of its own on
 * the same database and Redis, driven one command a line on standard input, answering one line
 * each on standard output: {@code <result> hit|miss}, where hit means the cache the command reads
 * answered it.
 *
 * <pre>
 * find 7              → "Old title hit"
 * query 7             → "[Old title] miss"
 * naturalid isbn-7    → "7 hit"
 * chapters 7          → "2 hit"
 * update 7 New title  → "updated"
 * </pre>
 */
public final class HibernateWorker {
  private HibernateWorker() {}

  public static void main(String[] args) throws Exception {
    // Standard output carries the answers only; Hibernate's log goes to standard error.
    PrintStream answers = System.out;
    System.setOut(System.err);
    try (SessionFactory factory = Library.open(args[0], URI.create(args[1]), false)) {
      Statistics stats = factory.getStatistics();
      answers.println("ready");
      BufferedReader input =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = input.readLine(); line != null; line = input.readLine()) {
        String[] words = line.split(" ", 3);
        long id = words[0].equals("naturalid") ? 0 : Long.parseLong(words[1]);
        String answer =
            switch (words[0]) {
              case "find" ->
                  counted(
                      stats::getSecondLevelCacheHitCount,
                      () -> factory.fromTransaction(s -> s.find(Book.class, id).getTitle()));
              case "query" ->
                  counted(
                      stats::getQueryCacheHitCount,
                      () ->
                          factory.fromTransaction(
                              s ->
                                  s.createSelectionQuery(
                                          "select b.title from Book b where b.id = :id",
                                          String.class)
                                      .setParameter("id", id)
                                      .setCacheable(true)
                                      .getResultList()));
              case "naturalid" ->
                  counted(
                      stats::getNaturalIdCacheHitCount,
                      () ->
                          factory.fromTransaction(
                              s -> s.bySimpleNaturalId(Book.class).load(words[1]).getId()));
              case "chapters" ->
                  counted(
                      () ->
                          stats
                              .getCollectionStatistics(Book.class.getName() + ".chapters")
                              .getCacheHitCount(),
                      () ->
                          factory.fromTransaction(
                              s -> s.find(Book.class, id).getChapters().size()));
              case "update" -> {
                factory.inTransaction(s -> s.find(Book.class, id).setTitle(words[2]));
                yield "updated";
              }
              default -> throw new IllegalArgumentException("unknown command " + line);
            };
        answers.println(answer);
      }
    }
  }

  /** The command's result, then whether the counter {@code hits} rose while it ran. */
  private static String counted(LongSupplier hits, Supplier<Object> command) {
    long before = hits.getAsLong();
    Object result = command.get();
    return result + (hits.getAsLong() > before ? " hit" : " miss");
  }
}
