/**
 * {@code HttpSession}s kept in a cache or a database, in Django's session formats, so a Java
 * application and a Django app can share them: Django's {@code cache}, {@code cached_db},
 * {@code db} and {@code signed_cookies} engines ({@code docs/sessions.md}).
 *
 * @since 0.1
 */
package io.larder.web.session;
