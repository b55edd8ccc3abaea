package io.larder.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last sessions the counter served and their counts, for the dashboard. The demo keeps them
 * itself because a cache cannot list its keys; whether each is still live is asked of the store.
 */
final class RecentSessions {
  static final int MAX = 20;

  private final Map<String, Integer> visits =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
          return size() > MAX;
        }
      };

  synchronized void visited(String sessionKey, int count) {
    visits.put(sessionKey, count);
  }

  synchronized void forget(String sessionKey) {
    visits.remove(sessionKey);
  }

  /** The sessions, most recent first. */
  synchronized List<Map.Entry<String, Integer>> mostRecentFirst() {
    List<Map.Entry<String, Integer>> entries = new ArrayList<>();
    visits.forEach((key, count) -> entries.add(0, Map.entry(key, count)));
    return entries;
  }
}
