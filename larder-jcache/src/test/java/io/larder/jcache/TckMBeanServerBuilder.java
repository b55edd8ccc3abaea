package io.larder.jcache;

import javax.management.MBeanServer;
import javax.management.MBeanServerBuilder;
import javax.management.MBeanServerDelegate;

/**
 * The MBean server builder the TCK's {@code javax.management.builder.initial} names: the platform
 * server, whose agent id is the TCK's {@code org.jsr107.tck.management.agentId}, so the TCK finds
 * the server Larder registers its cache MXBeans in.
 */
public final class TckMBeanServerBuilder extends MBeanServerBuilder {
  @Override
  public MBeanServer newMBeanServer(
      String defaultDomain, MBeanServer outer, MBeanServerDelegate delegate) {
    return super.newMBeanServer(defaultDomain, outer, new AgentDelegate());
  }

  @Override
  public MBeanServerDelegate newMBeanServerDelegate() {
    return new AgentDelegate();
  }

  private static final class AgentDelegate extends MBeanServerDelegate {
    @Override
    public String getMBeanServerId() {
      return System.getProperty("org.jsr107.tck.management.agentId", super.getMBeanServerId());
    }
  }
}
