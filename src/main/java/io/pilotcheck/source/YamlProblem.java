package io.pilotcheck.source;

/**
 * Something wrong with a YAML file before its content is even looked at: bad syntax, a duplicate
 * key, an alias, a tag. Carries the catalogue id so the loader can turn it into a finding.
 *
 * @param ruleId    an {@code LCP-SCHEMA-NN} id
 * @param messageZh the message in Chinese
 * @param messageEn the message in English
 * @param path      the dossier path concerned, or empty
 * @param location  where
 */
public record YamlProblem(String ruleId, String messageZh, String messageEn, String path,
                          SourceLocation location) {
}
