package org.karyolab.schema.iscn;

import java.util.List;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.iscn.Abnormality.Derivative;
import org.karyolab.schema.iscn.Abnormality.DoubleMinutes;
import org.karyolab.schema.iscn.Abnormality.Marker;
import org.karyolab.schema.iscn.Abnormality.Rearrangement;
import org.karyolab.schema.iscn.Abnormality.WholeChromosome;
import org.karyolab.schema.iscn.CellLine.Idem;
import org.karyolab.schema.iscn.CellLine.SexChromosomes;
import org.karyolab.schema.iscn.CellLine.Sideline;
import org.karyolab.schema.iscn.CellLine.Stemline;

/** Writes canonical ISCN; optionally tells where each cell line, entry and breakpoint starts (for the checker). */
final class IscnWriter {

    /** Receives each node with the column where its text starts. */
    interface Trace {
        void at(Object node, int column);
    }

    private final StringBuilder out = new StringBuilder(64);
    private final Trace trace;

    private IscnWriter(Trace trace) {
        this.trace = trace;
    }

    static String write(Karyotype k, Trace trace) {
        var w = new IscnWriter(trace);
        w.karyotype(k);
        return w.out.toString();
    }

    private void mark(Object node) {
        if (trace != null) {
            trace.at(node, out.length());
        }
    }

    private void karyotype(Karyotype k) {
        if (k.mosaicism() != Karyotype.Mosaicism.NONE) {
            out.append(k.mosaicism().symbol()).append(' ');
        }
        for (int i = 0; i < k.cellLines().size(); i++) {
            if (i > 0) {
                out.append('/');
            }
            line(k.cellLines().get(i));
        }
    }

    private void line(CellLine line) {
        mark(line);
        out.append(line.count());
        out.append(',');
        switch (line.reference()) {
            case SexChromosomes sex -> {
                out.repeat('X', sex.x()).repeat('Y', sex.y());
                if (sex.constitutional()) {
                    out.append('c');
                }
            }
            case Idem _ -> out.append("idem");
            case Stemline _ -> out.append("sl");
            case Sideline sdl -> out.append("sdl").append(sdl.number() == null ? "" : sdl.number().toString());
        }
        for (Entry e : line.entries()) {
            out.append(',');
            entry(e);
        }
        if (line.incomplete()) {
            out.append(",inc");
        }
        if (line.cells() != null) {
            out.append('[').append(line.cells().composite() ? "cp" : "").append(line.cells().cells()).append(']');
        }
    }

    private void entry(Entry e) {
        mark(e);
        out.append(e.sign().symbol());
        if (e.questioned()) {
            out.append('?');
        }
        switch (e.abnormality()) {
            case WholeChromosome w -> out.append(w.chromosome().label());
            case Marker m -> {
                if (m.copies() > 1) {
                    out.append(m.copies());
                }
                out.append("mar");
                if (m.number() != null) {
                    out.append(m.number());
                }
            }
            case DoubleMinutes d -> {
                if (d.count() != null) {
                    out.append(d.count());
                }
                out.append("dmin");
            }
            case Rearrangement r -> rearrangement(r);
            case Derivative d -> {
                out.append("der");
                chromosomes(d.chromosomes());
                breakpoints(d.breakpoints());
                d.events().forEach(this::rearrangement);
            }
        }
        if (e.origin() != null) {
            out.append(e.origin().symbol());
        }
    }

    private void rearrangement(Rearrangement r) {
        mark(r);
        out.append(r.type().symbol());
        chromosomes(r.chromosomes());
        breakpoints(r.breakpoints());
    }

    private void chromosomes(List<ChromosomeClass> chromosomes) {
        out.append('(');
        for (int i = 0; i < chromosomes.size(); i++) {
            if (i > 0) {
                out.append(';');
            }
            out.append(chromosomes.get(i) == null ? "?" : chromosomes.get(i).label());
        }
        out.append(')');
    }

    private void breakpoints(List<List<Breakpoint>> groups) {
        if (groups.isEmpty()) {
            return;
        }
        out.append('(');
        for (int g = 0; g < groups.size(); g++) {
            if (g > 0) {
                out.append(';');
            }
            for (Breakpoint b : groups.get(g)) {
                mark(b);
                switch (b) {
                    case Breakpoint.At at -> out.append(at.questioned() ? "?" : "").append(at.band());
                    case Breakpoint.Between between -> out.append(between.from()).append('~').append(between.to());
                    case Breakpoint.Unknown _ -> out.append('?');
                }
            }
        }
        out.append(')');
    }
}
