/**
 * Django's {@code {% cache %}} template fragment tag for Pebble templates, through
 * {@link io.larder.pebble.FragmentCacheExtension}.
 *
 * @since 0.1
 */
package io.larder.pebble;
