/**
 * What every template engine's {@code {% cache %}} fragment tag shares beyond {@link
 * io.larder.FragmentCaches}: reading the tag's timeout as Django does ({@link
 * io.larder.web.fragment.FragmentTimeout}) and getting the fragment from its cache or rendering it,
 * failing open ({@link io.larder.web.fragment.CachedFragment}). Public for Larder's Pebble
 * extension and Thymeleaf dialect and for a tag written for another engine; applications use those
 * tags, not this package.
 *
 * @since 0.1
 */
package io.larder.web.fragment;
