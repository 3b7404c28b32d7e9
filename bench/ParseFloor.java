import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The YAML parse floor the benchmark compares pilotcheck with: every file under a folder read
 * and parsed into a Jackson tree ({@code YAMLMapper.readTree}), nothing else, on N threads.
 * Run as a single-file program against pilotcheck's own jar, so the Jackson is the same:
 * {@code java -cp target/pilotcheck.jar bench/ParseFloor.java DIR THREADS}.
 */
public class ParseFloor {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        YAMLMapper yaml = new YAMLMapper();
        AtomicLong nodes = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        int share = (files.size() + threads - 1) / threads;
        List<Future<?>> parts = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Path> mine = files.subList(Math.min(files.size(), t * share), Math.min(files.size(), (t + 1) * share));
            parts.add(pool.submit(() -> {
                for (Path p : mine) {
                    nodes.addAndGet(yaml.readTree(Files.readAllBytes(p)).size());
                }
                return null;
            }));
        }
        for (Future<?> f : parts) {
            f.get();
        }
        pool.shutdown();
        System.out.println(files.size() + " files, " + nodes.get() + " top-level keys");
    }
}
