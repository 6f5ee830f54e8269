/**
 * Every edit as an undoable {@link org.karyolab.client.command.Command}: build it with
 * {@link org.karyolab.client.command.Edits}, run it with {@link org.karyolab.client.command.UndoManager#perform}.
 */
package org.karyolab.client.command;
