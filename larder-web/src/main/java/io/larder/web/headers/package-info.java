/**
 * Django's {@code django.utils.cache} header helpers and the {@code cache_control},
 * {@code never_cache} and {@code vary_on_headers} decorators, as servlet filters, and conditional
 * GET.
 *
 * @since 0.1
 */
package io.larder.web.headers;
