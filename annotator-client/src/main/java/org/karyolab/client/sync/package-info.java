/**
 * Saving without a Save button and without losing an edit: {@link org.karyolab.client.sync.Autosave} (the facade
 * the UI uses) over its parts: {@link org.karyolab.client.sync.ChangeTracker} (edits to ops, pure),
 * {@link org.karyolab.client.sync.Outbox} (the fsync'd {@link org.karyolab.client.sync.Journal}, ordered sends,
 * retry), {@link org.karyolab.client.sync.Answers} (the server's answers, lost ones too),
 * {@link org.karyolab.client.sync.ConflictDesk} ({@link org.karyolab.client.sync.Conflict}: mine, theirs and a merge;
 * refusals rolled back) and {@link org.karyolab.client.sync.ImageLabelsSync} (the image's labels).
 */
package org.karyolab.client.sync;
