/**
 * Internal: the engine every backend shares and the configuration reader. Not public API: it may
 * change in any release, it is left out of the Javadoc, and code outside Larder must not use it
 * (docs/versioning.md).
 */
package io.larder.internal;
