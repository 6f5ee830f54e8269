package org.karyolab.schema.api;

/** A sign-in ({@code POST /api/v1/auth/login}) or a new account ({@code POST /api/v1/users}, with {@code admin}). */
public record Credentials(String username, String password, Boolean admin) {

    public static Credentials signIn(String username, String password) {
        return new Credentials(username, password, null);
    }
}
