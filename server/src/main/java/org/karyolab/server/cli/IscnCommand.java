package org.karyolab.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.iscn.Iscn;
import org.karyolab.schema.iscn.IscnIssue;
import org.karyolab.schema.iscn.IscnResult;
import org.karyolab.schema.iscn.Mode;
import org.karyolab.schema.json.SchemaJson;
import org.karyolab.learning.karyotype.KaryotypeService;
import org.karyolab.learning.karyotype.KaryotypeViews;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code karyolab iscn parse|check|lgf "<karyotype>"}: the ISCN tools on the command line. Prints JSON on stdout;
 * an invalid karyotype prints its errors as JSON too, shows the text with a caret under the column on stderr, and
 * exits 1.
 */
@Command(name = "iscn", mixinStandardHelpOptions = true,
        description = "ISCN karyotypes: parse, check, Loss/Gain/Fusion per band. JSON on stdout; exit 1 when the karyotype is invalid.",
        subcommands = {IscnCommand.Parse.class, IscnCommand.Check.class, IscnCommand.Lgf.class, CommandLine.HelpCommand.class})
final class IscnCommand implements Runnable {

    /** The exit status of an invalid karyotype (picocli uses 2 for a wrong command line). */
    static final int INVALID = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What every subcommand takes. */
    static final class Input {
        @Parameters(index = "0", paramLabel = "KARYOTYPE", description = "The karyotype in ISCN, e.g. \"46,XY,t(9;22)(q34;q11.2)\" (quote it).")
        String karyotype;

        @Option(names = "--lenient", description = "Also take lab-style text (spaces, case, no breakpoints, trailing text), with a warning for each liberty.")
        boolean lenient;

        @Option(names = "--level", defaultValue = "400", paramLabel = "BANDS",
                description = "Band level for lgf: 300, 400, 550 or 850. Default: ${DEFAULT-VALUE}.")
        int level;

        @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
        CommandLine.Model.CommandSpec spec;

        Mode mode() {
            return lenient ? Mode.LENIENT : Mode.STRICT;
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        /** Parses; on an error prints it (JSON on stdout, the caret on stderr) and returns null. */
        IscnResult.Parsed parsed() {
            return switch (Iscn.parse(karyotype, mode())) {
                case IscnResult.Parsed p -> p;
                case IscnResult.Failed f -> {
                    json(new KaryotypeViews.ErrorView(karyotype, KaryotypeService.modeName(mode()), false, f.errors()));
                    for (IscnIssue e : f.errors()) {
                        err().println("karyolab: not a valid karyotype (" + KaryotypeService.modeName(mode()) + " mode): " + e);
                        caret(karyotype, e.column());
                    }
                    if (mode() == Mode.STRICT) err().println("  (--lenient takes lab-style text)");
                    err().flush();
                    yield null;
                }
            };
        }

        BandLevel bandLevel() {
            try {
                return BandLevel.of(level);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--level: " + e.getMessage());
            }
        }

        void json(Object value) {
            try {
                out().println(SchemaJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
            }
            out().flush();
        }

        /** The text on one line (line breaks and tabs shown as spaces, so columns stay put) and a caret under {@code column}. */
        void caret(String text, int column) {
            StringBuilder shown = new StringBuilder(text.length());
            for (char c : text.toCharArray()) shown.append(Character.isISOControl(c) ? ' ' : c);
            err().println("  " + shown);
            err().println("  " + " ".repeat(Math.max(0, Math.min(column, text.length()))) + "^");
        }
    }

    @Command(name = "parse", mixinStandardHelpOptions = true,
            description = "Parse: the typed tree, the canonical text and lenient mode's warnings, as JSON.")
    static final class Parse implements Callable<Integer> {
        @Mixin
        Input in;

        @Override
        public Integer call() {
            IscnResult.Parsed p = in.parsed();
            if (p == null) return INVALID;
            in.json(KaryotypeService.parseView(in.karyotype, in.mode(), p));
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check against the counting rules and the ideograms: the issues, with columns into the canonical text "
                    + "and fixes where the intent is clear. Exit 1 when there is any.")
    static final class Check implements Callable<Integer> {
        @Mixin
        Input in;

        @Override
        public Integer call() {
            IscnResult.Parsed p = in.parsed();
            if (p == null) return INVALID;
            KaryotypeViews.CheckView view = KaryotypeService.checkView(in.karyotype, in.mode(), p);
            in.json(view);
            for (IscnIssue issue : view.issues()) {
                in.err().println("karyolab: " + issue);
                in.caret(view.canonical(), issue.column());
            }
            in.err().flush();
            return view.valid() ? 0 : INVALID;
        }
    }

    /** The karyotype parsed, but its band-level effect cannot be computed (no breakpoints, an unknown chromosome). */
    record LgfFailure(String input, String canonical, int level, String error) {
    }

    @Command(name = "lgf", mixinStandardHelpOptions = true,
            description = "Loss, Gain and Fusion per band (CytoGPS's representation), per cell line, at --level.")
    static final class Lgf implements Callable<Integer> {
        @Mixin
        Input in;

        @Override
        public Integer call() {
            BandLevel level = in.bandLevel();
            IscnResult.Parsed p = in.parsed();
            if (p == null) return INVALID;
            try {
                in.json(KaryotypeService.lgfView(in.karyotype, p, level));
                return 0;
            } catch (IllegalArgumentException e) {
                in.json(new LgfFailure(in.karyotype, Iscn.write(p.karyotype()), level.bands(), e.getMessage()));
                in.err().println("karyolab: no Loss/Gain/Fusion for this karyotype: " + e.getMessage()
                        + " (give known chromosomes and breakpoints, e.g. t(9;22)(q34;q11.2))");
                in.err().flush();
                return INVALID;
            }
        }
    }
}
