/**
 * The wire contract of the HTTP API (docs/API.md): what the server sends and takes, as records and sealed
 * interfaces with their Jackson annotations, shared by the server and the annotator so the two cannot drift.
 * No I/O; the server maps its store rows to these before anything goes out.
 */
package org.karyolab.schema.api;
