package io.larder.jcache.hibernate;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;
import org.hibernate.annotations.NaturalId;
import org.hibernate.annotations.NaturalIdCache;

/** A cached entity with a natural id, an enum attribute and a cached collection. */
@Entity
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
@NaturalIdCache
public class Book {
  @Id private Long id;

  @NaturalId private String isbn;

  private String title;

  @Enumerated(EnumType.STRING)
  private Genre genre;

  @OneToMany
  @OrderColumn
  @Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
  private List<Chapter> chapters = new ArrayList<>();

  protected Book() {}

  public Book(Long id, String isbn, String title, Genre genre) {
    this.id = id;
    this.isbn = isbn;
    this.title = title;
    this.genre = genre;
  }

  public Long getId() {
    return id;
  }

  public String getIsbn() {
    return isbn;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public Genre getGenre() {
    return genre;
  }

  public List<Chapter> getChapters() {
    return chapters;
  }
}
