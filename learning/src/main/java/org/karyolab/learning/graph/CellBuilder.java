package org.karyolab.learning.graph;

import java.util.ArrayList;
import java.util.List;
import org.karyolab.schema.BandLevel;
import org.karyolab.schema.ChromosomeClass;
import org.karyolab.schema.iscn.Abnormality;
import org.karyolab.schema.iscn.CellLine;
import org.karyolab.schema.iscn.Entry;
import org.karyolab.schema.iscn.Karyotype;

/**
 * The chromosomes of a cell from its karyotype: 44 autosomes and the listed sex chromosomes as their ideogram bands,
 * then each entry in order (ISCN counting, as {@code Iscn.check} applies it): {@code +C} adds a normal copy, {@code -C}
 * removes one; a structural change without sign takes the place of the normal homologs of the autosomes it names
 * (dic, rob and der(A;B) replace both); a rearranged X or Y is not among the listed sex chromosomes, so it adds;
 * {@code +der(...)} and markers add. Double minutes are not chromosomes and are left out.
 */
public final class CellBuilder {

    private CellBuilder() {
    }

    /** All chromosomes of the first cell line, pter to qter, at this level. */
    public static List<DerivedChromosome> build(Karyotype karyotype, BandLevel level) {
        return assemble(karyotype, 0, level).derived();
    }

    /** One cell line (idem, sl and sdl resolved against earlier lines), with the junctions of each chromosome. */
    public static Cell assemble(Karyotype karyotype, int lineIndex, BandLevel level) {
        ReferencePaths ref = ReferencePaths.at(level);
        var assembler = new DerivativeAssembler(ref);
        Resolved line = resolve(karyotype.cellLines(), lineIndex);
        var cell = new ArrayList<AssembledChromosome>(48);
        for (ChromosomeClass c : ChromosomeClass.values()) {
            int copies = c == ChromosomeClass.X ? line.sex.x() : c == ChromosomeClass.Y ? line.sex.y() : 2;
            for (int i = 0; i < copies; i++) {
                cell.add(new AssembledChromosome(ref.normal(c), List.of()));
            }
        }
        for (Entry e : line.entries) {
            apply(cell, e, assembler, ref);
        }
        return new Cell(level, cell);
    }

    private static void apply(List<AssembledChromosome> cell, Entry e, DerivativeAssembler assembler, ReferencePaths ref) {
        if (e.abnormality() instanceof Abnormality.WholeChromosome w) {
            if (e.sign() == Entry.Sign.LOSS) {
                removeOne(cell, w.chromosome(), ref);
            } else {
                cell.add(new AssembledChromosome(ref.normal(w.chromosome()), List.of()));
            }
            return;
        }
        if (e.sign() == Entry.Sign.LOSS) {
            // -der(...) or -mar: remove the chromosome of that name if the cell has it
            for (var p : assembler.products(e.abnormality())) {
                String name = p.chromosome().chromosome().name();
                for (int i = cell.size() - 1; i >= 0; i--) {
                    if (cell.get(i).chromosome().name().equals(name)) {
                        cell.remove(i);
                        break;
                    }
                }
            }
            return;
        }
        for (var p : assembler.products(e.abnormality())) {
            if (e.sign() == Entry.Sign.NONE) {
                for (ChromosomeClass c : p.replaces()) {
                    if (c.autosome()) {
                        removeOne(cell, c, ref);
                    }
                }
            }
            cell.add(p.chromosome());
        }
    }

    /** Removes one normal copy of c (the last); when none is left normal, the last chromosome named after c. */
    private static void removeOne(List<AssembledChromosome> cell, ChromosomeClass c, ReferencePaths ref) {
        DerivedChromosome normal = ref.normal(c);
        for (int i = cell.size() - 1; i >= 0; i--) {
            if (cell.get(i).chromosome() == normal) {
                cell.remove(i);
                return;
            }
        }
        String der = "der(" + c.label() + ")";
        for (int i = cell.size() - 1; i >= 0; i--) {
            String name = cell.get(i).chromosome().name();
            if (name.startsWith(der) || name.matches("[a-z]+\\(" + c.label() + "\\).*")) {
                cell.remove(i);
                return;
            }
        }
    }

    private record Resolved(CellLine.SexChromosomes sex, List<Entry> entries) {
    }

    /** idem and sl build on the stemline (the first line); sdl on the numbered or the previous line. */
    private static Resolved resolve(List<CellLine> lines, int index) {
        if (index < 0 || index >= lines.size()) {
            throw new IllegalArgumentException("cell line " + index + " of " + lines.size());
        }
        CellLine line = lines.get(index);
        return switch (line.reference()) {
            case CellLine.SexChromosomes sex -> new Resolved(sex, line.entries());
            case CellLine.Idem _ -> extend(resolve(lines, 0), line.entries(), index, 0);
            case CellLine.Stemline _ -> extend(resolve(lines, 0), line.entries(), index, 0);
            case CellLine.Sideline sdl -> {
                int base = sdl.number() == null ? index - 1 : sdl.number();
                yield extend(resolve(lines, base), line.entries(), index, base);
            }
        };
    }

    private static Resolved extend(Resolved base, List<Entry> more, int index, int baseIndex) {
        if (baseIndex >= index) {
            throw new IllegalArgumentException("cell line " + index + " refers to line " + baseIndex + ", not an earlier one");
        }
        var entries = new ArrayList<>(base.entries);
        entries.addAll(more);
        return new Resolved(base.sex, entries);
    }
}
