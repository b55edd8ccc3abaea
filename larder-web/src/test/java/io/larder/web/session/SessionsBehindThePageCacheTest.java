package io.larder.web.session;

import jakarta.servlet.Filter;
import java.util.List;

/**
 * The page cache in front of sessions, as Django's middleware order puts them: it sees the {@code
 * Vary: Cookie} and {@code Set-Cookie} the session filter adds.
 */
class SessionsBehindThePageCacheTest extends PageCacheWithSessionsTest {
  @Override
  protected List<Filter> filters(Filter pageCache, Filter sessions) {
    return List.of(pageCache, sessions);
  }
}
