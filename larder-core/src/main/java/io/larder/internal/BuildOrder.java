package io.larder.internal;

import io.larder.InvalidConfigurationException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order caches are built in: configuration order, except that a cache built on others (a {@code
 * chain}'s tiers) comes after them. Refuses, naming the alias, a cache built on one that is not
 * configured or on itself, directly or through others.
 */
final class BuildOrder {
  private final Map<String, List<String>> builtOn;
  private final Set<String> done = new LinkedHashSet<>();
  private final List<String> path = new ArrayList<>();

  private BuildOrder(Map<String, List<String>> builtOn) {
    this.builtOn = builtOn;
  }

  /**
   * The aliases of {@code builtOn}'s keys, each after the aliases it is built on.
   *
   * @param builtOn every configured alias, in configuration order, to the aliases it is built on
   * @throws InvalidConfigurationException for an unknown alias or a cycle
   */
  static List<String> of(Map<String, List<String>> builtOn) {
    BuildOrder order = new BuildOrder(builtOn);
    builtOn.keySet().forEach(order::visit);
    return List.copyOf(order.done);
  }

  private void visit(String alias) {
    if (done.contains(alias)) {
      return;
    }
    int start = path.indexOf(alias);
    if (start >= 0) {
      List<String> cycle = new ArrayList<>(path.subList(start, path.size()));
      cycle.add(alias);
      throw new InvalidConfigurationException(
          "Cache '"
              + alias
              + "' is built on itself: "
              + String.join(" -> ", cycle)
              + "; a cache cannot be one of its own tiers, directly or through another cache");
    }
    path.add(alias);
    for (String other : builtOn.get(alias)) {
      if (!builtOn.containsKey(other)) {
        throw new InvalidConfigurationException(
            "Cache '"
                + alias
                + "' is built on the cache '"
                + other
                + "', which is not configured; the configured caches are "
                + String.join(", ", builtOn.keySet()));
      }
      visit(other);
    }
    path.remove(path.size() - 1);
    done.add(alias);
  }
}
