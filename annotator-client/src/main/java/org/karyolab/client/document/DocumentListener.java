package org.karyolab.client.document;

/** Told about every change of an {@link ImageDocument}; switch over the sealed {@link DocumentEvent}. */
@FunctionalInterface
public interface DocumentListener {
    void changed(DocumentEvent event);
}
