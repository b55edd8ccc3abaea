/**
 * What the page cache and the header filters share: {@link io.larder.web.response.HeldResponse}, a
 * response held until its headers may no longer change, so that a filter can patch them before the
 * first byte is committed; and {@link io.larder.web.response.VaryRecord}, the record of the request
 * headers a response varies on beyond its {@code Vary}.
 *
 * <p>Applications do not use this package. A filter that wraps the page cache and adds to {@code
 * Vary} after it (the session filter's {@code Vary: Cookie}) notes the header in the request's
 * {@code VaryRecord}, so the page cache keys on it all the same; a filter that must patch headers
 * late holds the response in a {@code HeldResponse}.
 *
 * @since 0.1
 */
package io.larder.web.response;
