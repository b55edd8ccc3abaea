package io.larder.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.larder.Cache;
import io.larder.pebble.FragmentCacheExtension;
import io.larder.web.headers.HttpCacheHeaders;
import io.larder.web.session.SessionFilter;
import io.larder.web.session.SessionSettings;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /_larder/entries.json}: the session and fragment entries the dashboard lists. Session keys
 * are shown cut short: a full key is a password to the session.
 */
final class EntriesEndpoint extends HttpServlet {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SessionFilter sessions;
  private final RecentSessions recent;
  private final FragmentCacheExtension fragments;

  EntriesEndpoint(SessionFilter sessions, RecentSessions recent, FragmentCacheExtension fragments) {
    this.sessions = sessions;
    this.recent = recent;
    this.fragments = fragments;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("sessions", sessions());
    report.put("fragments", fragments());
    byte[] body = JSON.writeValueAsBytes(report);
    HttpCacheHeaders.neverCache(response);
    response.setContentType("application/json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private Map<String, Object> sessions() {
    SessionSettings settings = sessions.settings();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map.Entry<String, Integer> entry : recent.mostRecentFirst()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("session", entry.getKey().substring(0, 6) + "…");
      row.put("visits", entry.getValue());
      row.put("live", sessions.exists(entry.getKey()));
      rows.add(row);
    }
    Map<String, Object> section = new LinkedHashMap<>();
    section.put("engine", settings.engine().shortName());
    section.put("cache", settings.cacheAlias());
    section.put("database", settings.databaseAlias().orElse(null));
    section.put("recent", rows);
    return section;
  }

  private Map<String, Object> fragments() {
    Cache cache = fragments.cache();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String lang : FragmentsPage.LANGUAGES) {
      String key = fragments.keys().key("sidebar", List.of(lang));
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("fragment", "sidebar");
      row.put("varyOn", List.of(lang));
      row.put("key", key);
      row.put("cached", cache.hasKey(key));
      rows.add(row);
    }
    Map<String, Object> section = new LinkedHashMap<>();
    section.put("cache", cache.settings().alias());
    section.put("failures", fragments.failures());
    section.put("entries", rows);
    return section;
  }
}
