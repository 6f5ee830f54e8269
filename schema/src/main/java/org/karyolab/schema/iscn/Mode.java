package org.karyolab.schema.iscn;

/**
 * How forgiving {@link Iscn#parse} is. {@code STRICT} takes canonical ISCN only. {@code LENIENT} also takes what real
 * lab text does (stray spaces, wrong case, translocations without breakpoints as M-FISH reports write them, a sign
 * before its comma, trailing free text) and reports each liberty as a warning.
 */
public enum Mode {
    STRICT, LENIENT
}
