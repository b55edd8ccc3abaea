/**
 * The {@code larder} command ({@link io.larder.cli.Larder}): Django-cache operations from the shell
 * ({@code docs/cli.md}). Its command line, not its classes, is the public interface.
 *
 * @since 0.1
 */
package io.larder.cli;
