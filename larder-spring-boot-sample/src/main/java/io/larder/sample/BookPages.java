package io.larder.sample;

import jakarta.servlet.http.HttpSession;
import java.time.LocalTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The book page: a cached lookup, a cached sidebar fragment and a session counter. */
@Controller
public class BookPages {
  private final Catalogue catalogue;

  public BookPages(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  @GetMapping("/books/{id}")
  public String book(@PathVariable long id, HttpSession session, Model model)
      throws InterruptedException {
    Integer views = (Integer) session.getAttribute("views");
    session.setAttribute("views", views == null ? 1 : views + 1);
    model.addAttribute("id", id);
    model.addAttribute("title", catalogue.title(id));
    model.addAttribute("views", session.getAttribute("views"));
    model.addAttribute("renderedAt", LocalTime.now().withNano(0));
    return "book";
  }

  @PostMapping("/books/{id}/forget")
  public String forget(@PathVariable long id) {
    catalogue.forget(id);
    return "redirect:/books/" + id;
  }
}
