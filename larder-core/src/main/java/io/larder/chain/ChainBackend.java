package io.larder.chain;

import io.larder.CacheSettings;
import io.larder.InvalidConfigurationException;
import io.larder.Timeout;
import io.larder.spi.CacheBackend;
import io.larder.spi.CacheStore;
import io.larder.spi.Option;
import io.larder.spi.SettingValues;
import io.larder.spi.StoreContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code backend: chain}: a layered cache over other aliases of the same {@code Caches}, fastest
 * first, e.g. {@code caches: [memory, redis, filesystem]}. Also selected as {@code
 * CacheChainBackend} (bare or as {@code larder.cache.backends.chain.CacheChainBackend}), Django
 * style, and then the tiers may be given as {@code BACKENDS}, beside {@code BACKEND} or in {@code
 * OPTIONS}.
 * See docs/layered.md for what each operation does to each tier.
 *
 * @since 0.1
 */
public final class ChainBackend implements CacheBackend {
  private static final String ACCEPTED =
      "a list of at least two other cache aliases, fastest first, e.g. [memory, redis]";

  static final Option<List<String>> CACHES =
      Option.list("caches", "the tiers: other aliases, fastest first (at least two)");
  static final Option<List<String>> BACKENDS =
      Option.list("backends", "caches under the name a CacheChainBackend setting gives it (one of the two, not both)");
  static final Option<Timeout> LOCAL_TIMEOUT =
      Option.of(
          "local_timeout",
          "5",
          "the most seconds a local tier over a shared one keeps a copy (over Redis, whose"
              + " invalidations keep it coherent: only if set)",
          settings -> {
            Timeout timeout =
                ChainBackend.LOCAL_TIMEOUT.read(
                    settings, Timeout.seconds(5), raw -> SettingValues.seconds(raw, 0));
            if (timeout.isExpired()) {
              throw ChainBackend.LOCAL_TIMEOUT.invalid(
                  settings,
                  ChainBackend.LOCAL_TIMEOUT.raw(settings),
                  "a number of seconds greater than 0");
            }
            return timeout;
          });
  static final Option<String> INVALIDATION_CHANNEL =
      Option.of(
          "invalidation_channel",
          "larder:chain:ALIAS",
          "the Redis pub/sub channel a coherent chain's processes tell each other of changes on",
          settings ->
              ChainBackend.INVALIDATION_CHANNEL.read(
                  settings, "larder:chain:" + settings.alias(), SettingValues::text));

  static final Option<String> COHERENCE =
      Option.string(
          "coherence",
          "auto",
          "how local tiers hear of other writers' changes: auto, tracking (Redis 6+: every"
              + " writer), events, notify, publish (other chains only) or timeout (local_timeout"
              + " alone)");

  @Override
  public String name() {
    return "chain";
  }

  @Override
  public Set<String> aliases() {
    return Set.of("CacheChainBackend", "larder.cache.backends.chain.CacheChainBackend");
  }

  @Override
  public List<Option<?>> options() {
    return List.of(CACHES, BACKENDS, LOCAL_TIMEOUT, INVALIDATION_CHANNEL, COHERENCE);
  }

  @Override
  public List<String> builtOn(CacheSettings settings) {
    boolean caches = CACHES.isSet(settings);
    boolean backends = BACKENDS.isSet(settings);
    if (caches && backends) {
      throw BACKENDS.invalid(settings, BACKENDS.raw(settings), "caches or BACKENDS, not both");
    }
    if (!caches && !backends) {
      throw CACHES.invalid(settings, null, ACCEPTED);
    }
    Option<List<String>> option = caches ? CACHES : BACKENDS;
    Object raw = option.raw(settings);
    List<String> tiers = option.from(settings);
    if (tiers.size() < 2) {
      throw option.invalid(settings, raw, ACCEPTED);
    }
    if (tiers.contains(settings.alias())) {
      throw option.invalid(settings, raw, ACCEPTED + ", not the chain itself");
    }
    if (new HashSet<>(tiers).size() < tiers.size()) {
      throw option.invalid(settings, raw, ACCEPTED + ", each named once");
    }
    return tiers;
  }

  @Override
  public CacheStore create(StoreContext context) {
    List<String> tiers = builtOn(context.settings());
    tiers.forEach(tier -> requireChainsPrefix(context, tier));
    return new ChainStore(context, tiers);
  }

  /**
   * Every tier holds the chain's entries under the chain's keys, and a tier's {@code clear()} may
   * reach only the keys of its own prefix (Redis's does): a tier with another prefix would keep the
   * chain's entries through the chain's {@code clear()}.
   */
  private static void requireChainsPrefix(StoreContext context, String tier) {
    String chainPrefix = context.settings().keyPrefix();
    String tierPrefix = context.cache(tier).settings().keyPrefix();
    if (!tierPrefix.isEmpty() && !tierPrefix.equals(chainPrefix)) {
      throw InvalidConfigurationException.badSetting(
          tier,
          "key_prefix",
          tierPrefix,
          "none, or '"
              + chainPrefix
              + "', the key_prefix of the chain '"
              + context.alias()
              + "' built on it: a chain's tiers hold its entries under the chain's keys, which a"
              + " clear() of another prefix would miss");
    }
  }
}
