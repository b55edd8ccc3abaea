package io.larder;

import io.larder.spi.PasswordRedaction;
import java.util.Locale;

/**
 * A setting is missing or wrong, or an alias does not exist (Django's {@code
 * InvalidCacheBackendError}). Raised when the caches are loaded, never later: the message names the
 * alias, the setting, the value given and what is accepted.
 *
 * @since 0.1
 */
public class InvalidConfigurationException extends CacheException {
  /**
   * A configuration that cannot be used.
   *
   * @param message what is wrong, naming the cache alias and the setting
   */
  public InvalidConfigurationException(String message) {
    super(message);
  }

  /**
   * A configuration that cannot be used, found by a failure such as an unreadable file.
   *
   * @param message what is wrong, naming the cache alias and the setting
   * @param cause the underlying failure; may be null
   */
  public InvalidConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * The standard exception for a setting of {@code alias} whose value is not accepted. The value of
   * a password or secret setting is never shown, and a password inside a location is redacted.
   *
   * @param alias the cache's alias, e.g. {@code default}
   * @param setting the setting's name as written in the configuration, e.g. {@code TIMEOUT}
   * @param value the rejected value; may be null
   * @param accepted what the setting accepts, in words, e.g. {@code "a number of seconds or null"}
   * @return the exception, to be thrown by the caller
   */
  public static InvalidConfigurationException badSetting(
      String alias, String setting, Object value, String accepted) {
    return new InvalidConfigurationException(
        "Cache '"
            + alias
            + "': setting '"
            + setting
            + "' has the value "
            + (isSecret(setting) ? "(hidden)" : describe(value))
            + "; accepted: "
            + accepted
            + ".");
  }

  /** A password or secret key: its value is never shown, whatever is wrong with it. */
  private static boolean isSecret(String setting) {
    String name = setting.toLowerCase(Locale.ROOT);
    return name.contains("password") || name.contains("secret");
  }

  /** The value as the message shows it: never a password (a location's, a URL's). */
  private static String describe(Object value) {
    String shown = PasswordRedaction.apply(String.valueOf(value));
    return value instanceof String ? "'" + shown + "'" : shown;
  }
}
