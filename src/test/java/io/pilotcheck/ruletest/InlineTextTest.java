package io.pilotcheck.ruletest;

import io.pilotcheck.source.SourceLocation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Cutting an inline dossier out of a test file, keeping its lines and columns. */
class InlineTextTest {

    private static final String FILE = """
            cases:
              - {name: a, dossier: {city: 大连, as_of: 2020-06-30}, none: [LCP-REG-02]}
              - name: b
                dossier:
                  city: 大连市
                  as_of: 2020-06-30
                none: [LCP-REG-02]
            """;

    @Test
    void aBlockMappingKeepsItsLinesAndEndsBeforeTheNextKey() {
        String cut = InlineText.of(FILE, new SourceLocation("t.yaml", 5, 7), new SourceLocation("t.yaml", 7, 5));
        assertThat(cut).isEqualTo("\n\n\n\n      city: 大连市\n      as_of: 2020-06-30\n");
    }

    @Test
    void aFlowMappingSharingItsLineWithSiblingsIsCutAtItsEnd() {
        String cut = InlineText.of(FILE, new SourceLocation("t.yaml", 2, 24), new SourceLocation("t.yaml", 2, 55));
        assertThat(cut).isEqualTo("\n" + " ".repeat(23) + "{city: 大连, as_of: 2020-06-30}\n");
    }
}
