package io.larder.jcache;

import java.lang.management.ManagementFactory;
import javax.cache.CacheException;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Registers a cache's MXBeans in the platform MBean server under JSR-107's names: {@code
 * javax.cache:type=CacheStatistics|CacheConfiguration,CacheManager=<uri>,Cache=<name>}.
 */
final class MBeans {
  private MBeans() {}

  static void register(Object bean, String type, String managerUri, String cacheName) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName name = name(type, managerUri, cacheName);
    try {
      if (!server.isRegistered(name)) {
        server.registerMBean(bean, name);
      }
    } catch (InstanceAlreadyExistsException e) {
      // Another thread registered the same cache's bean first: the one bean serves both.
    } catch (Exception e) {
      throw new CacheException("Cannot register the MXBean " + name, e);
    }
  }

  static void unregister(String type, String managerUri, String cacheName) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName name = name(type, managerUri, cacheName);
    try {
      server.unregisterMBean(name);
    } catch (InstanceNotFoundException e) {
      // Not registered: nothing to undo.
    } catch (Exception e) {
      throw new CacheException("Cannot unregister the MXBean " + name, e);
    }
  }

  private static ObjectName name(String type, String managerUri, String cacheName) {
    try {
      return new ObjectName(
          "javax.cache:type=" + type + ",CacheManager=" + safe(managerUri) + ",Cache="
              + safe(cacheName));
    } catch (MalformedObjectNameException e) {
      throw new CacheException(e);
    }
  }

  /** JMX refuses {@code , : =} and newlines in a value; they become dots, as the TCK expects. */
  private static String safe(String value) {
    return value == null ? "" : value.replaceAll("[,:=\\n]", ".");
  }
}
