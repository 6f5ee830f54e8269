package org.karyolab.client.net;

import java.util.List;

/** No answer: connection refused, reset, timed out, or a gateway said the server is down (502/503/504). Worth retrying. */
public final class ServerUnreachableException extends ApiException {

    public ServerUnreachableException(String detail, Throwable cause) {
        super(0, "unreachable", "Server unreachable", detail, List.of(), null);
        if (cause != null) initCause(cause);
    }
}
