package io.larder.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import io.larder.CacheSettings;
import io.larder.InvalidConfigurationException;
import io.larder.Timeout;
import io.larder.spi.CommonOptions;
import io.larder.spi.Option;
import io.larder.spi.SettingValues;
import java.util.List;
import java.util.Locale;

/**
 * The validated settings of one {@code hazelcast} cache: how it reaches the cluster and which map
 * it uses. Checked once, when the caches are built; every error names the alias, the setting, the
 * value and what is accepted.
 */
record HazelcastOptions(
    Mode mode,
    String clusterName,
    List<MemberAddress> addresses,
    String mapName,
    long connectTimeoutMillis,
    int operationTimeoutSeconds,
    int port,
    int backupCount,
    Integer maxEntries,
    NearCache nearCache,
    EntryProcessors entryProcessors,
    HazelcastInstance instance) {

  /** Hazelcast's own default cluster name. */
  static final String DEFAULT_CLUSTER_NAME = "dev";

  static final Option<String> MODE =
      Option.string(
          "mode",
          "client",
          "client (connect to the members in location) or embedded (this JVM is a member, joining"
              + " the members in location)");
  static final Option<Object> INSTANCE =
      Option.object(
          "instance",
          "a HazelcastInstance (member or client) handed in through Caches.builder(); Larder uses"
              + " it and never shuts it down");
  static final Option<String> CLUSTER_NAME =
      Option.string(
          "cluster_name",
          DEFAULT_CLUSTER_NAME,
          "the cluster's name; members of another name refuse the client");
  static final Option<String> MAP =
      Option.of(
          "map",
          "larder-<alias>",
          "the name of the cache's IMap; caches naming one map share it",
          settings ->
              HazelcastOptions.MAP.read(
                  settings, "larder-" + settings.alias(), SettingValues::text));
  static final Option<Timeout> CONNECT_TIMEOUT =
      Option.seconds(
          "connect_timeout",
          Timeout.seconds(5),
          "seconds a call waits for the client's first connection to the cluster");
  static final Option<Integer> OPERATION_TIMEOUT =
      Option.integer(
          "operation_timeout",
          5,
          1,
          3600,
          "whole seconds a call waits while the cluster is away (Hazelcast's invocation timeout)");
  static final Option<Integer> PORT =
      Option.integer(
          "port",
          MemberAddress.DEFAULT_PORT,
          1,
          65_535,
          "embedded: this member's port, or the next free one");
  static final Option<Integer> BACKUP_COUNT =
      Option.integer(
          "backup_count", 1, 0, 6, "embedded: synchronous backups of each entry of the map");
  static final Option<NearCache> NEAR_CACHE =
      Option.of(
          "near_cache",
          "none",
          "Hazelcast's near cache for the map: true, or {max_entries, timeout, invalidate}",
          NearCache::of);

  static final Option<EntryProcessors> ENTRY_PROCESSORS =
      Option.of(
          "entry_processors",
          "auto",
          "how incr, and add and touch through async(), reach the members: "
              + EntryProcessors.ACCEPTED,
          EntryProcessors::of);

  /** Every option of the backend, for its descriptor. */
  static final List<Option<?>> ALL =
      List.of(
          MODE,
          INSTANCE,
          CLUSTER_NAME,
          MAP,
          CONNECT_TIMEOUT,
          OPERATION_TIMEOUT,
          PORT,
          BACKUP_COUNT,
          NEAR_CACHE,
          ENTRY_PROCESSORS);

  static HazelcastOptions of(CacheSettings settings) {
    Object given = INSTANCE.from(settings);
    Mode mode = mode(settings, given);
    List<MemberAddress> addresses = MemberAddress.parseAll(settings);
    if (mode == Mode.CLIENT && addresses.isEmpty()) {
      throw InvalidConfigurationException.badSetting(
          settings.alias(),
          "location",
          settings.location(),
          "the addresses of the cluster's members, e.g. 10.0.0.1:5701,10.0.0.2:5701 (or"
              + " options.mode: embedded, or a HazelcastInstance as options.instance)");
    }
    String clusterName = CLUSTER_NAME.from(settings);
    if (clusterName.isBlank()) {
      throw CLUSTER_NAME.invalid(settings, clusterName, "the cluster's name, e.g. dev");
    }
    String mapName = MAP.from(settings);
    if (mapName.isBlank()) {
      throw MAP.invalid(settings, mapName, "the name of the cache's IMap, e.g. larder-default");
    }
    Integer maxEntries = null;
    if (CommonOptions.MAX_ENTRIES.isSet(settings)) {
      if (mode != Mode.EMBEDDED) {
        throw CommonOptions.MAX_ENTRIES.invalid(
            settings,
            CommonOptions.MAX_ENTRIES.raw(settings),
            "nothing in "
                + mode.name().toLowerCase(Locale.ROOT)
                + " mode: the cluster's own map configuration bounds the map (eviction with"
                + " max-size); Larder sets it only for a member it starts (mode: embedded)");
      }
      maxEntries = settings.maxEntries();
    }
    NearCache nearCache = NEAR_CACHE.from(settings);
    if (mode == Mode.GIVEN) {
      for (Option<?> declared :
          List.of(CLUSTER_NAME, CONNECT_TIMEOUT, OPERATION_TIMEOUT, PORT, BACKUP_COUNT, NEAR_CACHE)) {
        if (declared.isSet(settings)) {
          throw declared.invalid(
              settings,
              declared.raw(settings),
              "nothing when options.instance is given: configure it on that HazelcastInstance");
        }
      }
      if (!addresses.isEmpty()) {
        throw InvalidConfigurationException.badSetting(
            settings.alias(),
            "location",
            settings.location(),
            "nothing when options.instance is given: the instance knows its cluster");
      }
    }
    return new HazelcastOptions(
        mode,
        clusterName,
        addresses,
        mapName,
        Math.max(1, CONNECT_TIMEOUT.from(settings).toMillis()),
        OPERATION_TIMEOUT.from(settings),
        PORT.from(settings),
        BACKUP_COUNT.from(settings),
        maxEntries,
        nearCache,
        ENTRY_PROCESSORS.from(settings),
        given instanceof HazelcastInstance instance ? instance : null);
  }

  private static Mode mode(CacheSettings settings, Object given) {
    if (given != null) {
      if (!(given instanceof HazelcastInstance)) {
        throw INSTANCE.invalid(
            settings,
            given + " (a " + given.getClass().getName() + ")",
            "a com.hazelcast.core.HazelcastInstance (member or client), given through"
                + " Caches.builder()");
      }
      if (MODE.isSet(settings)) {
        throw MODE.invalid(
            settings,
            MODE.raw(settings),
            "nothing when options.instance is given: the instance is a member or a client already");
      }
      return Mode.GIVEN;
    }
    String mode = MODE.from(settings).trim().toLowerCase(Locale.ROOT);
    return switch (mode) {
      case "client" -> Mode.CLIENT;
      case "embedded" -> Mode.EMBEDDED;
      default -> throw MODE.invalid(settings, MODE.raw(settings), "client or embedded");
    };
  }

  /** Where the cluster is, for messages: its name and addresses. */
  String describeCluster() {
    if (mode == Mode.GIVEN) {
      return "the given Hazelcast instance '" + instance.getName() + "'";
    }
    String where =
        addresses.isEmpty()
            ? "this JVM's member (port " + port + ")"
            : String.join(", ", addresses.stream().map(MemberAddress::toString).toList());
    return "the Hazelcast cluster '" + clusterName + "' at " + where;
  }
}
