package io.larder.web.session;

import io.larder.jdbc.DjangoSessionTable;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/**
 * Django's {@code db} session engine: one row per session in Django's {@code django_session}
 * table, the session dictionary signed and encoded as Django's {@code SessionBase.encode} does
 * (salt {@code django.contrib.sessions.SessionStore}, JSON, compressed), expiring at {@code
 * expire_date}. A Django app on the same database and {@code SECRET_KEY} shares the sessions.
 */
final class DatabaseSessionStore implements SessionStore {
  /** Django's {@code SessionBase.key_salt} for the db engine's {@code SessionStore}. */
  static final String SALT = "django.contrib.sessions.SessionStore";

  private final DjangoSessionTable table;
  private final DjangoSigning signing;
  private final InstantSource clock;
  private final int defaultAgeSeconds;
  private final SessionRejections rejections;

  DatabaseSessionStore(
      DjangoSessionTable table,
      String secretKey,
      List<String> fallbackKeys,
      InstantSource clock,
      int defaultAgeSeconds,
      SessionRejections rejections) {
    this.table = table;
    this.signing = new DjangoSigning(secretKey, fallbackKeys, SALT);
    this.clock = clock;
    this.defaultAgeSeconds = defaultAgeSeconds;
    this.rejections = rejections;
  }

  @Override
  public SessionRecord load(String key) {
    Instant now = clock.instant();
    DjangoSessionTable.Row row = table.load(key, now);
    if (row == null) {
      return null;
    }
    if (!row.live()) {
      rejections.expired("session row", "its expire_date has passed");
      return null;
    }
    try {
      SessionRecord record =
          SessionRecord.fromMap(
              signing.loads(row.sessionData(), now.getEpochSecond(), -1),
              now.toEpochMilli(),
              defaultAgeSeconds);
      return record.isExpired(now.toEpochMilli()) ? null : record;
    } catch (DjangoSigning.Rejected e) {
      rejections.rejected("session row", e);
      return null;
    }
  }

  @Override
  public boolean create(String key, SessionRecord record) {
    Instant now = clock.instant();
    return table.insert(key, encode(record, now), expireDate(record));
  }

  @Override
  public boolean update(String key, SessionRecord record) {
    Instant now = clock.instant();
    return table.update(key, encode(record, now), expireDate(record));
  }

  @Override
  public void delete(String key) {
    table.delete(key);
  }

  @Override
  public boolean failsOpen() {
    return false;
  }

  private String encode(SessionRecord record, Instant now) {
    return signing.dumps(record.toMap(), now.getEpochSecond());
  }

  /** Django's {@code get_expiry_date()}: the save time plus the session's expiry age. */
  private Instant expireDate(SessionRecord record) {
    return Instant.ofEpochMilli(record.saved()).plusSeconds(record.lifetimeSeconds());
  }
}
