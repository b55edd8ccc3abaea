package io.larder;

/** Django's {@code default_key_func}: {@code "%s:%s:%s" % (key_prefix, version, key)}. */
enum DjangoKeyFunction implements KeyFunction {
  INSTANCE;

  @Override
  public String makeKey(String key, String keyPrefix, int version) {
    return keyPrefix + ':' + version + ':' + key;
  }
}
