package io.pilotcheck.rules;

import io.pilotcheck.words.Language;
import io.pilotcheck.finding.Severity;

import java.util.Map;

/**
 * A rule's metadata, read from its DRL annotations ({@code @id}, {@code @severity},
 * {@code @clause}, {@code @title_zh}, {@code @message_zh}, ...). Rules are data: everything a
 * report or the catalogue says about a rule comes from here.
 *
 * @param name     the DRL rule name
 * @param file     the DRL file, relative to the working directory
 * @param id       the catalogue id, e.g. {@code LCP-PLAN-01}
 * @param severity the severity of its main finding
 * @param clause   the notice's clause
 * @param meta     every annotation, unquoted (titles, the notice's words, message variants)
 * @param line     the line of its {@code rule} declaration in {@code file}
 */
public record RuleInfo(String name, String file, String id, Severity severity, String clause,
                       Map<String, String> meta, int line) {

    /** Copies the metadata. */
    public RuleInfo {
        meta = Map.copyOf(meta);
    }

    /** The title in a language ({@code @title_zh}/{@code @title_en}), or the rule name. */
    public String title(Language lang) {
        return meta.getOrDefault("title_" + lang.code(), name);
    }

    /** The notice's own words for the requirement ({@code @notice}), or empty. */
    public String notice() {
        return meta.getOrDefault("notice", "");
    }

    /**
     * The names of the rule's message variants: {@code ""} for the main message first, then each
     * variant ({@code late}, {@code pending}, ...) that has a Chinese text, in name order.
     */
    public java.util.List<String> messageVariants() {
        java.util.List<String> out = new java.util.ArrayList<>();
        out.add("");
        meta.keySet().stream().filter(k -> k.startsWith("message_") && k.endsWith("_zh") && !k.equals("message_zh"))
                .map(k -> k.substring("message_".length(), k.length() - "_zh".length())).sorted().forEach(out::add);
        return out;
    }

    /**
     * A message template: {@code @message_zh} for the main variant, {@code @message_late_zh} for
     * the variant "late", and so on; falls back to the main message when a variant is missing.
     */
    public String template(String variant, Language lang) {
        String key = variant == null || variant.isEmpty()
                ? "message_" + lang.code()
                : "message_" + variant + "_" + lang.code();
        String t = meta.get(key);
        return t != null ? t : meta.getOrDefault("message_" + lang.code(), id);
    }
}
