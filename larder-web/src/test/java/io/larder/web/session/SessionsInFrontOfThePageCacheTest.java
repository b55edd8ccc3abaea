package io.larder.web.session;

import jakarta.servlet.Filter;
import java.util.List;

/**
 * The page cache inside the session filter (a per-view cache, say), where Django's {@code
 * cache_page} cannot see the {@code Vary: Cookie} of {@code SessionMiddleware}: a page that looked
 * at its session still varies on the cookie, so it is never served to another user.
 */
class SessionsInFrontOfThePageCacheTest extends PageCacheWithSessionsTest {
  @Override
  protected List<Filter> filters(Filter pageCache, Filter sessions) {
    return List.of(sessions, pageCache);
  }
}
