/**
 * Saving without a Save button and without losing an edit: {@link org.karyolab.client.sync.Autosave}
 * (batches with base revisions, conflicts, lost answers), {@link org.karyolab.client.sync.Journal} (the
 * fsync'd on-disk outbox), {@link org.karyolab.client.sync.Conflict} (mine, theirs, and a merge).
 */
package org.karyolab.client.sync;
