package io.larder.spring.boot;

import jakarta.servlet.http.HttpSession;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A small Spring Boot application that uses Larder only through the starter. It has no access
 * control: Spring Security is on the test class path for {@link Vault}, and is left out here.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(
    excludeName = {
      "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.web.servlet"
          + ".ServletWebSecurityAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.actuate.web.servlet"
          + ".ManagementWebSecurityAutoConfiguration"
    })
@EnableCaching
class Shop {
  @Bean
  Catalogue catalogue() {
    return new Catalogue();
  }

  @Bean
  Renders renders() {
    return new Renders();
  }

  /** What the templates call to show when a fragment really renders. */
  static class Renders {
    private final AtomicInteger count = new AtomicInteger();

    public int render() {
      return count.incrementAndGet();
    }
  }

  static class Catalogue {
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger slowCalls = new AtomicInteger();

    public int calls() {
      return calls.get();
    }

    public int slowCalls() {
      return slowCalls.get();
    }

    @Cacheable("books")
    public String title(long id) {
      return "title " + id + " #" + calls.incrementAndGet();
    }

    @CacheEvict("books")
    public void forget(long id) {}

    @Cacheable(cacheNames = "default", key = "'greeting:' + #p0")
    public String greeting(String name) {
      return "Hello " + name;
    }

    @Cacheable(cacheNames = "books", sync = true)
    public String report(String name) throws InterruptedException {
      int call = slowCalls.incrementAndGet();
      Thread.sleep(200);
      return name + " #" + call;
    }
  }

  /** A member class of the configuration: Spring registers it as a bean. */
  @Controller
  static class Pages {
    private final AtomicInteger pageViews = new AtomicInteger();

    public int pageViews() {
      return pageViews.get();
    }

    @GetMapping("/page")
    @ResponseBody
    public String page() {
      return "page " + pageViews.incrementAndGet();
    }

    @GetMapping("/visits")
    @ResponseBody
    public String visits(HttpSession session) {
      Integer visits = (Integer) session.getAttribute("visits");
      int now = visits == null ? 1 : visits + 1;
      session.setAttribute("visits", now);
      return "visit " + now;
    }

    @GetMapping("/sidebar")
    public String sidebar(@RequestParam("user") String user, Model model) {
      model.addAttribute("user", user);
      return "sidebar";
    }
  }
}
