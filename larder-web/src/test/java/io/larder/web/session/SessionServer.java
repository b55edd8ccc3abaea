package io.larder.web.session;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.util.security.Password;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** A real Jetty (ee10) on a free 127.0.0.1 port, serving one servlet behind filters, in order. */
final class SessionServer implements AutoCloseable {
  private final Server server = new Server();
  private final ServerConnector connector = new ServerConnector(server);

  SessionServer(Filter filter, HttpServlet servlet) throws Exception {
    this(List.of(filter), servlet);
  }

  SessionServer(List<Filter> filters, HttpServlet servlet) throws Exception {
    this(filters, servlet, Map.of());
  }

  /**
   * With the container's logins for {@code users} (name to password), so that {@code
   * HttpServletRequest.login} and {@code logout} work; no path requires a login.
   */
  SessionServer(List<Filter> filters, HttpServlet servlet, Map<String, String> users)
      throws Exception {
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    if (!users.isEmpty()) {
      UserStore store = new UserStore();
      users.forEach((name, password) -> store.addUser(name, new Password(password), new String[0]));
      HashLoginService logins = new HashLoginService("larder");
      logins.setUserStore(store);
      ConstraintSecurityHandler security = new ConstraintSecurityHandler();
      security.setLoginService(logins);
      security.setAuthenticator(new BasicAuthenticator());
      context.setSecurityHandler(security);
    }
    for (Filter filter : filters) {
      context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
    }
    context.addServlet(new ServletHolder(servlet), "/*");
    server.setHandler(context);
    server.start();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + connector.getLocalPort() + path);
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
