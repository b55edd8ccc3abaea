package io.larder.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Caches;
import io.larder.testsupport.ChildProcess;
import io.larder.testsupport.RedisServer;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The near cache's coherence between this JVM and a second one, over a real {@code redis-server}.
 */
class NearCacheSecondJvmTest {
  /** A JVM's start and its caches' opening, on a loaded machine. */
  private static final Duration STARTUP = Duration.ofSeconds(60);

  /** One command's answer: a local read, or one round trip to Redis. */
  private static final Duration ANSWER = Duration.ofSeconds(30);

  @Test
  void aWriteInThisJvmDropsTheOtherJvmsLocalCopy() throws Exception {
    try (RedisServer server = RedisServer.start();
        Caches here = NearCacheCoherenceTest.process(server.url())) {
      try (ChildProcess other = start(server.url());
          PrintStream in = new PrintStream(other.input(), true, StandardCharsets.UTF_8)) {
        assertThat(other.nextLine(STARTUP)).isEqualTo("ready");
        here.getDefault().set("k", "v1");
        Await.until(
            "the other JVM's local tier holds v1",
            NearCacheCoherenceTest.INVALIDATION_BOUND,
            () -> ask(in, other, "get k").equals("v1") && ask(in, other, "near k").equals("v1"));

        here.getDefault().set("k", "v2");
        Await.until(
            "the other JVM's local copy dropped",
            NearCacheCoherenceTest.INVALIDATION_BOUND,
            () -> ask(in, other, "near k").equals("absent"));
        assertThat(ask(in, other, "get k")).isEqualTo("v2");

        here.getDefault().delete("k");
        Await.until(
            "the other JVM's local copy dropped",
            NearCacheCoherenceTest.INVALIDATION_BOUND,
            () -> ask(in, other, "near k").equals("absent"));
        assertThat(ask(in, other, "get k")).isEqualTo("null");
      }
    }
  }

  private static String ask(PrintStream in, ChildProcess other, String command) {
    in.println(command);
    return other.nextLine(ANSWER);
  }

  private static ChildProcess start(String redisUrl) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return ChildProcess.start(
        "the other JVM (NearCacheWorker)",
        new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            NearCacheWorker.class.getName(),
            redisUrl));
  }
}
