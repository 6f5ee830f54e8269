/**
 * The open image as a plain-Java model: {@link org.karyolab.client.document.ImageDocument} (annotations,
 * suggestions, selection, image labels; {@link org.karyolab.client.document.DocumentEvent}s for views),
 * its spatial index, and the shape maths a viewer needs ({@link org.karyolab.client.document.Shapes},
 * {@link org.karyolab.client.document.ShapeSurgery}, {@link org.karyolab.client.document.ClassKeyEntry}).
 * No JavaFX, no network.
 */
package org.karyolab.client.document;
