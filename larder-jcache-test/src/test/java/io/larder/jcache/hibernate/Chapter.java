package io.larder.jcache.hibernate;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/** A cached entity in a cached collection of {@link Book}. */
@Entity
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
public class Chapter {
  @Id private Long id;

  private String heading;

  protected Chapter() {}

  public Chapter(Long id, String heading) {
    this.id = id;
    this.heading = heading;
  }

  public String getHeading() {
    return heading;
  }
}
