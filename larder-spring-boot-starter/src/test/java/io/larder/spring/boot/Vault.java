package io.larder.spring.boot;

import static org.springframework.security.config.Customizer.withDefaults;

import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring Boot application whose members' pages are protected by real Spring Security (form
 * login, the login kept in the container's session) and cacheable for five minutes, behind the
 * starter's page cache.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class Vault {
  static final String USER = "ann";
  static final String PASSWORD = "secret";

  @Bean
  SecurityFilterChain security(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(
            requests ->
                requests.requestMatchers("/members/**").authenticated().anyRequest().permitAll())
        .formLogin(withDefaults())
        // The test logs in with a plain form POST; CSRF protection is not what is tested here.
        .csrf(csrf -> csrf.disable())
        .build();
  }

  @Bean
  UserDetailsService users() {
    return new InMemoryUserDetailsManager(
        User.withUsername(USER).password("{noop}" + PASSWORD).roles("MEMBER").build());
  }

  @RestController
  static class Reports {
    private final AtomicInteger renders = new AtomicInteger();

    int renders() {
      return renders.get();
    }

    @GetMapping("/members/report")
    String report(HttpServletResponse response) {
      response.setHeader("Cache-Control", "max-age=300");
      return "members' report #" + renders.incrementAndGet();
    }
  }
}
