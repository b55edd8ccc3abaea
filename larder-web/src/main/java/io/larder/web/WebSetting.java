package io.larder.web;

import io.larder.spi.SettingValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One setting of a web feature (the page cache, sessions), declared once: its name, type and unit,
 * default, accepted values, a one-line meaning, how a value is read and what it sets. Every surface
 * reads the same declaration: the builder through {@link #apply}, the servlet init-params and the
 * Spring Boot properties through {@link #applyAll}, the docs tables through {@link #table}; tests
 * over each feature's list fail when a surface lacks a setting.
 *
 * <pre>{@code
 * static final WebSetting<PageCache.Builder> ETAGS =
 *     WebSetting.flag("etags", true, "stored pages get an ETag", PageCache.Builder::etags);
 * ...
 * WebSetting.applyAll(SETTINGS, Map.of("etags", "false"), builder, (name, value, accepted) ->
 *     new InvalidConfigurationException(name + " is '" + value + "'; accepted: " + accepted));
 * }</pre>
 *
 * @param <B> what a value is applied to (a builder)
 * @since 0.1
 */
public final class WebSetting<B> {
  /** The most seconds a duration setting takes: far beyond any page or session. */
  private static final long MAX_SECONDS = Long.MAX_VALUE / 1_000_000_000L;

  /** Makes the error for a wrong value on one surface, naming where the value came from. */
  @FunctionalInterface
  public interface Complaint {
    /**
     * The error for {@code value} of the setting {@code name} (as the surface spells it), which is
     * not {@code accepted}.
     *
     * @param name the setting's name as the surface spells it (an init-param, a property)
     * @param value the value that was given, or {@code "(hidden)"} for a secret setting; may be
     *     {@code null}
     * @param accepted what the setting accepts, in words, e.g. {@code "true or false"}
     * @return the error to throw; never {@code null}
     */
    RuntimeException of(String name, Object value, String accepted);
  }

  private final String name;
  private final String type;
  private final String defaultText;
  private final String accepted;
  private final String meaning;
  private final String django;
  private final boolean secret;
  private final Function<Object, ?> parser;
  private final BiConsumer<B, Object> applier;

  private WebSetting(
      String name,
      String type,
      String defaultText,
      String accepted,
      String meaning,
      String django,
      boolean secret,
      Function<Object, ?> parser,
      BiConsumer<B, Object> applier) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.defaultText = Objects.requireNonNull(defaultText, "defaultText");
    this.accepted = Objects.requireNonNull(accepted, "accepted");
    this.meaning = Objects.requireNonNull(meaning, "meaning");
    this.django = Objects.requireNonNull(django, "django");
    this.secret = secret;
    this.parser = Objects.requireNonNull(parser, "parser");
    this.applier = Objects.requireNonNull(applier, "applier");
  }

  /** The parser's {@code T} meets the applier's: the one place the two are joined. */
  @SuppressWarnings("unchecked")
  private static <B, T> WebSetting<B> make(
      String name,
      String type,
      String defaultText,
      String accepted,
      String meaning,
      Function<Object, T> parser,
      BiConsumer<B, T> applier) {
    return new WebSetting<>(
        name,
        type,
        defaultText,
        accepted,
        meaning,
        "—",
        false,
        parser,
        (BiConsumer<B, Object>) (BiConsumer<B, ?>) applier);
  }

  /**
   * Whole seconds, at least {@code min}: a number (Django's unit), or a {@link Duration} as Spring
   * binds one.
   *
   * @param <B> what a value is applied to (a builder)
   * @param name the setting's name as the feature's configuration spells it
   * @param defaultText the default as the docs show it, e.g. {@code 600} or {@code none}
   * @param min the fewest seconds accepted: 0 or less accepts 0, more rejects anything below it
   * @param meaning what the setting does, one line for the docs
   * @param apply sets the read duration (whole seconds, at least {@code min}) on the builder
   * @return the setting
   */
  public static <B> WebSetting<B> seconds(
      String name, String defaultText, long min, String meaning, BiConsumer<B, Duration> apply) {
    String accepted =
        min <= 0
            ? "a whole number of seconds, 0 or more"
            : "a positive number of seconds, in whole seconds";
    return make(
        name,
        "seconds",
        defaultText,
        accepted,
        meaning,
        raw -> {
          long seconds =
              raw instanceof Duration d
                  ? d.toSeconds()
                  : SettingValues.integer(raw, 0, MAX_SECONDS);
          if (seconds < min || raw instanceof Duration d && d.isNegative()) {
            throw new IllegalArgumentException(accepted);
          }
          return Duration.ofSeconds(seconds);
        },
        apply);
  }

  /**
   * {@code true} or {@code false}.
   *
   * @param <B> what a value is applied to (a builder)
   * @param name the setting's name as the feature's configuration spells it
   * @param defaultValue the value the builder has when the setting is not given
   * @param meaning what the setting does, one line for the docs
   * @param apply sets the read value on the builder
   * @return the setting
   */
  public static <B> WebSetting<B> flag(
      String name, boolean defaultValue, String meaning, BiConsumer<B, Boolean> apply) {
    return make(
        name,
        "true/false",
        String.valueOf(defaultValue),
        "true or false",
        meaning,
        SettingValues::bool,
        apply);
  }

  /**
   * A whole number of {@code unit} in {@code [min, max]}.
   *
   * @param <B> what a value is applied to (a builder)
   * @param name the setting's name as the feature's configuration spells it
   * @param defaultValue the value the builder has when the setting is not given
   * @param min the smallest value accepted
   * @param max the largest value accepted, at least {@code min}
   * @param unit what the number counts, in the plural, e.g. {@code bytes}
   * @param meaning what the setting does, one line for the docs
   * @param apply sets the read value on the builder
   * @return the setting
   */
  public static <B> WebSetting<B> integer(
      String name,
      int defaultValue,
      int min,
      int max,
      String unit,
      String meaning,
      BiConsumer<B, Integer> apply) {
    String accepted = "a whole number of " + unit + ", " + min + " to " + max;
    return make(
        name,
        "integer (" + unit + ")",
        String.valueOf(defaultValue),
        accepted,
        meaning,
        raw -> {
          try {
            return (int) SettingValues.integer(raw, min, max);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(accepted, e);
          }
        },
        apply);
  }

  /**
   * A setting with a reading of its own: {@code parse} turns the raw value (a string from an
   * init-param, a value Spring bound, a YAML value) into {@code T}, throwing {@link
   * IllegalArgumentException} when it is not {@code accepted}.
   *
   * @param <B> what a value is applied to (a builder)
   * @param <T> the type the raw value is read as
   * @param name the setting's name as the feature's configuration spells it
   * @param type the type and unit as the docs show it
   * @param defaultText the default as the docs show it
   * @param accepted what a value may be, in words, for errors and docs
   * @param meaning what the setting does, one line for the docs
   * @param parse reads a raw value; never returns {@code null} for a value it accepts
   * @param apply sets the read value on the builder
   * @return the setting
   */
  public static <B, T> WebSetting<B> of(
      String name,
      String type,
      String defaultText,
      String accepted,
      String meaning,
      Function<Object, T> parse,
      BiConsumer<B, T> apply) {
    return make(name, type, defaultText, accepted, meaning, parse, apply);
  }

  /**
   * This setting, with its values left out of every error (a secret key).
   *
   * @return a copy of this setting marked secret; this one is unchanged
   */
  public WebSetting<B> secret() {
    return new WebSetting<>(
        name, type, defaultText, accepted, meaning, django, true, parser, applier);
  }

  /**
   * This setting, with the Django setting or argument it stands for, for the docs.
   *
   * @param djangoName the Django name, e.g. {@code CACHE_MIDDLEWARE_SECONDS}
   * @return a copy of this setting naming {@code djangoName}; this one is unchanged
   */
  public WebSetting<B> django(String djangoName) {
    return new WebSetting<>(
        name, type, defaultText, accepted, meaning, djangoName, secret, parser, applier);
  }

  /**
   * Reads {@code raw} and applies it to {@code target}.
   *
   * @param target the builder the value is set on
   * @param raw the value as the surface gives it: a string from an init-param, or a value Spring or
   *     YAML bound
   * @throws IllegalArgumentException with what is accepted, when {@code raw} is not
   */
  public void apply(B target, Object raw) {
    Object value;
    try {
      value = parser.apply(raw);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(accepted, e);
    }
    applier.accept(target, value);
  }

  /**
   * Applies each entry of {@code values} to {@code target} through the setting it names (in any
   * case, with {@code -} or {@code _}), in the map's order.
   *
   * @param <B> what a value is applied to (a builder)
   * @param settings the feature's settings
   * @param values raw values by setting name, as the surface spells the names
   * @param target the builder the values are set on
   * @param complaint makes the surface's error for an unknown name or a wrong value
   * @throws RuntimeException {@code complaint}'s error for an unknown name or a wrong value, naming
   *     the setting as {@code values} spells it
   */
  public static <B> void applyAll(
      List<WebSetting<B>> settings, Map<String, ?> values, B target, Complaint complaint) {
    for (Map.Entry<String, ?> entry : values.entrySet()) {
      Optional<WebSetting<B>> setting = named(settings, entry.getKey());
      if (setting.isEmpty()) {
        throw complaint.of(
            entry.getKey(), entry.getValue(), "a setting named one of " + names(settings));
      }
      WebSetting<B> s = setting.get();
      try {
        s.apply(target, entry.getValue());
      } catch (IllegalArgumentException e) {
        throw complaint.of(
            entry.getKey(),
            s.secret && entry.getValue() != null ? "(hidden)" : entry.getValue(),
            s.accepted);
      }
    }
  }

  /**
   * The setting {@code name} names: the same words in any case, joined by {@code -} or {@code _}.
   *
   * @param <B> what a value is applied to (a builder)
   * @param settings the feature's settings
   * @param name a setting name in any case, with {@code -} or {@code _}
   * @return the setting, or empty when none has that name
   */
  public static <B> Optional<WebSetting<B>> named(List<WebSetting<B>> settings, String name) {
    String key = words(name);
    return settings.stream().filter(s -> words(s.name).equals(key)).findFirst();
  }

  /**
   * {@code name} in kebab case, as Spring Boot properties and init-params spell it.
   *
   * @param name a setting name, e.g. {@code KEY_PREFIX}
   * @return the name stripped, in lower case, with {@code _} made {@code -}
   */
  public static String kebab(String name) {
    return words(name);
  }

  private static String words(String name) {
    return name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The settings' names, for the error that names an unknown one.
   *
   * @param settings the feature's settings
   * @return their names in order, joined by {@code ", "}
   */
  public static String names(List<? extends WebSetting<?>> settings) {
    List<String> names = new ArrayList<>();
    settings.forEach(s -> names.add(s.name()));
    return String.join(", ", names);
  }

  /**
   * The settings as a Markdown table (setting, Django, type, default, accepted, meaning), each name
   * after {@code prefix} and in kebab case when {@code kebab}; docs/web.md, docs/sessions.md and
   * docs/spring.md hold these tables, and tests keep them equal.
   *
   * @param settings the settings, one row each in order
   * @param prefix put before each name, e.g. {@code larder.web.page-cache.}; empty for none
   * @param kebab whether names are shown in kebab case
   * @return the table, a line per row, each ending in a newline
   */
  public static String table(List<? extends WebSetting<?>> settings, String prefix, boolean kebab) {
    StringBuilder table =
        new StringBuilder(
            "| setting | Django | type | default | accepted | meaning |\n"
                + "|---|---|---|---|---|---|\n");
    for (WebSetting<?> s : settings) {
      table
          .append("| `")
          .append(prefix)
          .append(kebab ? kebab(s.name) : s.name)
          .append("` | ")
          .append(s.django.equals("—") ? "—" : "`" + cell(s.django) + "`")
          .append(" | ")
          .append(cell(s.type))
          .append(" | ")
          .append(s.defaultText.startsWith("none") ? s.defaultText : "`" + s.defaultText + "`")
          .append(" | ")
          .append(cell(s.accepted))
          .append(" | ")
          .append(cell(s.meaning))
          .append(" |\n");
    }
    return table.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }

  /**
   * The name as the feature's own configuration spells it.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The type and unit, e.g. {@code seconds}, {@code integer (bytes)}, {@code true/false}.
   *
   * @return the type and unit
   */
  public String type() {
    return type;
  }

  /**
   * The default as the docs show it.
   *
   * @return the default, e.g. {@code 600}, or text starting {@code none} when there is none
   */
  public String defaultText() {
    return defaultText;
  }

  /**
   * What a value may be, for errors and docs.
   *
   * @return the accepted values, in words
   */
  public String accepted() {
    return accepted;
  }

  /**
   * What the setting does, one line.
   *
   * @return the meaning
   */
  public String meaning() {
    return meaning;
  }

  /**
   * The Django setting or argument it stands for.
   *
   * @return the Django name, or {@code —} when it has none
   */
  public String django() {
    return django;
  }

  /**
   * True if the value is never shown in an error.
   *
   * @return whether the setting is secret
   */
  public boolean isSecret() {
    return secret;
  }

  @Override
  public String toString() {
    return name + " (" + type + ", default " + defaultText + "): " + meaning;
  }
}
