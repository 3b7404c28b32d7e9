package io.pilotcheck.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.pilotcheck.words.Language;
import io.pilotcheck.rules.RuleBook;
import io.pilotcheck.rules.RuleInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code rules list}: the rules by id, as a tab-separated table, JSON or a Markdown table. */
public final class RuleList {

    /** The formats of {@code rules list}. */
    public enum Format { table, json, markdown }

    private RuleList() {
    }

    /** The list in a format; titles in {@code lang} (JSON carries both). */
    public static String render(RuleBook book, Format format, Language lang) throws JsonProcessingException {
        StringBuilder out = new StringBuilder();
        switch (format) {
            case table -> book.rules().forEach(r -> out.append(r.id()).append('\t').append(r.severity().id()).append('\t')
                    .append(r.clause()).append('\t').append(r.title(lang)).append('\n'));
            case markdown -> {
                out.append("| id | severity | clause | title |\n|---|---|---|---|\n");
                book.rules().forEach(r -> out.append("| ").append(r.id()).append(" | ").append(r.severity().id())
                        .append(" | ").append(r.clause()).append(" | ").append(r.title(lang).replace("|", "\\|")).append(" |\n"));
            }
            case json -> {
                List<Map<String, Object>> rules = new ArrayList<>();
                for (RuleInfo r : book.rules()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", r.id());
                    m.put("severity", r.severity().id());
                    m.put("clause", r.clause());
                    m.put("title_zh", r.title(Language.ZH));
                    m.put("title_en", r.title(Language.EN));
                    m.put("notice", r.notice());
                    m.put("file", r.file());
                    m.put("line", r.line());
                    m.put("name", r.name());
                    rules.add(m);
                }
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("fingerprint", book.fingerprint());
                doc.put("rules", rules);
                out.append(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc)).append('\n');
            }
        }
        return out.toString();
    }
}
