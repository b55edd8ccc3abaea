package io.larder;

/**
 * A setting is missing or wrong, or an alias does not exist (Django's {@code
 * InvalidCacheBackendError}). Raised when the caches are loaded, never later: the message names the
 * alias, the setting, the value given and what is accepted.
 *
 * @since 0.1
 */
public class InvalidConfigurationException extends CacheException {
  public InvalidConfigurationException(String message) {
    super(message);
  }

  public InvalidConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The standard message for a setting of {@code alias} whose value is not accepted. */
  public static InvalidConfigurationException badSetting(
      String alias, String setting, Object value, String accepted) {
    return new InvalidConfigurationException(
        "Cache '"
            + alias
            + "': setting '"
            + setting
            + "' has the value "
            + describe(value)
            + "; accepted: "
            + accepted
            + ".");
  }

  private static String describe(Object value) {
    return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
  }
}
