package io.larder.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a Python script under Debian's interpreter with one version of real Django, for interop
 * tests: Python writes, Java reads, and the other way round. Every interop test runs under each
 * version, as a parameterized class:
 *
 * <pre>{@code
 * @ParameterizedClass(name = "{0}")
 * @EnumSource(DjangoPython.class)
 * class SomeInteropTest {
 *   @Parameter DjangoPython django;
 *
 *   @Test
 *   void djangoReadsIt() {
 *     String out = django.run("import sys; print(sys.argv[1])", "hello");
 *   }
 * }
 * }</pre>
 *
 * <p>Django 3.2 is the system's ({@code python3-django}); Django 4.2 is Debian's {@code
 * bookworm-backports} package unpacked by {@code scripts/django-4.2} (which {@code scripts/test}
 * runs) and put first on {@code PYTHONPATH}; the other Python packages (django-redis, pymemcache,
 * pylibmc, psycopg2, python-memcached) are the system's for both. Fails, never skips, when a
 * version is missing, naming what installs it.
 */
public enum DjangoPython {
  /** Debian bookworm's {@code python3-django} 3.2, the system's. */
  DJANGO_3_2("3.2", Optional.empty()),
  /** {@code python3-django} 4.2 from {@code bookworm-backports}, unpacked beside the system's. */
  DJANGO_4_2("4.2", Optional.of(backportsDistPackages()));

  /** Debian's interpreter: the {@code python3} first on PATH may lack Debian's packages. */
  public static final Path INTERPRETER = Path.of("/usr/bin/python3");

  /** The bound of {@link #run(String, String...)}: a script that takes longer has hung. */
  private static final Duration LIMIT = Duration.ofSeconds(60);

  private final String version;
  private final Optional<Path> pythonPath;
  private volatile boolean verified;

  DjangoPython(String version, Optional<Path> pythonPath) {
    this.version = version;
    this.pythonPath = pythonPath;
  }

  /** Where {@code scripts/django-4.2} unpacks Django 4.2: {@code $LARDER_DJANGO_4_2} or a cache. */
  private static Path backportsDistPackages() {
    String configured = System.getenv("LARDER_DJANGO_4_2");
    Path root =
        configured != null && !configured.isBlank()
            ? Path.of(configured)
            : Path.of(System.getProperty("user.home"), ".cache", "larder", "django-4.2");
    return root.resolve("usr/lib/python3/dist-packages");
  }

  /** The feature version, {@code "3.2"} or {@code "4.2"}. */
  public String version() {
    return version;
  }

  /** Whether this Django is at least {@code major.minor} (Django's RedisCache needs 4.0). */
  public boolean isAtLeast(int major, int minor) {
    String[] parts = version.split("\\.");
    int ours = Integer.parseInt(parts[0]) * 100 + Integer.parseInt(parts[1]);
    return ours >= major * 100 + minor;
  }

  @Override
  public String toString() {
    return "Django " + version;
  }

  /**
   * Runs {@code script} under this Django with {@code args} as {@code sys.argv[1:]} and returns
   * what it printed.
   *
   * @throws AssertionError if Python or this Django is missing, or the script fails or runs for
   *     more than 60 s (then it is killed); the failure names the script and ends with its output
   */
  public String run(String script, String... args) {
    return run(LIMIT, script, args);
  }

  /**
   * As {@link #run(String, String...)}, for a script that may take at most {@code limit}: past it,
   * Python is killed and the call fails naming the script, with what it printed.
   */
  public String run(Duration limit, String script, String... args) {
    requireDjango();
    return exec(limit, script, args);
  }

  private void requireDjango() {
    if (verified) {
      return;
    }
    if (!Files.isExecutable(INTERPRETER)) {
      throw new AssertionError(
          INTERPRETER + " not found: install Debian's Django with apt-get install python3-django");
    }
    String found;
    try {
      found = exec(LIMIT, "import django; print(django.get_version())").strip();
    } catch (AssertionError e) {
      throw new AssertionError(missing(e.getMessage()));
    }
    if (!found.startsWith(version + ".")) {
      throw new AssertionError(missing("found Django " + found + " instead"));
    }
    verified = true;
  }

  private String missing(String detail) {
    String install =
        pythonPath.isEmpty()
            ? "install it with apt-get install python3-django"
            : "unpack it with scripts/django-4.2 (scripts/test does) into " + pythonPath.get();
    return "Django " + version + " is not importable by " + INTERPRETER + ": " + install + " (" + detail + ")";
  }

  private String exec(Duration limit, String script, String... args) {
    List<String> command = new ArrayList<>(List.of(INTERPRETER.toString(), "-c", script));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> environment = builder.environment();
    // An inherited PYTHONPATH could put another Django first under either version.
    environment.remove("PYTHONPATH");
    pythonPath.ifPresent(path -> environment.put("PYTHONPATH", path.toString()));
    return ChildProcess.run("Python (" + this + ") running " + firstLine(script), limit, builder);
  }

  private static String firstLine(String script) {
    String line = script.strip().lines().findFirst().orElse("");
    return "'" + (line.length() > 60 ? line.substring(0, 60) + "..." : line) + "'";
  }
}
