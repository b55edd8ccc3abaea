package io.larder.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.EnableCaching;

/**
 * Larder in a Spring Boot application, configured only by application.yml: {@code @Cacheable} on
 * Redis, a cached Thymeleaf fragment, sessions on Redis, Actuator. Run it with {@code
 * scripts/spring-sample} and open http://127.0.0.1:8080/books/1.
 */
@SpringBootApplication
@EnableCaching
public class SampleApplication {
  public static void main(String[] args) {
    SpringApplication.run(SampleApplication.class, args);
  }
}
