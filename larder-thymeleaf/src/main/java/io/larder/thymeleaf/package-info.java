/**
 * Django's {@code {% cache %}} for Thymeleaf templates: the {@code larder:cache} attribute of
 * {@link io.larder.thymeleaf.FragmentCacheDialect}.
 *
 * @since 0.1
 */
package io.larder.thymeleaf;
