package io.larder.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import io.larder.testsupport.ChildProcess;
import io.larder.testsupport.Signals;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Real Hazelcast members in JVM processes of their own ({@code HazelcastMemberStarter} from the
 * Hazelcast jar), so that a test can kill one as a crash would. Their class path holds Larder's
 * Hazelcast classes too, so that {@code incr} runs its entry processor on them; {@link #stock}
 * starts members with the Hazelcast jar alone, as an operations team or a managed service runs
 * them, and {@link #mixed} some of each.
 * Loopback only; multicast, auto-detection and phone-home off.
 */
final class MemberProcesses implements AutoCloseable {
  /**
   * How long a member's JVM may take to open its port on a loaded 2-core machine: longer than a
   * client's connect timeout, so a test's first connection is not spent waiting for the JVMs.
   */
  private static final Duration STARTUP = Duration.ofSeconds(90);

  private final String clusterName = "larder-process-" + UUID.randomUUID();
  private final int[] ports;
  private final ChildProcess[] processes;
  private final Path directory;
  /** Whether each member has Larder's classes on its class path. */
  private final boolean[] larderClasses;

  /** {@code count} members with Larder's Hazelcast classes on their class path. */
  MemberProcesses(int count) {
    this(count, 0);
  }

  /** {@code count} members with nothing but the Hazelcast jar on their class path. */
  static MemberProcesses stock(int count) {
    return new MemberProcesses(0, count);
  }

  /**
   * One cluster of {@code larder} members with Larder's classes and then {@code stock} members
   * without them.
   */
  static MemberProcesses mixed(int larder, int stock) {
    return new MemberProcesses(larder, stock);
  }

  private MemberProcesses(int larder, int stock) {
    int count = larder + stock;
    larderClasses = new boolean[count];
    java.util.Arrays.fill(larderClasses, 0, larder, true);
    ports = new int[count];
    processes = new ChildProcess[count];
    for (int i = 0; i < count; i++) {
      ports[i] = TestMembers.freePort();
    }
    try {
      directory = Files.createTempDirectory("larder-hazelcast-members");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int i = 0; i < count; i++) {
      start(i);
    }
    awaitListening();
  }

  /** Waits until every member accepts connections on its port. */
  private void awaitListening() {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    for (int port : ports) {
      while (!accepts(port)) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              "a Hazelcast member did not open port " + port + " in " + STARTUP);
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted", e);
        }
      }
    }
  }

  private static boolean accepts(int port) {
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  String clusterName() {
    return clusterName;
  }

  String location() {
    return java.util.Arrays.stream(ports)
        .mapToObj(port -> "127.0.0.1:" + port)
        .collect(Collectors.joining(","));
  }

  /** Starts member {@code index} (again) on its port; it joins the others in its own time. */
  void start(int index) {
    try {
      Path config = directory.resolve("member-" + index + ".yaml");
      String members =
          java.util.Arrays.stream(ports)
              .mapToObj(port -> "          - 127.0.0.1:" + port)
              .collect(Collectors.joining("\n"));
      Files.writeString(
          config,
          String.join(
              "\n",
              "hazelcast:",
              "  cluster-name: " + clusterName,
              "  properties:",
              "    hazelcast.phone.home.enabled: false",
              "    hazelcast.logging.type: none",
              "  network:",
              "    port:",
              "      port: " + ports[index],
              "      auto-increment: false",
              "    interfaces:",
              "      enabled: true",
              "      interfaces:",
              "        - 127.0.0.1",
              "    join:",
              "      auto-detection:",
              "        enabled: false",
              "      multicast:",
              "        enabled: false",
              "      tcp-ip:",
              "        enabled: true",
              "        member-list:",
              members,
              ""));
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(
          List.of(
              "-Xmx256m",
              "-XX:TieredStopAtLevel=1",
              "--add-modules",
              "java.se",
              "--add-exports",
              "java.base/jdk.internal.ref=ALL-UNNAMED",
              "--add-opens",
              "java.base/java.lang=ALL-UNNAMED",
              "--add-opens",
              "java.base/sun.nio.ch=ALL-UNNAMED",
              "--add-opens",
              "java.management/sun.management=ALL-UNNAMED",
              "--add-opens",
              "jdk.management/com.sun.management.internal=ALL-UNNAMED",
              "-Dhazelcast.config=" + config,
              "-cp",
              larderClasses[index]
                  ? classPath(HazelcastInstance.class)
                      + File.pathSeparator
                      + classPath(HazelcastBackend.class)
                  : classPath(HazelcastInstance.class),
              "com.hazelcast.core.server.HazelcastMemberStarter"));
      processes[index] =
          ChildProcess.start(
              "Hazelcast member " + index + " on port " + ports[index], new ProcessBuilder(command));
      processes[index].closeInput();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Kills member {@code index} at once (SIGKILL): no graceful leave, no migration first. */
  void kill(int index) {
    processes[index].kill();
    processes[index].close();
  }

  /** Stops member {@code index} without ending it (SIGSTOP): it keeps its sockets, answers nothing. */
  void freeze(int index) {
    Signals.send("STOP", processes[index].pid());
  }

  /** Lets a {@link #freeze frozen} member run again (SIGCONT). */
  void thaw(int index) {
    Signals.send("CONT", processes[index].pid());
  }

  private static String classPath(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    for (ChildProcess process : processes) {
      if (process != null) {
        process.close();
      }
    }
  }
}
