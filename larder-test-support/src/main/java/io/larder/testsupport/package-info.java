/**
 * What Larder's tests run against: throwaway {@code redis-server} and {@code memcached} processes
 * on free loopback ports ({@link io.larder.testsupport.RedisServer}, {@link
 * io.larder.testsupport.MemcachedServer}), fresh databases on the machine's PostgreSQL and MariaDB
 * ({@link io.larder.testsupport.TestDatabases}), real Django through Debian's Python ({@link
 * io.larder.testsupport.DjangoPython}), and {@link io.larder.testsupport.ChildProcess}, which keeps
 * any child process from hanging a build.
 *
 * <p>For the project's own tests and a backend author's: the public classes may be used from test
 * code; none of it belongs on an application's class path.
 *
 * @since 0.1
 */
package io.larder.testsupport;
