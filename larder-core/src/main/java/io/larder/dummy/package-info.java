/**
 * The {@code dummy} backend (Django's {@code DummyCache}): a cache that stores nothing, for
 * development and tests.
 *
 * @since 0.1
 */
package io.larder.dummy;
