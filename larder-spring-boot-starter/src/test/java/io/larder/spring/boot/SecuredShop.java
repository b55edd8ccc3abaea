package io.larder.spring.boot;

import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring Boot application with real Spring Security (form login, its default session fixation
 * protection) and Larder's sessions through the starter: {@code /account} needs a login, {@code
 * /cart} counts visits in the session.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class SecuredShop {
  @Bean
  SecurityFilterChain security(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(
            requests ->
                requests.requestMatchers("/account").authenticated().anyRequest().permitAll())
        .formLogin(Customizer.withDefaults())
        .build();
  }

  @Bean
  InMemoryUserDetailsManager users() {
    return new InMemoryUserDetailsManager(
        User.withUsername("alice").password("{noop}alice-secret").roles("USER").build());
  }

  @RestController
  static class Pages {
    @GetMapping("/cart")
    String cart(HttpSession session) {
      Integer items = (Integer) session.getAttribute("items");
      int next = items == null ? 1 : items + 1;
      session.setAttribute("items", next);
      return String.valueOf(next);
    }

    @GetMapping("/account")
    String account(Principal principal) {
      return "hello " + principal.getName();
    }
  }
}
