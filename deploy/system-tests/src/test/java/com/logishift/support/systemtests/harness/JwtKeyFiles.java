package com.logishift.support.systemtests.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A fresh RS256 key pair for agent-service to sign tokens with: PKCS#8 private key and X.509
 * (SubjectPublicKeyInfo) public key, both PEM.
 */
record JwtKeyFiles(Path privateKey, Path publicKey) {

    static JwtKeyFiles generate(Path directory) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(directory);
            Path privateKey = directory.resolve("private.pem");
            Path publicKey = directory.resolve("public.pem");
            // Key#getEncoded: PKCS#8 for an RSA private key, X.509 SubjectPublicKeyInfo for the public one
            write(privateKey, "PRIVATE KEY", pair.getPrivate().getEncoded());
            write(publicKey, "PUBLIC KEY", pair.getPublic().getEncoded());
            try {
                Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the file lives under target/ anyway
            }
            return new JwtKeyFiles(privateKey.toAbsolutePath(), publicKey.toAbsolutePath());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("Could not write the JWT key pair to " + directory, e);
        }
    }

    private static void write(Path file, String label, byte[] der) throws IOException {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + label + "-----\n" + base64 + "\n-----END " + label + "-----\n",
                StandardCharsets.US_ASCII);
    }
}
