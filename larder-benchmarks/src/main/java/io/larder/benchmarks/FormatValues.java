package io.larder.benchmarks;

import io.larder.CacheDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values and formats {@link FormatsBenchmark} and {@link FormatSizes} use: what applications
 * cache (a dict a view builds, a 2 KB text, a page of search results), as types every serializer
 * writes.
 */
final class FormatValues {
  static final List<String> SERIALIZERS = List.of("java", "pickle", "json", "json_typed", "msgpack");
  static final List<String> COMPRESSORS = List.of("none", "zlib", "gzip", "lz4", "zstd", "lzma");

  private FormatValues() {}

  /** A cache definition storing bytes in {@code format}: a serializer, then {@code +compressor}. */
  static CacheDefinition configure(CacheDefinition cache, String format) {
    String[] parts = format.split("\\+");
    return cache
        .option("serializer", parts[0])
        .option("compressor", parts.length > 1 ? parts[1] : "none")
        .option("serializer_allow", List.of("io.larder.benchmarks"));
  }

  /** The named value: {@code dict}, {@code text} or {@code page}. */
  static Object value(String name) {
    return switch (name) {
      case "dict" -> DecodeBenchmark.dict();
      case "text" -> TEXT;
      case "page" -> page();
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** A page of 20 search results, each a small dict, as a listing view caches. */
  static List<Object> page() {
    String[] words = {"garden", "kettle", "lantern", "harbour", "copper", "meadow", "violin",
        "orchard", "pebble", "quarry", "saddle", "thistle", "walnut", "zephyr", "biscuit"};
    List<Object> results = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Map<String, Object> result = new LinkedHashMap<>();
      String title = words[i % words.length] + " " + words[(i * 7 + 3) % words.length];
      result.put("id", 90_000L + i * 37);
      result.put("title", title);
      result.put("url", "/catalogue/" + title.replace(' ', '-') + "-" + i + "/");
      result.put("price", 4.99 + i * 1.25);
      result.put("in_stock", i % 3 != 0);
      results.add(result);
    }
    return results;
  }

  /** About 2 KB of prose, of the kind a rendered fragment or a description holds. */
  static final String TEXT =
      """
      The old lighthouse on the northern headland was decommissioned in 1987, when the harbour \
      authority replaced its lamp with an automatic beacon on the breakwater. For twenty years the \
      building stood empty: gulls nested in the lantern room, the keeper's cottage lost its roof to \
      a winter gale, and the iron staircase rusted through at the fourth landing. In 2009 a trust of \
      local residents bought the site for one pound, on the condition that they restore it within \
      a decade. Volunteers cleared the rubble, a blacksmith from the valley forged new treads for \
      the stairs, and a glazier spent two summers fitting curved panes into the lantern's frame. \
      The cottage now houses a small museum of the coast's shipwrecks, with a brass telescope, a \
      ledger of the keepers' nightly entries from 1862 onwards, and a model of the schooner Mary \
      Ellen, which ran aground on the reef below in the storm of March 1891. Visitors climb the \
      ninety-seven steps on weekend afternoons from April to October; tickets cost four pounds for \
      adults and are free for children under twelve. The trust asks that dogs be kept on a lead \
      along the cliff path, which crosses grazing land, and that nobody walk beyond the fence at \
      the point, where the rock is undercut and falls a little further into the sea each year. \
      On clear evenings the volunteers light the original lamp for an hour after sunset, turning \
      the lens by hand with the clockwork mechanism that the last keeper wound every four hours. \
      Bookings for school groups, weddings on the lawn and the annual midsummer concert are made \
      through the harbour office on Quay Street, open Tuesday to Saturday from nine until five, or \
      by telephone. The café in the former oil store serves soup, sandwiches and cakes baked in \
      the village; it closes half an hour before the tower, and card payments are accepted. Parking is on the \
      lane by the church, as the track to the headland is private and too narrow for coaches.""";
}
