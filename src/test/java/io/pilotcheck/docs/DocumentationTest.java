package io.pilotcheck.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documentation a clone ships: the README stays a newcomer's page, every relative link in it
 * and in {@code docs/} leads somewhere, nothing refers to the {@code shared/} folder beside the
 * repository (a clone does not have it), and the figures {@code docs/performance.md} quotes are
 * the benchmark's own.
 */
class DocumentationTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final String BENCH_BEGIN = "<!-- bench:begin";
    private static final String BENCH_END = "<!-- bench:end -->";
    /** Spelt at run time, so that not even this class's bytes hold the words it looks for. */
    private static final String SHARED = String.join("/", List.of("..", "shared"));

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md"), Path.of("bench/NOTES.md"),
                Path.of("fixtures/README.md")));
        try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    @Test
    void theReadmeIsANewcomersPage() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        assertThat(lines.size()).as("README.md lines (the rest belongs in docs/)").isLessThanOrEqualTo(200);
        String text = String.join("\n", lines);
        for (String page : List.of("reviewer-guide.zh.md", "writing-rules.md", "reports.md", "performance.md",
                "reliability.md", "design.md", "usage.md", "rules.md")) {
            assertThat(text).as("README links docs/" + page).contains("](docs/" + page + ")");
        }
    }

    @Test
    void everyRelativeLinkLeadsToAFileOrFolder() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            Matcher m = LINK.matcher(read(page));
            while (m.find()) {
                String target = m.group(1).replaceFirst("#.*", "");
                if (target.isEmpty() || target.matches("^[a-z]+:.*")) {
                    continue; // an anchor in the page, or a URL
                }
                if (!Files.exists(page.resolveSibling(target))) {
                    broken.add(page + ": " + m.group(1));
                }
            }
        }
        assertThat(broken).as("links that lead nowhere").isEmpty();
    }

    @Test
    void nothingReadsTheSharedFolderBesideTheRepository() throws IOException {
        List<String> refs = new ArrayList<>();
        for (String root : List.of("src", "rules", "docs", "bench", "fixtures", ".ci")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                // bench/data holds what the benchmarks generate and install (git ignores it): not the project's files
                for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.startsWith(Path.of("bench", "data"))).toList()) {
                    byte[] bytes = Files.readAllBytes(f);
                    if (new String(bytes, StandardCharsets.ISO_8859_1).contains(SHARED)) {
                        refs.add(f.toString());
                    }
                }
            }
        }
        for (String file : List.of("README.md", "pom.xml", "pilotcheck")) {
            if (read(Path.of(file)).contains(SHARED)) {
                refs.add(file);
            }
        }
        assertThat(refs).as("files referring to the shared folder beside the repository, which a clone does not have").isEmpty();
    }

    @Test
    void thePerformancePageQuotesTheBenchmarksLatestTable() throws IOException {
        String page = read(Path.of("docs/performance.md"));
        int begin = page.indexOf(BENCH_BEGIN);
        int end = page.indexOf(BENCH_END);
        assertThat(begin).as("docs/performance.md has the bench markers").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String quoted = page.substring(page.indexOf('\n', begin) + 1, end).strip();
        assertThat(quoted).as("docs/performance.md's table is bench/results.md's: copy it again")
                .isEqualTo(table(read(Path.of("bench/results.md"))));
    }

    /** The first Markdown table of a page: its consecutive lines starting with a bar. */
    static String table(String markdown) {
        List<String> rows = new ArrayList<>();
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("|")) {
                rows.add(line);
            } else if (!rows.isEmpty()) {
                break;
            }
        }
        return String.join("\n", rows).strip();
    }
}
