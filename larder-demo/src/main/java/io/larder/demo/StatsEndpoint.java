package io.larder.demo;

/** {@code /_larder/stats.json}: the {@link CacheSampler} report the dashboard polls. */
final class StatsEndpoint extends JsonEndpoint {
  private final CacheSampler sampler;

  StatsEndpoint(CacheSampler sampler) {
    this.sampler = sampler;
  }

  @Override
  Object report() {
    return sampler.report();
  }
}
