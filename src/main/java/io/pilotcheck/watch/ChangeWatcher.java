package io.pilotcheck.watch;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches folders, and every folder under them, for files created, changed or deleted, with the
 * JDK's {@link WatchService}: the operating system tells us (inotify on Linux) rather than a loop
 * of ours looking. Editors save in bursts (write, rename, touch), so changes are gathered until
 * the folder has been quiet for a moment and handed over together.
 */
public final class ChangeWatcher implements Closeable {

    /** How long the folders must stay quiet before a burst of changes counts as one. */
    static final long QUIET_MILLIS = 150;

    private final WatchService service;

    /** Watches {@code roots} (folders; a file's folder is watched for it) and their subfolders. */
    public ChangeWatcher(Iterable<Path> roots) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        for (Path root : roots) {
            Path dir = Files.isDirectory(root) ? root : root.toAbsolutePath().getParent();
            if (dir != null && Files.isDirectory(dir)) {
                registerTree(dir);
            }
        }
    }

    /**
     * Blocks until something changes, then returns every path changed in that burst (absolute,
     * normalised); new folders are watched from then on.
     *
     * @throws InterruptedException when the waiting thread is interrupted (the watch ends)
     */
    public Set<Path> next() throws InterruptedException, IOException {
        Set<Path> changed = new TreeSet<>();
        WatchKey key = service.take();
        while (key != null) {
            Path dir = (Path) key.watchable();
            for (WatchEvent<?> e : key.pollEvents()) {
                if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
                    changed.add(dir.toAbsolutePath().normalize());
                    continue;
                }
                Path p = dir.resolve((Path) e.context()).toAbsolutePath().normalize();
                changed.add(p);
                if (e.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    registerTree(p);
                }
            }
            key.reset();
            key = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS);
        }
        return changed;
    }

    private void registerTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path d : walk.filter(Files::isDirectory).toList()) {
                d.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            service.close();
        } catch (ClosedWatchServiceException e) {
            // already closed: nothing to release
        }
    }
}
