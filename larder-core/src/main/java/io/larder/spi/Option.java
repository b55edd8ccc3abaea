package io.larder.spi;

import io.larder.CacheSettings;
import io.larder.InvalidConfigurationException;
import io.larder.Timeout;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One entry of a cache's {@code OPTIONS}, declared once where it is read: its name, its default as
 * the docs show it, what it means, and how it is read. A backend's {@link CacheBackend#options()}
 * lists its declarations; from them come the start-up error for an unknown option, {@code larder
 * check --options}, and the option tables of docs/configuration.md (a test keeps those in step).
 *
 * <pre>{@code
 * static final Option<Integer> POOL_SIZE =
 *     Option.integer("pool_size", 10, 1, 1000, "the most connections the cache's pool opens");
 * ...
 * int poolSize = POOL_SIZE.from(context.settings());
 * }</pre>
 *
 * @param <T> the type the option is read as
 * @since 0.1
 */
public final class Option<T> {
  private final String name;
  private final String defaultText;
  private final String meaning;
  private final Function<CacheSettings, T> reader;

  private Option(
      String name, String defaultText, String meaning, Function<CacheSettings, T> reader) {
    this.name = Objects.requireNonNull(name, "name");
    this.defaultText = Objects.requireNonNull(defaultText, "defaultText");
    this.meaning = Objects.requireNonNull(meaning, "meaning");
    this.reader = Objects.requireNonNull(reader, "reader");
  }

  /**
   * An integer in {@code [min, max]}.
   *
   * @param name the option's name under {@code OPTIONS}, in lower case, e.g. {@code max_entries}
   * @param defaultValue the value when unset, within {@code [min, max]}
   * @param min the least value accepted
   * @param max the greatest value accepted
   * @param meaning what the option does, one sentence, for docs/configuration.md and {@code larder
   *     options}
   * @return the option; read it with {@link #from}
   */
  public static Option<Integer> integer(
      String name, int defaultValue, int min, int max, String meaning) {
    return new Option<>(
        name,
        String.valueOf(defaultValue),
        meaning,
        settings ->
            read(settings, name, defaultValue, raw -> (int) SettingValues.integer(raw, min, max)));
  }

  /**
   * A number of seconds, fractions allowed, 0 or more.
   *
   * @param name the option's name under {@code OPTIONS}, in lower case, e.g. {@code max_entries}
   * @param defaultValue the value when unset: a finite timeout, {@link Timeout#NEVER}, or null for
   *     none
   * @param meaning what the option does, one sentence, for docs/configuration.md and {@code larder
   *     options}
   * @return the option; read it with {@link #from}
   */
  public static Option<Timeout> seconds(String name, Timeout defaultValue, String meaning) {
    return new Option<>(
        name,
        secondsText(defaultValue),
        meaning,
        settings -> read(settings, name, defaultValue, raw -> SettingValues.seconds(raw, 0)));
  }

  /**
   * A number of seconds, fractions allowed, at least {@code minSeconds}.
   *
   * @param name the option's name under {@code OPTIONS}, in lower case, e.g. {@code max_entries}
   * @param defaultValue the value when unset: a finite timeout, {@link Timeout#NEVER}, or null for
   *     none
   * @param minSeconds the least number of seconds accepted
   * @param meaning what the option does, one sentence, for docs/configuration.md and {@code larder
   *     options}
   * @return the option; read it with {@link #from}
   */
  public static Option<Timeout> seconds(
      String name, Timeout defaultValue, double minSeconds, String meaning) {
    return new Option<>(
        name,
        secondsText(defaultValue),
        meaning,
        settings ->
            read(settings, name, defaultValue, raw -> SettingValues.seconds(raw, minSeconds)));
  }

  /**
   * {@code true} or {@code false}, in any case.
   *
   * @param name the option's name under {@code OPTIONS}, in lower case, e.g. {@code max_entries}
   * @param defaultValue the value when unset
   * @param meaning what the option does, one sentence, for docs/configuration.md and {@code larder
   *     options}
   * @return the option; read it with {@link #from}
   */
  public static Option<Boolean> flag(String name, boolean defaultValue, String meaning) {
    return new Option<>(
        name,
        String.valueOf(defaultValue),
        meaning,
        settings -> read(settings, name, defaultValue, SettingValues::bool));
  }

  /**
   * A string; {@code defaultValue} may be null ("none").
   *
   * @param name the option's name under {@code OPTIONS}, in lower case, e.g. {@code max_entries}
   * @param defaultValue the value when unset; null for none
   * @param meaning what the option does, one sentence, for docs/configuration.md and {@code larder
   *     options}
   * @return the option; read it with {@link #from}
   */
  public static Option<String> string(String name, String defaultValue, String meaning) {
    return new Option<>(
        name,
        defaultValue == null ? "none" : defaultValue,
        meaning,
        settings -> read(settings, name, defaultValue, SettingValues::text));
  }

  /**
   * A list, or a string of items separated by commas; empty by default.
   *
   * @param name the option's name under {@code OPTIONS}, in lower case, e.g. {@code max_entries}
   * @param meaning what the option does, one sentence, for docs/configuration.md and {@code larder
   *     options}
   * @return the option; read it with {@link #from}
   */
  public static Option<List<String>> list(String name, String meaning) {
    return new Option<>(
        name, "[]", meaning, settings -> read(settings, name, List.of(), SettingValues::list));
  }

