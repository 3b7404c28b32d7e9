/**
 * {@code check --watch}: what changed on disk (the JDK's WatchService, no polling of our own)
 * and what changed in the findings since the last run.
 */
package io.pilotcheck.watch;
