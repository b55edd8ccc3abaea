/**
 * The {@code dummy} backend (Django's {@code DummyCache}): a cache that stores nothing, for
 * development and tests.
 *
 * <p>Applications name it {@code backend: dummy}; the public classes are here for {@code
 * java.util.ServiceLoader} and for {@link io.larder.Cache#unwrap}, not to be constructed.
 *
 * @since 0.1
 */
package io.larder.dummy;
