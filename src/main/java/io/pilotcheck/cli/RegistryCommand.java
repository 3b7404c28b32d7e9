package io.pilotcheck.cli;

import io.pilotcheck.words.Language;
import io.pilotcheck.registry.PilotCity;
import io.pilotcheck.registry.PilotRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code pilotcheck registry}: the 45 pilots of the annex, as the rules see them. */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = "List the 45 third-batch pilots of the annex (from rules/pilot-cities.yaml).")
public final class RegistryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        java.util.Optional<PilotRegistry> loaded = RulesLoading.loadRegistry(common.rulesDir(), common.lang, err);
        if (loaded.isEmpty()) {
            return ExitCode.CANNOT_CHECK.code();
        }
        PilotRegistry registry = loaded.get();
        Language lang = common.lang;
        out.println(Say.say(lang, "registryHead"));
        int starred = 0;
        for (PilotCity c : registry.cities()) {
            starred += c.starred() ? 1 : 0;
            out.println(c.number() + "\t" + c.province(lang) + "\t"
                    + c.name(lang) + "\t" + (c.starred() ? "*" : "") + "\t" + c.peak().text()
                    + "\t" + c.focuses().size());
        }
        out.println(Say.say(lang, "registryTotal", "pilots", registry.cities().size(), "starred", starred));
        out.flush();
        return ExitCode.OK.code();
    }
}
