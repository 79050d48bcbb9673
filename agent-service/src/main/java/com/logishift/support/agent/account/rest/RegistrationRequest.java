package com.logishift.support.agent.account.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of customer sign-up and agent registration: {@code {name, email, password, phone?}}. */
public record RegistrationRequest(
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
        String name,
        @NotBlank(message = "is required") @Size(max = 254, message = "must be at most 254 characters")
        @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "must be a valid email address")
        String email,
        @NotNull(message = "is required") @Size(min = 8, max = 72, message = "must be 8 to 72 characters")
        String password,
        @Pattern(regexp = "^\\+?[0-9 ()./-]{5,32}$", message = "must be a phone number (digits, spaces, + ( ) . / -)")
        String phone) {

    /** Never print the password, not even by accident in a log line. */
    @Override
    public String toString() {
        return "RegistrationRequest[name=" + name + ", email=" + email + ", phone=" + phone + "]";
    }
}
