package io.pilotcheck.cli;

import io.pilotcheck.words.Language;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The help speaks Chinese by default: every command, option and parameter of every command has
 * its Chinese text in {@code Help_zh.properties} (the English is in the annotations). Lists
 * every text that lacks one, all at once.
 */
class HelpTranslationTest {

    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

    private static CommandLine everyCommand(Language lang) {
        CommandLine cli = new CommandLine(new PilotcheckCommand());
        PilotcheckCommand.SUBCOMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        cli.setResourceBundle(HelpLanguage.bundle(lang));
        return cli;
    }

    private static void walk(CommandLine cmd, List<String> untranslated) {
        CommandSpec spec = cmd.getCommandSpec();
        String name = spec.qualifiedName(" ");
        if (!CJK.matcher(String.join(" ", spec.usageMessage().description())).find()) {
            untranslated.add(name + ": the description");
        }
        List<ArgSpec> args = new ArrayList<>(spec.options());
        args.addAll(spec.positionalParameters());
        for (ArgSpec a : args) {
            if (!a.hidden() && !CJK.matcher(String.join(" ", a.description())).find()) {
                untranslated.add(name + ": " + (a.isOption() ? ((CommandLine.Model.OptionSpec) a).longestName() : a.paramLabel()));
            }
        }
        cmd.getSubcommands().values().forEach(sub -> walk(sub, untranslated));
    }

    @Test
    void everyCommandOptionAndParameterHasItsChineseText() {
        List<String> untranslated = new ArrayList<>();
        walk(everyCommand(Language.ZH), untranslated);
        assertThat(untranslated).as("help texts without Chinese in Help_zh.properties").isEmpty();
    }

    @Test
    void theEnglishHelpIsTheAnnotations() {
        CommandLine cli = everyCommand(Language.EN);
        String check = cli.getSubcommands().get("check").getUsageMessage();
        assertThat(check).contains("Check city dossiers").contains("--as-of=YYYY-MM-DD").doesNotContainPattern("\\p{IsHan}");
    }

    @Test
    void everyExitCodeIsExplainedInBothLanguages() {
        for (ExitCode c : ExitCode.values()) {
            assertThat(c.meaning(Language.ZH)).containsPattern("\\p{IsHan}");
            assertThat(c.meaning(Language.EN)).doesNotContainPattern("\\p{IsHan}").isNotBlank();
        }
    }
}
