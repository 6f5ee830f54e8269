/** The JavaFX annotator; its document model and commands are plain Java, tested without a display. */
package org.karyolab.client;
