/**
 * Interoperability with Django: the {@code pickle} serializer ({@code serializer: pickle}), which
 * reads and writes the values a Django app stores, found through {@code java.util.ServiceLoader}
 * when this module is on the class path.
 *
 * <p>Applications name it {@code serializer: pickle}; {@link
 * io.larder.django.PickleSerializerProvider} is public for {@code java.util.ServiceLoader}. The
 * pickle reader and writer are package-private.
 *
 * @since 0.1
 */
package io.larder.django;
