package io.larder.jcache.hibernate;

/** An application enum, stored as itself in Hibernate's cache entries. */
public enum Genre {
  PROGRAMMING,
  FICTION
}
