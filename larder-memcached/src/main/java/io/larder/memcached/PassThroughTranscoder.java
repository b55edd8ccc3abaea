package io.larder.memcached;

import net.rubyeye.xmemcached.transcoders.CachedData;
import net.rubyeye.xmemcached.transcoders.CompressionMode;
import net.rubyeye.xmemcached.transcoders.Transcoder;

/**
 * Hands items to and from xmemcached as they are. {@link ValueFlags} encodes in the caller's
 * thread, before anything is sent, so a value that cannot be serialized or is too large fails
 * there; and decodes each item of a multi-get on its own, so one corrupt item is one miss.
 */
enum PassThroughTranscoder implements Transcoder<CachedData> {
  INSTANCE;

  @Override
  public CachedData encode(CachedData item) {
    return item;
  }

  @Override
  public CachedData decode(CachedData item) {
    return item;
  }

  @Override
  public void setPrimitiveAsString(boolean primitiveAsString) {}

  @Override
  public void setPackZeros(boolean packZeros) {}

  @Override
  public void setCompressionThreshold(int threshold) {}

  @Override
  public boolean isPrimitiveAsString() {
    return false;
  }

  @Override
  public boolean isPackZeros() {
    return false;
  }

  @Override
  public void setCompressionMode(CompressionMode mode) {}
}
