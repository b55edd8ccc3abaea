package io.larder.web.headers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Django's {@code @never_cache} on a servlet class: its responses get {@link
 * HttpCacheHeaders#neverCache} headers through a {@link NeverCacheFilter}. Applied by {@code
 * io.larder.web.AnnotatedServlets}.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NeverCache {}
