/**
 * The server's HTTP API for the annotator ({@link org.karyolab.client.net.KaryoLabClient}): errors as typed
 * {@link org.karyolab.client.net.ApiException}s carrying the server's problem+json; live events as a listener.
 */
package org.karyolab.client.net;
