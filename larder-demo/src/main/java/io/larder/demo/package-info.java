/**
 * The demo web app ({@code scripts/demo}, docs/demo.md): pages that show page caching, a cached
 * template fragment, sessions in a cache and a layered cache, and a dashboard of every configured
 * cache, on embedded Jetty bound to 127.0.0.1.
 *
 * <p>Its command line ({@link io.larder.demo.Demo}) is what a reader runs; {@link
 * io.larder.demo.DemoServer} starts it from code, as its tests do. Everything else is
 * package-private: the pages are examples to read, not an API.
 *
 * @since 0.1
 */
package io.larder.demo;
