package io.larder.spi;

/** The type of {@link CacheStore#MISSING}: a marker no stored value can equal. */
enum Missing {
  INSTANCE;

  @Override
  public String toString() {
    return "MISSING";
  }
}
