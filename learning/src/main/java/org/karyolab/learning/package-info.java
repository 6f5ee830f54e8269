/** Training, active learning, JGraphT band graphs and synthetic banded chromosomes. */
package org.karyolab.learning;
