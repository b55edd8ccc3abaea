package io.larder.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;

/**
 * A real data source whose connections note the SQL of every statement they prepare, as Django's
 * {@code assertNumQueries} does: the statements still run on the real database.
 */
final class StatementLog {
  private StatementLog() {}

  static DataSource recording(DataSource target, List<String> statements) {
    return proxy(
        DataSource.class,
        (proxy, method, args) -> {
          Object result = invoke(target, method, args);
          return result instanceof Connection connection
              ? recording(connection, statements)
              : result;
        });
  }

  private static Connection recording(Connection target, List<String> statements) {
    return proxy(
        Connection.class,
        (proxy, method, args) -> {
          if (method.getName().startsWith("prepare")
              && args != null
              && args[0] instanceof String sql) {
            statements.add(sql);
          }
          return invoke(target, method, args);
        });
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static <T> T proxy(Class<T> type, InvocationHandler handler) {
    return type.cast(
        Proxy.newProxyInstance(
            StatementLog.class.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
