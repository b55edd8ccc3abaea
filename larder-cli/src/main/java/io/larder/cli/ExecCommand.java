package io.larder.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.larder.Cache;
import io.larder.CacheStats;
import io.larder.Caches;
import io.larder.Timeout;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code larder exec}: one JSON operation per line on standard input, one JSON result per line on
 * standard output, all against one set of caches. For scripting:
 *
 * <pre>
 * {"op":"set","key":"a","value":1,"timeout":60}   →  {"ok":true,"result":null}
 * {"op":"incr","key":"a","delta":2}               →  {"ok":true,"result":3}
 * {"op":"incr","key":"zz"}                        →  {"ok":false,"type":"MissingKeyException","error":"Key 'zz' not found"}
 * </pre>
 *
 * <p>Exit status 0 if every line succeeded, 1 if any failed, 2 if standard input could not be read.
 */
@Command(
    name = "exec",
    description = {
      "Run JSON-lines operations from stdin, one JSON result per line.",
      "Fields: op (get, set, add, delete, has_key, get_many, set_many, delete_many, incr, decr,"
          + " touch, clear, incr_version, decr_version, get_or_set, stats), key, keys, value,"
          + " values, default, delta, timeout (seconds or null for never), version, cache."
    })
final class ExecCommand implements Callable<Integer> {
  @ParentCommand Larder larder;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    boolean allOk = true;
    try (Caches caches = larder.caches();
        BufferedReader in =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        ObjectNode result = Json.mapper().createObjectNode();
        try {
          Object value = run(caches, parseLine(line));
          result.put("ok", true).set("result", Json.mapper().valueToTree(value));
        } catch (Exception e) {
          allOk = false;
          result.put("ok", false).put("type", e.getClass().getSimpleName()).put("error", Larder.describe(e));
        }
        out.println(result);
        out.flush();
      }
    } catch (IOException e) {
      spec.commandLine().getErr().println("larder exec: cannot read standard input: " + e);
      return Larder.ERROR;
    }
    return allOk ? Larder.OK : Larder.NEGATIVE;
  }

  private static JsonNode parseLine(String line) {
    try {
      // Trailing text after the object is an error, not ignored.
      return Json.mapper()
          .reader()
          .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .readTree(line);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("the line is not JSON (" + e.getOriginalMessage() + ")");
    }
  }

  private Object run(Caches caches, JsonNode op) {
    if (!op.isObject() || !op.path("op").isTextual()) {
      throw new IllegalArgumentException("each line must be a JSON object with an \"op\" field");
    }
    Cache cache = caches.get(op.path("cache").asText(larder.alias));
    if (op.has("version")) {
      cache = cache.withVersion(smallInteger(op, "version", 0));
    }
    Timeout timeout = timeout(op);
    return switch (op.get("op").asText()) {
      case "get" -> cache.get(key(op), value(op, "default"));
      case "set" -> {
        cache.set(key(op), required(op, "value"), timeout);
        yield null;
      }
      case "add" -> cache.add(key(op), required(op, "value"), timeout);
      case "get_or_set" -> cache.getOrSet(key(op), () -> value(op, "default"), timeout);
      case "delete" -> cache.delete(key(op));
      case "has_key", "has" -> cache.hasKey(key(op));
      case "touch" -> cache.touch(key(op), timeout);
      case "incr" -> cache.incr(key(op), integer(op, "delta", 1));
      case "decr" -> cache.decr(key(op), integer(op, "delta", 1));
      case "get_many" -> cache.getMany(keys(op));
      case "set_many" -> cache.setMany(values(op), timeout);
      case "delete_many" -> {
        cache.deleteMany(keys(op));
        yield null;
      }
      case "clear" -> {
        cache.clear();
        yield null;
      }
      case "incr_version" ->
          cache.incrVersion(key(op), smallInteger(op, "delta", 1));
      case "decr_version" ->
          cache.decrVersion(key(op), smallInteger(op, "delta", 1));
      case "stats" -> {
        CacheStats s = cache.stats();
        yield Map.of("hits", s.hits(), "misses", s.misses(), "sets", s.sets(),
            "deletes", s.deletes(), "errors", s.errors());
      }
      default -> throw new IllegalArgumentException("unknown op '" + op.get("op").asText() + "'");
    };
  }

  private static String key(JsonNode op) {
    if (!op.path("key").isTextual()) {
      throw new IllegalArgumentException("\"" + op.get("op").asText() + "\" needs a \"key\" string");
    }
    return op.get("key").asText();
  }

  private static List<String> keys(JsonNode op) {
    if (!op.path("keys").isArray()) {
      throw new IllegalArgumentException("\"" + op.get("op").asText() + "\" needs a \"keys\" array");
    }
    List<String> keys = new ArrayList<>();
    op.get("keys").forEach(k -> keys.add(k.asText()));
    return keys;
  }

  private static Map<String, Object> values(JsonNode op) {
    if (!op.path("values").isObject()) {
      throw new IllegalArgumentException("\"set_many\" needs a \"values\" object");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    op.get("values").fields().forEachRemaining(e -> values.put(e.getKey(), Json.parse(e.getValue().toString())));
    return values;
  }

  /** The field, which must be there: JSON {@code null} stores Python's None, a missing field nothing. */
  private static Object required(JsonNode op, String field) {
    if (!op.has(field)) {
      throw new IllegalArgumentException(
          "\"" + op.get("op").asText() + "\" needs a \"" + field + "\" (null stores None)");
    }
    return value(op, field);
  }

  /** An integer field, {@code absent} when missing; text, fractions and overflow are refused. */
  private static long integer(JsonNode op, String field, long absent) {
    if (!op.has(field)) {
      return absent;
    }
    JsonNode value = op.get(field);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new IllegalArgumentException(
          "\"" + field + "\" must be an integer (-9223372036854775808 to 9223372036854775807), not "
              + value);
    }
    return value.asLong();
  }

  /** An integer field that must fit an {@code int} (versions). */
  private static int smallInteger(JsonNode op, String field, int absent) {
    long value = integer(op, field, absent);
    if (value != (int) value) {
      throw new IllegalArgumentException(
          "\"" + field + "\" must be an integer from -2147483648 to 2147483647, not " + value);
    }
    return (int) value;
  }

  private static Object value(JsonNode op, String field) {
    return op.has(field) ? Json.parse(op.get(field).toString()) : null;
  }

  private static Timeout timeout(JsonNode op) {
    if (!op.has("timeout")) {
      return Timeout.DEFAULT;
    }
    JsonNode timeout = op.get("timeout");
    if (timeout.isNull()) {
      return Timeout.NEVER;
    }
    if (!timeout.isNumber()) {
      throw new IllegalArgumentException("\"timeout\" must be a number of seconds or null");
    }
    return Timeout.seconds(timeout.asDouble());
  }
}
