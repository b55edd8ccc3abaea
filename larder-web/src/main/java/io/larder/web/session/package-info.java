/**
 * {@code HttpSession}s kept in a cache or a database, in Django's session formats, so a Java
 * application and a Django app can share them: Django's {@code cache}, {@code cached_db}, {@code
 * db} and {@code signed_cookies} engines ({@code docs/sessions.md}).
 *
 * <p>Applications touch {@link io.larder.web.session.SessionFilter} (in code) or {@link
 * io.larder.web.session.WebXmlSessionFilter} (in web.xml), configured by {@link
 * io.larder.web.session.SessionSettings} with a {@link io.larder.web.session.SessionEngine}, and
 * {@link io.larder.web.session.SessionLogin} to rotate the session key at login, as Django's {@code
 * login()} does. {@link io.larder.web.session.SessionLookup} reads the session a request names from
 * a filter on either side of the session filter. The stores, records and signing behind them are
 * package-private: a new engine starts at {@code SessionStore} and {@code SessionEngine}.
 *
 * @since 0.1
 */
package io.larder.web.session;
