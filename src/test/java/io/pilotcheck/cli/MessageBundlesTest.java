package io.pilotcheck.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message bundle speaks both languages: a key of {@code X.properties} (English) is in
 * {@code X_zh.properties} (Chinese) and the other way round, with the same {@code {values}} (but
 * English's {@code {plural}}), and
 * the Chinese is Chinese. Lists every gap at once.
 */
class MessageBundlesTest {

    private static final Pattern VALUE = Pattern.compile("\\{(\\w+)}");

    private static Properties read(Path p) throws IOException {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            props.load(r);
        }
        return props;
    }

    private static Set<String> values(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = VALUE.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * Whether a value reads as Chinese: Han characters or full-width punctuation, or nothing but
     * values in the order Chinese puts them ({@code {severity} {n}}).
     */
    private static boolean chinese(String text) {
        return text.matches("(?s).*[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF].*")
                || VALUE.matcher(text).replaceAll("").isBlank();
    }

    /** English grammar's own value ("s" or nothing), which Chinese does without. */
    private static Set<String> withoutPlural(Set<String> names) {
        Set<String> rest = new TreeSet<>(names);
        rest.remove("plural");
        return rest;
    }

    @Test
    void everyKeyHasBothLanguagesWithTheSameValues() throws IOException {
        List<String> gaps = new ArrayList<>();
        List<Path> chinese;
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources"))) {
            chinese = files.filter(p -> p.toString().endsWith("_zh.properties")).sorted().toList();
        }
        int pairs = 0;
        for (Path zhFile : chinese) {
            Path enFile = zhFile.resolveSibling(zhFile.getFileName().toString().replace("_zh.properties", ".properties"));
            if (!Files.exists(enFile)) {
                continue; // the help: its English is in the commands' annotations (HelpTranslationTest)
            }
            pairs++;
            Properties en = read(enFile);
            Properties zh = read(zhFile);
            for (String key : en.stringPropertyNames()) {
                if (!zh.containsKey(key)) {
                    gaps.add(zhFile.getFileName() + " lacks " + key);
                } else if (!withoutPlural(values(en.getProperty(key))).equals(values(zh.getProperty(key)))) {
                    gaps.add(key + ": values " + values(en.getProperty(key)) + " in English, " + values(zh.getProperty(key)) + " in Chinese");
                } else if (!chinese(zh.getProperty(key))) {
                    gaps.add(zhFile.getFileName() + ": " + key + " is not Chinese");
                }
            }
            for (String key : zh.stringPropertyNames()) {
                if (!en.containsKey(key)) {
                    gaps.add(enFile.getFileName() + " lacks " + key);
                }
            }
        }
        assertThat(pairs).as("message bundles found").isPositive();
        assertThat(gaps).as("gaps between the languages").isEmpty();
    }
}
