/**
 * What the page cache and the header filters share: a response held until its headers may still
 * change, and the record of the headers a cached response varies on.
 *
 * @since 0.1
 */
package io.larder.web.response;
