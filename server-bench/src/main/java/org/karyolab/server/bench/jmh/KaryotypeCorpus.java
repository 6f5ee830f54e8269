package org.karyolab.server.bench.jmh;

import java.util.List;

/**
 * Fifty karyotypes as labs write them, for the JMH benchmarks: normal complements, numerical changes, the common
 * structural events with breakpoints (del, dup, inv, t, der, i, r, ins, add, dic, rob), mosaics and clones, and a
 * few in the lab style of the ADIR M-FISH set (no breakpoints, stray spaces). All parse in lenient mode.
 */
public final class KaryotypeCorpus {

    private KaryotypeCorpus() {
    }

    public static final List<String> KARYOTYPES = List.of(
            "46,XX", "46,XY", "45,X", "47,XXY", "47,XX,+21", "47,XY,+13", "45,XY,-7", "48,XY,+8,+21",
            "46,XX,del(5)(q13q33)", "46,XY,del(1)(p36.3)", "46,XX,del(22)(q11.21q11.23)", "46,XY,del(9)(p21)",
            "46,XY,dup(1)(q21q31)", "46,XX,dup(15)(q11.2q13)", "46,XY,inv(9)(p12q13)", "46,XX,inv(16)(p13.1q22)",
            "46,XY,inv(3)(q21q26.2)", "46,XY,t(9;22)(q34;q11.2)", "46,XX,t(8;21)(q22;q22)", "46,XX,t(15;17)(q24;q21)",
            "46,XY,t(4;11)(q21;q23)", "46,XX,t(14;18)(q32;q21)", "46,XY,t(8;14)(q24;q32)", "46,XX,t(1;3;5)(p36;q21;q31)",
            "46,X,t(X;13)(q27;q12)", "46,XX,t(2;5)(q21;q31)mat", "46,XY,der(9)t(9;22)(q34;q11.2)",
            "47,XY,+der(22)t(9;22)(q34;q11.2)", "46,XY,der(1)t(1;3)(p36;q21)dup(1)(q21q31)",
            "46,XY,der(5)t(5;17)(q31;q21)del(5)(p13)", "45,XX,der(13;14)(q10;q10)", "45,XY,rob(13;14)(q10;q10)",
            "45,XY,dic(9;12)(p13;p13)", "46,X,i(X)(q10)", "46,XX,i(17)(q10)", "46,XX,r(1)(p36.3q44)",
            "47,XX,+r(20)(p13q13.3)", "46,XX,ins(5;2)(p14;q22q32)", "46,XY,ins(2)(p13q21q31)", "46,XY,add(19)(p13)",
            "47,XX,+mar", "mos 45,X[15]/46,XX[5]", "46,XX,t(8;21)(q22;q22)[10]/47,idem,+8[5]",
            "46,XY,t(9;22)(q34;q11.2)[3]/47,idem,+8[7]/48,idem,+8,+der(22)t(9;22)(q34;q11.2)[10]",
            "47,XY,+8[6]/48,sl,+10[4]/49,sdl1,+12[3]",
            // ADIR M-FISH lab style
            "44,XX,-8, -13", "43, XY, -19, -19, -22", "42,XY,-1,-7,-9,-22", "50,XY,+7,+8,+15,+20",
            "36,XY,-1,-3,-4,-9,-9,-14,-16,-16,-18-,18");
}