  /**
   * An object handed in through {@code Caches.builder()} (a pool, a client), as given; none by
   * default. Configuration files cannot give one.
   *
   * <pre>{@code
   * static final Option<Object> DATASOURCE =
   *     Option.object("datasource", "a javax.sql.DataSource object instead of url");
   * }</pre>
   *
   * @param name the option's name under {@code OPTIONS}, in lower case, e.g. {@code max_entries}
   * @param meaning what the option does, one sentence, for docs/configuration.md and {@code larder
   *     options}
   * @return the option; {@link #from} gives the object, or null when none was given
   */
  public static Option<Object> object(String name, String meaning) {
    return new Option<>(name, "none", meaning, settings -> settings.options().get(name));
  }

  /**
   * An option with a reading of its own (a choice of names, a file that must exist): {@code reader}
   * reports a wrong value with {@link #invalid}.
   *
   * <pre>{@code
   * static final Option<ZoneId> TIME_ZONE =
   *     Option.of("time_zone", "none", "the zone the table's times are in", Tables::timeZone);
   *
   * static ZoneId timeZone(CacheSettings settings) {
   *   Object raw = TIME_ZONE.raw(settings);
   *   try {
   *     return raw == null ? null : ZoneId.of(raw.toString());
   *   } catch (DateTimeException e) {
   *     throw TIME_ZONE.invalid(settings, raw, "a time zone name such as UTC");
   *   }
   * }
   * }</pre>
   *
   * @param <T> the type of the value
   * @param name the option's name under {@code OPTIONS}, in lower case
   * @param defaultText the default as docs/configuration.md shows it, e.g. {@code none}
   * @param meaning what the option does, one sentence, for docs/configuration.md and {@code larder
   *     options}
   * @param reader reads the value from a cache's settings, its default included; not null
   * @return the option; read it with {@link #from}
   */
  public static <T> Option<T> of(
      String name, String defaultText, String meaning, Function<CacheSettings, T> reader) {
    return new Option<>(name, defaultText, meaning, reader);
  }

  /**
   * The option's value in {@code settings}, or its default.
   *
   * @param settings the settings of the cache being built
   * @return the configured value, or the default (which may be null) when unset
   * @throws io.larder.InvalidConfigurationException naming the alias, the option, the value and
   *     what is accepted
   */
  public T from(CacheSettings settings) {
    return reader.apply(settings);
  }

  /**
   * Whether {@code settings} give this option a value (a default does not count).
   *
   * @param settings the settings of the cache being built
   * @return true if the option is configured, false if it is not
   */
  public boolean isSet(CacheSettings settings) {
    return settings.options().containsKey(name);
  }

  /**
   * The value as configured, unread (null when unset): for a reader of its own that takes a map or
   * a list apart, and for errors that show the value as it was written.
   *
   * @param settings the settings of the cache being built
   * @return the configured value as the configuration source gave it, or null when unset
   */
  public Object raw(CacheSettings settings) {
    return settings.options().get(name);
  }

  /**
   * For a reader of its own: the value as {@code parse} reads it (a {@link SettingValues} method),
   * or {@code defaultValue} when unset; an {@link IllegalArgumentException} from {@code parse}
   * becomes the start-up error, with its message as what is accepted.
   *
   * <pre>{@code
   * static final Option<String> MAP =
   *     Option.of("map", "larder-ALIAS", "the IMap's name", settings ->
   *         Backend.MAP.read(settings, "larder-" + settings.alias(), SettingValues::text));
   * }</pre>
   *
   * @param <R> the type of the value
   * @param settings the settings of the cache being built
   * @param defaultValue the value when unset; may be null
   * @param parse reads the configured value; throws {@link IllegalArgumentException} with what is
   *     accepted when it is wrong
   * @return the read value, or {@code defaultValue}
   * @throws InvalidConfigurationException if {@code parse} refuses the value
   */
  public <R> R read(CacheSettings settings, R defaultValue, Function<Object, R> parse) {
    return read(settings, name, defaultValue, parse);
  }

  /**
   * The start-up error for a value of this option that is not accepted: it names the alias, {@code
   * options.<name>}, the value as configured and {@code accepted}.
   *
   * <pre>{@code
   * throw HASHING.invalid(settings, raw, "ketama or modula");
   * }</pre>
   *
   * @param settings the settings of the cache being built
   * @param value the refused value, as configured; a password is never shown
   * @param accepted what the option accepts, in words
   * @return the exception, for the caller to throw
   */
  public InvalidConfigurationException invalid(
      CacheSettings settings, Object value, String accepted) {
    return invalid(settings, name, value, accepted);
  }

  private static InvalidConfigurationException invalid(
      CacheSettings settings, String option, Object value, String accepted) {
    return InvalidConfigurationException.badSetting(
        settings.alias(), "options." + option, value, accepted);
  }

  /**
   * The name, in lower case as configuration is read.
   *
   * @return the option's name, e.g. {@code max_entries}
   */
  public String name() {
    return name;
  }

  /**
   * The default as docs/configuration.md shows it, e.g. {@code 300}, {@code none}, {@code []}.
   *
   * @return the default's text; never null
   */
  public String defaultText() {
    return defaultText;
  }

  /**
   * What the option does, one sentence.
   *
   * @return the option's meaning; never null
   */
  public String meaning() {
    return meaning;
  }

  @Override
  public String toString() {
    return name + " (default " + defaultText + "): " + meaning;
  }

  /** The value of {@code name}, read by {@code parse}, or {@code defaultValue} when unset. */
  private static <T> T read(
      CacheSettings settings, String name, T defaultValue, Function<Object, T> parse) {
    Object value = settings.options().get(name);
    if (value == null) {
      return defaultValue;
    }
    try {
      return parse.apply(value);
    } catch (IllegalArgumentException e) {
      throw invalid(settings, name, value, e.getMessage());
    }
  }

  private static String secondsText(Timeout timeout) {
    if (timeout == null || timeout.isNever()) {
      return "none";
    }
    double seconds = timeout.toSeconds();
    return seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
  }
}
