package io.larder.jcache;

import io.larder.testsupport.RedisServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Points the TCK's default cache manager at a real redis-server when the run sets {@code
 * larder.jcache.tck.redis=true} (the module's {@code tck-redis} Surefire execution): before any
 * test class loads, it starts the server and names a larder.yml on it in {@code larder.config}.
 */
public final class RedisTckSession implements LauncherSessionListener {
  private Path config;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (!Boolean.getBoolean("larder.jcache.tck.redis")) {
      return;
    }
    String url = RedisServers.standalone().url(0);
    try {
      config = Files.createTempFile("larder-jcache-tck", ".yml");
      Files.writeString(
          config,
          """
          caches:
            default:
              backend: redis
              location: %s
              options:
                serializer_allow: [domain, org.jsr107.tck]
                # The TCK runs in one process, on Long and Integer keys.
                jcache_local_listeners: true
          """
              .formatted(url));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.setProperty(ConfigurationLocation.CONFIG_PROPERTY, config.toString());
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (config != null) {
      try {
        Files.deleteIfExists(config);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
