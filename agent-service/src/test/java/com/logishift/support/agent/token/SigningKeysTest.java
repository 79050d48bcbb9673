package com.logishift.support.agent.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signing key pair from PEM files, its JWKS entry and its key id (RFC 7638 thumbprint). */
class SigningKeysTest {

    @TempDir
    Path dir;

    @Test
    void theThumbprintOfRfc7638sExampleKeyIsTheOneTheRfcGives() throws Exception {
        // RFC 7638 section 3.1
        String n = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRX"
                + "jBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZ"
                + "gnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqb"
                + "w0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(n)), new BigInteger(1, Base64.getUrlDecoder().decode("AQAB"))));
        assertEquals("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", SigningKeys.thumbprint(key));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aKeyPairGivesTheSameKidAndJwksAsBefore() throws Exception {
        KeyPair pair = rsa(2048);
        SigningKeys keys = load(pair, pair);
        RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();

        // what the hand-written code produced (RFC 7638 canonical JSON, unsigned big-endian base64url)
        String n = base64Url(publicKey.getModulus());
        String e = base64Url(publicKey.getPublicExponent());
        String canonical = "{\"e\":\"" + e + "\",\"kty\":\"RSA\",\"n\":\"" + n + "\"}";
        String kid = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        assertEquals(kid, keys.keyId());
        assertEquals(Map.of("keys", List.of(Map.of("kty", "RSA", "use", "sig", "alg", "RS256", "kid", kid,
                "n", n, "e", e))), keys.jwks());
        assertEquals(List.of("kty", "use", "alg", "kid", "n", "e"),
                List.copyOf(((List<Map<String, Object>>) keys.jwks().get("keys")).get(0).keySet()));

        // and the private key is the one that signs what the public key verifies
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.privateKey());
        signer.update("payload".getBytes(StandardCharsets.UTF_8));
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update("payload".getBytes(StandardCharsets.UTF_8));
        assertTrue(verifier.verify(signature));
    }

    @Test
    void textAroundThePemBlockIsIgnored() throws Exception {
        KeyPair pair = rsa(2048);
        Path privateKey = dir.resolve("private.pem");
        Path publicKey = dir.resolve("public.pem");
        Files.writeString(privateKey, "Bag Attributes\n    friendlyName: jwt\n" + pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()) + "\ntrailing words\n");
        assertEquals(SigningKeys.thumbprint((RSAPublicKey) pair.getPublic()), new SigningKeys(privateKey, publicKey).keyId());
    }

    @Test
    void keysThatCannotSignVerifiableTokensStopTheStart() throws Exception {
        KeyPair pair = rsa(2048);
        assertMessage("does not match", () -> load(pair, rsa(2048)));
        KeyPair small = rsa(1024);
        assertMessage("at least 2048", () -> load(small, small));
        assertMessage("Cannot read", () -> new SigningKeys(dir.resolve("missing.pem"), dir.resolve("missing.pub")));

        Path garbage = dir.resolve("garbage.pem");
        Files.writeString(garbage, "not a key at all\u0000");
        Path publicKey = dir.resolve("public.pem");
        Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        assertMessage("is not a PEM", () -> new SigningKeys(garbage, publicKey));

        Path broken = dir.resolve("broken.pem");
        Files.writeString(broken, "-----BEGIN PRIVATE KEY-----\n!!!not base64!!!\n-----END PRIVATE KEY-----\n");
        assertMessage("not a valid RSA key pair", () -> new SigningKeys(broken, publicKey));

        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        KeyPair ecPair = ec.generateKeyPair();
        assertMessage("not a valid RSA key pair", () -> load(ecPair, ecPair));
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable start) {
        IllegalStateException refused = assertThrows(IllegalStateException.class, start);
        assertTrue(refused.getMessage().contains(part), refused.getMessage());
    }

    private SigningKeys load(KeyPair privateHalf, KeyPair publicHalf) throws Exception {
        Path privateKey = Files.createTempFile(dir, "private", ".pem");
        Path publicKey = Files.createTempFile(dir, "public", ".pem");
        Files.writeString(privateKey, pem("PRIVATE KEY", privateHalf.getPrivate().getEncoded()));
        Files.writeString(publicKey, pem("PUBLIC KEY", publicHalf.getPublic().getEncoded()));
        return new SigningKeys(privateKey, publicKey);
    }

    private static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
