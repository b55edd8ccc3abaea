package io.larder.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Caches;
import io.larder.testsupport.RedisServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The near cache's coherence between this JVM and a second one, over a real {@code redis-server}.
 */
class NearCacheSecondJvmTest {
  @Test
  void aWriteInThisJvmDropsTheOtherJvmsLocalCopy() throws Exception {
    try (RedisServer server = RedisServer.start();
        Caches here = NearCacheCoherenceTest.process(server.url())) {
      Process other = start(server.url());
      try (BufferedReader out =
              new BufferedReader(
                  new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
          PrintStream in = new PrintStream(other.getOutputStream(), true, StandardCharsets.UTF_8)) {
        assertThat(out.readLine()).isEqualTo("ready");
        here.getDefault().set("k", "v1");
        Await.until(
            "the other JVM's local tier holds v1",
            NearCacheCoherenceTest.INVALIDATION_BOUND,
            () -> ask(in, out, "get k").equals("v1") && ask(in, out, "near k").equals("v1"));

        here.getDefault().set("k", "v2");
        Await.until(
            "the other JVM's local copy dropped",
            NearCacheCoherenceTest.INVALIDATION_BOUND,
            () -> ask(in, out, "near k").equals("absent"));
        assertThat(ask(in, out, "get k")).isEqualTo("v2");

        here.getDefault().delete("k");
        Await.until(
            "the other JVM's local copy dropped",
            NearCacheCoherenceTest.INVALIDATION_BOUND,
            () -> ask(in, out, "near k").equals("absent"));
        assertThat(ask(in, out, "get k")).isEqualTo("null");
      } finally {
        other.destroy();
        other.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  private static String ask(PrintStream in, BufferedReader out, String command) {
    in.println(command);
    try {
      return out.readLine();
    } catch (IOException e) {
      throw new AssertionError("the other JVM stopped answering", e);
    }
  }

  private static Process start(String redisUrl) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            NearCacheWorker.class.getName(),
            redisUrl)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }
}
