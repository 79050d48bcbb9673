package com.logishift.support.systemtests.client;

/** Someone using the system: what they signed up with, their account id, and their token once signed in. */
public final class Person {

    private final String name;
    private final String email;
    private final String password;
    private String id;
    private String token;

    Person(String name, String email, String password) {
        this.name = name;
        this.email = email;
        this.password = password;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public String password() {
        return password;
    }

    /** The account id (UUID), the token's {@code sub}. */
    public String id() {
        return id;
    }

    void id(String id) {
        this.id = id;
    }

    public String token() {
        if (token == null) {
            throw new IllegalStateException(name + " has not signed in");
        }
        return token;
    }

    void token(String token) {
        this.token = token;
    }

    @Override
    public String toString() {
        return name + " <" + email + ">";
    }
}
