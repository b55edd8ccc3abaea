package io.larder.chain;

import io.larder.InvalidConfigurationException;
import io.larder.KeyFunction;
import io.larder.spi.CacheStore;
import io.larder.spi.Channels;
import io.larder.spi.KeyChanges;
import io.larder.spi.StoreContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Which source keeps a chain's local tiers coherent: the chain's {@code coherence} option, resolved
 * against what its tiers offer. {@code auto} takes the best there is: the last (authoritative)
 * tier's own account of every writer's changes ({@link KeyChanges}: {@code tracking} on Redis 6+),
 * else messages between chains through the first shared tier with {@link Channels} ({@code
 * publish}), else only {@code local_timeout} bounds a copy's age ({@code timeout}). A source named
 * explicitly that the tiers cannot give is refused at start-up.
 */
final class CoherenceChoice {
  static final List<String> NAMES =
      List.of("auto", "tracking", "events", "notify", "publish", "timeout");

  private final String name;
  private final String tierAlias;
  private final KeyChanges told;
  private final Channels channels;

  private CoherenceChoice(String name, String tierAlias, KeyChanges told, Channels channels) {
    this.name = name;
    this.tierAlias = tierAlias;
    this.told = told;
    this.channels = channels;
  }

  static CoherenceChoice of(StoreContext context, List<String> aliases, List<CacheStore> stores) {
    String chain = context.alias();
    String asked = ChainBackend.COHERENCE.from(context.settings());
    if (!NAMES.contains(asked)) {
      throw InvalidConfigurationException.badSetting(
          chain, "coherence", asked, String.join(", ", NAMES));
    }
    int last = stores.size() - 1;
    CacheStore authoritative = stores.get(last);
    // Asking a store whether it tracks keys may take a round trip to its server at start-up:
    // only when the answer can be used.
    boolean storeMayTell = !asked.equals("publish") && !asked.equals("timeout");
    KeyChanges told =
        storeMayTell && authoritative.blocksOnIo()
            ? authoritative.extension(KeyChanges.class, null)
            : null;
    int channelTier = channelTier(stores);
    CoherenceChoice byStore =
        told == null ? null : new CoherenceChoice(told.name(), aliases.get(last), told, null);
    CoherenceChoice byChannel =
        channelTier < 0
            ? null
            : new CoherenceChoice(
                "publish",
                aliases.get(channelTier),
                null,
                stores.get(channelTier).extension(Channels.class, null));
    CoherenceChoice byTimeout = new CoherenceChoice("timeout", null, null, null);
    CoherenceChoice chosen =
        switch (asked) {
          case "auto" -> byStore != null ? byStore : byChannel != null ? byChannel : byTimeout;
          case "publish" -> byChannel;
          case "timeout" -> byTimeout;
          default -> byStore != null && byStore.name.equals(asked) ? byStore : null;
        };
    if (chosen == null) {
      List<String> offered = new ArrayList<>();
      if (byStore != null) {
        offered.add(byStore.name);
      }
      if (byChannel != null) {
        offered.add("publish");
      }
      offered.add("timeout");
      throw InvalidConfigurationException.badSetting(
          chain,
          "coherence",
          asked,
          "auto or what the tiers offer: "
              + String.join(", ", offered)
              + " (tier '"
              + aliases.get(last)
              + "', the last, "
              + (byStore == null
                  ? "tells of no writer's changes"
                  : "tells of every writer's changes as " + byStore.name)
              + ")");
    }
    return chosen;
  }

  /** The first shared tier that can carry messages between processes, or -1. */
  private static int channelTier(List<CacheStore> stores) {
    for (int i = 0; i < stores.size(); i++) {
      CacheStore store = stores.get(i);
      if (store.blocksOnIo() && store.extension(Channels.class, null) != null) {
        return i;
      }
    }
    return -1;
  }

  /** The source's name, as the option spells it. */
  String name() {
    return name;
  }

  /** True if only {@code local_timeout} bounds how old a local copy may be. */
  boolean timeoutOnly() {
    return told == null && channels == null;
  }

  /**
   * Starts listening.
   *
   * @param dropKey drops the local copies of a chain key (under the key's write lock)
   * @param dropAll clears the local tiers (under every write lock)
   */
  Coherence open(
      StoreContext context, boolean failsOpen, Consumer<String> dropKey, Runnable dropAll) {
    String chain = context.alias();
    if (told != null) {
      return Coherence.told(chain, tierAlias, told, watchedPrefix(context), dropKey, dropAll);
    }
    return Coherence.published(
        chain,
        tierAlias,
        channels,
        ChainBackend.INVALIDATION_CHANNEL.from(context.settings()),
        failsOpen,
        dropKey,
        dropAll);
  }

  /** Django's key function puts the prefix first; any other may put it anywhere: watch every key. */
  private static String watchedPrefix(StoreContext context) {
    return context.settings().keyFunction() == KeyFunction.django()
        ? context.settings().keyPrefix() + ":"
        : "";
  }

  /** The tier the source runs through. */
  String tierAlias() {
    return tierAlias;
  }
}
